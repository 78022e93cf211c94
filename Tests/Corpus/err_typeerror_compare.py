# Uncaught TypeError from comparing int and str while sorting
values = [3, 1, 2]
print(sorted(values), sorted(values, reverse=True))
print(1 < 2.5, "a" < "b", (1, "a") < (1, "b"), [1] < [1, 0])
try:
    print(1 < "1")
except TypeError as e:
    print("caught:", e)
print(1 == "1", 1 != "1")
print(sorted(["b", "A", "a"]), sorted([True, 0, 0.5]))
values.append("4")
print(values)
print(max(values[:3]))
print(sorted(values))
print("unreachable")
