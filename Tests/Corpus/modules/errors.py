# helper module: custom exceptions defined outside __main__
class BankError(Exception):
    pass
class InsufficientFunds(BankError):
    def __init__(self, needed, available):
        super().__init__("need " + str(needed) + ", have " + str(available))
        self.needed = needed
        self.available = available
def fail(msg):
    raise BankError(msg)
