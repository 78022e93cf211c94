# deeper closure scenarios
def memo(f):
    cache = {}
    hits = [0]
    def g(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        v = f(n)
        cache[n] = v
        return v
    def stats():
        return len(cache), hits[0]
    return g, stats
def slow_sq(n):
    return n * n
g, stats = memo(slow_sq)
for n in [1, 2, 1, 3, 2, 1]:
    print(n, g(n), stats())
def level1(a):
    def level2(b):
        def level3(c):
            def level4(d):
                return a + b + c + d
            return level4
        return level3
    return level2
print(level1(1)(10)(100)(1000), level1("a")("b")("c")("d"))
def make_stack():
    items = []
    def push(x):
        items.append(x)
        return len(items)
    def pop():
        return items.pop()
    def peek():
        return items[-1] if items else None
    return {"push": push, "pop": pop, "peek": peek, "size": lambda: len(items)}
st = make_stack()
print(st["push"](1), st["push"](2), st["push"](3), st["peek"](), st["pop"](), st["size"](), st["peek"]())
def accumulate():
    total = 0
    count = 0
    def add(x):
        nonlocal total, count
        total += x
        count += 1
        return total / count
    return add
avg = accumulate()
print([avg(v) for v in [10, 20, 30, 40]])
def toggler():
    state = False
    def toggle():
        nonlocal state
        state = not state
        return state
    return toggle
t1 = toggler()
t2 = toggler()
print(t1(), t1(), t1(), t2())
def counter_pair():
    n = 0
    def up():
        nonlocal n
        n += 1
        return n
    def down():
        nonlocal n
        n -= 1
        return n
    return up, down
up, down = counter_pair()
print(up(), up(), down(), up(), up(), down())
def outer_loop():
    results = []
    for i in range(3):
        def capture(i=i):
            return lambda: i * i
        results.append(capture())
    return [r() for r in results]
print(outer_loop())
def rebinding():
    v = 1
    f = lambda: v
    v = 2
    return f()
print(rebinding())
