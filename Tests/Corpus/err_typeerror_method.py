# Uncaught TypeError: wrong argument count for a method
class Greeter:
    def __init__(self, name):
        self.name = name
    def greet(self, other):
        return "Hi " + other + ", I am " + self.name
    @staticmethod
    def wave():
        return "*waves*"
g = Greeter("Ann")
print(g.greet("Bob"))
print(Greeter.greet(g, "Cy"), Greeter.wave(), g.wave())
try:
    Greeter()
except TypeError as e:
    print("caught:", e)
try:
    g.greet()
except TypeError as e:
    print("caught:", e)
print(g.greet("Bob", "Cy"))
