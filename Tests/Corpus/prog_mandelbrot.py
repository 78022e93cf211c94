# ASCII Mandelbrot and Julia sets with float arithmetic
def mandel(cx, cy, max_iter):
    x = y = 0.0
    for i in range(max_iter):
        x2, y2 = x * x, y * y
        if x2 + y2 > 4.0:
            return i
        y = 2 * x * y + cy
        x = x2 - y2 + cx
    return max_iter
CHARS = " .:-=+*#%@"
W, H = 60, 22
rows = []
total = 0
for j in range(H):
    cy = -1.2 + 2.4 * j / (H - 1)
    line = ""
    for i in range(W):
        cx = -2.1 + 2.8 * i / (W - 1)
        n = mandel(cx, cy, 40)
        total += n
        line += CHARS[min(n * len(CHARS) // 41, len(CHARS) - 1)]
    rows.append(line)
print("\n".join(rows))
print("total iterations:", total)
print([mandel(x / 4, 0.0, 100) for x in range(-9, 3)])
def julia(zx, zy, cx, cy, max_iter):
    for i in range(max_iter):
        if zx * zx + zy * zy > 4:
            return i
        zx, zy = zx * zx - zy * zy + cx, 2 * zx * zy + cy
    return max_iter
for j in range(9):
    y = -1.0 + j * 0.25
    print("".join(["#" if julia(-1.5 + i * 0.1, y, -0.8, 0.156, 30) == 30 else "." for i in range(31)]))
x = 0.5
orbit = []
for _ in range(12):
    x = 3.7 * x * (1 - x)
    orbit.append(x)
print(orbit)
print(round(sum(orbit), 12), min(orbit), max(orbit))
