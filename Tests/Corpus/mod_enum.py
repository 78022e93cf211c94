# enum.Enum with attribute-style members
from enum import Enum
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
class Status(Enum):
    ACTIVE = "active"
    INACTIVE = "inactive"
    PENDING = (1, "p")
print(Color.RED, Color.GREEN.name, Color.GREEN.value, Status.ACTIVE.value, Status.PENDING.value)
print(repr(Color.BLUE), str(Color.BLUE), [Color.RED, Status.INACTIVE])
print(Color.RED == Color.RED, Color.RED is Color.RED, Color.RED == Color.GREEN, Color.RED != Color.BLUE)
print(Color.RED == 1, Color.RED.value == 1, isinstance(Color.RED, Color), isinstance(Color.RED, Status))
print(type(Color.RED) == Color, f"{Color.RED.name}={Color.RED.value}")
def describe(c):
    if c is Color.RED:
        return "warm"
    elif c == Color.BLUE:
        return "cool"
    return "neutral"
for c in [Color.RED, Color.GREEN, Color.BLUE]:
    print(c.name, c.value, describe(c))
prices = {Color.RED: 10, Color.GREEN: 20}
prices[Color.BLUE] = 30
print(prices[Color.GREEN], Color.BLUE in prices, len(prices), sorted([k.name for k in prices]))
class Light:
    def __init__(self):
        self.state = Status.INACTIVE
    def toggle(self):
        self.state = Status.ACTIVE if self.state is Status.INACTIVE else Status.INACTIVE
        return self.state.name
l = Light()
print(l.toggle(), l.toggle(), l.toggle(), l.state.value)
order = [Color.BLUE, Color.RED, Color.GREEN]
print([c.name for c in sorted(order, key=lambda c: c.value)])
class Planet(Enum):
    MERCURY = 1
    VENUS = 2
    def label(self):
        return self.name.capitalize() + "#" + str(self.value)
print(Planet.VENUS.label(), Planet.MERCURY.label())
print(hasattr(Color, "RED"), hasattr(Color, "PURPLE"), getattr(Color, "GREEN") is Color.GREEN)
