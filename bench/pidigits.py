# pidigits: arbitrary-precision integer arithmetic. Gibbons' unbounded spigot
# algorithm produces digits of pi using ever-growing big integers (multiply,
# add, floor division); a second kernel computes a big factorial and Fibonacci
# number and digit-sums them with divmod.
import sys


def pi_digits(count):
    q = 1
    r = 0
    t = 1
    k = 1
    n = 3
    l = 3
    out = []
    while len(out) < count:
        if 4 * q + r - t < n * t:
            out.append(n)
            nr = 10 * (r - n * t)
            n = (10 * (3 * q + r)) // t - 10 * n
            q *= 10
            r = nr
        else:
            nr = (2 * q + r) * l
            nn = (q * (7 * k) + 2 + (r * l)) // (t * l)
            q *= k
            t *= l
            l += 2
            k += 1
            n = nn
            r = nr
    return out


def digit_stats(x):
    # (digit sum, number of digits) of x >= 0 without str(): CPython 3.11
    # refuses str() of ints with more than 4300 digits.
    total = 0
    ndigits = 0
    while x > 0:
        x, chunk = divmod(x, 1000000000)
        if x > 0:
            ndigits += 9
        while chunk > 0:
            total += chunk % 10
            chunk //= 10
            if x == 0:
                ndigits += 1
    return total, ndigits


def pow_mod(base, exp, mod):
    # square-and-multiply on big ints
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def big_misc(m):
    f = 1
    for i in range(2, m + 1):
        f *= i
    a = 0
    b = 1
    for _ in range(m * 4):
        a, b = b, a + b
    return digit_stats(f), digit_stats(a), f % 1000000007, pow_mod(3, m * 10, 10 ** 20), pow_mod(7, 10 ** 30 + m, 2 ** 127 - 1)


def main():
    count = 4000
    if len(sys.argv) > 1:
        count = int(sys.argv[1])
    digits = pi_digits(count)
    text = "".join([str(d) for d in digits])
    print("pi", text[:1] + "." + text[1:31], "...")
    print("last digits", text[-20:])
    print("digit sum", sum(digits))
    print("misc", big_misc(count))


main()
