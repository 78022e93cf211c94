# custom exception classes, hierarchies, args, catching by base
class AppError(Exception):
    pass
class ValidationError(AppError):
    def __init__(self, field, msg):
        super().__init__(field + ": " + msg)
        self.field = field
        self.msg = msg
class NotFound(AppError):
    def __init__(self, key):
        super().__init__(key)
        self.key = key
    def __str__(self):
        return "not found: " + repr(self.key)
class Retry(AppError):
    def __init__(self, attempts, *rest):
        super().__init__(attempts, *rest)
        self.attempts = attempts
errs = [AppError(), AppError("plain"), AppError("a", 1), ValidationError("age", "must be positive"),
        NotFound("user42"), Retry(3, "timeout")]
for e in errs:
    print(type(e), "|", str(e), "|", repr(e), "|", e.args)
def check(age):
    if not isinstance(age, int):
        raise ValidationError("age", "not an int: " + repr(age))
    if age < 0:
        raise ValidationError("age", "negative")
    return age
for v in [5, -1, "x", 3.5]:
    try:
        print("valid", check(v))
    except ValidationError as e:
        print("invalid field", e.field, "msg", e.msg, "str", e)
def lookup(d, k):
    if k not in d:
        raise NotFound(k)
    return d[k]
for k in ["a", "zz", 3]:
    try:
        print(lookup({"a": 1}, k))
    except AppError as e:
        print("AppError caught:", e, isinstance(e, NotFound), isinstance(e, ValidationError))
try:
    raise Retry(5, "net", "down")
except (NotFound, Retry) as e:
    print("tuple catch", e.attempts, e.args, e)
try:
    raise AppError
except AppError as e:
    print("raised class:", repr(e), e.args)
class Empty(Exception):
    pass
try:
    raise Empty("with", "args")
except Exception as e:
    print(repr(e), str(e))
def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise NotFound("one")
    if n == 2:
        raise KeyError("two")
    return n
for n in range(4):
    try:
        r = risky(n)
    except LookupError as e:
        print(n, "LookupError", repr(e))
    except AppError as e:
        print(n, "AppError", repr(e), str(e))
    except Exception as e:
        print(n, "Exception", repr(e))
    else:
        print(n, "no error", r)
