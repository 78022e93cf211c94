# getattr/setattr/hasattr, callable, id comparisons, type checks
class Config:
    debug = False
    def __init__(self):
        self.name = "cfg"
    def describe(self):
        return "Config " + self.name
c = Config()
print(getattr(c, "name"), getattr(c, "debug"), getattr(c, "missing", None), getattr(Config, "debug"))
print(hasattr(c, "name"), hasattr(c, "describe"), hasattr(c, "nope"), hasattr(Config, "name"))
setattr(c, "level", 3)
setattr(c, "name", "renamed")
print(c.level, c.name, getattr(c, "describe")())
for attr in ["name", "level", "debug", "ghost"]:
    print(attr, hasattr(c, attr), getattr(c, attr, "<none>"))
fields = {"a": 1, "b": [2], "c": "three"}
for k, v in fields.items():
    setattr(c, k, v)
print([getattr(c, k) for k in fields])
try:
    getattr(c, "ghost")
except AttributeError as e:
    print("AttributeError:", e)
method = getattr(c, "describe")
print(callable(method), method(), callable(c), callable(Config))
print(hasattr("abc", "upper"), getattr("abc", "upper")(), hasattr([], "append"), hasattr({}, "keys"))
a = [1]
b = a
print(id(a) == id(b), id(a) == id([1]), id(None) == id(None))
def dispatch(obj, action, *args):
    handler = getattr(obj, "do_" + action, None)
    if handler is None:
        return "unknown action " + action
    return handler(*args)
class Robot:
    def __init__(self):
        self.pos = 0
    def do_move(self, n):
        self.pos += n
        return "moved to " + str(self.pos)
    def do_reset(self):
        self.pos = 0
        return "reset"
r = Robot()
for cmd in [("move", 3), ("move", -1), ("jump",), ("reset",), ("move", 10)]:
    print(cmd, "->", dispatch(r, cmd[0], *cmd[1:]))
import math
print(getattr(math, "sqrt")(16), hasattr(math, "pi"), hasattr(math, "nonexistent"), getattr(math, "tau_x", "no"))
