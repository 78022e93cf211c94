# Lesson 3's program: the seed's loop, hot enough to be traced.
def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b

print(run(3, 100))
