# exceptions raised in __init__, properties, dunders, comprehensions, lambdas
class Account:
    def __init__(self, owner, balance):
        if balance < 0:
            raise ValueError("negative opening balance: " + str(balance))
        self.owner = owner
        self.balance = balance
    @property
    def status(self):
        if self.balance == 0:
            raise RuntimeError("account empty")
        return "active"
    def __getitem__(self, i):
        if i != 0:
            raise IndexError("only index 0, got " + str(i))
        return self.balance
    def __add__(self, other):
        if not isinstance(other, Account):
            raise TypeError("can only add Account, not " + str(type(other)))
        return Account(self.owner + "&" + other.owner, self.balance + other.balance)
for args in [("ann", 10), ("bob", -5), ("cy", 0)]:
    try:
        acct = Account(args[0], args[1])
        print("created", acct.owner, acct.balance, acct.status)
    except ValueError as e:
        print("ValueError:", e)
    except RuntimeError as e:
        print("RuntimeError:", e)
a = Account("x", 5)
b = Account("y", 7)
print((a + b).owner, (a + b).balance, a[0])
try:
    a + 5
except TypeError as e:
    print("TypeError:", e)
try:
    print(a[3])
except IndexError as e:
    print("IndexError:", e)
try:
    vals = [10 // x for x in [5, 2, 0, 1]]
except ZeroDivisionError as e:
    print("in comprehension:", e)
f = lambda d: d["missing"]
try:
    f({})
except KeyError as e:
    print("in lambda:", repr(e))
try:
    sorted([3, 1, 2], key=lambda v: 1 / (v - 2))
except ZeroDivisionError as e:
    print("in sort key:", e)
try:
    list(map(int, ["1", "2", "three"]))
except ValueError as e:
    print("in map:", e)
class BadIter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise KeyError("iteration broke at " + str(self.n))
        return self.n
got = []
try:
    for v in BadIter():
        got.append(v)
except KeyError as e:
    print("partial", got, e)
class Strict:
    def __init__(self):
        self.x = 1
s = Strict()
try:
    print(s.y)
except AttributeError as e:
    print("AttributeError:", e)
try:
    Strict(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    s.method()
except AttributeError as e:
    print("AttributeError:", e)
try:
    "abc".nosuch()
except AttributeError as e:
    print("AttributeError:", e)
