# Text wrapping, justification and column layout
TEXT = ("The quick brown fox jumps over the lazy dog. Pack my box with five dozen liquor jugs! "
        "How vexingly quick daft zebras jump; sphinx of black quartz, judge my vow. "
        "Supercalifragilisticexpialidocious is a rather long word.")
def wrap(text, width):
    lines = []
    cur = []
    cur_len = 0
    for w in text.split():
        while len(w) > width:
            if cur:
                lines.append(" ".join(cur))
                cur, cur_len = [], 0
            lines.append(w[:width])
            w = w[width:]
        extra = len(w) + (1 if cur else 0)
        if cur_len + extra > width:
            lines.append(" ".join(cur))
            cur, cur_len = [w], len(w)
        else:
            cur.append(w)
            cur_len += extra
    if cur:
        lines.append(" ".join(cur))
    return lines
def justify(line, width):
    words = line.split()
    if len(words) == 1:
        return line.ljust(width)
    gaps = len(words) - 1
    spaces = width - sum([len(w) for w in words])
    q, r = divmod(spaces, gaps)
    out = ""
    for i, w in enumerate(words[:-1]):
        out += w + " " * (q + (1 if i < r else 0))
    return out + words[-1]
for width in [20, 33, 50]:
    print("width", width)
    lines = wrap(TEXT, width)
    for i, line in enumerate(lines):
        shown = line if i == len(lines) - 1 else justify(line, width)
        print("|" + shown.ljust(width) + "|")
    print("|" + "-" * width + "|")
lines = wrap(TEXT, 28)
print("|".join([l.center(30) for l in lines[:2]]))
print(max([len(l) for l in lines]), len(lines), [len(l) for l in lines])
def columns(words, ncols, colw):
    rows = (len(words) + ncols - 1) // ncols
    out = []
    for r in range(rows):
        cells = []
        for c in range(ncols):
            i = c * rows + r
            if i < len(words):
                cells.append(words[i].ljust(colw))
        out.append("".join(cells).rstrip())
    return out
ws = sorted(set([w.strip(".,;!").lower() for w in TEXT.split()]))
for row in columns(ws, 4, 16):
    print(row)
print(repr(wrap("", 10)), wrap("a", 1), wrap("abcdefghij", 3))
