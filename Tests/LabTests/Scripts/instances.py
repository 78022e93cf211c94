class P:
    def __init__(self):
        self.x = 1
p = P()
y = p.x
p.y = 2
