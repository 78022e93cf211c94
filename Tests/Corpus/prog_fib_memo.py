# Memoized recursion with dicts: fib, partitions, grid paths, coin change
memo = {0: 0, 1: 1}
def fib(n):
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
for n in [10, 50, 100, 200, 300]:
    print("fib(%d) = %d" % (n, fib(n)))
print(len(memo), fib(300) % 1000000007, len(str(fib(300))))
part_memo = {}
def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in part_memo:
        part_memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return part_memo[key]
print([partitions(n, n) for n in range(15)], partitions(100, 100))
def grid_paths(r, c, cache={}):
    if r == 0 or c == 0:
        return 1
    if (r, c) not in cache:
        cache[(r, c)] = grid_paths(r - 1, c) + grid_paths(r, c - 1)
    return cache[(r, c)]
print(grid_paths(2, 2), grid_paths(10, 10), grid_paths(16, 16))
def coin_ways(amount, coins):
    ways = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    return ways[amount]
print(coin_ways(100, [1, 5, 10, 25, 50]), coin_ways(200, [1, 2, 5, 10, 20, 50, 100, 200]))
def min_coins(amount, coins):
    best = {0: []}
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and (a - c) in best:
                cand = best[a - c] + [c]
                if a not in best or len(cand) < len(best[a]):
                    best[a] = cand
    return best.get(amount)
for amt in [0, 6, 11, 23, 7]:
    print(amt, min_coins(amt, [1, 3, 4]), min_coins(amt, [5, 10]))
collatz_cache = {1: 1}
def collatz_len(n):
    path = []
    while n not in collatz_cache:
        path.append(n)
        n = n // 2 if n % 2 == 0 else 3 * n + 1
    length = collatz_cache[n]
    for m in reversed(path):
        length += 1
        collatz_cache[m] = length
    return collatz_cache[path[0]] if path else length
best = max(range(1, 10000), key=collatz_len)
print("longest collatz below 10000:", best, collatz_len(best))
