# Lesson 5's program: the seed's loop, run long enough to leave through a guard.
def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b

print(run(3, 100))
