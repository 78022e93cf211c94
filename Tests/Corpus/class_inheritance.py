# single inheritance, super(), overriding, isinstance/issubclass
class Animal:
    kingdom = "animalia"
    def __init__(self, name, sound="..."):
        self.name = name
        self.sound = sound
        print("Animal.__init__", name)
    def speak(self):
        return self.name + " says " + self.sound
    def kind(self):
        return "animal"
    def intro(self):
        return "I am a " + self.kind() + ": " + self.speak()
class Dog(Animal):
    def __init__(self, name):
        super().__init__(name, "woof")
        print("Dog.__init__", name)
    def kind(self):
        return "dog"
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
        print("Puppy.__init__", name, age)
    def speak(self):
        return super().speak() + " (squeaky)"
    def kind(self):
        return "puppy of " + super().kind()
class Cat(Animal):
    kingdom = "felidae?"
    def speak(self):
        return self.name + " purrs"
zoo = [Animal("Generic"), Dog("Rex"), Puppy("Bit", 1), Cat("Tom", "meow")]
for z in zoo:
    print(z.intro(), "|", z.kingdom)
print(isinstance(zoo[2], Puppy), isinstance(zoo[2], Dog), isinstance(zoo[2], Animal), isinstance(zoo[1], Puppy))
print(isinstance(zoo[3], (Dog, Cat)), isinstance(zoo[0], (Dog, Cat)), isinstance(5, (str, int)), isinstance("s", (int, float)))
print(issubclass(Puppy, Animal), issubclass(Animal, Dog), issubclass(Cat, Cat), issubclass(Dog, (Cat, Animal)))
print(issubclass(bool, int), isinstance(True, int), isinstance(1, bool), issubclass(Puppy, object), isinstance(Cat, type))
class Base:
    def __init__(self):
        self.log = ["Base"]
    def hook(self):
        return "base-hook"
    def run(self):
        return self.hook()
class Derived(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Derived")
    def hook(self):
        return "derived-hook+" + super().hook()
class NoInit(Derived):
    pass
d = NoInit()
print(d.log, d.run(), Base().run())
class Shape:
    def area(self):
        return 0
    def describe(self):
        return "shape with area " + str(round(self.area(), 2))
class Rect(Shape):
    def __init__(self, w, h):
        self.w = w
        self.h = h
    def area(self):
        return self.w * self.h
class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)
class Circle(Shape):
    def __init__(self, r):
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
shapes = [Shape(), Rect(2, 3), Square(4), Circle(1.5)]
for s in shapes:
    print(type(s), s.describe())
print(sum([s.area() for s in shapes]), max(shapes, key=lambda s: s.area()).describe())
print(type(shapes[2]) == Square, type(shapes[2]) == Rect, isinstance(shapes[2], Rect))
