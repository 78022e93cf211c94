# sys.exit(0) stops the program successfully, running finally blocks
import sys
def process(items):
    done = []
    for it in items:
        done.append(it * 2)
        print("processed", it)
    return done
result = process([1, 2, 3])
print("result", result)
try:
    print("before exit")
    if sum(result) == 12:
        sys.exit(0)
    print("not reached")
finally:
    print("finally still runs")
print("unreachable")
