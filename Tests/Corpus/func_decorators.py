# user decorators, decorators with arguments, stacking
def trace(fn):
    def wrapper(*args, **kwargs):
        print("call", args, kwargs)
        result = fn(*args, **kwargs)
        print("return", result)
        return result
    return wrapper
@trace
def add(a, b=0):
    return a + b
add(1, 2)
add(5, b=10)
def repeat(times):
    def deco(fn):
        def wrapper(*args):
            return [fn(*args) for _ in range(times)]
        return wrapper
    return deco
@repeat(3)
def shout(word):
    return word.upper() + "!"
print(shout("hey"))
def memoize(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return wrapper
calls = 0
@memoize
def slow_fib(n):
    global calls
    calls += 1
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(60), calls)
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "hi"
print(text())
registry = {}
def register(name):
    def deco(fn):
        registry[name] = fn
        return fn
    return deco
@register("sq")
def square(x):
    return x * x
@register("neg")
def negate(x):
    return -x
print(sorted(registry), registry["sq"](7), registry["neg"](7), square(3))
call_log = []
def count_calls(fn):
    n = 0
    def wrapper(*a):
        nonlocal n
        n += 1
        call_log.append(n)
        return fn(*a)
    return wrapper
@count_calls
def noop(x):
    return x
for i in range(4):
    noop(i)
print("noop calls", call_log)
def validate(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("bad arg " + repr(a))
            return fn(*args)
        return wrapper
    return deco
@validate(int, (int, float))
def scale(n, f):
    return n * f
print(scale(3, 2), scale(3, 0.5))
try:
    scale("3", 2)
except TypeError as e:
    print("caught", e)
