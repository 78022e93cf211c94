# dicts as counters, groupers, and memo tables
text = """the quick brown fox jumps over the lazy dog the fox barks
and the dog sleeps while the quick fox runs"""
freq = {}
for w in text.split():
    if w in freq:
        freq[w] += 1
    else:
        freq[w] = 1
print(freq)
top = sorted(freq.items(), key=lambda kv: kv[1], reverse=True)
print(top[:5])
by_len = {}
for w in freq:
    by_len.setdefault(len(w), []).append(w)
for n in sorted(by_len):
    print(n, by_len[n])
memo = {}
def fib(n):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r
print(fib(80), len(memo), list(memo)[:5], list(memo.items())[-2:])
graph = {"a": ["b", "c"], "b": ["d"], "c": ["d", "e"], "d": ["f"], "e": ["f"], "f": []}
indeg = {k: 0 for k in graph}
for k, vs in graph.items():
    for v in vs:
        indeg[v] += 1
print(indeg)
order = []
ready = [k for k in graph if indeg[k] == 0]
while ready:
    n = ready.pop(0)
    order.append(n)
    for m in graph[n]:
        indeg[m] -= 1
        if indeg[m] == 0:
            ready.append(m)
print(order)
matrix = {}
for i in range(3):
    for j in range(3):
        matrix[(i, j)] = i * 3 + j
print(matrix[(1, 2)], matrix[2, 0], len(matrix), (1, 1) in matrix, (3, 3) in matrix)
print({k: v for k, v in matrix.items() if k[0] == k[1]})
scores = {"ann": [90, 80], "bob": [70], "cy": []}
for name, ss in scores.items():
    avg = sum(ss) / len(ss) if ss else None
    print(name, avg)
d = {"a": 1}
d["a"] += 5
d["b"] = d.get("b", 10) * 2
d["a"] **= 2
print(d)
