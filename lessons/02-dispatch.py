# Lesson 2's program: the same loop, run with ints and then with floats.
def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b

print(run(3, 2))
print(run(0.5, 2))
