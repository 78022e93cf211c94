# Calendar computations: leap years, day of week, month grids, date differences
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
def is_leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
def days_in_month(y, m):
    if m == 2:
        return 29 if is_leap(y) else 28
    return 30 if m in (4, 6, 9, 11) else 31
def day_number(y, m, d):
    # days since 0001-01-01 (proleptic Gregorian), 0-based
    y1 = y - 1
    n = y1 * 365 + y1 // 4 - y1 // 100 + y1 // 400
    for mm in range(1, m):
        n += days_in_month(y, mm)
    return n + d - 1
def weekday(y, m, d):
    return day_number(y, m, d) % 7
print([y for y in [1900, 2000, 2023, 2024, 2100, 2400, 1996] if is_leap(y)])
for date in [(1970, 1, 1), (2000, 2, 29), (2024, 7, 4), (1969, 7, 20), (2038, 1, 19), (1, 1, 1)]:
    print("%04d-%02d-%02d" % date, DAYS[weekday(*date)], day_number(*date))
def month_grid(y, m):
    lines = [("%s %d" % (MONTHS[m - 1], y)).center(20).rstrip(), " ".join([d[:2] for d in DAYS])]
    first = weekday(y, m, 1)
    cells = ["  "] * first + ["%2d" % d for d in range(1, days_in_month(y, m) + 1)]
    for i in range(0, len(cells), 7):
        lines.append(" ".join(cells[i:i + 7]))
    return "\n".join(lines)
print(month_grid(2024, 2))
print(month_grid(2023, 10))
def diff(a, b):
    return day_number(*b) - day_number(*a)
print(diff((2000, 1, 1), (2024, 1, 1)), diff((2024, 3, 1), (2024, 2, 28)), diff((1970, 1, 1), (2038, 1, 19)) * 86400)
def add_days(y, m, d, n):
    d += n
    while d > days_in_month(y, m):
        d -= days_in_month(y, m)
        m += 1
        if m > 12:
            m, y = 1, y + 1
    while d < 1:
        m -= 1
        if m < 1:
            m, y = 12, y - 1
        d += days_in_month(y, m)
    return y, m, d
print(add_days(2024, 2, 28, 1), add_days(2023, 2, 28, 1), add_days(2023, 12, 31, 1), add_days(2024, 1, 1, -1), add_days(2024, 1, 31, 400))
fri13 = [(y, m) for y in range(2023, 2026) for m in range(1, 13) if weekday(y, m, 13) == 4]
print(fri13)
counts = [0] * 7
for y in range(1, 401):
    counts[weekday(y, 1, 1)] += 1
print(dict(zip(DAYS, counts)))
