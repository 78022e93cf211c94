# Raising an exception class (no instance, no message)
def validate(x):
    if x < 0:
        raise ValueError
    if x > 100:
        raise ValueError("too large: " + str(x))
    return x
print(validate(3))
for v in [-1, 200]:
    try:
        validate(v)
    except ValueError as e:
        print("caught", repr(e), repr(str(e)), e.args)
checked = [validate(v) for v in [0, 50, 100]]
print(checked)
validate(-2)
print("unreachable")
