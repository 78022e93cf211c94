# list with builtins: map/filter/zip/enumerate/reversed iterators
nums = [4, -2, 7, 0, -9, 3]
print(list(map(abs, nums)), list(map(lambda x: x * 2, nums)), list(map(str, nums)))
print(list(filter(lambda x: x > 0, nums)), list(filter(None, [0, 1, "", "a", None, [], [0]])))
print(list(zip([1, 2, 3], "abc")), list(zip([1, 2, 3], [4, 5])), list(zip()), list(zip([1], [2], [3])))
print(list(enumerate("xyz")), list(enumerate(["a", "b"], 1)), list(enumerate([], 5)))
print(list(reversed(nums)), list(reversed("abc")), list(reversed(range(4))), list(reversed((1, 2))))
m = map(lambda x: x + 1, [1, 2, 3])
print(next(m), list(m), list(m))
it = iter([10, 20, 30])
print(next(it), next(it), next(it), next(it, "done"), next(it, None))
z = zip("ab", [1, 2])
print(list(z), list(z))
e = enumerate("ab")
for i, c in e:
    print("enum", i, c)
print(list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(sum(nums), min(nums), max(nums), len(nums), sorted(nums), max(nums, key=abs), min(nums, key=lambda v: v * v))
print(list(range(5)), list(range(2, 10, 3)), list(range(10, 0, -3)), list(range(0)), list(range(-5)))
print(list("abc"), list((1, 2)), list({"k": 1, "j": 2}), list(range(3)) == [0, 1, 2])
r = range(1, 20, 4)
print(r, len(r), r[2], r[-1], 9 in r, 10 in r, list(r[1:3]), r[::-1])
names = ["ann", "bo", "cy"]
ages = [31, 22, 45]
for i, (n, a) in enumerate(zip(names, ages)):
    print(i, n, a)
pairs = list(zip(names, ages))
unz_n = [p[0] for p in pairs]
print(pairs, unz_n, dict(pairs))
print(max([3, 1, 3, 2], key=lambda v: v), max(["bb", "a", "cc"], key=len), min(["bb", "a", "c"], key=len))
print(max(5, 9, 2), min("b", "a", "c"), max([[1, 2], [1, 3]]), max((1,), (0, 9)))
