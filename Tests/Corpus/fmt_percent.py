# %-formatting
print("%d %s %5.2f %r %x" % (42, "str", 3.14159, "it's", 255))
print("%i|%5d|%-5d|%05d|%+d|%+d|% d" % (7, 42, 42, 42, 42, -42, 42))
print("%s|%10s|%-10s|%.2s|%r|%r" % ("abc", "abc", "abc", "abc", 'q"q', "it's"))
print("%f|%.0f|%.1f|%10.3f|%-10.3f|%010.3f|%+.2f" % (2.5, 2.5, 0.05, 3.14159, 3.14159, -3.14159, 1.0))
print("%e|%.2e|%E|%g|%g|%g|%G|%.3g" % (12345.678, 0.000123, 1e-10, 0.0001, 0.00001, 1e16, 1e-20, 3.14159))
print("%x|%X|%#x|%#X|%o|%#o|%08x|%-6x|" % (255, 255, 255, 255, 8, 8, 48879, 10))
print("%d%%|%.1f%%|100%%" % (50, 12.345))
print("%s and %s" % ("a", "b"), "%s" % "single", "%s" % (("tuple",),), "%s" % [1, 2], "%d" % 3.99)
print("%s %s" % (None, True), "%d" % True, "%r %r" % (1.5, [None]), "%.3s" % "truncate")
print("%c%c%c" % (72, 105, 33), "%c" % "x")
print("%5s|%-5s|%5s" % ("toolong", "x", ""), "%3d|%-3d" % (12345, 1))
print("%s is %d" % ("Ann", 30), "%s" % {"name": "Ann"}, "%s" % ((1, 2),))
rows = [("Alice", 93.5, 1), ("Bob", 8.25, 22), ("Christina", 100.0, 333)]
for r in rows:
    print("%-10s|%7.2f|%4d|" % r)
print("%s" % 10 ** 30, "%d" % -(2 ** 70), "%x" % 2 ** 70, "%.2f" % 2 ** 70, "%e" % 2 ** 70)
print("%.2f %.2f %.2f %.2f %.1f %.0f %.0f" % (2.675, 1.005, 0.125, 0.375, 0.25, 0.5, 1.5))
print("%f %e %g" % (float("inf"), float("-inf"), float("nan")))
print("%s" % "%d", "%%d" % (), "a%sb" % "")
try:
    print("%d" % "x")
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s %s" % ("only one",))
except TypeError as e:
    print("TypeError:", e)
try:
    print("%s" % ("a", "b"))
except TypeError as e:
    print("TypeError:", e)
