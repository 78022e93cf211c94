# finally runs on return, break, continue, and exceptions
def f_return():
    try:
        print("in try")
        return "from try"
    finally:
        print("finally after return")
print(f_return())
def f_override():
    try:
        return "try"
    finally:
        return "finally wins"
print(f_override())
def f_swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(f_swallow())
for i in range(5):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
def nested():
    log = []
    try:
        try:
            log.append("inner try")
            raise KeyError("x")
        except ValueError:
            log.append("wrong handler")
        finally:
            log.append("inner finally")
    except KeyError as e:
        log.append("outer caught " + repr(e))
    finally:
        log.append("outer finally")
    return log
print(nested())
def counter():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            return n
        finally:
            print("loop finally n =", n)
print(counter())
def else_clause(x):
    try:
        r = 10 / x
    except ZeroDivisionError:
        print("except")
        return "err"
    else:
        print("else", r)
        return "ok"
    finally:
        print("finally for", x)
print(else_clause(2), else_clause(0))
def finally_value():
    x = 1
    try:
        return x
    finally:
        x = 2
        print("x changed to", x)
print(finally_value())
def raise_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            print("cleanup")
    except ValueError as e:
        print("propagated:", e)
raise_in_finally()
total = 0
for i in range(4):
    try:
        try:
            if i % 2:
                raise RuntimeError(i)
            total += i
        finally:
            total += 100
    except RuntimeError as e:
        print("caught", e.args)
print("total", total)
