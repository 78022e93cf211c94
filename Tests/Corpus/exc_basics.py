# try/except/else/finally basics, str(e) and repr(e)
def attempt(f, label):
    try:
        r = f()
    except ZeroDivisionError as e:
        print(label, "ZeroDivisionError", str(e), repr(e))
    except (KeyError, IndexError) as e:
        print(label, "lookup", type(e), str(e), repr(e))
    except ValueError as e:
        print(label, "ValueError", e, repr(e))
    except Exception as e:
        print(label, "other", type(e), e)
    else:
        print(label, "ok", r)
    finally:
        print(label, "finally")
attempt(lambda: 1 / 0, "div")
attempt(lambda: 1 // 0, "floordiv")
attempt(lambda: 1 % 0, "mod")
attempt(lambda: 1.0 / 0, "fdiv")
attempt(lambda: 1.5 % 0, "fmod")
attempt(lambda: 2.0 // 0.0, "ffloordiv")
attempt(lambda: divmod(1, 0), "divmod")
attempt(lambda: {"a": 1}["b"], "key")
attempt(lambda: {1: 1}[2], "intkey")
attempt(lambda: [1, 2][5], "index")
attempt(lambda: "abc"[10], "strindex")
attempt(lambda: (1,)[1], "tupindex")
attempt(lambda: int("abc"), "int")
attempt(lambda: int("12.5"), "int2")
attempt(lambda: float("x1"), "float")
attempt(lambda: "a" + 1, "concat")
attempt(lambda: 1 + "a", "add")
attempt(lambda: len(5), "len")
attempt(lambda: None.foo, "attr")
attempt(lambda: undefined_name, "name")
attempt(lambda: 42, "fine")
print(str(ValueError()), repr(ValueError()), str(ValueError("x")), repr(ValueError("x", 2)), str(ValueError("x", 2)))
print(repr(KeyError("k")), str(KeyError("k")), str(KeyError()), str(KeyError(1, 2)), repr(Exception("it's")))
e = RuntimeError("boom", 42)
print(e.args, e.args[1], len(e.args), ValueError().args, repr(TypeError('say "hi"')))
print(isinstance(e, Exception), isinstance(ZeroDivisionError(), ArithmeticError), issubclass(KeyError, LookupError))
print(issubclass(IndexError, LookupError), issubclass(ValueError, Exception), issubclass(RecursionError, RuntimeError))
print(issubclass(UnboundLocalError, NameError), issubclass(NotImplementedError, RuntimeError), issubclass(Exception, BaseException))
