# class attributes: shared state, counters, shadowing, class-level constants and methods
class Config:
    DEFAULTS = {"color": "red", "size": 10}
    instances = []
    version = 1
    def __init__(self, **overrides):
        self.settings = dict(Config.DEFAULTS)
        self.settings.update(overrides)
        Config.instances.append(self)
    def get(self, k):
        return self.settings.get(k, self.DEFAULTS.get(k))
    @classmethod
    def count(cls):
        return len(cls.instances)
a = Config()
b = Config(color="blue")
print(a.settings, b.settings, Config.count(), a.get("size"), b.get("color"), a.get("zzz"))
Config.DEFAULTS["size"] = 99
c = Config()
print(a.settings["size"], c.settings["size"], Config.count())
a.version = 2
print(a.version, b.version, Config.version)
Config.version = 3
print(a.version, b.version, c.version)
class Shared:
    items = []
    def add(self, x):
        self.items.append(x)
class Separate:
    def __init__(self):
        self.items = []
    def add(self, x):
        self.items.append(x)
s1, s2 = Shared(), Shared()
s1.add(1)
s2.add(2)
p1, p2 = Separate(), Separate()
p1.add(1)
p2.add(2)
print(s1.items, s2.items, Shared.items, p1.items, p2.items)
class Base:
    kind = "base"
    tag = "B"
    def describe(self):
        return self.kind + "/" + self.tag + "/" + type(self).kind
class Child(Base):
    kind = "child"
class GrandChild(Child):
    tag = "G"
for obj in [Base(), Child(), GrandChild()]:
    print(obj.describe())
Base.tag = "B2"
print(Child().describe(), GrandChild().describe())
class Counter:
    created = 0
    def __init__(self):
        Counter.created += 1
        self.id = Counter.created
    def __repr__(self):
        return "Counter#%d" % self.id
objs = [Counter() for _ in range(4)]
print(objs, Counter.created, objs[2].created)
class Circle:
    PI = 3.14159
    def __init__(self, r):
        self.r = r
    def area(self):
        return Circle.PI * self.r ** 2
    def area2(self):
        return self.PI * self.r ** 2
c = Circle(2)
c.PI = 3
print(c.area(), c.area2(), Circle(2).area2())
class Temp:
    pass
Temp.added_later = "class attr added after definition"
t = Temp()
print(t.added_later, hasattr(Temp, "added_later"), getattr(t, "nope", "absent"))
