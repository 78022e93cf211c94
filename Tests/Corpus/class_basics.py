# classes: __init__, methods, class vs instance attributes
class Dog:
    species = "canis familiaris"
    count = 0
    tricks_shared = []
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        self.tricks = []
        Dog.count += 1
    def add_trick(self, t):
        self.tricks.append(t)
        self.tricks_shared.append(t)
        return self
    def describe(self):
        return self.name + " is " + str(self.age) + " (" + self.species + ")"
    def birthday(self):
        self.age += 1
        return self.age
a = Dog("Rex", 3)
b = Dog("Fido")
print(a.describe(), "|", b.describe(), "|", Dog.count, a.count, b.count)
a.add_trick("sit").add_trick("roll")
b.add_trick("fetch")
print(a.tricks, b.tricks, Dog.tricks_shared, a.tricks_shared is b.tricks_shared)
print(a.birthday(), a.birthday(), a.age, b.age)
a.species = "wolf"
print(a.species, b.species, Dog.species)
Dog.species = "dog"
print(a.species, b.species, Dog.species)
del a.species
print(a.species)
b.count = 99
print(Dog.count, a.count, b.count)
m = a.describe
print(m())
a.name = "Max"
print(m())
f = Dog.describe
print(f(b))
class Empty:
    pass
e = Empty()
e.x = 1
e.y = [e.x, 2]
print(e.x, e.y, hasattr(e, "x"), hasattr(e, "z"), getattr(e, "z", "default"), getattr(e, "x"))
setattr(e, "z", 42)
print(e.z, isinstance(e, Empty), isinstance(a, Empty), type(e) == Empty, type(a) is Dog)
class Point:
    def __init__(self, x=0, y=0):
        self.x = x
        self.y = y
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
    def dist2(self, other):
        return (self.x - other.x) ** 2 + (self.y - other.y) ** 2
p, q = Point(), Point(3, 4)
print(p.dist2(q), q.dist2(p))
p.move(1, 1)
p.move(dy=2, dx=0)
print(p.x, p.y, p.dist2(q))
points = [Point(i, i * i) for i in range(4)]
print([(pt.x, pt.y) for pt in points])
print(type(p), type(Dog), Point, a == a, a == b, a != b)
