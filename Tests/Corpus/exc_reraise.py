# re-raise, exceptions propagating across calls, raise in except
def level3(x):
    print("level3", x)
    return 10 // x
def level2(x):
    print("level2", x)
    return level3(x - 1) + 1
def level1(x):
    print("level1", x)
    try:
        return level2(x)
    except ZeroDivisionError:
        print("level1 saw ZeroDivisionError, re-raising")
        raise
for v in [3, 1]:
    try:
        print("result", level1(v))
    except ZeroDivisionError as e:
        print("main caught:", e)
def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise TypeError("cannot convert " + repr(s))
for s in ["12", "x"]:
    try:
        print(convert(s))
    except TypeError as e:
        print("TypeError:", e)
def cleanup_and_reraise():
    try:
        [][0]
    except IndexError as e:
        print("logging", repr(e))
        raise e
try:
    cleanup_and_reraise()
except IndexError as err:
    print("outer got", err)
def handler_raises():
    try:
        {}["missing"]
    except KeyError:
        try:
            raise ValueError("in handler")
        except ValueError as inner:
            print("inner handled:", inner)
        print("still in outer handler")
    return "done"
print(handler_raises())
err = None
try:
    1 / 0
except ZeroDivisionError as e:
    err = e
print("saved:", repr(err), err.args)
def retry(fn, times):
    for attempt in range(1, times + 1):
        try:
            return fn(attempt)
        except RuntimeError as e:
            print("attempt", attempt, "failed:", e)
    raise RuntimeError("all attempts failed")
def flaky(n):
    if n < 3:
        raise RuntimeError("flaky " + str(n))
    return "success on " + str(n)
print(retry(flaky, 5))
try:
    retry(flaky, 2)
except RuntimeError as e:
    print("final:", e)
def deep(n):
    if n == 0:
        raise LookupError("bottom")
    try:
        deep(n - 1)
    finally:
        print("unwinding", n)
try:
    deep(4)
except LookupError as e:
    print("caught", e)
x = 0
try:
    x = 1
    raise Exception("stop")
    x = 2
except Exception:
    pass
print("x =", x)
