# identity vs equality, __hash__, unhashable when __eq__ defined without __hash__
class Plain:
    def __init__(self, v):
        self.v = v
a = Plain(1)
b = Plain(1)
print(a == b, a == a, a is b, a != b, a in [b], a in [a])
d = {a: "a", b: "b"}
print(len(d), d[a], d[b])
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, o):
        return isinstance(o, Key) and self.name.lower() == o.name.lower()
    def __hash__(self):
        return hash(len(self.name))
    def __repr__(self):
        return "Key(" + self.name + ")"
k = {Key("Alpha"): 1}
k[Key("ALPHA")] = 2
k[Key("beta")] = 3
print(k, Key("alpha") in k, Key("gamma") in k)
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(EqOnly(1) == EqOnly(1), EqOnly(1) != EqOnly(2))
try:
    {EqOnly(1): 1}
except TypeError as e:
    print("TypeError:", e)
try:
    hash([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    s = {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    d2 = {{}: 1}
except TypeError as e:
    print("TypeError:", e)
print(hash(1) == hash(1.0), hash(0) == hash(False), hash(5), hash(-1), hash(-2), hash(True), hash(0.5) == hash(0.5))
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 20) == hash(10 ** 20), hash((1, "a")) == hash((1, "a")))
class Card:
    def __init__(self, rank, suit):
        self.rank = rank
        self.suit = suit
    def __eq__(self, o):
        return (self.rank, self.suit) == (o.rank, o.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __lt__(self, o):
        return (self.rank, self.suit) < (o.rank, o.suit)
    def __repr__(self):
        return str(self.rank) + self.suit
hand = [Card(10, "h"), Card(2, "s"), Card(10, "h"), Card(2, "c"), Card(14, "d")]
uniq = set(hand)
print(len(uniq), sorted(uniq), sorted(hand), Card(2, "s") in uniq)
counts = {}
for c in hand:
    counts[c] = counts.get(c, 0) + 1
print(counts)
x = [1, 2]
y = x
z = [1, 2]
print(id(x) == id(y), id(x) == id(z), x is y, x == z)
