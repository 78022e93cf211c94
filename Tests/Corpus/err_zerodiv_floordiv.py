# Uncaught ZeroDivisionError from integer floor division
def split_evenly(total, parts):
    share = total // parts
    leftover = total - share * parts
    return share, leftover
for p in [3, 7, 1]:
    print(100, "among", p, "->", split_evenly(100, p))
try:
    divmod(5, 0)
except ZeroDivisionError as e:
    print("caught:", e)
try:
    (2 ** 100) // 0
except ZeroDivisionError as e:
    print("caught big:", e)
for d in [3, 2, 1, 0]:
    print(100, "//", d, "=", 100 // d)
print("unreachable")
