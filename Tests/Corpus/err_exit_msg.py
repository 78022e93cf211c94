# sys.exit with a string message: printed to stderr, exit status 1
import sys
def parse(args):
    opts = {}
    for a in args:
        if a.startswith("--"):
            k, _, v = a[2:].partition("=")
            opts[k] = v or True
    return opts
args = ["--name=x", "--help"]
print("checking args", args)
opts = parse(args)
print("options", opts)
if "help" in opts:
    print("help requested")
    sys.exit("usage: prog [options] <file>")
print("unreachable")
