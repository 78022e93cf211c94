# sys.exit with a non-zero integer status
import sys
def validate(rows):
    errors = []
    for i, row in enumerate(rows):
        if len(row) != 3:
            errors.append("row %d has %d fields" % (i, len(row)))
    return errors
def main():
    rows = [["a", 1, 2], ["b", 3], ["c", 4, 5], []]
    print("validating", len(rows), "rows")
    errors = validate(rows)
    for e in errors:
        print("error:", e)
    if errors:
        print("failing with status 3")
        sys.exit(3)
    print("unreachable")
main()
print("unreachable too")
