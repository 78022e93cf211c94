# Integer literal spellings and basic arithmetic
a = 0x1F
b = 0o17
c = 0b101
d = 1_000_000
e = 0XFF
f = 0B1111_0000
g = 0O777
print(a, b, c, d, e, f, g)
print(a + b + c, d - a, e * 2)
print(hex(a), oct(b), bin(c))
print(hex(255), hex(-255), oct(-8), bin(-5), bin(0), hex(0))
print(1_2_3, 0x_ff, 0b_1)
print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 6 / 3, 7 // 2, 7 % 2, 7 ** 2)
print(-7 + 3, -(3), +(-4), - -5, ~0, ~5, ~-1)
print(int("42"), int("  -17  "), int("+8"), int("0"), int("1_000"))
print(int("ff", 16), int("101", 2), int("777", 8), int("z", 36))
print(int(3.99), int(-3.99), int(True), int(False), int(1e10))
print(True + True, True * 10, False - 1, True / 2)
x = 10
x += 5
print(x)
x -= 3
print(x)
x *= 4
print(x)
x //= 5
print(x)
x %= 7
print(x)
x **= 3
print(x)
x <<= 2
print(x)
x >>= 1
print(x)
x &= 0xF0
print(x)
x |= 0x0F
print(x)
x ^= 0xFF
print(x)
x /= 4
print(x)
print(type(x), type(7), type(7 // 2), type(7 / 7))
print(abs(-12), abs(12), abs(0))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5))
print(pow(2, 10), pow(3, 0), pow(-2, 3), pow(10, -2))
print(0 == -0, 5 == 5.0, 1 == True, 0 == False)
