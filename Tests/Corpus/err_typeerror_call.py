# Uncaught TypeError: calling a non-callable object
handlers = {"a": len, "b": 42, "c": lambda s: s.upper()}
for key in ["a", "c"]:
    print(key, callable(handlers[key]), handlers[key]("xyz"))
print(callable(handlers["b"]))
try:
    text = "text"
    text()
except TypeError as e:
    print("caught:", e)
result = 10
for key in ["a", "b"]:
    h = handlers[key]
    print("calling", key)
    result = h("xyz")
    print("result", result)
print("unreachable")
