# for/while with else, break, continue, nested loops
for i in range(5):
    if i == 3:
        print("break at", i)
        break
    print("i =", i)
else:
    print("for-else not reached")
for i in range(3):
    print("j =", i)
else:
    print("for-else reached")
n = 0
while n < 3:
    n += 1
    print("n =", n)
else:
    print("while-else reached", n)
while True:
    n -= 1
    if n == 1:
        break
else:
    print("not reached")
print("after while n =", n)
for i in range(10):
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
for x in []:
    print("never")
else:
    print("empty for-else")
def find(xs, target):
    for i, x in enumerate(xs):
        if x == target:
            print("found", target, "at", i)
            break
    else:
        print(target, "not found")
find([5, 6, 7], 6)
find([5, 6, 7], 9)
primes = []
for n in range(2, 40):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        primes.append(n)
print(primes)
for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if i + j == 3:
            break
        print(i, j, end=" | ")
print()
for ch in "hey":
    print(ch, end="")
print()
for k in {"b": 1, "a": 2}:
    print(k, end=",")
print()
for i in range(10, 0, -3):
    print(i, end=" ")
print()
i = 0
while i < 10:
    i += 1
    if i % 3:
        continue
    print("mult3", i)
count = 0
for a in range(5):
    for b in range(5):
        for c in range(5):
            if a + b + c == 6 and a <= b <= c:
                count += 1
                print((a, b, c), end=" ")
print()
print("count", count)
for x in [1, 2, 3]:
    pass
print("loop var after loop:", x)
