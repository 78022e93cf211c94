# Exact rational arithmetic class with normalization and operator overloading
import math
class Fraction:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("Fraction(%d, 0)" % num)
        if den < 0:
            num, den = -num, -den
        g = math.gcd(num, den)
        self.num = num // g
        self.den = den // g
    @staticmethod
    def coerce(x):
        return x if isinstance(x, Fraction) else Fraction(x)
    def __add__(self, o):
        o = Fraction.coerce(o)
        return Fraction(self.num * o.den + o.num * self.den, self.den * o.den)
    def __sub__(self, o):
        o = Fraction.coerce(o)
        return Fraction(self.num * o.den - o.num * self.den, self.den * o.den)
    def __mul__(self, o):
        o = Fraction.coerce(o)
        return Fraction(self.num * o.num, self.den * o.den)
    def __truediv__(self, o):
        o = Fraction.coerce(o)
        return Fraction(self.num * o.den, self.den * o.num)
    def __neg__(self):
        return Fraction(-self.num, self.den)
    def __eq__(self, o):
        o = Fraction.coerce(o)
        return self.num == o.num and self.den == o.den
    def __lt__(self, o):
        o = Fraction.coerce(o)
        return self.num * o.den < o.num * self.den
    def __hash__(self):
        return hash((self.num, self.den))
    def __repr__(self):
        return "Fraction(%d, %d)" % (self.num, self.den)
    def __str__(self):
        return str(self.num) if self.den == 1 else "%d/%d" % (self.num, self.den)
half = Fraction(1, 2)
third = Fraction(1, 3)
print(half + third, half - third, half * third, half / third, -half, Fraction(6, -8), Fraction(0, 5))
print(repr(half + half), half + 1, half * 4, half == Fraction(2, 4), half < third, third < half)
h = Fraction(0)
for n in range(1, 21):
    h = h + Fraction(1, n)
print("H20 =", h, "~", h.num / h.den)
print(sorted([Fraction(3, 4), Fraction(-1, 2), Fraction(5, 8), Fraction(2, 3), Fraction(0)]))
s = Fraction(0)
for k in range(1, 30):
    s = s + Fraction(1, 2 ** k)
print(s, Fraction(1) - s == Fraction(1, 2 ** 29), 1.0 - s.num / s.den)
e = Fraction(0)
f = 1
for k in range(0, 25):
    e = e + Fraction(1, f)
    f *= k + 1
print(e.num, e.den)
print(e.num / e.den, math.e, abs(e.num / e.den - math.e) < 1e-15)
uniq = {Fraction(1, 2), Fraction(2, 4), Fraction(3, 6), Fraction(1, 3)}
print(len(uniq), sorted(uniq))
try:
    Fraction(1, 0)
except ZeroDivisionError as err:
    print("ZeroDivisionError:", err)
try:
    half / Fraction(0)
except ZeroDivisionError as err:
    print("ZeroDivisionError:", err)
def cf(x, terms):
    out = []
    for _ in range(terms):
        a = x.num // x.den
        out.append(a)
        r = x - a
        if r.num == 0:
            break
        x = Fraction(r.den, r.num)
    return out
print(cf(Fraction(415, 93), 10), cf(Fraction(355, 113), 10), cf(e, 12))
