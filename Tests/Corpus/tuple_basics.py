# tuples: repr, unpacking, comparison, immutability, hashing as keys
t = (1, 2, 3)
print(t, (), (1,), (1, (2, 3)), ((),), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)))
print(repr((1,)), str(("a",)), (None, True, "it's", 2.5), len(t), t[0], t[-1], t[::-1], t[1:])
single = 5,
print(single, type(single), (5), type((5)))
a, b, c = t
print(a, b, c)
x, (y, z) = 1, (2, 3)
print(x, y, z)
a, b = b, a
print(a, b)
p = q = (0, 0)
print(p is q, p == q)
first, *others = (10, 20, 30)
print(first, others, type(others))
print((1, 2) + (3,), (0,) * 3, (1, 2) * 0, 2 in t, 5 not in t)
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 99), (1, "a") == (1, "a"), () < (0,))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    print(t[5])
except IndexError as e:
    print("IndexError:", e)
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[1, 0], (0, 0) in d)
points = [(3, 1), (1, 2), (2, 2), (1, 1)]
print(sorted(points), sorted(points, key=lambda p: (p[1], -p[0])), max(points), min(points))
def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([4, 8, 1, 9])
print(lo, hi, minmax("hello"))
for i, (name, score) in enumerate([("a", 1), ("b", 2)]):
    print(i, name, score)
nested = ((1, 2), (3, 4))
print([a + b for a, b in nested], tuple([v * 2 for v in t]))
print(hash((1, 2)) == hash((1, 2)), (1, 2) == tuple([1, 2]), list((1, 2)))
m = (1, [2, 3])
m[1].append(4)
print(m)
