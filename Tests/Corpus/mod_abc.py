# abc.ABC and abstractmethod
from abc import ABC, abstractmethod
class Shape(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def area(self):
        pass
    @abstractmethod
    def perimeter(self):
        pass
    def describe(self):
        return "%s: area=%.2f perimeter=%.2f" % (self.name, self.area(), self.perimeter())
class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
    def perimeter(self):
        return 2 * (self.w + self.h)
class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r
    def area(self):
        return 3.141592653589793 * self.r ** 2
    def perimeter(self):
        return 2 * 3.141592653589793 * self.r
class HalfDone(Shape):
    def area(self):
        return 0
shapes = [Rect(2, 3), Circle(1), Rect(0.5, 0.5)]
for s in shapes:
    print(s.describe(), isinstance(s, Shape), isinstance(s, ABC))
print(sorted([round(s.area(), 3) for s in shapes]))
for cls in [Shape, HalfDone]:
    try:
        cls("x")
        print("instantiated?!")
    except TypeError as e:
        print("TypeError:", e)
class Plugin(ABC):
    @abstractmethod
    def run(self, x):
        pass
    @staticmethod
    def helper():
        return "static on abc"
class Doubler(Plugin):
    def run(self, x):
        return x * 2
class Greeter(Plugin):
    def run(self, x):
        return "hi " + str(x)
print([p.run(21) for p in [Doubler(), Greeter()]], Plugin.helper(), issubclass(Doubler, Plugin))
class Concrete(ABC):
    def ok(self):
        return "no abstract methods, instantiable"
print(Concrete().ok())
