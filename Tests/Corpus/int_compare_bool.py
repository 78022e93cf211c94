# Comparisons, chained comparisons, bool arithmetic
print(1 < 2 < 3, 1 < 3 < 2, 3 > 2 > 1, 1 == 1 == 1, 1 == 1 != 2)
print(1 < 2 > 0, 5 >= 5 <= 6, 0 <= 0 < 1 <= 1)
x = 5
print(0 < x < 10, 0 < x < 5, x == 5 > 4)
def loud(n):
    print("eval", n)
    return n
print(loud(1) < loud(2) < loud(3))
print(loud(3) < loud(2) < loud(1))
print(loud(1) > loud(2) > loud(3) > loud(4))
print(True == 1, False == 0, True is True, True + 1, -True)
print(True > False, 2 > True, 1.0 == True)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(""), bool(" "), bool([]), bool([0]))
print(bool(()), bool((0,)), bool({}), bool(None), bool(range(0)), bool(range(1)))
print(not 0, not 1, not None, not "x", not [])
print(10 > 9.5, 10 == 10.0, 3 != 3.0, -1 < -0.5)
print(2 ** 100 > 1e30, 2 ** 100 < 1e31, 10 ** 400 > 1e308)
print(sorted([3, 1.5, True, 0, -2, 2.5]))
print(max(1, 2.0), max(2.0, 1), min(1, 1.0), min(1.0, 1))
print(1 in [1.0], 2 not in (1, 3), "a" < "b" < "c", "abc" < "abd", "Z" < "a")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], (1, "a") < (1, "b"), [] < [0])
print((1, 2) == (1, 2), [1, 2] == [1, 2], (1, 2) == [1, 2])
a = [1, 2]
b = a
c = [1, 2]
print(a is b, a is c, a == c, a is not c)
print(None is None, None == None, None == 0, None != False)
