# Sieve of Eratosthenes, prime factorization, and related number theory
def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    i = 2
    while i * i <= n:
        if is_p[i]:
            for j in range(i * i, n + 1, i):
                is_p[j] = False
        i += 1
    return [i for i in range(n + 1) if is_p[i]]
primes = sieve(10000)
print(len(primes), primes[:20], primes[-5:])
print("sum below 10000:", sum(primes))
def factorize(n):
    fs = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            fs.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        fs.append(n)
    return fs
for n in [1, 2, 12, 97, 360, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143, 2 ** 32 + 1, 2 ** 62 * 3]:
    print(n, factorize(n))
def fmt_factors(n):
    fs = factorize(n)
    counts = {}
    for f in fs:
        counts[f] = counts.get(f, 0) + 1
    parts = [str(p) if e == 1 else "%d^%d" % (p, e) for p, e in counts.items()]
    return " * ".join(parts) if parts else "1"
for n in [72, 1024, 30030, 123456789]:
    print(n, "=", fmt_factors(n))
twins = [(p, p + 2) for p, q in zip(primes, primes[1:]) if q == p + 2]
print("twin primes:", len(twins), twins[:6])
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print(sorted(gaps.items()))
def goldbach(n):
    ps = set(primes)
    for p in primes:
        if n - p in ps:
            return (p, n - p)
print([goldbach(n) for n in range(4, 40, 4)])
def phi(n):
    result = n
    for p in set(factorize(n)):
        result = result // p * (p - 1)
    return result
print([phi(n) for n in range(1, 21)])
