# dicts: dictionary-heavy workloads. Word frequency counting over generated
# text (get / setdefault / in / items), grouping into dicts of lists, inverting
# a dict, memoised recursion with a dict cache (Collatz chain lengths and a
# memoised partition-count function), dict comprehensions, update/pop/copy and
# sorting items by value.
import sys

SYLLABLES = ["ka", "to", "ri", "me", "su", "no", "la", "pi", "do", "ve", "xu", "zo"]


def make_words(n, seed):
    words = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        k = 1 + (seed >> 16) % 3
        w = ""
        s = seed >> 5
        for _ in range(k):
            w += SYLLABLES[s % len(SYLLABLES)]
            s //= len(SYLLABLES)
        words.append(w)
    return words


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def group_by_length(words):
    groups = {}
    for w in words:
        groups.setdefault(len(w), []).append(w)
    return groups


def bigrams(words):
    pairs = {}
    prev = None
    for w in words:
        if prev is not None:
            key = (prev, w[:2])
            if key in pairs:
                pairs[key] += 1
            else:
                pairs[key] = 1
        prev = w
    return pairs


collatz_cache = {1: 1}


def collatz_len(n):
    if n in collatz_cache:
        return collatz_cache[n]
    if n % 2 == 0:
        r = 1 + collatz_len(n // 2)
    else:
        r = 1 + collatz_len(3 * n + 1)
    collatz_cache[n] = r
    return r


def partitions(n, k, memo):
    # number of partitions of n into parts of size <= k
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    v = memo.get(key)
    if v is not None:
        return v
    v = partitions(n - k, k, memo) + partitions(n, k - 1, memo)
    memo[key] = v
    return v


def run(n):
    words = make_words(n, 2024)
    counts = count_words(words)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    groups = group_by_length(words)
    sizes = {length: len(ws) for length, ws in groups.items()}
    inverted = {}
    for w, c in counts.items():
        if c not in inverted:
            inverted[c] = []
        inverted[c].append(w)
    big = bigrams(words)
    best_pair = max(big.items(), key=lambda kv: kv[1])

    merged = dict(counts)
    merged.update({w: -c for w, c in counts.items() if len(w) == 2})
    removed = 0
    for w in list(merged.keys()):
        if merged[w] < 0:
            merged.pop(w)
            removed += 1

    longest = 0
    arg = 0
    for i in range(1, n // 2):
        c = collatz_len(i)
        if c > longest:
            longest = c
            arg = i

    memo = {}
    p = partitions(60 + n // 2000, 40, memo)

    check = 0
    for w in sorted(counts.keys()):
        check = (check * 33 + counts[w] + len(w)) % 1000000007
    return top, sizes, len(inverted), best_pair, removed, len(merged), longest, arg, p, len(memo), check


def main():
    n = 300000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    top, sizes, ninv, best_pair, removed, nmerged, longest, arg, p, nmemo, check = run(n)
    print("top", top)
    print("sizes", sorted(sizes.items()))
    print("distinct counts", ninv, "best pair", best_pair)
    print("removed", removed, "kept", nmerged)
    print("collatz", arg, longest, "cache", len(collatz_cache))
    print("partitions", p, "memo", nmemo)
    print("checksum", check)


main()
