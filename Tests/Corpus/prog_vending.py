# Vending machine state machine using Enum states and a transaction log
from enum import Enum
class State(Enum):
    IDLE = 1
    HAS_MONEY = 2
    DISPENSING = 3
    OUT_OF_ORDER = 4
class VendingError(Exception):
    pass
class Machine:
    PRICES = {"cola": 125, "chips": 75, "candy": 60}
    COINS = (5, 10, 25, 100)
    def __init__(self, stock):
        self.stock = dict(stock)
        self.state = State.IDLE
        self.credit = 0
        self.bank = 0
        self.log = []
    def _go(self, new):
        self.log.append((self.state.name, new.name))
        self.state = new
    def insert(self, coin):
        if self.state is State.OUT_OF_ORDER:
            raise VendingError("machine out of order")
        if coin not in Machine.COINS:
            raise VendingError("rejected coin: %r" % coin)
        self.credit += coin
        if self.state is State.IDLE:
            self._go(State.HAS_MONEY)
        return self.credit
    def select(self, item):
        if self.state is not State.HAS_MONEY:
            raise VendingError("insert money first")
        if item not in self.PRICES:
            raise VendingError("unknown item " + repr(item))
        if self.stock.get(item, 0) == 0:
            raise VendingError(item + " sold out")
        price = self.PRICES[item]
        if self.credit < price:
            raise VendingError("need %d more cents" % (price - self.credit))
        self._go(State.DISPENSING)
        self.stock[item] -= 1
        self.bank += price
        change = self.credit - price
        self.credit = 0
        self._go(State.IDLE)
        return item, self.make_change(change)
    def make_change(self, amount):
        out = []
        for c in sorted(Machine.COINS, reverse=True):
            while amount >= c:
                out.append(c)
                amount -= c
        return out
    def refund(self):
        r = self.credit
        self.credit = 0
        if self.state is State.HAS_MONEY:
            self._go(State.IDLE)
        return self.make_change(r)
m = Machine({"cola": 2, "chips": 1, "candy": 0})
script = [("insert", 100), ("insert", 25), ("insert", 10), ("select", "cola"),
          ("select", "chips"), ("insert", 3), ("insert", 25), ("select", "chips"), ("insert", 100),
          ("select", "chips"), ("select", "candy"), ("select", "gum"), ("refund", None),
          ("insert", 100), ("insert", 100), ("select", "cola"), ("insert", 25), ("select", "cola")]
for op, arg in script:
    try:
        if op == "insert":
            r = m.insert(arg)
        elif op == "select":
            r = m.select(arg)
        else:
            r = m.refund()
        print("%-6s %-6r -> %r [%s]" % (op, arg, r, m.state.name))
    except VendingError as e:
        print("%-6s %-6r !! %s [%s]" % (op, arg, e, m.state.name))
print("bank", m.bank, "credit", m.credit, "stock", m.stock)
print(m.log)
m.state = State.OUT_OF_ORDER
try:
    m.insert(25)
except VendingError as e:
    print("error:", e, m.state, m.state.value)
