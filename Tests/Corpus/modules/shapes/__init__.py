# package init: re-exports classes from submodules
print("shapes package init")
from modules.shapes.circle import Circle
from modules.shapes.square import Square
ALL = ["Circle", "Square"]
def make(kind, size):
    if kind == "circle":
        return Circle(size)
    return Square(size)
