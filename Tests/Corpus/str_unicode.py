# Code points, not grapheme clusters
samples = ["caf\u00e9", "cafe\u0301", "\u65e5\u672c", "\U0001F600", "\U0001F468\u200d\U0001F469", "\u00c5", "A\u030a", "na\u00efve", "\r\n"]
for s in samples:
    print(repr(s), len(s), [ord(c) for c in s], s[::-1] == s, s.upper(), list(s))
print(ord("a"), ord("A"), ord("\u00e9"), ord("\u20ac"), ord("\U0001F600"), ord("\n"), ord(" "))
print(chr(65), chr(97), chr(233), chr(8364), chr(128512), chr(0x4e2d), repr(chr(0)), repr(chr(10)))
print("\u00e9" == "e\u0301", "\u00e9" < "f", "e\u0301" < "f", sorted(["\u00e9", "e", "f", "z", "\u00e0", "E"]))
s = "Gr\u00fc\u00dfe aus K\u00f6ln"
print(s, len(s), s.lower(), s.upper(), s.find("K"), s[-4:], s.split(" "))
print("\u00e9".isalpha(), "\u00e9".islower(), "\u00c9".isupper(), "\u4e2d".isalpha(), "\u0661".isdigit())
word = "\u00fcber"
print(word.capitalize(), word.title(), word.center(8, "*"), word.ljust(6, "."), word.zfill(7))
def caesar(t, k):
    out = ""
    for c in t:
        if "a" <= c <= "z":
            out += chr((ord(c) - 97 + k) % 26 + 97)
        elif "A" <= c <= "Z":
            out += chr((ord(c) - 65 + k) % 26 + 65)
        else:
            out += c
    return out
enc = caesar("Hello, W\u00f6rld!", 3)
print(enc, caesar(enc, -3))
print(f"{word:>8}|{word:^9}|{word!r}|")
counts = {}
for ch in "\u00e9l\u00e9phant \u00e9l\u00e9gant":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
