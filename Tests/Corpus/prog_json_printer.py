# JSON-like pretty printer and serializer for nested dict/list data
def escape(s):
    out = '"'
    for ch in s:
        if ch == '"':
            out += '\\"'
        elif ch == "\\":
            out += "\\\\"
        elif ch == "\n":
            out += "\\n"
        elif ch == "\t":
            out += "\\t"
        elif ord(ch) < 32:
            out += "\\u%04x" % ord(ch)
        else:
            out += ch
    return out + '"'
def dumps(v, indent=0, level=0):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    nl = "\n" if indent else ""
    sep = ": " if indent else ":"
    if v is None:
        return "null"
    if v is True:
        return "true"
    if v is False:
        return "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return escape(v)
    if isinstance(v, (list, tuple)):
        if not v:
            return "[]"
        items = [pad + dumps(x, indent, level + 1) for x in v]
        return "[" + nl + ("," + nl).join(items) + nl + end_pad + "]"
    if isinstance(v, dict):
        if not v:
            return "{}"
        items = [pad + escape(str(k)) + sep + dumps(x, indent, level + 1) for k, x in v.items()]
        return "{" + nl + ("," + nl).join(items) + nl + end_pad + "}"
    raise TypeError("not serializable: " + repr(v))
doc = {
    "name": "metalab",
    "version": [0, 1, 2],
    "stable": False,
    "license": None,
    "ratio": 0.1 + 0.2,
    "big": 2 ** 70,
    "nested": {"empty_list": [], "empty_dict": {}, "deep": {"a": [1, {"b": [True, None]}]}},
    "text": 'He said "hi"\n\tand left\\',
    "unicode": "caf\u00e9 \u2603",
    "ctrl": "\x01",
    5: "int key",
}
print(dumps(doc))
print(dumps(doc, 2))
print(dumps([1, [2, [3, []]], "x"], 4))
print(dumps((1.5, -0.0, 1e100, 1e-7)))
try:
    dumps({"bad": range(3)})
except TypeError as e:
    print("TypeError:", e)
def count_nodes(v):
    if isinstance(v, dict):
        return 1 + sum([count_nodes(x) for x in v.values()])
    if isinstance(v, list):
        return 1 + sum([count_nodes(x) for x in v])
    return 1
print("nodes:", count_nodes(doc))
def depth(v):
    if isinstance(v, dict):
        return 1 + max([depth(x) for x in v.values()] + [0])
    if isinstance(v, list):
        return 1 + max([depth(x) for x in v] + [0])
    return 0
print("depth:", depth(doc))
