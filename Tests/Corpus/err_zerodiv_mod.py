# Uncaught ZeroDivisionError from integer modulo
def is_multiple(n, k):
    return n % k == 0
print(is_multiple(10, 5), is_multiple(10, 3), is_multiple(-9, 3), is_multiple(0, 7))
print([n for n in range(1, 30) if is_multiple(n, 4)])
try:
    print(7 % 0)
except ZeroDivisionError as e:
    print("caught:", e)
try:
    print(2 ** 70 % 0)
except ZeroDivisionError as e:
    print("caught big:", e)
divisors = [2, 5, 0, 3]
for d in divisors:
    print("10 multiple of", d)
    print(is_multiple(10, d))
print("unreachable")
