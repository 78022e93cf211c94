# Uncaught custom exception class defined in an imported module
from modules.errors import InsufficientFunds, BankError, fail
def pay(balance, amount):
    if amount > balance:
        raise InsufficientFunds(amount, balance)
    return balance - amount
try:
    pay(10, 20)
except BankError as e:
    print("caught once:", e, e.needed, e.available, type(e))
try:
    fail("generic failure")
except BankError as e:
    print("caught generic:", repr(e))
balance = 100
for amount in [40, 30, 20]:
    balance = pay(balance, amount)
    print("paid", amount, "balance", balance)
pay(balance, 50)
print("unreachable")
