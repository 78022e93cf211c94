# Shortest round-trip float repr
vals = [0.1 + 0.2, 0.1 * 3, 1 / 3, 2 / 3, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 0.00001, 123456789.0,
        1234567890123456789.0, 1e22, 1e23, 1.5e-7, 5e-324, 1.7976931348623157e308, 2.2250738585072014e-308,
        100.0, 1e100, 1e-100, 0.5, 0.25, 0.3, 2.675, 1.1, 9.999999999999999e22, 3.14159, 1e-7, 12345.678]
for v in vals:
    print(v, repr(v), str(v))
print(-0.0, 0.0, -0.0 == 0.0, str(-0.0), repr(-0.0))
print(0.0 * -1, -0.0 + 0.0, -0.0 - 0.0, abs(-0.0), -(0.0))
print(.5, 5., 1_000.5, 1E3, 1e+3, 2.5e-3, 0e0)
print(float(1), float("1.5"), float("  -2.25 "), float("1e3"), float("-0"), float(".5"), float("5."))
print(float("inf"), float("-inf"), float("Infinity"), float("nan"), float("-nan"), float("1e400"), float("-1e400"))
print(1e15 + 0.3, 1e16 + 1, 1e16 + 2, 2 ** 0.5 * 2 ** 0.5, 0.1 * 0.1)
print(100 / 3, 10 / 4, 1 / 8, 3 / 7, 22 / 7, 1e10 / 3)
print(float(10 ** 15), float(10 ** 16), float(10 ** 17), float(2 ** 53), float(2 ** 53 + 1))
print(1.0, 10.0, 1e1, 1e2 * 1e2, 0.1 + 0.7, 4.35 * 100, 1.15 * 100)
total = 0.0
for i in range(10):
    total += 0.1
    print(i, total)
print(total == 1.0, abs(total - 1.0) < 1e-9)
print(sum([0.1] * 10), sum([0.1, 0.2, 0.3]), sum([1e100, 1.0, -1e100]))
print([0.1, 0.2, 1e-10], (1.5, -2.5), {"x": 1e20})
print(3 * 1.1, 1.1 + 2.2, 3.3 - 1.1, 0.3 - 0.1)
print(1e308 * 10, -1e308 * 10, 1e-320, 1e-320 / 1e10)
x = 1.0
for i in range(8):
    x /= 7
    print(x)
