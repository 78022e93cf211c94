# dict insertion order after deletes and re-inserts
d = {}
for k in ["one", "two", "three", "four", "five"]:
    d[k] = len(k)
print(d)
del d["two"]
print(d)
d["two"] = 2
print(d)
d["one"] = 100
print(d, list(d))
d.pop("three")
d["three"] = 3
d["six"] = 6
print(d)
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "=>", v)
d2 = {"b": 1, "a": 2}
d2.update({"c": 3, "b": 10})
print(d2)
d2.update([("z", 0), ("a", 20)])
print(d2)
d2.update(x=1, y=2)
print(d2)
print(d2.popitem(), d2.popitem(), d2)
d2["new"] = 0
print(d2.popitem(), d2)
e = {1: "a", True: "b", 1.0: "c", 2: "d"}
print(e)
f = {}
f[2] = "two"
f[1] = "one"
f[0] = "zero"
print(f, sorted(f), sorted(f.items()))
for i in range(10):
    f[i % 4] = i
print(f)
keys = list(f)
for k in keys:
    if k % 2 == 0:
        del f[k]
print(f)
f[0] = "back"
print(f, len(f))
print({"x": 1} == {"x": 1.0}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"a": 1, "b": 2}) == list({"b": 2, "a": 1}))
print(d.keys(), d.values(), d.items() if len(d) < 3 else "items", {}.keys())
