# Uncaught AssertionError without a message
def check_sorted(xs):
    for a, b in zip(xs, xs[1:]):
        assert a <= b
    return True
xs = [3, 1, 2]
xs.sort()
print("sorted", xs, check_sorted(xs))
try:
    check_sorted([2, 1])
except AssertionError as e:
    print("caught bare assertion:", repr(e), e.args)
assert xs == [1, 2, 3]
print("equality ok")
assert len(xs) == 3 and xs[0] == 1
print("length ok")
assert len(xs) == 4
print("unreachable")
