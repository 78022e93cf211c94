# Dynamic programming: LCS, edit distance, knapsack, longest increasing subsequence
def lcs(a, b):
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                dp[i][j] = 1 + dp[i + 1][j + 1]
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
    i = j = 0
    out = ""
    while i < n and j < m:
        if a[i] == b[j]:
            out += a[i]
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return dp[0][0], out
for a, b in [("ABCBDAB", "BDCABA"), ("AGGTAB", "GXTXAYB"), ("", "abc"), ("same", "same"), ("kitten", "sitting")]:
    print(a, b, lcs(a, b))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
        prev = cur
    return prev[-1]
for a, b in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("intention", "execution"), ("abc", "abc")]:
    print(a, "->", b, edit_distance(a, b))
def knapsack(items, cap):
    best = [[0] * (cap + 1) for _ in range(len(items) + 1)]
    for i, (name, w, v) in enumerate(items, 1):
        for c in range(cap + 1):
            best[i][c] = best[i - 1][c]
            if w <= c and best[i - 1][c - w] + v > best[i][c]:
                best[i][c] = best[i - 1][c - w] + v
    chosen = []
    c = cap
    for i in range(len(items), 0, -1):
        if best[i][c] != best[i - 1][c]:
            name, w, v = items[i - 1]
            chosen.append(name)
            c -= w
    return best[-1][cap], chosen[::-1]
items = [("map", 9, 150), ("compass", 13, 35), ("water", 153, 200), ("sandwich", 50, 160),
         ("glucose", 15, 60), ("tin", 68, 45), ("banana", 27, 60), ("apple", 39, 40)]
for cap in [0, 50, 100, 200, 400]:
    print(cap, knapsack(items, cap))
def lis(xs):
    if not xs:
        return []
    best = [1] * len(xs)
    prev = [-1] * len(xs)
    for i in range(len(xs)):
        for j in range(i):
            if xs[j] < xs[i] and best[j] + 1 > best[i]:
                best[i] = best[j] + 1
                prev[i] = j
    k = max(range(len(xs)), key=lambda i: best[i])
    out = []
    while k != -1:
        out.append(xs[k])
        k = prev[k]
    return out[::-1]
for xs in [[10, 9, 2, 5, 3, 7, 101, 18], [0, 8, 4, 12, 2, 10, 6, 14, 1, 9, 5, 13, 3, 11, 7, 15], [], [5, 4, 3]]:
    print(xs, lis(xs))
