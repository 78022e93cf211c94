# Uncaught IndexError: list index out of range
data = [10, 20, 30]
print(data[0], data[-1], data[-3], len(data))
try:
    data[3]
except IndexError as e:
    print("caught:", e)
pairs = []
for i in range(len(data) - 1):
    pairs.append((data[i], data[i + 1]))
print(pairs)
i = 0
while True:
    print("data[%d] =" % i, data[i])
    i += 1
print("unreachable")
