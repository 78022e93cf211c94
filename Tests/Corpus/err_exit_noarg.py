# sys.exit() with no argument exits with status 0
import sys
def running_totals(xs, limit):
    total = 0
    for i, x in enumerate(xs):
        total += x
        if total > limit:
            print("limit reached at", i, "total", total)
            sys.exit()
        print("total", total)
    return total
print("start")
print(running_totals([1, 1, 1], 10))
running_totals([0, 1, 2, 3, 4], 5)
print("unreachable")
