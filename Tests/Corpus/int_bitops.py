# Bitwise operators, shifts, negative numbers
vals = [0, 1, 5, 12, 255, -1, -5, -256]
for v in vals:
    print(v, "~", ~v, "<<3", v << 3, ">>1", v >> 1, "&0xF", v & 0xF, "|8", v | 8, "^-1", v ^ -1)
print(6 & 3, 6 | 3, 6 ^ 3)
print(-17 >> 2, -1 >> 100, 1 >> 100, -2 >> 1)
print(1 << 0, 1 << 62, 1 << 63, 1 << 64)
print(0b1010 & 0b0110, 0b1010 | 0b0110, 0b1010 ^ 0b0110)
def popcount(n):
    c = 0
    while n:
        c += n & 1
        n >>= 1
    return c
for n in [0, 1, 7, 255, 1023, 2 ** 64 - 1, 12345678]:
    print(n, bin(n), popcount(n))
def bits(n, width):
    s = ""
    for i in range(width - 1, -1, -1):
        s += "1" if (n >> i) & 1 else "0"
    return s
for n in [-1, -2, -128, 127, 5]:
    print(n, bits(n, 8), bits(n & 0xFF, 8))
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ
flags |= EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC))
flags &= ~READ
print(flags)
flags ^= WRITE
print(flags, bin(flags))
x = 0x12345678
print(hex((x >> 8) & 0xFF), hex(x & 0xFFFF0000), hex(x << 4))
print(True & False, True | False, True ^ True, ~True)
print(5 & True, 5 | False)
