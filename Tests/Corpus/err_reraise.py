# A bare raise re-raises the caught exception after logging
log = []
def risky(n):
    if n > 2:
        raise RuntimeError("n too big: " + str(n))
    return n * 10
def wrapper(n):
    try:
        return risky(n)
    except RuntimeError as e:
        log.append(str(e))
        print("logged", log)
        raise
for n in range(5):
    print(wrapper(n))
