# sys.argv with arguments supplied from mod_sys_argv.args
import sys
print("argc", len(sys.argv))
print("argv0", sys.argv[0])
for i, a in enumerate(sys.argv[1:], 1):
    print(i, repr(a), len(a))
args = sys.argv[1:]
nums = [int(a) for a in args if a.lstrip("-").isdigit()]
print("numbers:", nums, "sum:", sum(nums))
flags = [a for a in args if a.startswith("--")]
print("flags:", flags)
opts = {}
for f in flags:
    k, sep, v = f[2:].partition("=")
    opts[k] = v if sep else True
print("opts:", opts)
print(type(sys.argv), sys.argv[-1], sys.argv[1:3])
