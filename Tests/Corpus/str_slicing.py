# Indexing and slicing strings
s = "abcdefghij"
print(s[0], s[-1], s[5], s[-10], s[3:7], s[:3], s[7:], s[:], s[-3:], s[:-3])
print(s[::2], s[1::2], s[::-1], s[::-2], s[8:2:-1], s[8:2:-2], s[-1:-4:-1], s[2:8:3])
print(repr(s[5:2]), repr(s[100:]), s[-100:3], s[3:100], repr(s[5:5]), s[::-1][::-1] == s)
print(s[1:-1], s[-5:-2], s[::3], s[::-3], s[9:0:-4], repr(s[0:10:-1]), s[10::-1])
for i in range(-3, 4):
    print(i, s[i], s[:i], s[i:])
word = "racecar"
print(word == word[::-1], "python"[::-1], "ab"[::-1] * 2)
def is_palindrome(t):
    t = "".join([c.lower() for c in t if c.isalnum()])
    return t == t[::-1]
for t in ["A man, a plan, a canal: Panama", "hello", "No lemon, no melon", "", "ab"]:
    print(repr(t), is_palindrome(t))
sl = slice(1, 8, 2)
print(sl, s[sl], slice(3), s[slice(3)], slice(None, None, -1), s[slice(None, None, -1)])
print(sl.start, sl.stop, sl.step)
u = "h\u00e9llo w\u00f6rld \U0001F600!"
print(u, len(u), u[1], u[-2], u[::-1], u[6:11], u.upper())
for i, ch in enumerate("abc"):
    print(i, ch, ord(ch), chr(ord(ch) + 1))
print([c for c in "hello" if c != "l"], "".join(["x" + c for c in "abc"]))
