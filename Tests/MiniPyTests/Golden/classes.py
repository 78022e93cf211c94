class Shape:
    sides = 0

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r})"


@decorate
class Square(Shape):
    sides = 4

    def __init__(self, size):
        super().__init__("square")
        self.size = size

    @property
    def area(self):
        return self.size ** 2


shapes = [Square(n) for n in range(3) if n]
print(len(shapes), {s.size: s.area for s in shapes})
