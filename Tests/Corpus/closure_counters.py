# closures, nonlocal, global, late binding
def make_counter(start=0):
    count = start
    def inc(step=1):
        nonlocal count
        count += step
        return count
    def get():
        return count
    return inc, get
inc_a, get_a = make_counter()
inc_b, get_b = make_counter(100)
print(inc_a(), inc_a(), inc_a(5), get_a())
print(inc_b(), get_b(), get_a())
def make_account(balance):
    history = []
    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("dep", x))
        return balance
    def withdraw(x):
        nonlocal balance
        if x > balance:
            history.append(("fail", x))
            return None
        balance -= x
        history.append(("wd", x))
        return balance
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = make_account(50)
print(dep(25), wd(100), wd(30), rep())
total = 0
def add_global(x):
    global total
    total += x
    return total
print(add_global(5), add_global(7), total)
def outer():
    x = "outer"
    def middle():
        x = "middle"
        def inner():
            nonlocal x
            x = "inner-set"
            return x
        r = inner()
        return r, x
    res = middle()
    return res, x
print(outer())
fs = []
for i in range(4):
    fs.append(lambda: i * 10)
print([f() for f in fs])
def make_fs():
    out = []
    for j in range(3):
        def f(j=j):
            return j
        out.append(f)
    return out
print([f() for f in make_fs()])
def adder_factory():
    adders = {}
    for n in [1, 5, 10]:
        def make(n):
            return lambda x: x + n
        adders[n] = make(n)
    return adders
ad = adder_factory()
print(ad[1](0), ad[5](0), ad[10](0))
def fib_gen():
    a, b = 0, 1
    def nxt():
        nonlocal a, b
        r = a
        a, b = b, a + b
        return r
    return nxt
nx = fib_gen()
print([nx() for _ in range(15)])
x = "global"
def read_global():
    return x
def shadow():
    x = "local"
    return x, read_global()
print(shadow(), x)
def late():
    def show():
        return y
    y = "set after def"
    return show()
print(late())
