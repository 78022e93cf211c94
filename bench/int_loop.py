# int_loop: the classic tracing-JIT demo loop (`b += a` over a counter) plus
# a small integer-mixing kernel (multiply, modulo, shifts, xor, floor division).
# Everything stays below 2**63 so the C version computes the same numbers.
import sys


def count_sum(n):
    a = 0
    b = 0
    while a < n:
        b += a
        a += 1
    return b


def mix(n):
    h = 17
    i = 0
    while i < n:
        h = (h * 31 + i) % 1000000007
        if i & 1:
            h ^= i >> 3
        else:
            h += i // 7
        i += 1
    return h


def range_loop(n):
    # the same idea with a for/range loop and a little more arithmetic
    total = 0
    for i in range(n):
        total += (i * i) % 7 - (i & 3)
    return total


def main():
    n = 3000000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    s = count_sum(n)
    m = mix(n)
    r = range_loop(n)
    print("sum", s)
    print("mix", m)
    print("range", r)
    print("checksum", (s + m * 3 + r) % 1000000007)


main()
