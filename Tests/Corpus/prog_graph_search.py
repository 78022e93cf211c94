# Graph search: BFS shortest paths, DFS components, cycle detection, word ladder
edges = [("a", "b"), ("b", "c"), ("c", "d"), ("a", "e"), ("e", "d"), ("f", "g"), ("h", "h"), ("d", "i")]
adj = {}
for u, v in edges:
    adj.setdefault(u, []).append(v)
    adj.setdefault(v, []).append(u)
print(adj)
def bfs(start):
    dist = {start: 0}
    queue = [start]
    order = []
    while queue:
        u = queue.pop(0)
        order.append(u)
        for v in adj[u]:
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist, order
d, order = bfs("a")
print(d, order)
def components():
    seen = set()
    comps = []
    for node in sorted(adj):
        if node in seen:
            continue
        stack = [node]
        comp = []
        while stack:
            u = stack.pop()
            if u in seen:
                continue
            seen = seen | {u}
            comp.append(u)
            for v in adj[u]:
                if v not in seen:
                    stack.append(v)
        comps.append(sorted(comp))
    return comps
print(components())
dag = {"shirt": ["tie", "belt"], "tie": ["jacket"], "pants": ["shoes", "belt"], "belt": ["jacket"],
       "socks": ["shoes"], "shoes": [], "jacket": [], "watch": []}
def topo(g):
    state = {}
    out = []
    def visit(n, path):
        if state.get(n) == "done":
            return
        if state.get(n) == "active":
            raise ValueError("cycle: " + " -> ".join(path + [n]))
        state[n] = "active"
        for m in g[n]:
            visit(m, path + [n])
        state[n] = "done"
        out.append(n)
    for n in g:
        visit(n, [])
    return out[::-1]
print(topo(dag))
cyclic = {"a": ["b"], "b": ["c"], "c": ["a"]}
try:
    topo(cyclic)
except ValueError as e:
    print("ValueError:", e)
WORDS = ["cold", "cord", "card", "ward", "warm", "word", "worm", "wore", "core", "bold", "bolt", "cole", "wold"]
def neighbors(w):
    out = []
    for cand in WORDS:
        if len(cand) == len(w) and sum([1 for a, b in zip(cand, w) if a != b]) == 1:
            out.append(cand)
    return out
def ladder(src, dst):
    prev = {src: None}
    q = [src]
    while q:
        w = q.pop(0)
        if w == dst:
            path = []
            while w is not None:
                path.append(w)
                w = prev[w]
            return path[::-1]
        for n in neighbors(w):
            if n not in prev:
                prev[n] = w
                q.append(n)
    return None
print(ladder("cold", "warm"), ladder("bold", "word"), ladder("cold", "zzzz"))
print({w: len(neighbors(w)) for w in WORDS})
