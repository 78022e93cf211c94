# helper module: shared mutable configuration
print("config imported")
settings = {"debug": False, "level": 1}
history = []
def set_option(k, v):
    history.append((k, settings.get(k), v))
    settings[k] = v
