# f-string expressions, conversions, escapes, nesting
name = "it's"
q = 'say "hi"'
items = [1, 2, 3]
d = {"key": "value", "n": 5}
print(f"{name} | {name!r} | {name!s} | {q!r} | {q}")
print(f"{items} {items[0]} {items[-1] * 10} {len(items)} {items[1:]} {sum(items) / len(items)}")
print(f"{d['key']} {d['n'] + 1} {d} {list(d)}")
print(f"{{literal braces}} {{{name}}} {'{'}{'}'}")
print(f"{1 + 2 * 3} {2 ** 10} {'yes' if items else 'no'} {[x * 2 for x in items]} {(lambda v: v + 1)(41)}")
print(f"{'nested ' + f'inner {name}'}")
print(f"multi {'line'}"
      f" concatenated {name!r}" " plain")
print(f"tab\t|newline escaped: {'a'!r}\\n|")
def greet(p):
    return f"Hello, {p.title()}!"
print(greet("world"), f"{greet('you')!r}")
class P:
    def __init__(self, x):
        self.x = x
    def __str__(self):
        return f"P<{self.x}>"
    def __repr__(self):
        return f"P({self.x!r})"
p = P("z")
print(f"{p} {p!r} {p!s} {p.x} {[p]}")
print(f"{3.0} {1e16} {0.1 + 0.2} {-0.0} {10 / 4} {2 ** 64} {-7 // 2}")
width = 6
for i in range(1, 4):
    print(f"{i:>{width}}|{i * 1.5:<{width}.1f}|{'#' * i:^{width}}|")
print(f"{'a':>3}{'b':>3}{'c':>3}")
rows = [["x", 1], ["yy", 22], ["zzz", 333]]
for r in rows:
    print(f"|{r[0]:^5}|{r[1]:>5}|")
s = "hello"
print(f"{s.upper()} {s[::-1]} {s.center(11, '.')} {s!r:>10} {s:>10}")
v = None
print(f"{v} {v!r} {v is None} {str(v):>6}")
uni = "caf\u00e9"
print(f"{uni:>6}|{uni:^8}|{uni!r}|{len(uni)}")
