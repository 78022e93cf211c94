# split / rsplit / splitlines / partition edge cases
tests = ["  a  b   c  ", "a b c", "", "   ", "\ta\n\nb\r\nc\x0bd\x0ce", "one", "a,b,,c,", ",a,", "x::y::z"]
for s in tests:
    print(repr(s), s.split())
for s in tests:
    print(repr(s), s.split(","), s.split("::"))
print("a b c d e".split(None, 2), "  a b c  ".split(None, 1), "a b c".split(" ", 0))
print("a,b,c,d".split(",", 1), "a,b,c,d".split(",", -1), "a,b,c,d".rsplit(",", 1), "a,b,c,d".rsplit(",", 2))
print("  a b c  ".rsplit(None, 1), "a  b".split(" "), "a  b".rsplit(" "), "".rsplit(), "".rsplit("x"))
print("aXbXc".split("X"), "aXXbXXc".split("XX"), "abc".split("abc"), "abcabc".split("bc"))
text = "line one\nline two\r\nline three\rfour\n\nsix\n"
print(text.splitlines())
print("no newline".splitlines(), "".splitlines(), "\n".splitlines(), "a\n".splitlines(), "\na".splitlines())
print("x\n\ny".split("\n"), "x\n\ny\n".split("\n"))
for s in ["key=value", "key=", "=value", "novalue", "a=b=c"]:
    print(repr(s), s.partition("="))
print("2024-01-15".split("-"), [int(p) for p in "2024-01-15".split("-")])
csv = "name,age,city\nAlice,30,Paris\nBob,25,Rome"
rows = [line.split(",") for line in csv.splitlines()]
header = rows[0]
for row in rows[1:]:
    rec = dict(zip(header, row))
    print(rec)
words = "The quick  brown\tfox\njumps".split()
print(words, len(words), "-".join(words), "".join(words), " ".join(reversed(words)))
print(",".join([]), ",".join(["solo"]), ", ".join(["a", "b"]), "".join(["x", "", "y"]))
path = "/usr/local/lib/python3.11/site.py"
print(path.split("/"), path.rsplit("/", 1), path.rsplit("/", 1)[1].partition("."))
