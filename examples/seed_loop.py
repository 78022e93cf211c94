# The loop from the talk "Cross-Layer Workload Characterization of Meta-Tracing JIT VMs":
# its body compiles to LOAD_FAST b / LOAD_FAST a / INPLACE_ADD / STORE_FAST b.
# Try: metalab dis examples/seed_loop.py


def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b


def main():
    for n in [10, 1000, 100000]:
        print("sum of", n, "threes:", run(3, n))


if __name__ == "__main__":
    main()
