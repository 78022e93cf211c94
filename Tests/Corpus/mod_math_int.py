# math functions applied to ints, big ints and edge values
import math
print(math.gcd(2 ** 100, 6 ** 50), math.gcd(0, 0), math.gcd(-48, -18), math.gcd(10 ** 30 + 1, 10 ** 15 + 1))
print(math.floor(7), math.ceil(-7), math.trunc(2 ** 80), type(math.floor(2.0)), math.floor(-1e-300))
print(math.floor(1e300) == 10 ** 300, math.ceil(2.5e15), math.floor(-2.5e15))
print(math.sqrt(2 ** 100), math.sqrt(10 ** 20), math.sqrt(3), math.sqrt(True))
print(math.log(2 ** 1000), math.log2(2 ** 1000), math.log10(10 ** 300), math.log(10 ** 400), math.log2(2 ** 2000 + 1))
print(math.log(1024, 2), math.log(81, 3), math.log(1e-10), math.log10(0.5), math.log2(0.125))
print(math.exp(2), math.exp(-745), math.exp(709), math.pow(10, 308), math.pow(2, -1074))
print(math.fabs(-2 ** 70), math.hypot(3.0, 4.0), math.hypot(0, 0), math.hypot(-5, 12))
print(math.pi * 2 ** 60, math.e ** 2, math.inf > 10 ** 400, -math.inf < -(10 ** 400))
print(math.isinf(1e308 * 10), math.isnan(math.inf - math.inf), math.isnan(0.0), math.isinf(-(2.0 ** 1023) * 2))
print(math.atan2(0, 1), math.atan2(1, 0) * 2 == math.pi, math.atan2(-1, 0), math.atan(math.inf))
print(math.cos(math.pi / 3), math.sin(math.pi / 6), math.tan(math.pi / 3), math.tan(-math.pi / 4))
vals = [0, 1, 2, 10, 100, 2 ** 53, 10 ** 20]
for v in vals:
    r = math.sqrt(v)
    print(v, r, math.floor(r), math.floor(r) ** 2 <= v)
def digits(n):
    return math.floor(math.log10(n)) + 1 if n > 0 else 1
print([digits(n) for n in [1, 9, 10, 99, 100, 12345, 10 ** 12]])
def lcm(a, b):
    return a // math.gcd(a, b) * b
acc = 1
for i in range(1, 31):
    acc = lcm(acc, i)
print("lcm(1..30) =", acc)
for exc_case in [lambda: math.sqrt(-4), lambda: math.log(-1), lambda: math.log(0.0), lambda: math.exp(1000), lambda: math.pow(10, 400)]:
    try:
        print(exc_case())
    except ValueError as e:
        print("ValueError:", e)
    except OverflowError as e:
        print("OverflowError:", e)
