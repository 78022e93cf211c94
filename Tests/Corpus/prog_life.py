# Conway's Game of Life on a small toroidal grid
W, H = 12, 10
def empty():
    return [[0] * W for _ in range(H)]
def place(grid, cells, ox, oy):
    for x, y in cells:
        grid[(oy + y) % H][(ox + x) % W] = 1
def neighbors(grid, x, y):
    n = 0
    for dy in (-1, 0, 1):
        for dx in (-1, 0, 1):
            if dx == 0 and dy == 0:
                continue
            n += grid[(y + dy) % H][(x + dx) % W]
    return n
def step(grid):
    new = empty()
    for y in range(H):
        for x in range(W):
            n = neighbors(grid, x, y)
            if grid[y][x]:
                new[y][x] = 1 if n in (2, 3) else 0
            else:
                new[y][x] = 1 if n == 3 else 0
    return new
def show(grid, gen):
    pop = sum([sum(row) for row in grid])
    print("gen %d pop %d" % (gen, pop))
    for row in grid:
        print("".join(["#" if c else "." for c in row]))
g = empty()
place(g, [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)], 0, 0)
place(g, [(0, 0), (1, 0), (2, 0)], 7, 6)
place(g, [(0, 0), (1, 0), (0, 1), (1, 1)], 9, 1)
history = []
for gen in range(9):
    if gen % 4 == 0:
        show(g, gen)
    history.append(sum([sum(r) for r in g]))
    g = step(g)
print("populations:", history)
blinker = empty()
place(blinker, [(0, 1), (1, 1), (2, 1)], 4, 4)
b1 = step(blinker)
b2 = step(b1)
print("blinker period 2:", b2 == blinker, b1 == blinker)
def encode(grid):
    return tuple([tuple(r) for r in grid])
seen = {}
g = empty()
place(g, [(1, 0), (2, 0), (0, 1), (1, 1), (1, 2)], 4, 3)
for gen in range(60):
    key = encode(g)
    if key in seen:
        print("r-pentomino state repeats: gen", gen, "== gen", seen[key])
        break
    seen[key] = gen
    g = step(g)
else:
    print("no repeat in 60 generations")
print("final pop", sum([sum(r) for r in g]))
