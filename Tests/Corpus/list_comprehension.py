# list / dict / set comprehensions
print([x * x for x in range(10)])
print([x for x in range(20) if x % 3 == 0])
print([x if x % 2 else -x for x in range(8)])
print([(x, y) for x in range(3) for y in range(x)])
print([(x, y) for x in range(4) if x % 2 == 0 for y in "ab"])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([v for row in matrix for v in row])
print([c.upper() for c in "hello" if c not in "aeiou"])
print({x: x ** 2 for x in range(5)})
print({k: v for k, v in zip("abc", [1, 2, 3]) if v != 2})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()})
print(sorted({x % 4 for x in range(20)}), len({c for c in "mississippi"}))
print(sorted({(a, b) for a in range(3) for b in range(3) if a < b}))
words = ["apple", "bob", "kayak", "level", "python", "noon"]
print([w for w in words if w == w[::-1]])
print({w: len(w) for w in words})
print({len(w): w for w in words})
x = 10
squares = [x for x in range(3)]
print(x, squares)
funcs = [lambda: i for i in range(3)]
print([f() for f in funcs])
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs2])
print([[y for y in range(x)] for x in range(4)])
nested = [[1, [2, 3]], [4, [5, 6]]]
print([a + b[0] + b[1] for a, b in nested])
print([i for i, v in enumerate([5, 0, 3, 0, 1]) if v == 0])
print(sum([x for x in range(101)]), max([len(w) for w in words]), min([w for w in words], key=len))
print(any([x > 4 for x in [1, 5]]), all([x > 0 for x in [1, -1]]), all([]), any([]))
