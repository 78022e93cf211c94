# time module: only relations between timestamps are printed
import time
t0 = time.time()
p0 = time.perf_counter()
n0 = time.perf_counter_ns()
total = 0
for i in range(20000):
    total += i * i
t1 = time.time()
p1 = time.perf_counter()
n1 = time.perf_counter_ns()
print("total", total)
print(type(t0), type(p0), type(n0))
print(t1 >= t0, p1 >= p0, n1 >= n0)
print(t0 > 1600000000, t0 < 4000000000)
elapsed = p1 - p0
print(elapsed >= 0, elapsed < 60, isinstance(elapsed, float))
print((n1 - n0) >= 0, isinstance(n1 - n0, int))
def timed(fn):
    def wrapper(*args):
        start = time.perf_counter()
        r = fn(*args)
        dur = time.perf_counter() - start
        print("timed", fn(*args) == r, dur >= 0)
        return r
    return wrapper
@timed
def work(n):
    return sum([i for i in range(n)])
print(work(1000))
