#!/usr/bin/env python3
"""Benchmark runner for metalab.

Builds metalab (release), checks that every VM prints exactly what CPython
prints for each benchmark, times the ones that agree (hyperfine if available,
else repeated subprocess runs) and prints a markdown table of median seconds
plus metalab's ratio to CPython.

    python3 bench/run.py                      # everything, default sizes
    python3 bench/run.py --no-build --only fib_rec,nbody --runs 3
    python3 bench/run.py --modes off,trace --json bench/results/today.json
    python3 bench/run.py --quick              # tiny sizes: a correctness smoke test
    METALAB=/path/to/metalab python3 bench/run.py --no-build

Standard library only. See bench/README.md for details.
"""

import argparse
import datetime
import difflib
import json
import math
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_DIR = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH_DIR)
C_DIR = os.path.join(BENCH_DIR, "c")
BIN_DIR = os.path.join(BENCH_DIR, "bin")
DEFAULT_METALAB = os.path.join(REPO, ".build", "release", "metalab")

# Not benchmarks, even though they live in bench/.
EXCLUDED_FILES = {"run.py"}
EXCLUDED_DIRS = {"c", "bin", "results", "__pycache__"}

# Table order (simple kernels first); anything else discovered is appended alphabetically.
ORDER = ["int_loop", "float_loop", "fib_rec", "nbody", "spectral_norm", "richards_lite", "list_sort",
         "strings", "dicts", "nqueens", "pidigits", "oo_sim"]

# Small sizes for --quick (a correctness smoke test, not a measurement).
QUICK_ARGS = {
    "int_loop": "20000",
    "float_loop": "30",
    "fib_rec": "18",
    "nbody": "1000",
    "richards_lite": "2",
    "list_sort": "2",
    "strings": "2000",
    "dicts": "5000",
    "spectral_norm": "30",
    "oo_sim": "10",
    "nqueens": "6",
    "pidigits": "200",
}

# Cell states other than a measured time.
OK = "ok"
MISMATCH = "MISMATCH"
CRASH = "CRASH"
TIMEOUT = "TIMEOUT"
NOT_BUILT = "not built"
BUILD_FAILED = "build failed"
MISSING = "missing"
NA = "n/a"
SKIPPED = "skipped"
NO_REF = "no ref"  # CPython itself failed, so the output could not be checked
PROBLEM_STATES = {MISMATCH, CRASH, TIMEOUT, BUILD_FAILED}


def log(msg=""):
    print(msg, file=sys.stderr, flush=True)


def loud(msg):
    bar = "!" * 78
    log(bar)
    for line in msg.splitlines():
        log("!!! " + line)
    log(bar)


def rel(path):
    """Path relative to the repo root when possible (commands run with cwd=REPO)."""
    try:
        r = os.path.relpath(path, REPO)
    except ValueError:
        return path
    return path if r.startswith("..") else r


# --------------------------------------------------------------------------- benchmarks


def discover():
    """name -> path of the program: bench/<name>.py and bench/<name>/main.py."""
    found = {}
    for entry in sorted(os.listdir(BENCH_DIR)):
        full = os.path.join(BENCH_DIR, entry)
        if os.path.isfile(full) and entry.endswith(".py") and entry not in EXCLUDED_FILES \
                and not entry.startswith("_"):
            found[entry[:-3]] = full
        elif os.path.isdir(full) and entry not in EXCLUDED_DIRS and not entry.startswith((".", "_")) \
                and os.path.isfile(os.path.join(full, "main.py")):
            found[entry] = os.path.join(full, "main.py")
    names = [n for n in ORDER if n in found] + [n for n in found if n not in ORDER]
    return {n: found[n] for n in names}


def parse_size_overrides(specs, names):
    """--args 'fib_rec=25,nbody=1000' (repeatable), or a bare '--args 25' for every
    selected benchmark. A value may hold several space-separated arguments."""
    out = {}
    for spec in specs or []:
        if "=" not in spec:
            for n in names:
                out[n] = spec
            continue
        for item in spec.split(","):
            item = item.strip()
            if not item:
                continue
            if "=" not in item:
                sys.exit("run.py: bad --args item %r (expected NAME=VALUE)" % item)
            k, v = item.split("=", 1)
            k = k.strip()
            if k not in names:
                sys.exit("run.py: --args names unknown benchmark %r" % k)
            out[k] = v.strip()
    return out


# --------------------------------------------------------------------------- VMs


class VM:
    """One column of the table. `make_cmd(name, path, args)` returns an argv list or
    None when the VM has no version of that benchmark."""

    def __init__(self, key, label, make_cmd, status=OK, detail=""):
        self.key = key
        self.label = label
        self.make_cmd = make_cmd
        self.status = status  # OK, or why the whole column is unavailable
        self.detail = detail
        self.is_metalab = key.startswith("metalab")


def resolve_python(exe):
    """The real interpreter behind `exe` (skips e.g. pyenv's shell shims, whose start-up
    cost would otherwise be timed). Returns (path, version) or (None, reason)."""
    found = shutil.which(exe) if not os.path.sep in exe else (exe if os.access(exe, os.X_OK) else None)
    if not found:
        return None, "not installed"
    try:
        p = subprocess.run(
            [found, "-c", "import sys, platform; print(sys.executable); "
                          "print(platform.python_implementation(), platform.python_version())"],
            capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as e:
        return None, "cannot run %s: %s" % (found, e)
    lines = p.stdout.strip().splitlines()
    if p.returncode != 0 or len(lines) < 2:
        return None, "cannot run %s: %s" % (found, p.stderr.strip()[-200:])
    real = lines[0] if lines[0] and os.access(lines[0], os.X_OK) else found
    return real, lines[1]


def build_metalab(verbose):
    """swift build -c release in the repo root. Returns (ok, message)."""
    swift = shutil.which("swift")
    if not swift:
        return False, "swift not found on PATH"
    log("== building metalab: swift build -c release (in %s)" % REPO)
    t0 = time.perf_counter()
    try:
        p = subprocess.run([swift, "build", "-c", "release"], cwd=REPO, capture_output=True, text=True)
    except OSError as e:
        return False, "could not run swift: %s" % e
    dt = time.perf_counter() - t0
    if verbose:
        log(p.stdout + p.stderr)
    if p.returncode != 0:
        out = (p.stdout + p.stderr).strip().splitlines()
        errors = [l for l in out if "error:" in l]
        tail = "\n".join((errors or out)[-15:])
        return False, "swift build failed (exit %d):\n%s" % (p.returncode, tail)
    log("   built in %.1fs" % dt)
    return True, ""


def compile_c(name, cc, cflags):
    """Compile bench/c/<name>.c into bench/bin/<name>. Returns (binary or None, error)."""
    src = os.path.join(C_DIR, name + ".c")
    if not os.path.isfile(src):
        return None, ""
    os.makedirs(BIN_DIR, exist_ok=True)
    out = os.path.join(BIN_DIR, name)
    cmd = [cc] + cflags + ["-o", out, src, "-lm"]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True)
    except OSError as e:
        return None, "cannot run %s: %s" % (cc, e)
    if p.returncode != 0:
        return None, "%s failed:\n%s" % (" ".join(cmd), p.stderr.strip()[-1500:])
    return out, ""


# --------------------------------------------------------------------------- running


def run_once(cmd, timeout):
    """Run once, capturing output. Returns dict(rc, stdout, stderr, seconds, timeout)."""
    t0 = time.perf_counter()
    try:
        p = subprocess.run(cmd, cwd=REPO, capture_output=True, timeout=timeout)
        dt = time.perf_counter() - t0
        return {"rc": p.returncode, "stdout": p.stdout.decode("utf-8", "replace"),
                "stderr": p.stderr.decode("utf-8", "replace"), "seconds": dt, "timeout": False}
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode("utf-8", "replace") if e.stdout else ""
        return {"rc": None, "stdout": out, "stderr": "", "seconds": timeout, "timeout": True}
    except OSError as e:
        return {"rc": None, "stdout": "", "stderr": str(e), "seconds": 0.0, "timeout": False,
                "oserror": True}


def short_diff(expected, got, limit=12):
    lines = list(difflib.unified_diff(expected.splitlines(), got.splitlines(),
                                      "CPython", "this VM", lineterm="", n=1))
    if len(lines) > limit:
        lines = lines[:limit] + ["... (%d more diff lines)" % (len(lines) - limit)]
    return "\n".join(lines)


def last_lines(text, n=4):
    lines = [l for l in text.strip().splitlines() if l.strip()]
    return "\n".join(lines[-n:])


def time_hyperfine(hyperfine, cmd, runs, verbose):
    fd, path = tempfile.mkstemp(suffix=".json", prefix="metalab-bench-")
    os.close(fd)
    try:
        hcmd = [hyperfine, "-N", "--warmup", "1", "--runs", str(runs), "--export-json", path,
                "--style", "basic" if verbose else "none", "--", shlex.join(cmd)]
        p = subprocess.run(hcmd, cwd=REPO, capture_output=not verbose, text=True)
        if p.returncode != 0:
            err = (p.stderr or "") if not verbose else ""
            return None, "hyperfine failed (exit %d): %s" % (p.returncode, last_lines(err, 3))
        with open(path) as f:
            r = json.load(f)["results"][0]
        return {"median": r["median"], "mean": r["mean"], "stddev": r.get("stddev"),
                "min": r["min"], "max": r["max"], "times": r["times"], "tool": "hyperfine"}, ""
    except (OSError, ValueError, KeyError, IndexError) as e:
        return None, "hyperfine error: %s" % e
    finally:
        try:
            os.unlink(path)
        except OSError:
            pass


def time_subprocess(cmd, runs, timeout):
    # the verification run just before this already served as the warm-up run
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        try:
            p = subprocess.run(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               timeout=timeout)
        except subprocess.TimeoutExpired:
            return None, "timed out during timing runs"
        dt = time.perf_counter() - t0
        if p.returncode != 0:
            return None, "exit code %d during timing runs" % p.returncode
        times.append(dt)
    return {"median": statistics.median(times), "mean": statistics.mean(times),
            "stddev": statistics.stdev(times) if len(times) > 1 else 0.0,
            "min": min(times), "max": max(times), "times": times, "tool": "subprocess"}, ""


def geomean(xs):
    return math.exp(sum([math.log(x) for x in xs]) / len(xs)) if xs else None


# --------------------------------------------------------------------------- table


def fmt_secs(s):
    if s >= 100:
        return "%.1f" % s
    if s >= 0.1:
        return "%.3f" % s
    return "%.4f" % s


def cell_text(cell):
    if cell is None:
        return NA
    if cell["status"] == OK and cell.get("median") is not None:
        return fmt_secs(cell["median"])
    if cell["status"] == NO_REF and cell.get("median") is not None:
        return fmt_secs(cell["median"]) + " (unverified)"
    st = cell["status"]
    if st in PROBLEM_STATES:
        return "**%s**" % st
    return st


def markdown_table(header, rows, right_from=1):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    def line(r):
        cells = []
        for i, c in enumerate(r):
            c = str(c)
            cells.append(c.rjust(widths[i]) if i >= right_from else c.ljust(widths[i]))
        return "| " + " | ".join(cells) + " |"
    sep = "|" + "|".join([("-" * (w + 1) + ":") if i >= right_from else ("-" * (w + 2))
                          for i, w in enumerate(widths)]) + "|"
    return "\n".join([line(header), sep] + [line(r) for r in rows])


# --------------------------------------------------------------------------- main


def main():
    ap = argparse.ArgumentParser(description="Time metalab against CPython, PyPy and C.")
    ap.add_argument("--no-build", action="store_true", help="do not run `swift build -c release` first")
    ap.add_argument("--modes", default="off",
                    help="comma-separated metalab --jit modes to time (default: off)")
    ap.add_argument("--only", default="", help="comma-separated benchmark names")
    ap.add_argument("--runs", type=int, default=5, help="timed runs per cell (default 5; median is reported)")
    ap.add_argument("--args", action="append", metavar="NAME=VALUE,...",
                    help="override sizes, e.g. --args fib_rec=25,nbody=2000 (repeatable); "
                         "a bare value applies to every selected benchmark")
    ap.add_argument("--quick", action="store_true", help="use tiny built-in sizes (smoke test)")
    ap.add_argument("--json", metavar="PATH", help="save raw results as JSON")
    ap.add_argument("--vms", default="metalab,cpython,pypy,c",
                    help="columns to include (default metalab,cpython,pypy,c); CPython always runs "
                         "once as the reference output")
    ap.add_argument("--python", default="python3", help="CPython executable (default python3)")
    ap.add_argument("--pypy", default="pypy3", help="PyPy executable (default pypy3)")
    ap.add_argument("--cc", default="gcc", help="C compiler (default gcc)")
    ap.add_argument("--timeout", type=float, default=600.0,
                    help="seconds allowed for a single run (default 600)")
    ap.add_argument("--no-hyperfine", action="store_true", help="time with subprocess even if hyperfine exists")
    ap.add_argument("--list", action="store_true", help="list the benchmarks and exit")
    ap.add_argument("-v", "--verbose", action="store_true", help="show build and hyperfine output")
    opts = ap.parse_args()

    benches = discover()
    if opts.list:
        for name, path in benches.items():
            c = " (+ C)" if os.path.isfile(os.path.join(C_DIR, name + ".c")) else ""
            print("%-16s %s%s" % (name, rel(path), c))
        return 0
    if opts.only:
        wanted = [n.strip() for n in opts.only.split(",") if n.strip()]
        unknown = [n for n in wanted if n not in benches]
        if unknown:
            sys.exit("run.py: unknown benchmark(s): %s (have: %s)" % (", ".join(unknown), ", ".join(benches)))
        benches = {n: benches[n] for n in wanted}
    if opts.runs < 1:
        sys.exit("run.py: --runs must be >= 1")
    sizes = dict(QUICK_ARGS) if opts.quick else {}
    sizes.update(parse_size_overrides(opts.args, list(benches)))
    kinds = {k.strip() for k in opts.vms.split(",") if k.strip()}
    bad = kinds - {"metalab", "cpython", "pypy", "c"}
    if bad:
        sys.exit("run.py: unknown --vms entries: %s" % ", ".join(sorted(bad)))
    modes = [m.strip() for m in opts.modes.split(",") if m.strip()]

    problems = []  # (benchmark or "", vm label, message)
    meta = {"date": datetime.datetime.now().isoformat(timespec="seconds"),
            "machine": platform.machine(), "platform": platform.platform(),
            "cpus": os.cpu_count(), "runs": opts.runs, "quick": opts.quick}
    try:
        meta["git_commit"] = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO,
                                            capture_output=True, text=True).stdout.strip()
    except OSError:
        pass

    # ---- the reference: CPython
    py, py_ver = resolve_python(opts.python)
    if py is None:
        sys.exit("run.py: CPython (%s) is required as the reference: %s" % (opts.python, py_ver))
    meta["cpython"] = {"path": py, "version": py_ver}
    cpython = VM("cpython", "CPython", lambda n, p, a: [py, rel(p)] + a)

    # ---- metalab
    vms = []
    if "metalab" in kinds:
        metalab = os.environ.get("METALAB") or DEFAULT_METALAB
        meta["metalab"] = {"path": metalab, "modes": modes}
        status, detail = OK, ""
        if not opts.no_build:
            ok, msg = build_metalab(opts.verbose)
            if not ok:
                status, detail = BUILD_FAILED, msg
                loud("metalab build FAILED - metalab columns will be empty\n" + msg)
                problems.append(("", "metalab", "build failed"))
        if status == OK and not (os.path.isfile(metalab) and os.access(metalab, os.X_OK)):
            status = NOT_BUILT
            detail = "no executable at %s (build with `swift build -c release`, or set METALAB)" % metalab
            loud("metalab is not available: " + detail)
        for mode in modes:
            vms.append(VM("metalab-" + mode, "metalab %s" % mode,
                          lambda n, p, a, mode=mode: [rel(metalab), "run", "--jit", mode, rel(p)] + a,
                          status, detail))

    if "cpython" in kinds:
        vms.append(cpython)

    if "pypy" in kinds:
        pp, pp_ver = resolve_python(opts.pypy)
        if pp is None:
            log("== PyPy (%s): %s - column will say %r" % (opts.pypy, pp_ver, MISSING))
            vms.append(VM("pypy", "PyPy", lambda n, p, a: None, MISSING, pp_ver))
        else:
            meta["pypy"] = {"path": pp, "version": pp_ver}
            vms.append(VM("pypy", "PyPy", lambda n, p, a: [pp, rel(p)] + a))

    if "c" in kinds:
        cflags = ["-O2", "-ffp-contract=off"]
        meta["c"] = {"cc": opts.cc, "cflags": cflags}
        binaries = {}
        for name in benches:
            binary, err = compile_c(name, opts.cc, cflags)
            if err:
                loud("C compile failed for %s:\n%s" % (name, err))
                problems.append((name, "C", "compile failed"))
                binaries[name] = CRASH
            elif binary:
                binaries[name] = binary
        def c_cmd(n, p, a):
            b = binaries.get(n)
            if b is None:
                return None
            if b == CRASH:
                return CRASH
            return [rel(b)] + a
        vms.append(VM("c", "C -O2", c_cmd))

    hyperfine = None if opts.no_hyperfine else shutil.which("hyperfine")
    meta["timer"] = "hyperfine" if hyperfine else "subprocess"
    log("== timer: %s, %d runs per cell, median reported" %
        ("hyperfine (warmup 1)" if hyperfine else "subprocess (after 1 verification run)", opts.runs))
    log("== CPython: %s (%s)" % (py, py_ver))

    # ---- run everything
    results = {}
    for name, path in benches.items():
        args = shlex.split(sizes.get(name, ""))
        log("== %s %s" % (name, " ".join(args) if args else "(default size)"))
        entry = {"path": rel(path), "args": args, "vms": {}}
        results[name] = entry

        ref = run_once(cpython.make_cmd(name, path, args), opts.timeout)
        ref_ok = ref["rc"] == 0 and not ref["timeout"]
        if not ref_ok:
            why = "timed out" if ref["timeout"] else "exit code %s" % ref["rc"]
            loud("CPython FAILED on %s (%s) - outputs cannot be verified\n%s" %
                 (name, why, last_lines(ref["stderr"])))
            problems.append((name, "CPython", "reference run failed: " + why))
        entry["reference_output"] = ref["stdout"]

        for vm in vms:
            cell = {"status": OK}
            entry["vms"][vm.key] = cell
            if vm.status != OK:
                cell["status"], cell["detail"] = vm.status, vm.detail
                continue
            cmd = vm.make_cmd(name, path, args)
            if cmd is None:
                cell["status"] = NA
                continue
            if cmd == CRASH:  # e.g. the C file did not compile
                cell["status"], cell["detail"] = BUILD_FAILED, "compile failed"
                continue
            cell["command"] = cmd
            if vm is cpython:
                res = ref
            else:
                res = run_once(cmd, opts.timeout)
            cell["check_seconds"] = res["seconds"]
            if res["timeout"]:
                cell["status"], cell["detail"] = TIMEOUT, "no result within %gs" % opts.timeout
            elif res["rc"] != 0:
                cell["status"] = CRASH
                cell["detail"] = "exit code %s\n%s" % (res["rc"], last_lines(res["stderr"]))
            elif not ref_ok and vm is not cpython:
                cell["status"] = NO_REF
            elif vm is not cpython and res["stdout"] != ref["stdout"]:
                cell["status"] = MISMATCH
                cell["detail"] = short_diff(ref["stdout"], res["stdout"])
                cell["output"] = res["stdout"]
            if cell["status"] in (CRASH, MISMATCH, TIMEOUT):
                if vm is cpython:  # already reported as the failed reference run
                    continue
                loud("%s: %s on %s\n%s" % (cell["status"], vm.label, name, cell.get("detail", "")))
                problems.append((name, vm.label, cell["status"]))
                continue
            if cell["status"] not in (OK, NO_REF):
                continue
            if hyperfine:
                timing, err = time_hyperfine(hyperfine, cmd, opts.runs, opts.verbose)
            else:
                timing, err = time_subprocess(cmd, opts.runs, opts.timeout)
            if timing is None:
                cell["status"], cell["detail"] = CRASH, err
                loud("CRASH while timing %s on %s: %s" % (vm.label, name, err))
                problems.append((name, vm.label, "failed while timing"))
                continue
            cell.update(timing)
            log("   %-14s %8s s%s" % (vm.label, fmt_secs(timing["median"]),
                                      "" if cell["status"] == OK else "  (unverified: CPython failed)"))

    # ---- table
    metalab_vms = [vm for vm in vms if vm.is_metalab]
    header = ["benchmark", "size"] + ["%s (s)" % vm.label for vm in vms] + \
             ["%s / CPython" % vm.label for vm in metalab_vms]
    rows = []
    ratios = {vm.key: [] for vm in vms}
    for name, entry in results.items():
        cy = entry["vms"].get("cpython") or {}
        row = [name, " ".join(entry["args"]) or "default"]
        for vm in vms:
            row.append(cell_text(entry["vms"].get(vm.key)))
        cy_t = cy.get("median") if cy.get("status") == OK else None
        for vm in vms:
            c = entry["vms"].get(vm.key) or {}
            if cy_t and c.get("status") == OK and c.get("median"):
                r = c["median"] / cy_t
                c["ratio_vs_cpython"] = r
                ratios[vm.key].append(r)
        for vm in metalab_vms:
            c = entry["vms"].get(vm.key) or {}
            row.append("%.2fx" % c["ratio_vs_cpython"] if "ratio_vs_cpython" in c else "-")
        rows.append(row)
    geo = {k: geomean(v) for k, v in ratios.items()}
    geo_row = ["**geomean**", ""] + [""] * len(vms)
    for vm in metalab_vms:
        g = geo[vm.key]
        geo_row.append("**%.2fx** (%d/%d)" % (g, len(ratios[vm.key]), len(results)) if g else "-")
    rows.append(geo_row)

    print()
    print("metalab benchmarks - %s, %s, %d cpu(s), %s, %d runs, median seconds (lower is better)" %
          (meta["date"], meta["machine"], meta["cpus"] or 0, meta["timer"], opts.runs))
    print()
    print(markdown_table(header, rows, right_from=2))
    print()
    notes = []
    for vm in vms:
        if not vm.is_metalab and vm is not cpython and geo.get(vm.key):
            notes.append("%s/CPython geomean %.3fx (%d benchmarks)" % (vm.label, geo[vm.key], len(ratios[vm.key])))
    if notes:
        print("Other ratios: " + "; ".join(notes) + ".")
    print("Ratios are metalab time / CPython time: below 1.00x metalab is faster, above it is slower.")
    for vm in vms:
        if vm.status != OK and vm.status != MISSING:
            print("Note: %s column is '%s': %s" % (vm.label, vm.status, vm.detail.replace("\n", "\n    ")))
    if problems:
        print()
        print("**PROBLEMS** (%d):" % len(problems))
        for bench, who, what in problems:
            print("- %s%s: %s" % (bench + " / " if bench else "", who, what))

    if opts.json:
        out = {"meta": meta, "benchmarks": results,
               "geomean_ratio_vs_cpython": {k: v for k, v in geo.items() if v},
               "problems": [{"benchmark": b, "vm": w, "problem": p} for b, w, p in problems]}
        d = os.path.dirname(os.path.abspath(opts.json))
        os.makedirs(d, exist_ok=True)
        with open(opts.json, "w") as f:
            json.dump(out, f, indent=2)
        log("== raw results written to %s" % opts.json)

    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
