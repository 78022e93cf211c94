# range objects and the iterator protocol on builtins
r = range(10)
print(r, range(1, 5), range(0, 10, 2), range(5, 0, -1), range(0))
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(5, 5)), len(range(5, 0)))
print(list(range(-3, 3)), list(range(3, -3, -2)), range(10)[3], range(10)[-1], range(2, 20, 5)[1:])
print(5 in range(10), 10 in range(10), 4 in range(0, 10, 2), 5 in range(0, 10, 2), -1 in range(-5, 0))
print(range(0, 10, 2) == range(0, 10, 2), sum(range(101)), max(range(7)), min(range(3, 9)))
big = range(10 ** 12)
print(len(big), big[-1], 10 ** 11 in big)
it = iter(range(3))
print(next(it), next(it), next(it), next(it, "end"))
it2 = iter("ab")
print(next(it2), next(it2))
try:
    next(it2)
except StopIteration:
    print("StopIteration raised")
it3 = iter([1, 2, 3, 4])
for v in it3:
    print("got", v)
    if v == 2:
        break
print("rest", list(it3))
d = {"x": 1, "y": 2}
it4 = iter(d)
print(next(it4), list(it4))
z = zip(range(3), "abc", [True, False, None])
print(next(z), list(z))
e = enumerate(range(100, 103), 10)
print(list(e))
rev = reversed([1, 2, 3])
print(next(rev), list(rev))
m = map(lambda a: a * a, range(4))
f = filter(lambda a: a % 2, m)
print(list(f))
acc = []
for i in range(3):
    for j in range(i, 3):
        acc.append((i, j))
print(acc)
total = 0
for i in range(1, 1001):
    total += i * i
print(total)
