# Uncaught TypeError: str + int
age = 30
msg = "age: " + str(age)
print(msg)
print("age: %d" % age, f"age: {age}", "age:", age)
try:
    print([1] + (2,))
except TypeError as e:
    print("caught:", e)
try:
    print(None + 1)
except TypeError as e:
    print("caught:", e)
print("ab" * 2, [0] * 3)
parts = ["x", "y"]
label = parts[0] + parts[1]
print(label)
msg = "age: " + age
print(msg)
