# Run-length encoding, Caesar, Vigenere, and a simple checksum
def rle_encode(s):
    if not s:
        return []
    out = []
    prev = s[0]
    n = 1
    for ch in s[1:]:
        if ch == prev:
            n += 1
        else:
            out.append((prev, n))
            prev, n = ch, 1
    out.append((prev, n))
    return out
def rle_str(pairs):
    return "".join([(str(n) if n > 1 else "") + ch for ch, n in pairs])
def rle_decode(pairs):
    return "".join([ch * n for ch, n in pairs])
for s in ["", "a", "aaabccddddde", "WWWWWWWWWWWWBWWWWWWWWWWWWBBBWWWWWWWWWWWWWWWWWWWWWWWWBWWWWWWWWWWWWWW", "abc", "\u00e9\u00e9\u00e9x"]:
    enc = rle_encode(s)
    print(repr(s[:20]), rle_str(enc), rle_decode(enc) == s, len(enc))
def shift(ch, k):
    if ch.isupper() and ch.isalpha() and ord(ch) < 128:
        return chr((ord(ch) - 65 + k) % 26 + 65)
    if ch.islower() and ch.isalpha() and ord(ch) < 128:
        return chr((ord(ch) - 97 + k) % 26 + 97)
    return ch
def caesar(s, k):
    return "".join([shift(c, k) for c in s])
msg = "Attack at Dawn! Meet @ the old mill, 10:30."
for k in [1, 3, 13, 25, 26, -1, 52]:
    e = caesar(msg, k)
    print(k, e, caesar(e, -k) == msg)
print(caesar(caesar(msg, 13), 13) == msg)
def vigenere(s, key, decrypt=False):
    out = []
    ki = 0
    for c in s:
        if c.isalpha() and ord(c) < 128:
            k = ord(key[ki % len(key)].lower()) - 97
            out.append(shift(c, -k if decrypt else k))
            ki += 1
        else:
            out.append(c)
    return "".join(out)
v = vigenere(msg, "LEMON")
print(v)
print(vigenere(v, "LEMON", True))
def checksum(s):
    a, b = 1, 0
    for ch in s:
        a = (a + ord(ch)) % 65521
        b = (b + a) % 65521
    return (b << 16) | a
for s in ["", "a", "Wikipedia", msg, v]:
    c = checksum(s)
    print(repr(s[:12]), c, hex(c), "%08x" % c)
freq = {}
for ch in v.lower():
    if ch.isalpha():
        freq[ch] = freq.get(ch, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
