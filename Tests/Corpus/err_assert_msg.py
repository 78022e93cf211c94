# Uncaught AssertionError with a message
def withdraw(balance, amount):
    assert amount > 0, "amount must be positive"
    assert amount <= balance, "insufficient funds: %d > %d" % (amount, balance)
    return balance - amount
b = 100
for amt in [30, 20]:
    b = withdraw(b, amt)
    print("withdrew", amt, "balance", b)
try:
    withdraw(b, -5)
except AssertionError as e:
    print("caught:", e)
history = [b]
b = withdraw(b, 10)
history.append(b)
print("history", history)
b = withdraw(b, 80)
print("unreachable")
