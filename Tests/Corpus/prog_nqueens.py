# N-queens: count and print solutions via backtracking
def solve(n):
    solutions = []
    cols = [0] * n
    used_cols = [False] * n
    diag1 = [False] * (2 * n)
    diag2 = [False] * (2 * n)
    def place(row):
        if row == n:
            solutions.append(cols[:])
            return
        for c in range(n):
            if used_cols[c] or diag1[row + c] or diag2[row - c + n]:
                continue
            cols[row] = c
            used_cols[c] = diag1[row + c] = diag2[row - c + n] = True
            place(row + 1)
            used_cols[c] = diag1[row + c] = diag2[row - c + n] = False
    place(0)
    return solutions
def show(sol):
    n = len(sol)
    for r in range(n):
        print(" ".join(["Q" if sol[r] == c else "." for c in range(n)]))
for n in range(1, 9):
    sols = solve(n)
    print("n =", n, "solutions =", len(sols), "first =", sols[0] if sols else None)
s6 = solve(6)
for s in s6:
    print(s)
show(s6[0])
print()
show(solve(8)[-1])
def is_valid(sol):
    n = len(sol)
    for i in range(n):
        for j in range(i + 1, n):
            if sol[i] == sol[j] or abs(sol[i] - sol[j]) == j - i:
                return False
    return True
print(all([is_valid(s) for s in solve(7)]), is_valid([0, 1, 2, 3]), len(solve(7)))
