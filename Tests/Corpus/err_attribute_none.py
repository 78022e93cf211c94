# Uncaught AttributeError on None returned by a function that forgot to return
class Record:
    def __init__(self, rid, name):
        self.id = rid
        self.name = name
def find(xs, target):
    for x in xs:
        if x.id == target:
            return x
records = [Record(1, "a"), Record(2, "b"), Record(3, "c")]
for t in [2, 3]:
    r = find(records, t)
    print("found", t, r.name)
missing = find(records, 9)
print("lookup 9 gives", missing)
try:
    missing.id
except AttributeError as e:
    print("caught:", e)
print(find(records, 4).name)
