# helper module: imports another module lazily inside a function
print("lazy loaded")
def compute():
    import modules.util as u
    from modules.geometry import Point
    return u.clamp(15, 0, 10), Point(1, 2)
