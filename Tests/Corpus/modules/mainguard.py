# helper module with a main guard that must not run on import
def main():
    print("mainguard main() running")
    return 7
print("mainguard top-level, __name__ =", __name__)
if __name__ == "__main__":
    print("THIS MUST NOT PRINT WHEN IMPORTED")
    main()
