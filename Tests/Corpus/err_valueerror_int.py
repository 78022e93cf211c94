# Uncaught ValueError from int() parsing
raw = ["12", " 7 ", "-3", "+4", "0_1", "abc", "5"]
try:
    int("")
except ValueError as e:
    print("caught:", e)
try:
    float("1.2.3")
except ValueError as e:
    print("caught:", e)
print(int("ff", 16), int("  10  "), float(" 2.5 "))
total = 0
for r in raw:
    total += int(r)
    print("parsed", repr(r), "total", total)
print("unreachable")
