# strings: string building and processing. Generates lines of pseudo-random
# "log records" with f-strings and %-formatting, then parses them back with
# split / partition / strip / int(), transforms them (upper, replace, join,
# slicing, ljust/rjust/zfill), searches with find/count/startswith, and builds
# a report with str.join. The checksum is a polynomial hash over the output.
import sys

WORDS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot", "golf",
         "hotel", "india", "juliet", "kilo", "lima", "mike", "november"]
LEVELS = ["DEBUG", "INFO", "WARN", "ERROR"]


def str_hash(s, h):
    for ch in s:
        h = (h * 31 + ord(ch)) % 1000000007
    return h


def make_line(i, seed):
    w1 = WORDS[seed % len(WORDS)]
    w2 = WORDS[(seed // 7) % len(WORDS)]
    level = LEVELS[(seed >> 3) % 4]
    ms = seed % 10000
    if i % 3 == 0:
        return f"{i:06d} [{level:>5}] {w1}.{w2}: took {ms / 10:.1f}ms user={w2.upper()}"
    if i % 3 == 1:
        return "%06d [%5s] %s.%s: took %.1fms user=%s" % (i, level, w1, w2, ms / 10, w2.capitalize())
    return "{:06d} [{:>5}] {}.{}: took {:.1f}ms user={}".format(i, level, w1, w2, ms / 10, w2)


def parse_line(line):
    ident, rest = line.split(" ", 1)
    level = rest[1:6].strip()
    source, _, tail = rest[8:].partition(": ")
    parts = tail.split()
    took = float(parts[1][:-2])
    user = parts[2].split("=")[1].lower()
    module, name = source.split(".")
    return int(ident), level, module, name, took, user


def process(n):
    seed = 12345
    lines = []
    for i in range(n):
        seed = (seed * 1103515245 + 12345) % 2147483648
        lines.append(make_line(i, seed >> 4))
    text = "\n".join(lines)

    report = []
    total_ms = 0.0
    errors = 0
    for line in text.splitlines():
        ident, level, module, name, took, user = parse_line(line)
        total_ms += took
        if level == "ERROR":
            errors += 1
            tag = module[:3].upper() + "-" + str(ident).zfill(7)
            report.append(tag.ljust(14) + "|" + user.rjust(10) + "|" + name.center(12, "."))
        elif level == "WARN" and name.startswith(("a", "e", "i", "o", "u")):
            report.append(line.replace("WARN", "warn").replace(" ", "_")[:40])

    body = "\n".join(report)
    vowels = 0
    for ch in "aeiou":
        vowels += body.count(ch)
    first = body.find("ECH")
    last = body.rfind("|")
    words = body.split("|")
    joined = ",".join([w.strip(".") for w in words[:50]])
    rev = "".join([w[::-1] for w in WORDS])

    h = str_hash(body, 7)
    h = str_hash(joined, h)
    h = str_hash(rev, h)
    return h, len(body), errors, vowels, first, last, total_ms


def main():
    n = 120000
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    h, size, errors, vowels, first, last, total_ms = process(n)
    print("lines", n, "errors", errors, "size", size)
    print("vowels", vowels, "first", first, "last", last)
    print("total_ms %.1f" % total_ms)
    print("checksum", h)


main()
