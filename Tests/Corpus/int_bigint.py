# Arbitrary precision integers
print(2 ** 63, 2 ** 63 - 1, 2 ** 64, -(2 ** 63), -(2 ** 64))
print(2 ** 100)
print(2 ** 100 + 1, 2 ** 100 - 1, 2 ** 100 * 3)
print(2 ** 100 - 2 ** 99)
print(9223372036854775807 + 1)
print(-9223372036854775808 - 1)
print(9223372036854775807 * 9223372036854775807)
print(4611686018427387904 * 2, 4611686018427387904 * -2)
def factorial(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in [0, 1, 5, 10, 20, 21, 25, 30, 50]:
    print(n, factorial(n))
f50 = factorial(50)
print(len(str(f50)), f50 % 1000007, f50 // factorial(48))
print(-f50, -f50 // 7, -f50 % 7)
print(abs(-f50) == f50, -f50 < 0, f50 > 2 ** 200)
print(10 ** 40 // 10 ** 20, 10 ** 40 % (10 ** 20 + 1))
print((10 ** 25) / (10 ** 5), (2 ** 100) / (2 ** 50), 10 ** 30 / 3)
print(float(2 ** 100), float(-(2 ** 80)), int(float(2 ** 60)))
print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53 + 1, 2 ** 53 + 1 > 2.0 ** 53)
print(1 << 100, (1 << 100) >> 98, -(1 << 100) >> 99)
print((2 ** 100) & (2 ** 100 - 1), (2 ** 100) | 1, (2 ** 70) ^ (2 ** 70 + 5))
print(-(2 ** 70) & 0xFFFF, ~(2 ** 70))
print(hex(2 ** 80), bin(2 ** 70 + 1), oct(-(2 ** 65)))
print(int("123456789012345678901234567890") + 1)
print(int("-98765432109876543210") * 2)
x = 1
for i in range(1, 40):
    x = x * 3 + i
print(x)
print(str(x)[:10], len(str(x)))
print(pow(3, 100), pow(-3, 41))
fib = [0, 1]
for i in range(100):
    fib.append(fib[-1] + fib[-2])
print(fib[90], fib[100], fib[101] - fib[100] == fib[99])
print(max(2 ** 65, 2 ** 64 + 2 ** 63), min(-(2 ** 65), 3))
print(sum([2 ** i for i in range(70)]) == 2 ** 70 - 1)
print(divmod(2 ** 90, 12345), divmod(-(2 ** 90), 12345))
print(round(2 ** 70, -10), abs(-(2 ** 64)))
