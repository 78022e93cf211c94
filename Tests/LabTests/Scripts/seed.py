def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b


def main():
    for n in [2, 3]:
        print("sum of", n, "threes:", run(3, n))


main()
