# What the class says about an attribute, changing in the middle of hot loops: a class attribute shadowed by an
# instance attribute, a class attribute rebound, a method replaced on the class or shadowed on the instance, a
# property (a data descriptor wins over the instance's own attribute, and has no setter), __getattr__ and
# __setattr__.


class Shape:
    color = "red"
    sides = 3

    def area(self):
        return 1


s = Shape()
seen = []
for i in range(100):
    if i == 40:
        s.color = "blue"
    if i == 70:
        Shape.color = "green"
        del s.color
    seen.append(s.color)
print(seen[0], seen[39], seen[40], seen[69], seen[70], seen[99], len(seen))

t = Shape()
n = 0
for i in range(120):
    n += t.sides
    if i == 60:
        Shape.sides = 4
print(n)


def bigger(self):
    return 10


total = 0
for i in range(100):
    total += s.area()
    if i == 50:
        Shape.area = bigger
    if i == 80:
        s.area = lambda: 100
print(total)


class Temp:
    def __init__(self, c):
        self.c = c

    @property
    def f(self):
        return self.c * 9 / 5 + 32


temps = [Temp(i) for i in range(30)]
acc = 0.0
for k in range(90):
    acc += temps[k % 30].f
print(acc)

errors = 0
for k in range(10):
    try:
        temps[k].f = 1
    except AttributeError:
        errors += 1
print(errors)


class Late:
    def __init__(self, x):
        self.x = x


lates = [Late(i) for i in range(10)]
out = []
for k in range(100):
    if k == 50:
        Late.x = property(lambda self: -1)
    out.append(lates[k % 10].x)
print(out[:3], out[48:53], out[-1])


class Lazy:
    def __init__(self):
        self.real = 1

    def __getattr__(self, name):
        return len(name)


z = Lazy()
g = 0
for k in range(80):
    g += z.real + z.missing
    if k == 40:
        z.missing = 100
print(g)


class Logged:
    def __init__(self):
        self.log = []

    def __setattr__(self, name, value):
        if name != "log":
            self.log.append(name)
        self.__dict__[name] = value


lg = Logged()
for k in range(60):
    lg.value = k
print(lg.value, len(lg.log), lg.log[:2])


class Base:
    kind = "base"

    def who(self):
        return self.kind


class Derived(Base):
    pass


objs = [Derived() for _ in range(5)]
names = []
for k in range(100):
    if k == 30:
        Base.kind = "changed"
    if k == 60:
        Derived.kind = "derived"
    names.append(objs[k % 5].who())
print(names[0], names[30], names[60], names[-1])
