# tuples as lightweight records: sorting, grouping, zipping, swapping
rows = [("alice", "eng", 120000, 2015), ("bob", "eng", 95000, 2019), ("carol", "ops", 70000, 2012),
        ("dave", "ops", 70000, 2020), ("erin", "sales", 65000, 2018), ("frank", "eng", 95000, 2016)]
for name, dept, salary, year in rows:
    print(f"{name:<6} {dept:<6} {salary:>7} {year}")
by_salary = sorted(rows, key=lambda r: (-r[2], r[3]))
print([r[0] for r in by_salary])
groups = {}
for r in rows:
    groups.setdefault(r[1], []).append(r)
for dept, members in groups.items():
    total = sum([m[2] for m in members])
    print(dept, len(members), total, total // len(members), max(members, key=lambda m: m[3])[0])
names, depts, salaries, years = [list(t) for t in zip(*rows)]
print(names, depts)
print(sum(salaries), min(years), max(years))
pairs = list(zip(names, years))
print(pairs[:3], dict(pairs)["carol"])
point = (3, 4)
x, y = point
print(x, y, point[0] ** 2 + point[1] ** 2, point * 2, point + (5,), tuple(reversed(point)))
def stats(xs):
    n = len(xs)
    mean = sum(xs) / n
    var = sum([(v - mean) ** 2 for v in xs]) / n
    return n, mean, var, (min(xs), max(xs))
n, mean, var, (lo, hi) = stats([2, 4, 4, 4, 5, 5, 7, 9])
print(n, mean, var, lo, hi)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
nested = ((1, (2, 3)), (4, (5, 6)))
for p, (q, r) in nested:
    print(p + q + r, end=" ")
print()
print(((1, 2), (3, 4)) < ((1, 2), (3, 5)), (1, 2, 3) > (1, 2), () == (), (0,) != (0.0,))
t = tuple(range(10))
print(t[::3], t[-2:], t[5:1:-1], len(t), 7 in t, list(t).count(3), sum(t))
