# Uncaught custom exception with several args and no __init__
class ConfigError(Exception):
    pass
def validate(settings):
    for key in ["port", "host", "debug"]:
        value = settings.get(key)
        print("checking", key, repr(value))
        if value is None or value == "":
            raise ConfigError(key, "empty", len(settings))
    return True
good = {"port": "8080", "host": "localhost", "debug": "no"}
print(validate(good))
try:
    validate({"port": "1"})
except ConfigError as e:
    print("caught:", e, e.args, repr(e))
bad = {"port": "8080", "host": ""}
validate(bad)
print("unreachable")
