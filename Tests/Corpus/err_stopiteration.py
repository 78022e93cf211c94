# Uncaught StopIteration from next() on an exhausted iterator
it = iter([1, 2])
print(next(it))
print(next(it))
print(next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("caught StopIteration", repr(e))
words = iter("ab")
first = next(words)
rest = list(words)
print(first, rest)
m = map(lambda v: v * v, [3])
print(next(m))
print(next(m))
print("unreachable")
