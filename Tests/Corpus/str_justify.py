# ljust/rjust/center/zfill and string building
for w in [0, 3, 5, 8, 9]:
    print(repr("abc".ljust(w)), repr("abc".rjust(w)), repr("abc".center(w)), repr("abc".center(w, "*")))
for w in [4, 5, 6, 7]:
    print(repr("ab".center(w, "-")), repr("a".center(w, ".")), repr("".center(w, "=")))
print("42".zfill(5), "-42".zfill(5), "+42".zfill(5), "abc".zfill(6), "12345".zfill(3), "".zfill(2), "-".zfill(3))
print("x".ljust(4, "."), "y".rjust(4, "0"), "7".rjust(3, "0"))
rows = [("Apple", 3, 1.5), ("Banana", 12, 0.25), ("Cherry", 100, 12.0)]
print("Name".ljust(10) + "Qty".rjust(5) + "Price".rjust(8))
print("-" * 23)
for name, qty, price in rows:
    print(name.ljust(10) + str(qty).rjust(5) + str(price).rjust(8))
print("=" * 23)
print("TOTAL".center(23, "~"))
def box(lines):
    width = max([len(l) for l in lines])
    out = ["+" + "-" * (width + 2) + "+"]
    for l in lines:
        out.append("| " + l.ljust(width) + " |")
    out.append(out[0])
    return "\n".join(out)
print(box(["hello", "wide world", "", "x"]))
s = ""
for i in range(5):
    s += str(i) * i
print(s, len(s))
print("ab" * 3, 3 * "xy", "z" * 0, "q" * -1, "-" * 10)
print("abc" + "def", "a" < "b", "abc" < "abcd", "B" < "a", "" < "a", "10" < "9")
print(min("hello"), max("hello"), sorted("hello"), list("abc"), "".join(sorted("banana")))
