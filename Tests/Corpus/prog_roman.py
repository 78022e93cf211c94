# Roman numerals, number bases, and number-to-words conversions
PAIRS = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
         (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
def to_roman(n):
    if not 0 < n < 4000:
        raise ValueError("out of range: %d" % n)
    out = ""
    for v, s in PAIRS:
        while n >= v:
            out += s
            n -= v
    return out
VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
def from_roman(s):
    total = 0
    for i, ch in enumerate(s):
        v = VALUES[ch]
        if i + 1 < len(s) and VALUES[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total
for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r), from_roman(r) == n)
print(all([from_roman(to_roman(n)) == n for n in range(1, 4000)]))
for bad in [0, 4000, -5]:
    try:
        to_roman(bad)
    except ValueError as e:
        print("ValueError:", e)
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = ""
    while n:
        n, r = divmod(n, b)
        out = digits[r] + out
    return sign + out
for n in [0, 5, 255, -255, 2 ** 64, 123456789]:
    print(n, [to_base(n, b) for b in (2, 3, 8, 16, 36)], int(to_base(n, 7), 7) == n)
ONES = "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen".split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
def words(n):
    if n < 20:
        return ONES[n]
    if n < 100:
        return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])
    if n < 1000:
        rest = n % 100
        return ONES[n // 100] + " hundred" + ("" if rest == 0 else " and " + words(rest))
    for div, name in ((10 ** 9, "billion"), (10 ** 6, "million"), (1000, "thousand")):
        if n >= div:
            rest = n % div
            return words(n // div) + " " + name + ("" if rest == 0 else (" " if rest >= 100 else " and ") + words(rest))
for n in [0, 7, 13, 20, 42, 100, 115, 999, 1000, 1001, 12345, 1000000, 987654321, 2000000005]:
    print(n, "->", words(n))
print(sum([len(words(n).replace(" ", "").replace("-", "")) for n in range(1, 1001)]))
