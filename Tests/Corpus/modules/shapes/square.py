# shapes.square submodule
print("shapes.square loaded")
class Square:
    kind = "square"
    def __init__(self, side):
        self.side = side
    def area(self):
        return self.side * self.side
    def __repr__(self):
        return "Square(%r)" % self.side
