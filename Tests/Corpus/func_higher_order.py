# functions as values, lambdas, composition
def compose(f, g):
    return lambda x: f(g(x))
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5))
def apply_n(f, n, x):
    for _ in range(n):
        x = f(x)
    return x
print(apply_n(dbl, 10, 1), apply_n(inc, 0, 7))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in ["+", "-", "*", "/"]:
    print(7, sym, 2, "=", ops[sym](7, 2))
def make_multiplier(k):
    def mul(x):
        return x * k
    return mul
triple = make_multiplier(3)
print(triple(4), make_multiplier("ab")(3), list(map(triple, [1, 2, 3])))
def reduce(f, xs, init):
    acc = init
    for x in xs:
        acc = f(acc, x)
    return acc
print(reduce(lambda a, b: a + b, [1, 2, 3, 4], 0), reduce(lambda a, b: a * b, range(1, 8), 1))
print(reduce(lambda a, b: b + a, "abc", ""), reduce(max, [3, 9, 2], 0))
pipeline = [lambda s: s.strip(), lambda s: s.lower(), lambda s: s.replace(" ", "_")]
s = "  Hello Big World  "
for step in pipeline:
    s = step(s)
    print(repr(s))
print(callable(inc), callable(3), callable("x"), callable(print), callable(make_multiplier))
def counter_calls(f):
    calls = [0]
    def wrapped(*args):
        calls[0] += 1
        return f(*args)
    def count():
        return calls[0]
    return wrapped, count
sq, sq_count = counter_calls(lambda v: v * v)
print([sq(i) for i in range(5)], sq_count())
def curry(f):
    return lambda a: lambda b: f(a, b)
add = curry(lambda a, b: a + b)
print(add(3)(4), add("x")("y"))
print(sorted(["ccc", "a", "bb"], key=len), list(filter(lambda w: "a" in w, ["cat", "dog", "bat"])))
print((lambda *a, **k: (a, k))(1, 2, z=3), (lambda x=5: x)(), (lambda: "no args")())
fs = []
for i in range(3):
    fs.append(lambda x, i=i: x + i)
print([f(10) for f in fs])
def identity(x):
    return x
print(identity(identity)(42), identity is identity, make_multiplier(2) is make_multiplier(2))
