# a module body runs once; all import forms share the same module object
print("first import")
import modules.config
print("second import")
import modules.config as cfg
print("third import")
from modules.config import settings, set_option
print("fourth import")
import modules.config
print(cfg is modules.config, settings is cfg.settings)
set_option("debug", True)
cfg.set_option("level", 3)
modules.config.set_option("name", "x")
print(settings, modules.config.settings, cfg.history)
settings["extra"] = 1
print(cfg.settings)
cfg.settings = {"replaced": True}
print(settings, modules.config.settings)
def reimport():
    import modules.config as again
    return again.settings
print(reimport())
import modules.geometry
import modules.geometry as g2
from modules.geometry import Point
print(modules.geometry.Point is Point, g2 is modules.geometry)
