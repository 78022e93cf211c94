# __len__, __getitem__, __setitem__, __contains__, __iter__/__next__
class Grid:
    def __init__(self, w, h, fill=0):
        self.w = w
        self.h = h
        self.cells = [fill] * (w * h)
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError("grid index out of range: " + str(pos))
        return self.cells[y * self.w + x]
    def __setitem__(self, pos, v):
        x, y = pos
        self.cells[y * self.w + x] = v
    def __contains__(self, v):
        return v in self.cells
    def __str__(self):
        rows = []
        for y in range(self.h):
            rows.append(" ".join([str(self[x, y]) for x in range(self.w)]))
        return "\n".join(rows)
g = Grid(4, 3)
g[1, 1] = 5
g[3, 2] = 7
g[0, 0] += 2
print(g)
print(len(g), g[1, 1], 5 in g, 9 in g, 9 not in g, bool(g))
try:
    g[4, 0]
except IndexError as e:
    print("IndexError:", e)
class Countdown:
    def __init__(self, start):
        self.current = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1
for n in Countdown(5):
    print("tick", n)
print(list(Countdown(3)), sum(Countdown(10)), sorted(Countdown(4)))
c = Countdown(2)
print(next(c), next(c), next(c, "done"))
class Span:
    def __init__(self, lo, hi):
        self.lo = lo
        self.hi = hi
    def __iter__(self):
        return SpanIter(self.lo, self.hi)
    def __len__(self):
        return max(0, self.hi - self.lo)
class SpanIter:
    def __init__(self, lo, hi):
        self.i = lo
        self.hi = hi
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.hi:
            raise StopIteration
        self.i += 1
        return self.i - 1
s = Span(3, 7)
print(list(s), list(s), len(s), [x * x for x in s], list(zip(s, "abcdef")), list(enumerate(s)))
print(len(Span(5, 1)), bool(Span(5, 1)), bool(Span(1, 2)), 4 in s, 9 in s)
a, b, *c = Span(0, 5)
print(a, b, c, max(s), min(s), list(map(str, s)), dict(zip(s, s)))
class Deck:
    def __init__(self):
        self.cards = [r + s for s in "SH" for r in "A23"]
    def __getitem__(self, i):
        return self.cards[i]
    def __len__(self):
        return len(self.cards)
d = Deck()
print(len(d), d[0], d[-1], d[1:3], d[::2])
class Registry:
    def __init__(self):
        self.data = {}
    def __setitem__(self, k, v):
        print("set", k, v)
        self.data[k] = v
    def __getitem__(self, k):
        return self.data.get(k, "<missing>")
    def __contains__(self, k):
        return k in self.data
r = Registry()
r["a"] = 1
r["b"] = [2]
r["a"] += 10
print(r["a"], r["b"], r["zzz"], "a" in r, "q" in r)
