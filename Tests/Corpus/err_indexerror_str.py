# Uncaught IndexError on a string
word = "hello"
for k in [0, -1, 4, -5]:
    print(k, word[k])
print(word[1:100], repr(word[5:]), word[-100:2])
try:
    word[-6]
except IndexError as e:
    print("caught:", e)
def initials(names):
    return "".join([n[0] for n in names])
print(initials(["ada", "bob", "cy"]))
print(initials([]), repr(initials(["x"])))
print(initials(["ada", "", "cy"]))
print("unreachable")
