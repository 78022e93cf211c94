# A hot loop calls a global function that is redefined part-way, from inside the loop and from outside it.


def step(x):
    return x + 1


def double_step(x):
    return x + 2


def run(n, switch_at):
    global step
    total = 0
    for i in range(n):
        total = step(total)
        if i == switch_at:
            step = double_step
    return total


print(run(60, 30))
print(run(60, 100))


def step(x):
    return x * 2 % 1000003


print(run(60, 100))


def scale(values, k):
    out = 0
    for v in values:
        out += helper(v, k)
    return out


def helper(v, k):
    return v * k


print(scale(list(range(50)), 3))
helper = lambda v, k: v - k
print(scale(list(range(50)), 3))
