# A builtin shadowed by a global part-way through a hot loop, and unshadowed again.


def measure(words, shadow_at, unshadow_at):
    global len
    total = 0
    for i in range(len(words)):
        total += len(words[i])
        if i == shadow_at:
            len = lambda s: 1000
        if i == unshadow_at:
            del len
    return total


words = ["a", "bb", "ccc", "dddd"] * 10
print(measure(words, 10, 30))
print(measure(words, 100, 100))


def biggest(values):
    best = 0
    for v in values:
        best = max(best, abs(v))
    return best


print(biggest(list(range(-30, 20))))
abs = lambda v: v
print(biggest(list(range(-30, 20))))
