# Uncaught NameError
def compute():
    result = 0
    for i in range(3):
        result += i
    print("computed", result)
    return result + undefined_variable_xyz
try:
    print(not_defined_either)
except NameError as e:
    print("caught:", e)
values = [1, 2]
print(sum(values))
del values
try:
    values
except NameError as e:
    print("caught after del:", e)
compute()
