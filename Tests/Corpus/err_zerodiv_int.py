# Uncaught ZeroDivisionError from int true division
def average(xs):
    return sum(xs) / len(xs)
print(average([1, 2, 3, 4]))
print(average([7]))
print(average([2 ** 60, 2 ** 60]))
scores = {"ann": [90, 80], "bob": [70, 75, 80], "cy": []}
for name in ["ann", "bob"]:
    print(name, average(scores[name]))
try:
    print(10 / 0)
except ZeroDivisionError as e:
    print("caught:", e)
for name, s in scores.items():
    print("average for", name)
    print(average(s))
print("unreachable")
