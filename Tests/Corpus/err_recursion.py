# Uncaught RecursionError from unbounded recursion
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print("bounded recursion ok:", depth(500))
def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print("caught:", e)
def countdown(n):
    if n % 200 == 0:
        print("depth", -n)
    return countdown(n - 1)
print("start")
countdown(0)
print("unreachable")
