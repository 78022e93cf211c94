# Value objects for positions on a toroidal grid: dunder methods for
# arithmetic, equality, hashing (used as dict keys) and ordering.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Point(self.x - other.x, self.y - other.y)

    def __eq__(self, other):
        return isinstance(other, Point) and self.x == other.x and self.y == other.y

    def __hash__(self):
        return self.x * 7919 + self.y

    def __lt__(self, other):
        if self.y != other.y:
            return self.y < other.y
        return self.x < other.x

    def __repr__(self):
        return f"({self.x},{self.y})"

    def manhattan(self, other):
        return abs(self.x - other.x) + abs(self.y - other.y)


DIRECTIONS = [Point(1, 0), Point(0, 1), Point(-1, 0), Point(0, -1)]


class Torus:
    def __init__(self, width, height):
        self.width = width
        self.height = height

    def wrap(self, p):
        return Point(p.x % self.width, p.y % self.height)

    def neighbours(self, p):
        return [self.wrap(p + d) for d in DIRECTIONS]

    @property
    def area(self):
        return self.width * self.height
