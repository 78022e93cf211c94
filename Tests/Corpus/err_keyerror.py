# Uncaught KeyError from a dict lookup inside a function
inventory = {"apple": 3, "pear": 0}
def take(name):
    print("taking", name)
    inventory[name] -= 1
    return inventory[name]
print(take("apple"))
print(take("pear"))
print(inventory)
print(inventory.get("kiwi"), inventory.get("kiwi", 0), "kiwi" in inventory)
try:
    del inventory["plum"]
except KeyError as e:
    print("caught:", repr(e))
print(take("kiwi"))
print("unreachable")
