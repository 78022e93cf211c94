# iterators from map/filter/zip/enumerate/reversed are lazy and single-pass
log = []
def noisy(x):
    log.append(x)
    return x * 10
m = map(noisy, [1, 2, 3])
print("map created, log =", log)
print(next(m), "log =", log)
print(list(m), "log =", log)
print(list(m), "exhausted")
f = filter(lambda v: v % 2 == 0, range(10))
print(next(f), next(f), list(f))
z = zip([1, 2, 3], ["a", "b", "c"])
print(next(z))
for pair in z:
    print("zip pair", pair)
e = enumerate(["x", "y", "z"], 1)
print(next(e), list(e))
r = reversed([1, 2, 3, 4])
print(next(r), next(r), list(r))
it = iter([1, 2, 3])
print(list(zip(it, it)))
it2 = iter(range(7))
print(list(zip(it2, it2, it2)))
words = ["alpha", "beta", "gamma", "delta"]
lengths = map(len, words)
print(dict(zip(words, lengths)))
print(sorted(map(lambda w: w[::-1], words)), max(map(len, words)), sum(map(len, words)))
print(list(filter(lambda s: s.isupper(), ["A", "b", "C"])))
print(list(enumerate(zip("ab", "cd"))), list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(any(map(lambda v: v > 2, [1, 2, 3])), all(map(lambda v: v > 0, [1, 2, 0])))
class Fib:
    def __init__(self, limit):
        self.a, self.b, self.limit = 0, 1, limit
    def __iter__(self):
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        r = self.a
        self.a, self.b = self.b, self.a + self.b
        return r
print(list(Fib(100)), list(map(lambda v: v * v, Fib(20))), list(filter(lambda v: v % 2, Fib(50))))
print(list(zip(Fib(10), "abcdefghijk")), sum(Fib(1000)))
i = iter("hi")
print(iter(i) is i, next(i), next(i), next(i, "<end>"))
print(list(reversed(range(0, 10, 3))), list(reversed("abc")), list(reversed(list(enumerate("ab")))))
