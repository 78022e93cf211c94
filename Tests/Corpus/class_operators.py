# arithmetic/comparison dunders
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __eq__(self, o):
        return isinstance(o, Vec) and self.x == o.x and self.y == o.y
    def __lt__(self, o):
        return (self.x * self.x + self.y * self.y) < (o.x * o.x + o.y * o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __bool__(self):
        return self.x != 0 or self.y != 0
    def __repr__(self):
        return "Vec(%s, %s)" % (self.x, self.y)
a = Vec(1, 2)
b = Vec(3, -1)
print(a + b, a - b, a * 3, a * b, b * 0.5)
c = a
c += b
print(c, a, c is a)
print(a == Vec(1, 2), a == b, a != b, a != Vec(1, 2), a == "Vec")
print(a < b, b < a, sorted([Vec(5, 5), Vec(0, 1), Vec(2, 0), Vec(-3, 0)]))
print(min([Vec(5, 5), Vec(0, 1)]), max([Vec(5, 5), Vec(0, 1)]))
print(bool(Vec(0, 0)), bool(a), not Vec(0, 0), "truthy" if Vec(0, 1) else "falsy")
d = {Vec(1, 1): "one-one"}
d[Vec(1, 1)] = "replaced"
d[Vec(2, 2)] = "two-two"
print(d, Vec(1, 1) in d, len(d))
print(Vec(1, 2) in [Vec(0, 0), Vec(1, 2)], [Vec(1, 2)].index(Vec(1, 2)), [Vec(1, 2), Vec(1, 2)].count(Vec(1, 2)))
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, o):
        if isinstance(o, int):
            return Money(self.cents + o)
        return Money(self.cents + o.cents)
    def __sub__(self, o):
        return Money(self.cents - o.cents)
    def __mul__(self, n):
        return Money(self.cents * n)
    def __lt__(self, o):
        return self.cents < o.cents
    def __eq__(self, o):
        return self.cents == o.cents
    def __str__(self):
        sign = "-" if self.cents < 0 else ""
        c = abs(self.cents)
        return "%s$%d.%02d" % (sign, c // 100, c % 100)
wallet = [Money(1999), Money(5), Money(250000)]
total = Money(0)
for m in wallet:
    total = total + m
    print("running", total)
print(total - Money(300000), total * 3, total + 1, Money(7) < Money(8), Money(7) == Money(7))
print([str(m) for m in sorted(wallet)], str(max(wallet)))
class Weird:
    def __eq__(self, o):
        return True
w = Weird()
print(w == 1, w == None, w != 1, 1 == w)
try:
    a + 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    print(a < 5)
except AttributeError as e:
    print("AttributeError:", e)
