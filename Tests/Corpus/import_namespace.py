# namespace packages (no __init__.py), deep modules, __import__, lazy imports
from modules.nopkg.mod import triple
print(triple(4), triple("ab"))
import modules.nopkg.deeper.leaf as leaf
print(leaf.VALUE, leaf.nine_times(3))
from modules.nopkg.deeper import leaf as leaf2
print(leaf2 is leaf)
top = __import__("modules.util")
print(top.util.clamp(99, 0, 50), top.util.VERSION)
import modules.lazy
print("calling lazy.compute")
print(modules.lazy.compute())
print(modules.lazy.compute())
import modules.mainguard as mg
print("mainguard imported, calling main")
print(mg.main())
print("my __name__ is", __name__)
if __name__ == "__main__":
    print("main guard in main program runs")
