# packages: __init__.py re-exports, submodule imports
print("before package import")
from modules.shapes import Circle, Square, make, ALL
print("after package import")
import modules.shapes.circle
from modules.shapes.square import Square as Sq
import modules.shapes as shapes
print(ALL, Sq is Square, modules.shapes.circle.Circle is Circle, shapes.Circle is Circle)
c = Circle(2)
s = Square(3)
print(c, s, round(c.area(), 4), s.area(), c.kind, s.kind)
items = [make("circle", 1), make("square", 2), shapes.make("circle", 0.5)]
for it in items:
    print(it, round(it.area(), 3))
print(sorted([round(i.area(), 2) for i in items]))
from modules.geometry import Point
c2 = Circle(1, Point(5, 5))
print(c2.center, c2.center == Point(5, 5))
