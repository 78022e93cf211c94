# @staticmethod, @classmethod, @property, __call__
class Temperature:
    unit = "C"
    instances = 0
    def __init__(self, celsius):
        self._c = celsius
        Temperature.instances += 1
    @property
    def celsius(self):
        return self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_fahrenheit(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def is_valid(c):
        return c >= -273.15
    def __repr__(self):
        return "Temperature(%r)" % self._c
t = Temperature(100)
print(t.celsius, t.fahrenheit, t)
t2 = Temperature.from_fahrenheit(212)
print(t2, t2.celsius, Temperature.instances)
print(Temperature.is_valid(-300), t.is_valid(0), Temperature.is_valid(-273.15))
try:
    t.celsius = 5
except AttributeError as e:
    print("AttributeError caught")
class Kelvin(Temperature):
    unit = "K"
    def __repr__(self):
        return "Kelvin(%r)" % self._c
k = Kelvin.from_fahrenheit(32)
print(k, type(k) == Kelvin, isinstance(k, Temperature), k.unit, Temperature.instances)
class Counter:
    total = 0
    def __init__(self):
        self.n = 0
    def __call__(self, step=1):
        self.n += step
        Counter.total += step
        return self.n
    @classmethod
    def reset_total(cls):
        cls.total = 0
        return cls
    @staticmethod
    def describe():
        return "counts things"
c1 = Counter()
c2 = Counter()
print(c1(), c1(), c1(10), c2(), Counter.total, callable(c1), callable(Counter))
print(Counter.reset_total() is Counter, Counter.total, Counter.describe(), c1.describe())
class Polynomial:
    def __init__(self, *coeffs):
        self.coeffs = list(coeffs)
    def __call__(self, x):
        result = 0
        for c in reversed(self.coeffs):
            result = result * x + c
        return result
    @property
    def degree(self):
        return len(self.coeffs) - 1
    def __add__(self, other):
        n = max(len(self.coeffs), len(other.coeffs))
        a = self.coeffs + [0] * (n - len(self.coeffs))
        b = other.coeffs + [0] * (n - len(other.coeffs))
        return Polynomial(*[x + y for x, y in zip(a, b)])
    def __str__(self):
        terms = []
        for i, c in enumerate(self.coeffs):
            if c:
                terms.append(str(c) if i == 0 else "%sx^%d" % (c, i))
        return " + ".join(reversed(terms)) or "0"
p = Polynomial(1, 2, 3)
q = Polynomial(0, -2)
print(p, "|", q, "|", p + q, "|", p.degree, q.degree)
print([p(x) for x in range(-2, 3)], (p + q)(10), p(0.5))
class Shape:
    @staticmethod
    def unit():
        return Shape(1)
    @classmethod
    def make(cls, n):
        return cls(n)
    def __init__(self, n):
        self.n = n
class Tri(Shape):
    @property
    def sides(self):
        return 3 * self.n
print(type(Shape.unit()), type(Tri.make(2)), Tri.make(2).sides, type(Tri.unit()))
