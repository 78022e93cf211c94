# str.format
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0} {2}".format("a", "b", "c"))
print("{name} is {age} years".format(name="Ann", age=30))
print("{0} and {x}".format("pos", x="kw"))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "star"))
print("{:.3f}|{:10.2f}|{:e}|{:g}|{:%}|{:,}".format(3.14159, 2.5, 1234.5, 0.00001, 0.125, 1234567))
print("{:x}|{:#o}|{:b}|{:08.3f}|{:+d}".format(255, 8, 5, -3.14159, 7))
print("{!r}|{!s}|{!r:>12}|".format("it's", "s", "x"))
print("{{}} {{{}}} {{x}}".format("in"))
print("{0[0]} {0[2]} {1[k]}".format([10, 20, 30], {"k": "vee"}))
class Pt:
    def __init__(self):
        self.x = 4
        self.y = 5
print("({0.x}, {0.y})".format(Pt()))
w = 10
print("{:>{}}|{:.{}f}|{:{}{}}".format("dyn", w, 3.14159, 2, "z", "^", 7))
header = "{:<8}{:>6}{:>9}".format("name", "qty", "price")
print(header)
print("-" * len(header))
for name, qty, price in [("pen", 3, 1.2), ("notebook", 10, 3.75), ("bag", 1, 24.0)]:
    print("{:<8}{:>6d}{:>9.2f}".format(name, qty, price))
template = "Dear {title} {last}, your balance is {bal:,.2f}."
print(template.format(title="Dr.", last="Who", bal=1234567.891))
print("{} {}".format(None, [1, "a"]), "{}".format({"a": (1,)}), "{:5}|{:<5}|{:>5}".format(42, 42, "s"))
print("{:.2}".format("abcdef"), "{:.2}".format(3.14159), "{:.0e}".format(12345))
