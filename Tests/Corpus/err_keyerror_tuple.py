# Uncaught KeyError with a tuple key
grid = {}
for x in range(3):
    for y in range(3):
        grid[(x, y)] = x * y
print(len(grid), grid[(2, 2)], grid[1, 2])
try:
    grid[(0, 5)]
except KeyError as e:
    print("caught:", e, repr(e))
total = 0
for x in range(4):
    total += grid[(x, 1)]
    print("running", total)
print("unreachable")
