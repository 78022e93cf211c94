# LRU cache built on a dict (insertion order) plus hit/miss statistics
class LRUCache:
    def __init__(self, capacity):
        self.capacity = capacity
        self.data = {}
        self.hits = 0
        self.misses = 0
        self.evictions = []
    def get(self, key, default=None):
        if key in self.data:
            v = self.data.pop(key)
            self.data[key] = v
            self.hits += 1
            return v
        self.misses += 1
        return default
    def put(self, key, value):
        if key in self.data:
            del self.data[key]
        elif len(self.data) >= self.capacity:
            oldest = next(iter(self.data))
            del self.data[oldest]
            self.evictions.append(oldest)
        self.data[key] = value
    def __len__(self):
        return len(self.data)
    def __contains__(self, key):
        return key in self.data
    def __repr__(self):
        return "LRU(%r)" % self.data
c = LRUCache(3)
for k in "abc":
    c.put(k, k.upper())
print(c)
print(c.get("a"), c)
c.put("d", "D")
print(c, c.evictions)
print(c.get("b"), c.get("c"), c)
c.put("a", "A2")
c.put("e", "E")
print(c, c.evictions, len(c), "a" in c, "b" in c)
print("hits", c.hits, "misses", c.misses)
def lru_memo(capacity):
    def deco(fn):
        cache = LRUCache(capacity)
        def wrapper(*args):
            sentinel = ("missing",)
            r = cache.get(args, sentinel)
            if r is sentinel:
                r = fn(*args)
                cache.put(args, r)
            return r
        wrapper_stats = lambda: (cache.hits, cache.misses, len(cache))
        return wrapper, wrapper_stats
    return deco
def slow_binom(n, k):
    if k == 0 or k == n:
        return 1
    return binom(n - 1, k - 1) + binom(n - 1, k)
binom, binom_stats = lru_memo(500)(slow_binom)
print(binom(30, 15), binom_stats())
print(binom(40, 20), binom_stats())
seq = [1, 2, 3, 1, 4, 5, 2, 1, 6, 3, 1, 2, 7, 1]
cache = LRUCache(3)
trace = []
for x in seq:
    if cache.get(x) is None:
        cache.put(x, x * x)
        trace.append("M")
    else:
        trace.append("H")
print("".join(trace), cache.hits, cache.misses, cache.evictions)
print(list(cache.data.items()))
