# Word frequency count with sorting, formatting and simple stats
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair, we had everything before us, we had nothing before us,
we were all going direct to Heaven, we were all going direct the other way -- in short,
the period was so far like the present period, that some of its noisiest authorities
insisted on its being received, for good or for evil, in the superlative degree of comparison only."""
def words(text):
    out = []
    for raw in text.split():
        w = raw.strip(".,;:!?-\"'").lower()
        if w:
            out.append(w)
    return out
ws = words(TEXT)
print("total words:", len(ws))
freq = {}
for w in ws:
    freq[w] = freq.get(w, 0) + 1
print("distinct:", len(freq))
ranked = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))
for i, (w, c) in enumerate(ranked[:12], 1):
    bar = "#" * c
    print("%2d. %-12s %3d %s" % (i, w, c, bar))
singles = sorted([w for w, c in freq.items() if c == 1])
print("hapax count:", len(singles))
print("first hapaxes:", singles[:8])
by_first = {}
for w in sorted(freq):
    by_first.setdefault(w[0], []).append(w)
for letter in sorted(by_first)[:6]:
    print(letter, by_first[letter])
lengths = [len(w) for w in ws]
avg = sum(lengths) / len(lengths)
print("avg length: %.3f" % avg, "longest:", max(ws, key=len), "shortest:", min(ws, key=len))
hist = {}
for n in lengths:
    hist[n] = hist.get(n, 0) + 1
for n in sorted(hist):
    print("%2d letters: %s" % (n, "*" * hist[n]))
bigrams = {}
for a, b in zip(ws, ws[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
top_bi = sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
print(top_bi)
print(freq["it"], freq["was"], freq.get("dickens", 0), "the" in freq)
