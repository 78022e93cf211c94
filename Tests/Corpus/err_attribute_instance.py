# Uncaught AttributeError on an instance
class Robot:
    def __init__(self, serial):
        self.serial = serial
        self.battery = 100
    def status(self):
        return "robot %d at %d%%" % (self.serial, self.battery)
    def work(self, hours):
        self.battery -= 10 * hours
        return self.battery
r = Robot(7)
print(r.status())
print(r.work(3), r.status())
print(hasattr(r, "serial"), hasattr(r, "qqqq"), getattr(r, "qqqq", "default"))
try:
    r.wheels
except AttributeError as e:
    print("caught:", e)
print(r.serial)
print(r.qqqq)
