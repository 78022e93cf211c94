# helper module: util, with module-level state
print("loading util, __name__ =", __name__)
VERSION = "1.2.3"
load_count = 0
load_count += 1
_calls = []
def shout(s):
    _calls.append(s)
    return s.upper() + "!"
def calls():
    return list(_calls)
def clamp(v, lo, hi):
    return max(lo, min(hi, v))
counter = 0
def bump():
    global counter
    counter += 1
    return counter
def version_tuple():
    return tuple([int(p) for p in VERSION.split(".")])
