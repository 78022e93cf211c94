# Exponentiation: precedence, negative exponents, mixed types
print(2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, -2 ** -2)
print(2 ** -1, 2 ** -2, 10 ** -3, 5 ** -1, 4 ** 0.5, 8 ** (1 / 3))
print((-2) ** 3, (-2) ** -3, (-1) ** 1001, (-1) ** 1000)
print(0 ** 0, 0.0 ** 0, 1 ** -5, 2.0 ** 10, 2 ** 10.0)
print(1.5 ** 2, 0.5 ** -2, (-0.5) ** 3, 10.0 ** -2, 10 ** 22, 10.0 ** 22, 10.0 ** 23)
print(pow(2, -3), pow(2.5, 2), pow(9, 0.5), pow(7, 2))
print(3 ** 40, 3 ** 41 // 3 ** 40, 7 ** 23 % 1000)
print(2 ** 0.5, 3 ** 0.5, 2 ** 64 * 1.0)
x = 3
x **= 4
print(x)
y = 2.0
y **= -3
print(y)
for b in range(-3, 4):
    row = []
    for e in range(0, 4):
        row.append(b ** e)
    print(b, row)
for e in range(1, 6):
    print(e, 2 ** -e, 10 ** -e)
def ipow(b, e):
    result = 1
    while e > 0:
        if e & 1:
            result *= b
        b *= b
        e >>= 1
    return result
print(ipow(3, 50) == 3 ** 50, ipow(12, 30))
