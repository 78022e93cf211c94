# sorting: stability, key=, reverse=
people = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35), ("frank", 30)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: -p[1]))
print(sorted(people))
print(sorted(people, reverse=True))
by_name_len = sorted(people, key=lambda p: len(p[0]))
print(by_name_len)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date", "Cherry"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
xs = [5, -3, 2, -8, 0, 7, -1]
print(sorted(xs), sorted(xs, key=abs), sorted(xs, key=abs, reverse=True))
ys = xs.copy()
ys.sort(key=lambda v: v % 3)
print(ys)
ys.sort(key=lambda v: -v)
print(ys)
recs = [{"n": "x", "s": 3}, {"n": "y", "s": 1}, {"n": "z", "s": 3}, {"n": "w", "s": 2}]
recs.sort(key=lambda r: r["s"])
print([r["n"] for r in recs])
recs.sort(key=lambda r: r["s"], reverse=True)
print([r["n"] for r in recs])
# multi-pass stable sort: sort by secondary first, then primary
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1)]
data.sort(key=lambda d: d[0])
print(data)
data.sort(key=lambda d: d[1])
print(data)
print(sorted("hello world"), sorted((3, 1, 2)), sorted({"b": 1, "a": 2}), sorted([2.5, 1, -0.5, True]))
print(sorted([[2, 1], [1, 2], [1], [2], []]), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted([]), sorted([1]), sorted(range(5), reverse=True), list(reversed([1, 2, 3])))
mixed_case = ["b", "A", "a", "B"]
print(sorted(mixed_case), sorted(mixed_case, key=lambda s: s.upper()), sorted(mixed_case, key=lambda s: (s.lower(), s)))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
