# shapes.circle submodule
import math
from modules.geometry import Point
print("shapes.circle loaded")
class Circle:
    kind = "circle"
    def __init__(self, r, center=None):
        self.r = r
        self.center = center or Point(0, 0)
    def area(self):
        return math.pi * self.r ** 2
    def __repr__(self):
        return "Circle(r=%r, center=%r)" % (self.r, self.center)
