# list indexing and slicing with negative steps
xs = list(range(10))
print(xs[2:5], xs[:3], xs[-3:], xs[::3], xs[::-1], xs[::-3], xs[7:2:-1], xs[-2:-8:-2])
print(xs[5:1], xs[100:], xs[-100:2], xs[1:-1:4], xs[9:-11:-5], xs[3::-1], xs[:3:-1])
print(xs[-1], xs[-10], xs[0], len(xs[2:2]))
ys = xs[:]
ys[0] = 99
print(xs[0], ys[0])
xs[3] = "three"
xs[-1] = "last"
print(xs)
del xs[0]
del xs[-1]
print(xs)
m = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print(m[1], m[1][2], m[-1][-1], m[::-1], [row[::-1] for row in m])
print([row[1] for row in m], [m[i][i] for i in range(3)], [m[i][2 - i] for i in range(3)])
t = [[m[j][i] for j in range(3)] for i in range(3)]
print(t)
m[0][0] += 100
m[2][1] *= -1
print(m)
counts = [0] * 5
for v in [1, 3, 3, 4, 1, 1, 0]:
    counts[v] += 1
print(counts)
s = slice(1, None, 2)
print(xs[s], s)
a = [1, 2, 3, 4, 5, 6]
for step in [1, 2, -1, -2, 3, -4]:
    print(step, a[::step], a[1::step], a[-2::step])
try:
    print(a[6])
except IndexError as e:
    print("IndexError:", e)
try:
    a[-7] = 0
except IndexError as e:
    print("IndexError:", e)
first, *middle, last = a
print(first, middle, last)
*init, tail = [1]
print(init, tail)
head, *rest = "hello"
print(head, rest)
(p, q), r = [1, 2], 3
print(p, q, r)
