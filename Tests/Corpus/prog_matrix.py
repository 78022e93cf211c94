# A small matrix library with operator overloading
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    @staticmethod
    def identity(n):
        return Matrix([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    @classmethod
    def zeros(cls, n, m):
        return cls([[0] * m for _ in range(n)])
    def __getitem__(self, ij):
        return self.rows[ij[0]][ij[1]]
    def __setitem__(self, ij, v):
        self.rows[ij[0]][ij[1]] = v
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __sub__(self, o):
        return Matrix([[a - b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __mul__(self, o):
        if isinstance(o, (int, float)):
            return Matrix([[a * o for a in r] for r in self.rows])
        if self.m != o.n:
            raise ValueError("shape mismatch: %dx%d * %dx%d" % (self.n, self.m, o.n, o.m))
        return Matrix([[sum([self.rows[i][k] * o.rows[k][j] for k in range(self.m)]) for j in range(o.m)] for i in range(self.n)])
    def __eq__(self, o):
        return self.rows == o.rows
    def transpose(self):
        return Matrix([[self.rows[i][j] for i in range(self.n)] for j in range(self.m)])
    def det(self):
        if self.n == 1:
            return self.rows[0][0]
        if self.n == 2:
            return self.rows[0][0] * self.rows[1][1] - self.rows[0][1] * self.rows[1][0]
        total = 0
        for j in range(self.m):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]])
            total += (-1) ** j * self.rows[0][j] * minor.det()
        return total
    def __pow__(self, k):
        result = Matrix.identity(self.n)
        base = self
        while k > 0:
            if k % 2 == 1:
                result = result * base
            base = base * base
            k //= 2
        return result
    def __str__(self):
        width = max([len(str(v)) for r in self.rows for v in r])
        return "\n".join(["[" + " ".join([str(v).rjust(width) for v in r]) + "]" for r in self.rows])
    def __repr__(self):
        return "Matrix(%r)" % self.rows
a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a + b)
print(a - b)
print(a * b)
print(b * a)
print(a * 2.5)
print(repr(a.transpose()), a.det(), (a * b).det())
fib = Matrix([[1, 1], [1, 0]])
for k in [1, 2, 10, 50, 100]:
    print("fib^%d" % k, (fib ** k)[0, 1])
m3 = Matrix([[2, -3, 1], [2, 0, -1], [1, 4, 5]])
print(m3)
print("det", m3.det(), "det(T)", m3.transpose().det(), m3 * Matrix.identity(3) == m3)
z = Matrix.zeros(2, 3)
z[0, 1] = 7
z[1, 2] += 5
print(z)
print(repr(z.transpose()))
try:
    a * z.transpose()
except ValueError as e:
    print("ValueError:", e)
print(z.transpose() * a, sep="")
h = Matrix([[1 / (i + j + 1) for j in range(3)] for i in range(3)])
print(h)
print(h.det())
