# scoping rules: global, nonlocal, shadowing, comprehension scope, default-arg capture
x = "global x"
counter = 0
def read():
    return x
def shadow():
    x = "local x"
    return x
def modify_global():
    global counter, created_later
    counter += 1
    created_later = "made inside function"
    return counter
print(read(), shadow(), x)
print(modify_global(), modify_global(), counter, created_later)
def outer():
    y = 1
    def middle():
        def inner():
            nonlocal y
            y += 10
            return y
        return inner
    f = middle()
    f()
    f()
    return y
print(outer())
def make():
    fns = {}
    for name in ["a", "b"]:
        def f(n=name):
            return n * 2
        fns[name] = f
    val = "first"
    g = lambda: val
    val = "second"
    return fns, g
fns, g = make()
print(fns["a"](), fns["b"](), g())
i = "outer i"
squares = [i * i for i in range(4)]
print(i, squares)
def param_shadow(len=5):
    return len
print(param_shadow(), param_shadow(9), len("abc"))
def counter_factory():
    count = 0
    def incr():
        nonlocal count
        count += 1
        return count
    def reset():
        nonlocal count
        old = count
        count = 0
        return old
    return incr, reset
incr, reset = counter_factory()
print(incr(), incr(), incr(), reset(), incr())
def uses_global_list():
    registry.append(len(registry))
    return registry
registry = []
print(uses_global_list(), uses_global_list())
def rebinding_global():
    global registry
    registry = ["fresh"]
rebinding_global()
print(registry)
def conditional_def(flag):
    if flag:
        def h():
            return "yes"
    else:
        def h():
            return "no"
    return h()
print(conditional_def(True), conditional_def(False))
def nested_loops_closure():
    out = []
    for a in range(2):
        for b in range(2):
            out.append(lambda a=a, b=b: (a, b))
    return [f() for f in out]
print(nested_loops_closure())
