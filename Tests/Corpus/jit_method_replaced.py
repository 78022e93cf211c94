# A class whose methods and class attributes change while hot loops use them.


class Shape:
    sides = 0

    def area(self):
        return 1

    @staticmethod
    def unit():
        return 10


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


def big_area(self):
    return self.s * self.s * 100


def through_instance(items, switch_at):
    total = 0
    for i in range(len(items)):
        total += items[i].area()
        if i == switch_at:
            Square.area = big_area
    return total


def through_class(items, switch_at):
    total = 0
    for i in range(len(items)):
        total += Square.area(items[i]) + Square.sides + Shape.unit()
        if i == switch_at:
            Square.sides = 5
    return total


squares = [Square(k % 7) for k in range(40)]
print(through_instance(squares, 20))
print(through_class(squares, 25))


# A base-class attribute shadowed by a new subclass attribute mid-loop (the MRO lookup changes).
class Base:
    bonus = 1


class Child(Base):
    pass


def bonuses(n, switch_at):
    total = 0
    for i in range(n):
        total += Child.bonus
        if i == switch_at:
            Child.bonus = 100
        if i == switch_at + 10:
            del Child.bonus
    return total


print(bonuses(40, 15))
Base.bonus = 7
print(bonuses(40, 100))
