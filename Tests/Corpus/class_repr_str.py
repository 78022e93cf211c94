# __str__ and __repr__ in print, str(), repr(), containers, f-strings
class OnlyRepr:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return "OnlyRepr(" + repr(self.v) + ")"
class OnlyStr:
    def __init__(self, v):
        self.v = v
    def __str__(self):
        return "str:" + str(self.v)
    def __repr__(self):
        return "OnlyStr<" + str(self.v) + ">"
class Both:
    def __init__(self, name):
        self.name = name
    def __str__(self):
        return "Both named " + self.name
    def __repr__(self):
        return "Both(name=%r)" % self.name
r = OnlyRepr("it's")
s = OnlyStr(3)
b = Both('say "hi"')
print(r, s, b)
print(str(r), str(s), str(b))
print(repr(r), repr(s), repr(b))
print([r, s, b])
print((r,), {"k": b}, {b.name: [s]})
print(f"{r} | {s} | {b} | {b!r} | {s!s} | {r!r}")
print("%s / %r" % (b, b), "{} {!r}".format(s, s))
class Temp:
    def __init__(self, c):
        self.c = c
    def __str__(self):
        return f"{self.c:.1f}\u00b0C"
    def __repr__(self):
        return f"Temp({self.c!r})"
temps = [Temp(21.456), Temp(-3), Temp(0.05)]
for t in temps:
    print(t, repr(t), str(t), [t])
print(temps)
print(str(temps), "-".join([str(t) for t in temps]))
class Node:
    def __init__(self, val, children=None):
        self.val = val
        self.children = children or []
    def __repr__(self):
        if not self.children:
            return "Node(" + repr(self.val) + ")"
        return "Node(" + repr(self.val) + ", " + repr(self.children) + ")"
tree = Node("root", [Node(1), Node("two", [Node(3.0), Node(None)]), Node([4])])
print(tree)
class Sub(Both):
    def __str__(self):
        return "Sub/" + super().__str__()
x = Sub("inherit")
print(x, repr(x), [x])
