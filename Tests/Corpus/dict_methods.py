# dict methods and repr
d = {"name": "Widget", "price": 9.99, "tags": ["a", "b"], "dims": (1, 2), "meta": {"x": None, "ok": True}}
print(d)
print(repr(d))
print(d["name"], d.get("price"), d.get("missing"), d.get("missing", "default"), d.get("tags", []))
print("name" in d, "Widget" in d, "missing" not in d, len(d))
print(d.setdefault("price", 0), d.setdefault("stock", 5), d)
print(d.pop("stock"), d.pop("stock", "gone"), d.pop("nothing", None))
c = d.copy()
c["name"] = "Gadget"
c["tags"].append("shared")
print(d["name"], c["name"], d["tags"], c["tags"] is d["tags"])
c.clear()
print(c, len(c), d == c)
print(dict(a=1, b=2), dict([("x", 1), ("y", 2)]), dict(zip("abc", range(3))), dict({"k": 1}), dict())
print(dict([("a", 1)], b=2), dict({"a": 1}, a=5))
print({(1, 2): "tuple", 3: "int", "s": "str", None: "none", 2.5: "float", True: "bool"})
inv = {}
for word in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    inv.setdefault(word[0], []).append(word)
print(inv)
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(max(counts, key=lambda k: counts[k]), min(counts.values()), sum(counts.values()))
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
nested["a"]["e"] = [1, {"f": "g"}]
print(nested, nested["a"]["e"][1]["f"])
try:
    d["nope"]
except KeyError as e:
    print("KeyError", e, repr(e))
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
try:
    {(1, 2): 3}[(2, 1)]
except KeyError as e:
    print("KeyError", e)
sq = {}
sq[10] = 100
sq[-1] = 1
sq[0] = 0
for k, v in sq.items():
    print(k, v, end="; ")
print()
print({"quote's": 'dq"', "tab\t": "nl\n", "\u00e9": "\U0001F600"})
