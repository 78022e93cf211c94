# Hot loops whose guards start failing part-way: each becomes a bridge (or deoptimizes) and the results
# must not change. Run with a low threshold and trace_eagerness so every guard gets its chance.


def max2(a, b):
    if a > b:
        return a
    else:
        return b


def maxes(n):
    # the seed's max(a, b): one direction first, then both, then floats arrive
    total = 0
    i = 0
    while i < n:
        if i < n // 3:
            total += max2(i, 5)
        elif i < 2 * n // 3:
            total += max2(i % 10, 5)
        else:
            total += max2(i % 10 + 0.25, 5)
        i += 1
    return total


def flips(n):
    # a branch that goes one way for a while, then the other way for good
    a = 0
    b = 0
    for i in range(n):
        if i < 700:
            a += i
        else:
            b += i * 2
    return a, b


def three_ways(n):
    # a guard in a bridge fails too: bridges grow off bridges
    counts = [0, 0, 0]
    s = 0
    for i in range(n):
        r = i % 3
        if r == 0:
            s += 1
        elif r == 1:
            s -= 2
        else:
            s *= 1
        counts[r] += 1
    return s, counts


class Square:
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side


class Circle:
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Blob:
    def area(self):
        return 0.5


def areas(n):
    # a polymorphic call site: the receiver's class changes from iteration to iteration
    shapes = [Square(2), Circle(1), Square(3), Blob()]
    total = 0
    for i in range(n):
        total += shapes[i % len(shapes)].area()
    return total


def ints_then_floats(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = x / 4
        x = x + i
    return x


def grows(n):
    # small ints, then ints past 64 bits (the overflow guards fail)
    x = 1
    out = []
    for i in range(n):
        x = x * 3 + 1
        if i % 10 == 0:
            out.append(x % 1000003)
    return out[-3:]


def exits(n):
    # the loop's exit guard fails once per call; the caller calls it many times
    def count_to(k):
        j = 0
        while j < k:
            j += 1
        return j

    total = 0
    for i in range(n):
        total += count_to(i % 5 + 3)
    return total


def raises(n):
    caught = 0
    total = 0
    for i in range(n):
        try:
            if i % 97 == 0:
                raise ValueError(i)
            total += 100 // (i % 13 + 1)
        except ValueError:
            caught += 1
    return caught, total


print(maxes(3000))
print(flips(2000))
print(three_ways(3000))
print(areas(2000))
print(ints_then_floats(2000))
print(grows(200))
print(exits(600))
print(raises(3000))
