# SystemExit is not an Exception: except Exception does not catch it
import sys
def shutdown(code):
    print("shutting down with", code)
    sys.exit(code)
def risky():
    raise RuntimeError("ordinary error")
try:
    risky()
except Exception as e:
    print("ordinary exception caught:", e)
try:
    shutdown(2)
except Exception as e:
    print("should not be caught here", e)
finally:
    print("cleanup in finally")
print("unreachable")
