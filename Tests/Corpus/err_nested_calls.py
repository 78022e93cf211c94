# Uncaught exception raised deep inside nested calls, passing through finally blocks
def parse(s):
    print("parse", repr(s))
    return int(s)
def load(items):
    out = []
    for it in items:
        try:
            out.append(parse(it))
        finally:
            print("after", repr(it))
    return out
def main():
    print(load(["1", "2"]))
    print(load(["3", "4.5", "6"]))
main()
