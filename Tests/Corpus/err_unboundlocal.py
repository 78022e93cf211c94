# Uncaught UnboundLocalError: local assigned after use
counter = 10
def read_only():
    return counter + 1
def with_global():
    global counter
    counter += 1
    return counter
print(read_only(), with_global(), counter)
def conditional(flag):
    if flag:
        value = "set"
    return value
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("caught:", e)
def bump():
    print("bumping")
    counter += 1
    return counter
bump()
