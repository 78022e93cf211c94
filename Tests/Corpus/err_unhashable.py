# Uncaught TypeError: unhashable type
seen = {}
for item in [(1, 2), "ab", 3, 4.5, None, True]:
    seen[item] = repr(item)
print(seen)
try:
    seen[{"k": 1}] = 1
except TypeError as e:
    print("caught:", e)
try:
    s = {1, [2]}
except TypeError as e:
    print("caught:", e)
for item in [(1, 2), [4, 5]]:
    print("adding", item)
    seen[item] = True
print(seen)
