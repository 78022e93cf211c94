# Lesson 6's program: the seed's max(a, b), called in a hot loop whose branch flips, then with floats.
def max(a, b):
    if a > b:
        return a
    else:
        return b


def run(values):
    total = 0
    for v in values:
        total += max(v, 3)
    return total


# First a > b (5 > 3), then a <= b (1 <= 3), then floats (2.5 <= 3).
print(run([5] * 40 + [1] * 40 + [2.5] * 40))
