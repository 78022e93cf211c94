# inf, nan, negative zero
import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, math.inf, -math.inf, math.nan)
print(inf + 1, inf - inf, inf * 0, inf * -1, inf / inf, 1 / inf, -1 / inf)
print(inf > 1e308, -inf < -1e308, inf == inf, inf == math.inf, -inf == -inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, nan == 0, nan is nan)
print(math.isnan(nan), math.isnan(inf), math.isinf(inf), math.isinf(-inf), math.isinf(nan), math.isnan(1.0))
print(repr(inf), repr(nan), str(-inf), [inf, nan, -0.0], (nan,))
print(max(1, inf), min(-inf, 0), abs(-inf), -nan)
print(int(1e18), int(-1e18), int(1.9999), int(-0.5))
try:
    int(inf)
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError:", e)
print(2.0 ** 1023 * 2, (2.0 ** 1023) * 1.5, -(2.0 ** 1023) * 4)
z = -0.0
print(z, z * 0, z + 0, 0 - z, z * z, -z)
print(math.floor(-0.0), math.ceil(-0.5), round(-0.4), round(-0.4, 0), round(-0.0))
print(math.sqrt(-0.0), math.fabs(-0.0), math.trunc(-0.7))
print(1e300 * 1e10, -1e300 * 1e10, 1e-300 * 1e-300, -1e-300 * 1e-300)
vals = [3.0, nan, 1.0, inf, -inf, 2.0]
print(sorted([v for v in vals if not math.isnan(v)]))
print(sum([1.0, inf, -5.0]), sum([inf, -inf]))
print(f"{inf}", f"{nan}", f"{-0.0}", f"{inf:10.2f}|", f"{nan:>6}|", f"{-inf:e}")
print("%f %f %f" % (inf, nan, -0.0))
print(inf in [inf], nan in [nan], nan in [float("nan")])
