# Binary heap priority queue and Dijkstra's shortest paths
class MinHeap:
    def __init__(self):
        self.a = []
    def push(self, item):
        a = self.a
        a.append(item)
        i = len(a) - 1
        while i > 0:
            p = (i - 1) // 2
            if a[i] < a[p]:
                a[i], a[p] = a[p], a[i]
                i = p
            else:
                break
    def pop(self):
        a = self.a
        top = a[0]
        last = a.pop()
        if a:
            a[0] = last
            i = 0
            while True:
                l, r = 2 * i + 1, 2 * i + 2
                m = i
                if l < len(a) and a[l] < a[m]:
                    m = l
                if r < len(a) and a[r] < a[m]:
                    m = r
                if m == i:
                    break
                a[i], a[m] = a[m], a[i]
                i = m
        return top
    def __len__(self):
        return len(self.a)
h = MinHeap()
for v in [5, 3, 8, 1, 9, 2, 7, 3]:
    h.push(v)
print([h.pop() for _ in range(len(h))])
graph = {
    "A": {"B": 7, "C": 9, "F": 14},
    "B": {"A": 7, "C": 10, "D": 15},
    "C": {"A": 9, "B": 10, "D": 11, "F": 2},
    "D": {"B": 15, "C": 11, "E": 6},
    "E": {"D": 6, "F": 9},
    "F": {"A": 14, "C": 2, "E": 9},
    "G": {},
}
def dijkstra(g, src):
    dist = {src: 0}
    prev = {}
    pq = MinHeap()
    pq.push((0, src))
    done = set()
    while len(pq):
        d, u = pq.pop()
        if u in done:
            continue
        done = done | {u}
        for v, w in g[u].items():
            nd = d + w
            if v not in dist or nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                pq.push((nd, v))
    return dist, prev
def path(prev, dst):
    p = [dst]
    while p[-1] in prev:
        p.append(prev[p[-1]])
    return p[::-1]
dist, prev = dijkstra(graph, "A")
for node in sorted(graph):
    if node in dist:
        print(node, dist[node], "->".join(path(prev, node)))
    else:
        print(node, "unreachable")
print(sorted(dist.items(), key=lambda kv: kv[1]))
grid = ["S.#.....",
        ".##.###.",
        "....#...",
        ".##...#E"]
def grid_graph(rows):
    g = {}
    for y, row in enumerate(rows):
        for x, ch in enumerate(row):
            if ch == "#":
                continue
            g[(x, y)] = {}
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
                nx, ny = x + dx, y + dy
                if 0 <= ny < len(rows) and 0 <= nx < len(row) and rows[ny][nx] != "#":
                    g[(x, y)][(nx, ny)] = 1
    return g
gg = grid_graph(grid)
d2, p2 = dijkstra(gg, (0, 0))
end = (7, 3)
route = path(p2, end)
print("steps", d2[end], route)
canvas = [list(r) for r in grid]
for x, y in route[1:-1]:
    canvas[y][x] = "*"
print("\n".join(["".join(r) for r in canvas]))
