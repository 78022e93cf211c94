# assignment forms: unpacking, chained, augmented on attrs/subscripts, annotated
a = b = c = 0
print(a, b, c)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = "xyz"
print(a, b, c)
(a, b), c = (1, 2), 3
print(a, b, c)
[d, e] = [4, 5]
print(d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = range(5)
print(init, last)
x, *mid, y = "abcde"
print(x, mid, y)
p, *q = [9]
print(p, q)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
count: int = 3
label: str = "hi"
ratio: float = 0.5
ratio *= 1
print(count, label, ratio)
xs = [1, 2, 3]
xs[0] += 10
xs[-1] *= 3
xs[1] -= 5
print(xs)
d = {"k": 1}
d["k"] += 1
d["j"] = d["k"] * 2
print(d)
class Box:
    pass
box = Box()
box.v = 1
box.v += 41
box.items = []
box.items += [1, 2]
print(box.v, box.items)
lst = [1]
alias = lst
lst += [2]
print(alias, alias is lst)
tup = (1,)
alias_t = tup
tup += (2,)
print(alias_t, tup, alias_t is tup)
s = "ab"
s += "cd"
s *= 2
print(s)
n = 10
n //= 3
n **= 3
n %= 5
n <<= 4
n |= 1
n ^= 3
n &= 0xFE
n >>= 1
print(n)
m = [[0, 0], [0, 0]]
m[1][0] += 7
print(m)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
x = [0, 1]
x[0], x[1] = x[1], x[0]
print(x)
del d["k"]
print(d)
del box.v
print(hasattr(box, "v"), hasattr(box, "items"))
z = 5
del z
try:
    print(z)
except NameError as e:
    print("NameError:", e)
