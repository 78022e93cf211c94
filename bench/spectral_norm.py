# spectral_norm: the classic "spectral norm of an infinite matrix" kernel using
# power iteration. Exercises nested loops, float division, function calls in the
# inner loop, and list indexing / list building via comprehensions.
import math
import sys


def eval_a(i, j):
    ij = i + j
    return 1.0 / ((ij * (ij + 1) >> 1) + i + 1)


def mul_av(v, n):
    out = [0.0] * n
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(i, j) * v[j]
        out[i] = s
    return out


def mul_atv(v, n):
    out = []
    for i in range(n):
        s = 0.0
        for j in range(n):
            s += eval_a(j, i) * v[j]
        out.append(s)
    return out


def mul_atav(v, n):
    return mul_atv(mul_av(v, n), n)


def main():
    n = 300
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    u = [1.0 for _ in range(n)]
    v = u
    for _ in range(10):
        v = mul_atav(u, n)
        u = mul_atav(v, n)
    vbv = 0.0
    vv = 0.0
    for k in range(n):
        vbv += u[k] * v[k]
        vv += v[k] * v[k]
    print("n", n)
    print("%.9f" % math.sqrt(vbv / vv))


main()
