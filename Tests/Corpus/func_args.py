# defaults, keyword args, *args, **kwargs, keyword-only
def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct
print(greet("Ann"), greet("Bo", "Hi"), greet("Cy", punct="?"), greet(greeting="Yo", name="Di"))
def total(*args):
    print("args =", args, type(args))
    return sum(args)
print(total(), total(1), total(1, 2, 3))
def config(**kwargs):
    print("kwargs =", kwargs)
    for k, v in kwargs.items():
        print(" ", k, "->", v)
    return len(kwargs)
print(config(), config(b=2, a=1, c=3))
def mixed(a, b=2, *rest, key="k", flag=False, **extra):
    print("a", a, "b", b, "rest", rest, "key", key, "flag", flag, "extra", extra)
mixed(1)
mixed(1, 20, 30, 40)
mixed(1, key="K", other=5)
mixed(a=7, flag=True, z=1, y=2)
def kwonly(a, *, scale=1, offset=0):
    return a * scale + offset
print(kwonly(5), kwonly(5, scale=3), kwonly(5, offset=1, scale=2))
def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))
nums = [3, 1, 2]
opts = {"scale": 10, "offset": 5}
print(total(*nums), kwonly(2, **opts), greet(*["Eve", "Hey"]), max(*nums))
def show(a, b, c):
    return (a, b, c)
print(show(*"xyz"), show(1, *[2, 3]), show(c=3, **{"a": 1, "b": 2}))
def annotated(x: int, y: float = 1.5) -> str:
    return str(x * y)
print(annotated(2), annotated(3, y=2))
try:
    greet()
except TypeError as e:
    print("TypeError:", e)
try:
    show(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    show(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    show(1, 2, 3, d=4)
except TypeError as e:
    print("TypeError:", e)
try:
    show(1, 2, a=1)
except TypeError as e:
    print("TypeError:", e)
