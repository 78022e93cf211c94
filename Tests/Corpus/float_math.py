# math module functions
import math
print(math.pi, math.e, 2 * math.pi)
print(math.sqrt(2), math.sqrt(16), math.sqrt(0.25), math.sqrt(1e100))
print(math.sin(0), math.sin(math.pi / 2), math.sin(math.pi), math.cos(0), math.cos(math.pi))
print(math.tan(0), math.tan(math.pi / 4), math.atan(1), math.atan(1) * 4, math.atan2(1, 1), math.atan2(-1, -1))
print(math.atan2(0.0, -1.0), math.atan2(-0.0, -1.0), math.atan2(1, 0))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(10))
print(math.log(1), math.log(math.e), math.log(10), math.log(8, 2), math.log(100, 10), math.log(1000, 10))
print(math.log2(8), math.log2(1024), math.log2(10), math.log10(1000), math.log10(2), math.log10(0.001))
print(math.pow(2, 10), math.pow(2, 0.5), math.pow(4, -1), math.fabs(-3), math.fabs(2.5))
print(math.floor(3.7), math.ceil(3.2), math.trunc(-3.7), math.floor(-3.2), math.ceil(-3.7))
print(math.gcd(12, 18), math.gcd(0, 5), math.gcd(-12, 18), math.gcd(2 ** 40, 6 ** 20), math.gcd(17, 5))
print(math.hypot(3, 4), math.hypot(5, 12), math.hypot(1, 1))
for deg in [0, 30, 45, 60, 90, 180, 270]:
    r = deg * math.pi / 180
    print(deg, round(r, 6), round(math.sin(r), 6), round(math.cos(r), 6))
def newton_sqrt(x):
    g = x / 2
    for i in range(20):
        g = (g + x / g) / 2
    return g
for v in [2, 10, 144, 1e10]:
    print(v, newton_sqrt(v), math.sqrt(v), abs(newton_sqrt(v) - math.sqrt(v)) < 1e-9)
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
try:
    math.log(0)
except ValueError as e:
    print("ValueError", e)
print(math.isinf(math.exp(700)), math.floor(1e20), math.ceil(2 ** 70 + 0.0))
