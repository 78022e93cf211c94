# list methods
xs = [3, 1, 4]
xs.append(1)
print(xs)
xs.extend([5, 9])
print(xs)
xs.extend("ab")
print(xs)
xs.extend((2, 6))
print(xs)
xs.insert(0, "first")
xs.insert(-1, "beforelast")
xs.insert(100, "end")
xs.insert(-100, "start")
print(xs)
print(xs.pop(), xs.pop(0), xs.pop(-2), xs.pop(3))
print(xs)
xs.remove("a")
xs.remove(1)
print(xs)
print(xs.index(9), xs.index(1), xs.count(1), xs.count("zzz"), xs.index(5, 2))
ys = xs.copy()
ys.append("copy-only")
print(len(xs), len(ys), xs == ys[:-1])
nums = [n for n in xs if isinstance(n, int)]
print(nums)
nums.reverse()
print(nums)
nums.sort()
print(nums)
nums.sort(reverse=True)
print(nums)
nums.clear()
print(nums, len(nums))
try:
    nums.pop()
except IndexError as e:
    print("IndexError:", e)
try:
    xs.remove(42)
except ValueError as e:
    print("ValueError:", e)
try:
    xs.index(42)
except ValueError as e:
    print("ValueError:", e)
a = [1, 2]
b = a
b.append(3)
print(a, b, a is b)
c = a * 2 + [0]
print(c, [0] * 5, [[0] * 2] * 2, [] * 3)
grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(3)]
grid2[0][0] = 1
print(grid2)
stack = []
for ch in "abc":
    stack.append(ch)
    print("push", ch, stack)
while stack:
    print("pop", stack.pop(), stack)
print([1, [2, [3, [4]]]], [None, True, 1.5, "s", (1,), {}])
