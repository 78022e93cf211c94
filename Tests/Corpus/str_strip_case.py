# strip family and case methods
s = "  \t hello world \n "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr("xxhixyx".strip("xy")), repr("xxhixyx".lstrip("x")), repr("xxhixyx".rstrip("xy")))
print(repr("www.example.com".strip("w.moc")), repr("...dots...".strip(".")), repr("abc".strip("")), repr("aaa".strip("a")))
print(repr("0001200".lstrip("0")), repr("3.1400".rstrip("0")), repr("3.000".rstrip("0").rstrip(".")))
print("hello".upper(), "HeLLo".lower(), "hello world".capitalize(), "hELLO wORLD".capitalize())
print("hello world".title(), "it's a dog's life".title(), "hello-world_foo bar2baz".title(), "ABC def".title())
print("stra\u00dfe".upper(), "\u00c9COLE".lower(), "\u00e9cole".capitalize(), "caf\u00e9".title())
print("abc".isalpha(), "abc1".isalpha(), "".isalpha(), "\u00e9t\u00e9".isalpha(), "abc1".isalnum(), "a b".isalnum())
print("123".isdigit(), "12.3".isdigit(), "".isdigit(), "-1".isdigit(), " ".isspace(), " \t\n".isspace(), "".isspace(), "a ".isspace())
print("ABC".isupper(), "AbC".isupper(), "A1".isupper(), "1".isupper(), "abc".islower(), "ab1".islower(), "".islower())
print("Hello".startswith("He"), "Hello".startswith("he"), "Hello".endswith("llo"), "Hello".endswith(("x", "lo")))
print("Hello".startswith(("a", "b", "H")), "Hello".startswith(""), "".startswith(""), "file.py".endswith((".py", ".txt")))
names = ["  Alice ", "BOB", "charlie  ", " dave"]
clean = [n.strip().capitalize() for n in names]
print(clean)
for n in clean:
    print(n, n.upper(), n.lower(), n.isalpha(), n.startswith(("A", "B")))
def normalize(word):
    return word.strip(".,!?;:\"'()").lower()
text = 'Hello, world! "Quoted" (paren) end.'
print([normalize(w) for w in text.split()])
print("MiXeD".upper().lower().title(), "x".upper().isupper())
