/* C version of bench/int_loop.py: same checksums, same argument convention. */
#include <stdio.h>
#include <stdlib.h>

static long long count_sum(long long n) {
    long long a = 0, b = 0;
    while (a < n) {
        b += a;
        a += 1;
        /* empty barrier: stops clang (and possibly future gccs) from replacing the loop
           with the closed form n*(n-1)/2; the loop itself is what we want to measure */
        __asm__ volatile("" : "+r"(a));
    }
    return b;
}

static long long mix(long long n) {
    long long h = 17;
    for (long long i = 0; i < n; i++) {
        h = (h * 31 + i) % 1000000007LL;
        if (i & 1)
            h ^= i >> 3;
        else
            h += i / 7;
    }
    return h;
}

static long long range_loop(long long n) {
    long long total = 0;
    for (long long i = 0; i < n; i++)
        total += (i * i) % 7 - (i & 3);
    return total;
}

int main(int argc, char **argv) {
    long long n = 3000000;
    if (argc > 1) n = atoll(argv[1]);
    long long s = count_sum(n);
    long long m = mix(n);
    long long r = range_loop(n);
    printf("sum %lld\n", s);
    printf("mix %lld\n", m);
    printf("range %lld\n", r);
    /* Python's % floors; the operands here are non-negative for n >= 0
       (range_loop's total is >= 0 as well since (i*i)%7 - (i&3) sums positive) */
    long long c = (s % 1000000007LL + (m * 3) % 1000000007LL + r % 1000000007LL) % 1000000007LL;
    if (c < 0) c += 1000000007LL;
    printf("checksum %lld\n", c);
    return 0;
}
