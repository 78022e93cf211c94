#!/usr/bin/env python3
"""Runs metalab over the corpus and reports each program whose stdout, exit status or last stderr line differs
from the committed CPython results. Usage: compare.py [--metalab PATH] [--jit MODE] [--jit-param K=V,...] [--passes all|none|LIST] [--backend x64|ir] [--loops] [NAME-SUBSTRING...]

With --loops (and --jit trace), also reports how many programs compiled at least one loop (from --stats)."""
import argparse, difflib, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
STATS_KEYS = {"loops", "loops dropped", "loops invalidated", "bridges", "aborts", "traces started", "guard failures", "deopts", "loop entries", "ops recorded",
              "ops after optimization", "bytecodes traced", "bytecodes interpreted", "bytecodes in jit"}


def is_stats_line(line):
    key = line.split(": ")[0]
    return ": " in line and (key in STATS_KEYS or key.startswith("ops recorded ") or key.startswith("ops after optimization "))


def check(metalab, jit, params, passes, backend, name):
    stem = name[:-3]
    args = []
    if os.path.exists(os.path.join(HERE, stem + ".args")):
        args = [a for a in open(os.path.join(HERE, stem + ".args")).read().split("\n") if a]
    try:
        extra = ["--jit-param", params, "--passes", passes, "--backend", backend, "--stats"] if jit != "off" else []
        p = subprocess.run([metalab, "run", name, "--jit", jit] + extra + args, cwd=HERE, capture_output=True, timeout=120)
    except subprocess.TimeoutExpired:
        return name, "timeout", 0
    out = p.stdout.decode("utf-8", "replace")
    err_lines = [l for l in p.stderr.decode("utf-8", "replace").split("\n") if l]
    loops = 0
    if jit != "off":
        # The --stats block ends stderr; the program's own last stderr line comes before it.
        while err_lines and is_stats_line(err_lines[-1]):
            key, value = err_lines.pop().split(": ")
            if key == "loops":
                loops = int(value)
    expected = open(os.path.join(HERE, stem + ".out"), "rb").read().decode("utf-8", "replace")
    status = open(os.path.join(HERE, stem + ".status")).read().split("\n")
    problems = []
    if out != expected:
        diff = difflib.unified_diff(expected.splitlines(), out.splitlines(), "cpython", "metalab", lineterm="", n=1)
        problems.append("stdout differs:\n" + "\n".join(list(diff)[:12]))
    if str(p.returncode) != status[0]:
        problems.append(f"exit {p.returncode}, expected {status[0]}")
    last = err_lines[-1] if err_lines else ""
    if last != (status[1] if len(status) > 1 else ""):
        problems.append(f"last stderr line {last!r}, expected {status[1]!r}")
    return name, "\n".join(problems), loops


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--metalab", default=os.path.join(HERE, "..", "..", ".build", "debug", "metalab"))
    ap.add_argument("--jit", default="off")
    ap.add_argument("--jit-param", default="threshold=2,trace_eagerness=2")
    ap.add_argument("--passes", default="all")
    ap.add_argument("--backend", default="x64")
    ap.add_argument("--loops", action="store_true")
    ap.add_argument("filters", nargs="*")
    a = ap.parse_args()
    a.metalab = os.path.abspath(a.metalab)
    names = sorted(f for f in os.listdir(HERE) if f.endswith(".py") and f not in ("regen.py", "compare.py"))
    names = [n for n in names if not a.filters or any(s in n for s in a.filters)]
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        results = list(pool.map(lambda n: check(a.metalab, a.jit, a.jit_param, a.passes, a.backend, n), names))
    failed = [(n, r) for n, r, _ in results if r]
    for n, r in failed:
        print(f"--- {n}\n{r}\n")
    print(f"{len(names) - len(failed)} passed, {len(failed)} failed")
    if a.loops:
        print(f"{sum(1 for _, _, l in results if l > 0)} of {len(names)} programs compiled a loop "
              f"({sum(l for _, _, l in results)} loops)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
