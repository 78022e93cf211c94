# Uncaught TypeError: too many positional arguments
def f(a, b):
    return a + b
print(f(1, 2))
print(f(*[3, 4]))
print(f(b="x", a="y"))
try:
    f(1)
except TypeError as e:
    print("caught:", e)
try:
    f(1, 2, c=3)
except TypeError as e:
    print("caught:", e)
calls = [(1, 2), (5, 6), (1, 2, 3)]
for args in calls:
    print("calling with", args)
    print(f(*args))
