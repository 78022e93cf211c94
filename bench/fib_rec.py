# fib_rec: deep recursion and call overhead. Naive recursive Fibonacci plus the
# Takeuchi function (three-way recursion with comparisons).
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def main():
    n = 32
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    f = fib(n)
    t = tak(n * 2 // 3, n // 2, n // 5)
    print("fib", n, f)
    print("tak", t)


main()
