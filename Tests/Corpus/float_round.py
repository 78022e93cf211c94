# round(): banker's rounding and ndigits
for x in [0.5, 1.5, 2.5, 3.5, 4.5, -0.5, -1.5, -2.5, 0.49999999999999994, 2.4999, 2.5001]:
    r = round(x)
    print(x, r, type(r))
for x in [2.675, 1.005, 0.125, 0.375, 2.345, 1.25, 1.35, -1.25, 3.14159, 1234.5678]:
    print(x, round(x, 2), round(x, 1), round(x, 0), round(x, 3))
print(round(1234.5678, -1), round(1234.5678, -2), round(1250.0, -2), round(1350.0, -2))
print(round(5), round(5, 2), round(-7, 1), type(round(5, 2)))
print(round(1234, -1), round(1235, -1), round(1245, -1), round(1250, -2), round(1350, -2), round(-1250, -2))
print(round(15, -1), round(25, -1), round(-15, -1), round(99, -2), round(49, -2))
print(round(0.1 + 0.2, 10), round(1 / 3, 5), round(2 / 3, 5), round(1e16 + 0.5), round(123.456, 10))
print(round(1e-10, 5), round(-1e-10, 5), round(0.0001234, 6))
prices = [19.995, 4.565, 0.045, 100.005, 1.115]
for p in prices:
    print(p, round(p, 2), "%.2f" % p, f"{p:.2f}")
total = 0
for p in prices:
    total += round(p * 100)
print(total, total / 100)
import math
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(2.7), math.trunc(-2.7))
print(type(math.floor(2.5)), math.floor(5), math.ceil(-0.0))
print(int(2.5), int(-2.5), int(0.9999999999999999), int(1e20))
