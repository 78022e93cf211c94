# Uncaught TypeError from instantiating an abstract class
from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def run(self):
        pass
    def twice(self):
        return [self.run(), self.run()]
class Good(Base):
    def run(self):
        return "good"
class Partial(Base):
    def helper(self):
        return "helper"
print(Good().run(), Good().twice(), isinstance(Good(), Base))
try:
    Partial()
except TypeError as e:
    print("caught:", e)
print("now instantiating Base directly")
b = Base()
print("unreachable")
