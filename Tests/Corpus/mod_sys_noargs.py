# sys module attributes without extra arguments
import sys
print(sys.argv, len(sys.argv), sys.argv[0].endswith(".py"))
print(sys.maxsize, sys.maxsize + 1, -sys.maxsize - 1, type(sys.maxsize))
print(sys.getrecursionlimit())
sys.setrecursionlimit(3000)
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(2500))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)
print("still alive", depth(100))
