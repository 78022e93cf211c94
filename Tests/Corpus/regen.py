#!/usr/bin/env python3
"""Regenerate (or check) the expected results of the MiniPy conformance corpus.

For every top-level ``*.py`` program in this folder (except this script) it runs
CPython 3.11 with the program's folder as the working directory and the program
given by its bare file name, and records:

  <name>.out     exact stdout bytes
  <name>.status  line 1: exit code; line 2: last non-empty line of stderr ("" if none)

A program may have ``<name>.args``: one command-line argument per line
(the file is split on "\\n"; one trailing newline is ignored; no empty arguments).

Usage:
  python3 regen.py                 regenerate every expected file
  python3 regen.py NAME...         regenerate only these programs (NAME or NAME.py)
  python3 regen.py --check [NAME...]
                                   run programs and report any whose committed
                                   expected files differ; exit status 1 if any do
Environment:
  PYTHON   interpreter to run (default: python3); must be CPython 3.11
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.environ.get("PYTHON", "python3")
TIMEOUT = 20


def check_interpreter():
    probe = "import platform, sys; print(platform.python_implementation(), sys.version_info[0], sys.version_info[1])"
    try:
        out = subprocess.run([PYTHON, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit("cannot run interpreter %r: %s" % (PYTHON, e))
    assert out[0] == "CPython" and out[1:] == ["3", "11"], (
        "expected results must come from CPython 3.11, but %r is %s" % (PYTHON, " ".join(out)))


def programs(selected):
    names = sorted(f for f in os.listdir(HERE)
                   if f.endswith(".py") and f != "regen.py" and os.path.isfile(os.path.join(HERE, f)))
    if selected:
        wanted = [s if s.endswith(".py") else s + ".py" for s in selected]
        missing = [w for w in wanted if w not in names]
        if missing:
            sys.exit("no such program(s): " + ", ".join(missing))
        names = wanted
    return names


def read_args(stem):
    path = os.path.join(HERE, stem + ".args")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.endswith("\n"):
        text = text[:-1]
    return text.split("\n") if text else []


def child_env():
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    return env


def run(name):
    stem = name[:-3]
    cmd = [PYTHON, name] + read_args(stem)
    try:
        p = subprocess.run(cmd, cwd=HERE, env=child_env(), stdin=subprocess.DEVNULL,
                           capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None
    err_lines = [l for l in p.stderr.decode("utf-8", "replace").split("\n") if l]
    last = err_lines[-1] if err_lines else ""
    status = "%d\n%s\n" % (p.returncode, last)
    return p.stdout, status.encode("utf-8")


def read_bytes(path):
    if not os.path.exists(path):
        return None
    with open(path, "rb") as f:
        return f.read()


def first_diff(expected, actual):
    if expected is None:
        return "missing expected file"
    e = expected.decode("utf-8", "replace").split("\n")
    a = actual.decode("utf-8", "replace").split("\n")
    for i in range(max(len(e), len(a))):
        el = e[i] if i < len(e) else "<EOF>"
        al = a[i] if i < len(a) else "<EOF>"
        if el != al:
            return "line %d: expected %r, got %r" % (i + 1, el, al)
    return "differs"


def main(argv):
    check = "--check" in argv
    selected = [a for a in argv if a != "--check"]
    check_interpreter()
    names = programs(selected)
    failures = 0
    for name in names:
        stem = name[:-3]
        res = run(name)
        if res is None:
            print("TIMEOUT  %s (> %d s)" % (name, TIMEOUT))
            failures += 1
            continue
        out, status = res
        out_path = os.path.join(HERE, stem + ".out")
        status_path = os.path.join(HERE, stem + ".status")
        if check:
            problems = []
            old_out = read_bytes(out_path)
            old_status = read_bytes(status_path)
            if old_out != out:
                problems.append(".out " + first_diff(old_out, out))
            if old_status != status:
                problems.append(".status " + first_diff(old_status, status))
            if problems:
                failures += 1
                print("MISMATCH %s: %s" % (name, "; ".join(problems)))
        else:
            with open(out_path, "wb") as f:
                f.write(out)
            with open(status_path, "wb") as f:
                f.write(status)
    if check and not selected:
        stems = set(n[:-3] for n in names)
        for f in sorted(os.listdir(HERE)):
            base, ext = os.path.splitext(f)
            if ext in (".out", ".status", ".args") and base not in stems:
                print("ORPHAN   %s (no matching program)" % f)
                failures += 1
    verb = "checked" if check else "regenerated"
    print("%s %d program(s), %d problem(s)" % (verb, len(names), failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
