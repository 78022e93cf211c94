# module in a folder without __init__.py (namespace package)
print("nopkg.mod loaded, __name__ =", __name__)
def triple(x):
    return x * 3
