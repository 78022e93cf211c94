# Bank account simulation with custom exceptions and transaction log
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("account %s: cannot withdraw %.2f (balance %.2f)" % (account.number, amount, account.balance))
        self.amount = amount
class FrozenAccount(Exception):
    pass
class Account:
    next_number = 1000
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self.balance = balance
        self.number = Account.next_number
        Account.next_number += 1
        self.log = []
        self.frozen = False
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._check()
        self.balance += amount
        self.log.append(("deposit", amount))
    def withdraw(self, amount):
        self._check()
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.log.append(("withdraw", amount))
    def _check(self):
        if self.frozen:
            raise FrozenAccount("account %d is frozen" % self.number)
    def __repr__(self):
        return "Account(%d, %s, %.2f)" % (self.number, self.owner, self.balance)
class SavingsAccount(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
    def __repr__(self):
        return "Savings" + super().__repr__()
class Bank:
    def __init__(self):
        self.accounts = {}
    def open(self, acct):
        self.accounts[acct.number] = acct
        return acct
    def transfer(self, src, dst, amount):
        a = self.accounts[src]
        b = self.accounts[dst]
        try:
            a.withdraw(amount)
        except InsufficientFunds as e:
            print("  transfer failed:", e)
            return False
        b.deposit(amount)
        return True
    def total(self):
        return sum([a.balance for a in self.accounts.values()])
bank = Bank()
alice = bank.open(Account("alice", 100.0))
bob = bank.open(SavingsAccount("bob", 250.0, 0.05))
carol = bank.open(Account("carol"))
print(bank.accounts)
ops = [("deposit", alice, 50), ("withdraw", bob, 20.5), ("withdraw", carol, 1), ("deposit", carol, -5),
       ("deposit", carol, 0.1), ("deposit", carol, 0.2)]
for op, acct, amt in ops:
    try:
        if op == "deposit":
            acct.deposit(amt)
        else:
            acct.withdraw(amt)
        print(op, amt, "->", acct)
    except InsufficientFunds as e:
        print(op, amt, "InsufficientFunds:", e, "| amount", e.amount)
    except ValueError as e:
        print(op, amt, "ValueError:", e)
print("carol balance exact:", carol.balance, carol.balance == 0.3)
print(bank.transfer(1000, 1001, 500))
print(bank.transfer(1001, 1002, 29.5))
for year in range(1, 4):
    print("year", year, "interest", bob.add_interest(), bob)
carol.frozen = True
try:
    carol.deposit(10)
except FrozenAccount as e:
    print("FrozenAccount:", e)
try:
    bank.transfer(1000, 9999, 1)
except KeyError as e:
    print("no such account", e)
print(alice, alice.log)
print("total %.2f" % bank.total(), round(bank.total(), 2))
for num in sorted(bank.accounts):
    a = bank.accounts[num]
    print("%-6s %8.2f %s" % (a.owner, a.balance, [k[0] for k in a.log]))
