# Uncaught TypeError: unsupported operand types
def total(items):
    t = 0
    for it in items:
        t = t + it
        print("subtotal", t)
    return t
print(total([1, 2, 3]))
print(total([1.5, True, -2]))
try:
    print([1, 2] - [1])
except TypeError as e:
    print("caught:", e)
try:
    print({"a": 1} + {"b": 2})
except TypeError as e:
    print("caught:", e)
print(total([1, "2", 3]))
print("unreachable")
