# float_loop: a numeric float kernel. A Mandelbrot set escape-time count over
# an n x n grid followed by midpoint-rule integration of 4 / (1 + x*x) (= pi).
# Only +, -, *, / and comparisons, so the C version gives bit-identical results.
import sys


def mandelbrot(n, max_iter):
    total = 0
    inside = 0
    y = 0
    while y < n:
        ci = 2.0 * y / n - 1.0
        x = 0
        while x < n:
            cr = 2.5 * x / n - 2.0
            zr = 0.0
            zi = 0.0
            i = 0
            while i < max_iter:
                zr2 = zr * zr
                zi2 = zi * zi
                if zr2 + zi2 > 4.0:
                    break
                zi = 2.0 * zr * zi + ci
                zr = zr2 - zi2 + cr
                i += 1
            total += i
            if i == max_iter:
                inside += 1
            x += 1
        y += 1
    return total, inside


def integrate(steps):
    h = 1.0 / steps
    acc = 0.0
    k = 0
    while k < steps:
        x = (k + 0.5) * h
        acc += 4.0 / (1.0 + x * x)
        k += 1
    return acc * h


def main():
    n = 360
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total, inside = mandelbrot(n, 50)
    pi = integrate(n * n * 4)
    print("mandel", total, inside)
    print("pi %.12f" % pi)


main()
