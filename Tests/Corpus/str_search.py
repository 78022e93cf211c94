# find, rfind, index, count, replace, in
s = "the cat sat on the mat with the hat"
print(s.find("the"), s.find("the", 1), s.find("the", 20), s.find("dog"), s.find(""), s.find("", 100))
print(s.rfind("the"), s.rfind("the", 0, 20), s.rfind("xyz"), s.rfind("at"))
print(s.index("cat"), s.index("at"), s.count("at"), s.count("the"), s.count(""), s.count("t", 10))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "abababa".count("aba"), "abc".count("abcd"))
print(s.replace("the", "a"), s.replace("at", "og", 2), "abc".replace("", "-"))
print("aaa".replace("a", "aa"), "banana".replace("an", ""), "x".replace("x", ""), "hello".replace("l", "L", 1))
print("cat" in s, "dog" in s, "" in s, "The" in s, "t c" in s, "at" not in s)
pos = []
i = s.find("at")
while i != -1:
    pos.append(i)
    i = s.find("at", i + 1)
print("positions:", pos)
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
def count_vowels(t):
    n = 0
    for ch in t:
        if ch in "aeiouAEIOU":
            n += 1
    return n
print(count_vowels(s), count_vowels("RHYTHM"), count_vowels("Queueing"))
template = "Dear NAME, your order ORDER ships DATE."
filled = template.replace("NAME", "Ann").replace("ORDER", "#42").replace("DATE", "Monday")
print(filled)
print("a.b.c".replace(".", "", 1), "tab\tsep".replace("\t", "    "), "x\\y".replace("\\", "/"))
print("hello"[1:].find("l"), "hello".find("l", -2), "hello".find("h", -100), "hello".rfind("l", -2, -1))
