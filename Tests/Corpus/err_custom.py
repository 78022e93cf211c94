# Uncaught custom exception defined in __main__
class InsufficientFunds(Exception):
    def __init__(self, needed, available):
        super().__init__("need %d, have %d" % (needed, available))
        self.needed = needed
class Wallet:
    def __init__(self, cash):
        self.cash = cash
    def pay(self, amount):
        if amount > self.cash:
            raise InsufficientFunds(amount, self.cash)
        self.cash -= amount
        print("paid", amount, "left", self.cash)
w = Wallet(50)
w.pay(20)
w.pay(25)
w.pay(10)
