# Lesson 1's program: the loop from the talk.
def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b

print(run(3, 4))
