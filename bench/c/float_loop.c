/* C version of bench/float_loop.py: same checksums, same argument convention.
   Compile without FP contraction (-ffp-contract=off) so results match Python bit for bit. */
#include <stdio.h>
#include <stdlib.h>

static void mandelbrot(long n, long max_iter, long *total_out, long *inside_out) {
    long total = 0, inside = 0;
    for (long y = 0; y < n; y++) {
        double ci = 2.0 * (double)y / (double)n - 1.0;
        for (long x = 0; x < n; x++) {
            double cr = 2.5 * (double)x / (double)n - 2.0;
            double zr = 0.0, zi = 0.0;
            long i = 0;
            while (i < max_iter) {
                double zr2 = zr * zr;
                double zi2 = zi * zi;
                if (zr2 + zi2 > 4.0) break;
                zi = 2.0 * zr * zi + ci;
                zr = zr2 - zi2 + cr;
                i++;
            }
            total += i;
            if (i == max_iter) inside++;
        }
    }
    *total_out = total;
    *inside_out = inside;
}

static double integrate(long steps) {
    double h = 1.0 / (double)steps;
    double acc = 0.0;
    for (long k = 0; k < steps; k++) {
        double x = ((double)k + 0.5) * h;
        acc += 4.0 / (1.0 + x * x);
    }
    return acc * h;
}

int main(int argc, char **argv) {
    long n = 360;
    if (argc > 1) n = atol(argv[1]);
    long total, inside;
    mandelbrot(n, 50, &total, &inside);
    double pi = integrate(n * n * 4);
    printf("mandel %ld %ld\n", total, inside);
    printf("pi %.12f\n", pi);
    return 0;
}
