# Bridges that end in a peeled loop's body (through its short preamble) and bridges that must not: under
# --jit trace with a low threshold and trace_eagerness, every path below ends up in a bridge.


def branchy_sum(n):
    # The branch's other side becomes a bridge; s and i stay unboxed across it.
    s = 0.0
    i = 0
    while i < n:
        if i % 3 == 0:
            s = s + 1.5
        else:
            s = s + 0.5
        i += 1
    return s


def shared_box(n):
    # On the bridge's path, acc is a real object also held in `keep`: it must stay that object.
    keep = [2.5]
    acc = 0.25
    i = 0
    same = 0
    while i < n:
        if i % 4 == 1:
            acc = keep[0]
        else:
            acc = acc + 1.0
        if acc is keep[0]:
            same += 1
        i += 1
    return acc, same


def constant_restart(rows, cols):
    # Each row restarts the inner loop's values from constants (as mandelbrot's pixels do).
    total = 0
    for r in range(rows):
        z = 0.0
        k = 0
        while k < cols:
            z = z * 0.5 + r
            k += 1
        total += k + int(z)
    return total


def invariant_changes(n):
    # The loop's invariant (the list and its length) differs after each bridge run: the short preamble's
    # checks and loads run again for the new one.
    lists = [[1, 2, 3], [4, 5], [6, 7, 8, 9]]
    total = 0
    j = 0
    while j < n:
        items = lists[j % 3]
        for x in items:
            if x % 2 == 0:
                total += x
            else:
                total -= 1
        j += 1
    return total


print(branchy_sum(3000))
print(shared_box(3000))
print(constant_restart(300, 20))
print(invariant_changes(900))
