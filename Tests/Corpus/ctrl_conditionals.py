# if/elif/else, conditional expressions, and/or returning operands
def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 3, 42, 1000]:
    print(n, classify(n))
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "default", "" or [] or 0, [] and "x", "a" and "b" and "c")
print(0 or None, None and 1, False or 0.0, 3 and 0 or 5, (1, 2) or 3, not (0 or ""))
name = ""
print(name or "anonymous", "x" if name else "empty", name and name.upper())
def t(v):
    print("t", v)
    return v
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(0) or t(3))
print(t(4) or t(5))
print(not t(None) or t("never"))
x = 7
kind = "even" if x % 2 == 0 else "odd"
print(kind, "big" if x > 5 else "mid" if x > 2 else "tiny", ("a" if x < 0 else "b") + "!")
for v in [0, 3, 6]:
    print(v, "big" if v > 5 else "mid" if v > 2 else "tiny")
if []:
    print("no")
elif {}:
    print("no")
elif 0.0:
    print("no")
elif "0":
    print("non-empty string is truthy")
if x:
    pass
if not x is None:
    print("x is not None")
if x in (1, 7, 9) and not x in [2]:
    print("membership")
grade = lambda s: "A" if s >= 90 else "B" if s >= 80 else "C" if s >= 70 else "F"
print([grade(s) for s in [95, 85, 75, 65, 90, 80]])
a, b = 5, 10
print(max(a, b) if a != b else "eq", a if a > b else b, (a > b) - (a < b))
y = None
print(y is None, y is not None, y == None, (y or 0) + 1)
