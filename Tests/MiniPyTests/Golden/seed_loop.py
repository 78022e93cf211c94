def f(n):
    a, b, i = 1, 0, 0
    while i < n:
        b += a
        i += 1
    return b

print(f(10))
