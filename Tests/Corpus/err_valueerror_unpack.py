# Uncaught ValueError from tuple unpacking
pairs = [(1, 2), (3, 4), (5, 6, 7)]
a, b = "xy"
print(a, b)
try:
    a, b = [1]
except ValueError as e:
    print("caught:", e)
try:
    a, b, c = (1, 2, 3, 4)
except ValueError as e:
    print("caught:", e)
first, *rest = (5, 6, 7)
print(first, rest)
for a, b in pairs:
    print(a, b, a * b)
print("unreachable")
