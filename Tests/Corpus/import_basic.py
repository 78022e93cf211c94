# import forms: import m as x, from m import a, b as c
print("main starts")
import modules.util as util
from modules.geometry import Point, distance as dist, origin
print("imports done")
print(util.VERSION, util.version_tuple(), util.load_count)
print(util.shout("hello"), util.shout("bye"), util.calls())
print(util.clamp(5, 0, 3), util.clamp(-5, 0, 3), util.clamp(2, 0, 3))
print(util.bump(), util.bump(), util.counter)
p = Point(3, 4)
q = origin()
print(p, q, dist(p, q), dist(q, Point(1, 1)), p + Point(1, 1), p == Point(3, 4))
print(type(p), isinstance(p, Point))
pts = {Point(0, 0): "o", Point(1, 0): "x"}
print(pts[origin()], len(pts))
util.VERSION = "9.9.9"
print(util.version_tuple())
print(__name__)
