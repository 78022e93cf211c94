# Hot loops over instances: attribute reads and writes, allocation of short-lived objects, attributes added in
# different orders (instances of one class on different maps), many attributes (past the inline slots, then past
# the map limit), __dict__ (a live view), del of an attribute.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def walk(n):
    # Every fifth step takes the other branch: its bridge builds the next Point too (and, once the loop is
    # peeled, may pass it into the loop's body as its fields: see jit_short_preamble.py).
    p = Point(0, 0)
    i = 0
    while i < n:
        if i % 5 == 0:
            p = Point(p.x + 2, p.y - 1)
        else:
            p = Point(p.x + 1, p.y + 2)
        i += 1
    return p.x + p.y


print(walk(200))
print(walk(3000))


class Counter:
    pass


c = Counter()
c.hits = 0
c.misses = 0
for i in range(300):
    if i % 3 == 0:
        c.misses += 1
    else:
        c.hits += 1
print(c.hits, c.misses)


def build(i):
    o = Counter()
    if i % 2 == 0:
        o.a = i
        o.b = -i
    else:
        o.b = -i
        o.a = i
    return o


total = 0
objs = []
for i in range(100):
    o = build(i)
    total += o.a * 10 + o.b
    objs.append(o)
print(total, [sorted(o.__dict__.items()) for o in objs[:2]], list(objs[1].__dict__))


class Wide:
    def __init__(self, n):
        for k in range(n):
            setattr(self, "f" + str(k), k)


w = Wide(10)
s = 0
for i in range(100):
    w.f9 += 1
    w.f0 += w.f8
    s += w.f7
print(s, w.f9, w.f0, len(w.__dict__))

huge = Wide(100)
acc = 0
for k in range(100):
    acc += getattr(huge, "f" + str(k))
    huge.f50 += 1
print(acc, huge.f50, list(huge.__dict__)[:3], len(huge.__dict__))

d = Point(1, 2)
view = d.__dict__
for i in range(50):
    d.x += 1
    view["y"] = view["y"] + 2
print(d.x, d.y, view)
view["z"] = 7
print(d.z, sorted(view))
del d.z
print(hasattr(d, "z"), view)

e = Point(5, 6)
e.z = 1
for i in range(60):
    e.z += e.x
    if i == 30:
        del e.x
        e.x = 100
print(e.x, e.y, e.z, list(e.__dict__))

pts = [Point(i, i * i) for i in range(40)]
best = pts[0]
for q in pts:
    if q.y - q.x > best.y - best.x:
        best = q
print(best.x, best.y)


class Body:
    def __init__(self, k):
        self.a = k
        self.b = k + 1
        self.c = k + 2
        self.d = k + 3
        self.e = k + 4
        self.f = k + 5
        self.g = k + 6
        self.h = k + 7
        self.i = k + 8


bodies = 0
last = None
for k in range(100):
    last = Body(k)
    bodies += last.a + last.g + last.i
print(bodies, last.h, list(last.__dict__)[-3:])
