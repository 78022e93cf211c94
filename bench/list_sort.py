# list_sort: list-heavy work. Builds lists from a linear congruential generator,
# sorts them with hand-written algorithms (in-place quicksort with insertion
# sort for short runs, a top-down merge sort that slices and concatenates,
# a heap sort) and compares against sorted() / list.sort(key=...). Also
# exercises indexing, swapping via tuple assignment, append/pop, slicing,
# reversed(), list comprehensions and a binary search.
import sys


class Rng:
    def __init__(self, seed):
        self.state = seed

    def next(self, bound):
        self.state = (self.state * 1103515245 + 12345) % 2147483648
        return (self.state >> 8) % bound


def insertion_sort(xs, lo, hi):
    i = lo + 1
    while i <= hi:
        v = xs[i]
        j = i - 1
        while j >= lo and xs[j] > v:
            xs[j + 1] = xs[j]
            j -= 1
        xs[j + 1] = v
        i += 1


def quicksort(xs):
    stack = [(0, len(xs) - 1)]
    while stack:
        lo, hi = stack.pop()
        if hi - lo < 12:
            insertion_sort(xs, lo, hi)
            continue
        mid = (lo + hi) // 2
        # median of three
        if xs[mid] < xs[lo]:
            xs[mid], xs[lo] = xs[lo], xs[mid]
        if xs[hi] < xs[lo]:
            xs[hi], xs[lo] = xs[lo], xs[hi]
        if xs[hi] < xs[mid]:
            xs[hi], xs[mid] = xs[mid], xs[hi]
        pivot = xs[mid]
        i = lo
        j = hi
        while i <= j:
            while xs[i] < pivot:
                i += 1
            while xs[j] > pivot:
                j -= 1
            if i <= j:
                xs[i], xs[j] = xs[j], xs[i]
                i += 1
                j -= 1
        if lo < j:
            stack.append((lo, j))
        if i < hi:
            stack.append((i, hi))


def merge_sort(xs):
    if len(xs) <= 1:
        return xs
    mid = len(xs) // 2
    left = merge_sort(xs[:mid])
    right = merge_sort(xs[mid:])
    out = []
    i = 0
    j = 0
    nl = len(left)
    nr = len(right)
    while i < nl and j < nr:
        if right[j] < left[i]:
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    if i < nl:
        out.extend(left[i:])
    if j < nr:
        out.extend(right[j:])
    return out


def sift_down(xs, start, end):
    root = start
    while True:
        child = 2 * root + 1
        if child > end:
            return
        if child + 1 <= end and xs[child] < xs[child + 1]:
            child += 1
        if xs[root] < xs[child]:
            xs[root], xs[child] = xs[child], xs[root]
            root = child
        else:
            return


def heap_sort(xs):
    n = len(xs)
    start = (n - 2) // 2
    while start >= 0:
        sift_down(xs, start, n - 1)
        start -= 1
    end = n - 1
    while end > 0:
        xs[end], xs[0] = xs[0], xs[end]
        end -= 1
        sift_down(xs, 0, end)


def bisect(xs, v):
    lo = 0
    hi = len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < v:
            lo = mid + 1
        else:
            hi = mid
    return lo


def weigh(xs):
    # order-sensitive checksum
    h = 0
    for i, v in enumerate(xs):
        h = (h * 131 + v + i) % 1000000007
    return h


def one_round(rng, n):
    data = [rng.next(100000) for _ in range(n)]
    expected = sorted(data)

    a = data[:]
    quicksort(a)
    b = merge_sort(data)
    c = list(data)
    heap_sort(c)
    if a != expected or b != expected or c != expected:
        print("SORT MISMATCH")

    pairs = [(v % 100, i) for i, v in enumerate(data)]
    by_key = sorted(pairs, key=lambda p: p[0] * 1000000 - p[1])
    desc = sorted(data, reverse=True)
    rev = [v for v in reversed(expected)]
    if desc != rev:
        print("REVERSE MISMATCH")
    words = [str(v) for v in data[:200]]
    words.sort(key=len)

    hits = 0
    for k in range(0, 100000, 97):
        pos = bisect(expected, k)
        if pos < n and expected[pos] == k:
            hits += 1
    return (weigh(a) + weigh([p[1] for p in by_key]) + hits + len(words[0])) % 1000000007


def main():
    rounds = 60
    if len(sys.argv) > 1:
        rounds = int(sys.argv[1])
    rng = Rng(42)
    check = 0
    for r in range(rounds):
        check = (check * 7 + one_round(rng, 2000 + 10 * r)) % 1000000007
    print("rounds", rounds)
    print("checksum", check)


main()
