# Guards failing inside an inlined __init__ (the frame being constructed is rebuilt, and its return still yields
# the instance), exceptions raised from __init__ in a loop, an __init__ that returns something else, and a
# constructor that rebinds self.


class Cell:
    def __init__(self, v):
        self.v = v
        if v > 150:
            self.big = True
        else:
            self.small = v
        self.twice = v + v


cells = []
for i in range(300):
    cells.append(Cell(i))
print(len(cells), cells[10].small, cells[200].big, cells[299].twice, sorted(cells[151].__dict__))
print(sum([c.twice for c in cells]), len([c for c in cells if hasattr(c, "big")]))


class Acc:
    def __init__(self, x, scale=1):
        self.x = x * scale
        self.neg = -self.x


total = 0
i = 0
while i < 200:
    a = Acc(i, 3) if i < 120 else Acc(i * 1.5)
    total += a.x + a.neg + a.x
    i += 1
print(total)


class Picky:
    def __init__(self, n):
        if n % 37 == 36:
            raise ValueError("no " + str(n))
        self.n = n


made = 0
errors = []
for n in range(150):
    try:
        made += Picky(n).n
    except ValueError as e:
        errors.append(str(e))
print(made, errors)


class Odd:
    def __init__(self, k):
        self.k = k
        if k == 90:
            return k


got = 0
for k in range(100):
    try:
        got += Odd(k).k
    except TypeError as e:
        print("TypeError:", e)
print(got)


class Rebind:
    def __init__(self, k):
        self.k = k
        self = None


r = 0
for k in range(80):
    r += Rebind(k).k
print(r)


class Node:
    def __init__(self, value, rest):
        self.value = value
        self.rest = rest


chain = None
for k in range(120):
    chain = Node(k, chain)
count = 0
length = 0
while chain is not None:
    count += chain.value
    length += 1
    chain = chain.rest
print(count, length)


class Empty:
    pass


flags = [Empty() for _ in range(50)]
for j in range(50):
    if j % 5 == 0:
        flags[j].mark = j
print(sum([f.mark for f in flags if hasattr(f, "mark")]))
