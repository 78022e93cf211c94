# Uncaught ZeroDivisionError from float division
rates = [0.5, 0.25, 0.0]
print(1.0 / 3, 2.0 / -4, -0.0 / 1)
try:
    print(1.5 % 0.0)
except ZeroDivisionError as e:
    print("caught:", e)
try:
    print(1.5 // 0.0)
except ZeroDivisionError as e:
    print("caught:", e)
try:
    print(1 / 0.0)
except ZeroDivisionError as e:
    print("caught:", e)
for r in rates:
    print("1 /", r, "=", 1.0 / r)
print("unreachable")
