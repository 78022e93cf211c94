# Lesson 4's program: the seed's loop, and a loop that allocates a Point per iteration.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b


def walk(n):
    p = Point(0, 0)
    i = 0
    while i < n:
        p = Point(p.x + 1, p.y + 2)
        i += 1
    return p.x + p.y


print(run(3, 100))
print(walk(100))
