# deeply nested module
print("leaf loaded")
from modules.nopkg.mod import triple
def nine_times(x):
    return triple(triple(x))
VALUE = nine_times(2)
