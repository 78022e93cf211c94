# stdlib-style imports: import x, from x import y, aliases
import math
import sys as system
from math import sqrt, pi as PI, floor
from time import perf_counter
from abc import ABC, abstractmethod
from enum import Enum
print(sqrt(81), round(PI, 5), floor(-1.5), math.ceil(1.2))
print(system.maxsize, system.maxsize == 2 ** 63 - 1, len(system.argv))
t0 = perf_counter()
print(isinstance(t0, float))
class Base(ABC):
    @abstractmethod
    def run(self):
        pass
class Impl(Base):
    def run(self):
        return "impl ran"
print(Impl().run(), isinstance(Impl(), Base))
class Mode(Enum):
    FAST = 1
    SLOW = 2
print(Mode.FAST.name, Mode.SLOW.value, Mode.FAST == Mode.FAST, Mode.FAST is Mode.SLOW)
def local_import():
    import math as m
    from math import gcd
    return m.hypot(3, 4), gcd(12, 8)
print(local_import())
import math, sys
print(math is sys, math.e > 2)
