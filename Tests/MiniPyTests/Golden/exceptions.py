import sys
from collections import OrderedDict as OD


def parse(items):
    out = []
    for item in items:
        try:
            out.append(int(item))
        except (ValueError, TypeError) as e:
            print("bad", item, e)
            continue
        else:
            pass
        finally:
            print("seen", item)
    return out


def closures():
    count = 0

    def bump(step=1):
        nonlocal count
        count += step
        return count

    return bump, lambda: count


try:
    assert parse(["1", "x"]) == [1], "parse failed"
except AssertionError:
    raise
finally:
    sys.exit(0 if 1 < 2 < 3 else 1)
