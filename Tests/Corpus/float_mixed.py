# int/float mixing and conversions
a = 7
b = 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(type(a + b), type(a * 1), type(a / 1), type(a // 1.0))
print(1 + 1.0, 3 * 0.1, 10 - 0.5, 2 ** 0.0, 7 / 7)
print(0.5 + True, 1.5 * False, 10 / True)
print(int(7.0) == 7, float(7) == 7, int(7.9) == 7)
print(3 == 3.0, hash(3) == hash(3.0), {3: "int"}[3.0], {1.0: "f"}[1])
d = {}
d[1] = "one"
d[1.0] = "one-float"
d[True] = "true"
print(d, len(d))
nums = [1, 2.5, 3, 4.0, -1]
print(sum(nums), max(nums), min(nums), sorted(nums), sum([1, 2, 3]) / 3)
print(abs(-2.5), abs(3), abs(-0.0), divmod(7, 2.0), divmod(-7.5, 2))
avg = sum([90, 85, 77]) / 3
print(avg, round(avg, 2), int(avg), f"{avg:.3f}")
celsius = [-40, 0, 37, 100, 21.5]
for c in celsius:
    f = c * 9 / 5 + 32
    print(c, "C =", f, "F", round(f, 1))
x = 0
for i in range(1, 11):
    x += 1 / i
print(x)
print(float(2 ** 62) == 2 ** 62, float(2 ** 62 + 1) == 2 ** 62 + 1, 2 ** 62 + 1 > float(2 ** 62))
print(10 ** 17 + 1.0, 1 / 10 ** 20, 10 ** 20 / 1, 3 / 10 ** 5)
print(0.1 < 1 / 10 + 1e-17, 0.3 == 0.1 + 0.2, 0.5 == 1 / 2)
print(str(1.0), str(1), str(-1.50), repr(2.50), float("3") + int("4"))
