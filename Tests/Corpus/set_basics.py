# sets: printed only via sorted/len/in
s = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3}
print(sorted(s), len(s), 4 in s, 7 in s, 7 not in s)
t = set([5, 6, 7, 8, 9])
print(sorted(s | t), sorted(s & t), sorted(s - t), sorted(t - s), sorted(s ^ t))
print(sorted(set("mississippi")), len(set()), set() == set(), {1, 2} == {2, 1}, {1, 2} <= {1, 2, 3}, {1, 2} < {1, 2})
print({1, 2} >= {1}, {1, 2} > {1, 2}, {1} == {1.0}, len({1, 1.0, True}))
evens = {x for x in range(20) if x % 2 == 0}
threes = {x for x in range(20) if x % 3 == 0}
print(sorted(evens & threes), sorted(evens | threes), len(evens - threes))
words = "to be or not to be that is the question".split()
uniq = set(words)
print(len(words), len(uniq), sorted(uniq))
seen = set()
dups = []
for w in words:
    if w in seen:
        dups.append(w)
    seen = seen | {w}
print(dups, sorted(seen))
print(sorted({(1, 2), (2, 1), (1, 2)}), sorted({"b", "a"}, reverse=True))
a = {1, 2, 3}
b = a
a = a | {4}
print(sorted(a), sorted(b))
a |= {10}
a &= {1, 2, 10, 11}
a -= {2}
a ^= {1, 99}
print(sorted(a))
print(bool(set()), bool({0}), sorted(set([3, 2, 1])), list(sorted(set((1, 1)))))
letters = set("hello world")
print(sorted(letters), "l" in letters, len(letters), sorted([c for c in letters if c.isalpha()]))
print(sum(set([1, 2, 3, 3])), max({4, 9, 2}), min({4, 9, 2}), sorted(set(range(5)) - {0, 4}))
