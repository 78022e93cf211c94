# Uncaught AttributeError on a module
import modules.util as util
import math
print(util.clamp(12, 0, 10))
print(util.VERSION, util.version_tuple())
print(hasattr(util, "shout"), hasattr(util, "zzzzzz"))
try:
    math.qqqq
except AttributeError as e:
    print("caught:", e)
names = ["clamp", "shout", "zzzzzz"]
for n in names:
    print("looking up", n)
    f = getattr(util, n)
    print("found", n, callable(f))
print("unreachable")
