# Floor division and modulo semantics on negative numbers
pairs = [(7, 3), (-7, 3), (7, -3), (-7, -3), (0, 5), (0, -5), (6, 3), (-6, 3), (1, 7), (-1, 7)]
for a, b in pairs:
    q = a // b
    r = a % b
    print(a, b, "->", q, r, "check:", q * b + r == a, divmod(a, b))
print("--- floats")
fpairs = [(7.5, 2), (-7.5, 2), (7.5, -2), (-7.5, -2), (5, 0.5), (-1, 0.3), (1e10, 3), (-0.0, 5)]
for a, b in fpairs:
    print(a, b, "->", a // b, a % b, divmod(a, b))
print("--- mixed")
print(7 // 2.0, -7 // 2.0, 7 % 2.5, -7 % 2.5)
print(10 % 1, 10.0 % 1, -10.5 % 1)
print("--- big")
big = 10 ** 30 + 7
print(big // 7, big % 7)
print(-big // 7, -big % 7)
print(big // -7, big % -7)
print(divmod(-big, 10 ** 12))
print((2 ** 100) // (2 ** 64), (2 ** 100) % (2 ** 64 - 1))
print(-(2 ** 70) // 3, -(2 ** 70) % 3)
print("--- mod patterns")
for i in range(-6, 7):
    print(i % 4, end=" ")
print()
for i in range(-6, 7):
    print(i // 4, end=" ")
print()
hours = [25, -1, 48, -25, 0]
for h in hours:
    print("hour", h, "->", h % 24, "day offset", h // 24)
