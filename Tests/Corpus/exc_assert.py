# assert statements and AssertionError handling
def check_positive(n):
    assert n > 0, "n must be positive, got " + str(n)
    return n * 2
for v in [3, 0, -2, 10]:
    try:
        print("ok", check_positive(v))
    except AssertionError as e:
        print("AssertionError:", e, "| args:", e.args, "| repr:", repr(e))
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), repr(str(e)), e.args)
try:
    assert [], ["list", "message"]
except AssertionError as e:
    print("non-str message:", e, e.args)
assert True
assert 1, "never"
assert "nonempty"
print("passing asserts are silent")
def invariant_sorted(xs):
    for i in range(len(xs) - 1):
        assert xs[i] <= xs[i + 1], f"not sorted at {i}: {xs[i]} > {xs[i + 1]}"
    return True
for xs in [[1, 2, 3], [1, 3, 2], [], [5, 5, 1]]:
    try:
        print(xs, invariant_sorted(xs))
    except AssertionError as e:
        print(xs, "failed:", e)
count = 0
def side_effect():
    global count
    count += 1
    return True
assert side_effect(), "msg"
assert side_effect()
print("count", count)
try:
    assert isinstance("x", int), ("type", 42)
except AssertionError as e:
    print(e, type(e.args[0]))
