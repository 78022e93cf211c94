# nqueens: backtracking search. Counts all solutions of the n-queens problem
# with bit masks (recursion, ints and bit operations), then enumerates them all
# again with an explicit board list and nested closures (a nonlocal counter),
# exercising list mutation, closures and recursion together.
import sys


def count_bits(n):
    full = (1 << n) - 1

    def solve(cols, diag1, diag2):
        if cols == full:
            return 1
        total = 0
        free = full & ~(cols | diag1 | diag2)
        while free:
            bit = free & -free
            free ^= bit
            total += solve(cols | bit, ((diag1 | bit) << 1) & full, (diag2 | bit) >> 1)
        return total

    return solve(0, 0, 0)


def first_solutions(n, limit):
    board = [-1] * n
    found = []
    calls = 0

    def safe(row, col):
        for r in range(row):
            c = board[r]
            if c == col or abs(c - col) == row - r:
                return False
        return True

    def place(row):
        nonlocal calls
        calls += 1
        if len(found) >= limit:
            return
        if row == n:
            found.append(board[:])
            return
        for col in range(n):
            if safe(row, col):
                board[row] = col
                place(row + 1)
                board[row] = -1

    place(0)
    return found, calls


def main():
    n = 11
    if len(sys.argv) > 1:
        n = int(sys.argv[1])
    total = count_bits(n)
    sols, calls = first_solutions(n, total)
    check = 0
    for s in sols:
        for c in s:
            check = (check * 10 + c) % 1000000007
    print("queens", n, "solutions", total)
    print("first", sols[0] if sols else None)
    print("listed", len(sols), "calls", calls, "checksum", check)


main()
