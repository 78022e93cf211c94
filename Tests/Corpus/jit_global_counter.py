# Globals and class attributes rebound on every iteration of a hot loop: the loop keeps working (and in
# metalab, stops folding them instead of being invalidated on every iteration).
count = 0
limit = 50


def tick(n):
    global count
    for i in range(n):
        count = count + i % 3
        if count > limit * 1000:
            break
    return count


print(tick(200))
print(tick(200))


class Stats:
    calls = 0


def track(n):
    for i in range(n):
        Stats.calls += 1
    return Stats.calls


print(track(100))
print(track(100))

total = 0
for k in range(300):
    total = total + k
print(total, count)

# Several globals rebound by one loop.
a = b = c = 0


def spin(n):
    global a, b, c
    for i in range(n):
        a += 1
        b += a
        c = c + b % 7
    return a + b + c


print(spin(100), spin(100))
