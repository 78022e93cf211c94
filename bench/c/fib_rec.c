/* C version of bench/fib_rec.py: same checksums, same argument convention. */
#include <stdio.h>
#include <stdlib.h>

static long fib(long n) {
    if (n < 2) return n;
    return fib(n - 1) + fib(n - 2);
}

static long tak(long x, long y, long z) {
    if (y < x) return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y));
    return z;
}

int main(int argc, char **argv) {
    long n = 32;
    if (argc > 1) n = atol(argv[1]);
    long f = fib(n);
    long t = tak(n * 2 / 3, n / 2, n / 5); /* n >= 0, so C division == Python floor division */
    printf("fib %ld %ld\n", n, f);
    printf("tak %ld\n", t);
    return 0;
}
