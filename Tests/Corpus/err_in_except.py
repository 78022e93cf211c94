# An exception raised inside an except handler (during handling of another)
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        print("missing key", repr(k), "- falling back")
        return d["default"] * 2
tables = [{"a": 1, "default": 5}, {"b": 2, "default": 7}]
for t in tables:
    print(lookup(t, "a"), lookup(t, "b"))
def parse_or_zero(s):
    try:
        return int(s)
    except ValueError:
        print("bad number", repr(s))
        return 0
print([parse_or_zero(s) for s in ["1", "x", "3"]])
print(lookup({"a": 1}, "b"))
print("unreachable")
