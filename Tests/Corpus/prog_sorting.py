# Sorting algorithms compared against sorted()
def bubble(xs):
    a = xs[:]
    n = len(a)
    swaps = 0
    for i in range(n):
        done = True
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swaps += 1
                done = False
        if done:
            break
    return a, swaps
def insertion(xs):
    a = xs[:]
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a
def merge_sort(xs, key=lambda v: v):
    if len(xs) <= 1:
        return xs[:]
    mid = len(xs) // 2
    left = merge_sort(xs[:mid], key)
    right = merge_sort(xs[mid:], key)
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if key(right[j]) < key(left[i]):
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    return out + left[i:] + right[j:]
def quick(xs):
    if len(xs) <= 1:
        return xs
    pivot = xs[len(xs) // 2]
    return quick([x for x in xs if x < pivot]) + [x for x in xs if x == pivot] + quick([x for x in xs if x > pivot])
def heap_sort(xs):
    a = xs[:]
    n = len(a)
    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return
    for s in range((n - 2) // 2, -1, -1):
        sift(s, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a
seed = 12345
def rand():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
data = [rand() % 1000 - 500 for _ in range(60)]
print(data[:15])
expected = sorted(data)
b, swaps = bubble(data)
print("bubble", b == expected, "swaps", swaps)
print("insertion", insertion(data) == expected)
print("merge", merge_sort(data) == expected)
print("quick", quick(data) == expected)
print("heap", heap_sort(data) == expected)
print(expected[:10], expected[-10:])
for case in [[], [1], [2, 1], [3, 3, 3], [5, 4, 3, 2, 1], [1.5, -2, 0, 1e10, -1e-3]]:
    print(case, bubble(case)[0], insertion(case), merge_sort(case), quick(case), heap_sort(case))
recs = [("b", 2), ("a", 1), ("c", 2), ("d", 1), ("e", 3), ("f", 1)]
print("stable merge:", merge_sort(recs, key=lambda r: r[1]))
print("builtin     :", sorted(recs, key=lambda r: r[1]))
print(sorted(["pear", "Apple", "fig", "banana"], key=lambda s: (len(s), s.lower())))
