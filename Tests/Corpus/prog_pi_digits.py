# Big-integer algorithms: pi digits (Machin), e digits, sqrt(2) digits, Catalan numbers
def arctan_inv(x, digits):
    scale = 10 ** (digits + 10)
    total = term = scale // x
    x2 = x * x
    n = 1
    sign = 1
    while term:
        term //= x2
        n += 2
        sign = -sign
        total += sign * (term // n)
    return total
def pi_digits(digits):
    pi = 4 * (4 * arctan_inv(5, digits) - arctan_inv(239, digits))
    return pi // 10 ** 10
p = pi_digits(300)
s = str(p)
print(s[0] + "." + s[1:61])
for i in range(1, 300, 60):
    print(s[i:i + 60])
print("digit counts:", [s.count(str(d)) for d in range(10)])
def e_digits(digits):
    scale = 10 ** (digits + 10)
    total = 0
    term = scale
    k = 0
    while term:
        total += term
        k += 1
        term //= k
    return total // 10 ** 10
es = str(e_digits(200))
print(es[0] + "." + es[1:101])
def isqrt(n):
    x = n
    y = (x + 1) // 2
    while y < x:
        x = y
        y = (x + n // x) // 2
    return x
r2 = str(isqrt(2 * 10 ** 200))
print(r2[0] + "." + r2[1:101])
print(isqrt(10 ** 40), isqrt(2 ** 127 - 1), isqrt(0), isqrt(1), isqrt(99))
cat = [1]
for n in range(1, 60):
    cat.append(cat[-1] * 2 * (2 * n - 1) // (n + 1))
print(cat[:15], cat[59])
def binom(n, k):
    r = 1
    for i in range(1, k + 1):
        r = r * (n - k + i) // i
    return r
print(binom(100, 50), binom(52, 5), [binom(10, k) for k in range(11)])
print(sum([binom(60, k) for k in range(61)]) == 2 ** 60, binom(200, 100) % 1000000007)
f = 1
for i in range(1, 101):
    f *= i
fs = str(f)
print(len(fs), fs[:20], fs.rstrip("0")[-10:], len(fs) - len(fs.rstrip("0")), sum([int(c) for c in fs]))
