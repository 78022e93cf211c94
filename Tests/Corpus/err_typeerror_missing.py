# Uncaught TypeError: missing required positional argument
def area(width, height):
    return width * height
def volume(width, height, depth=1):
    return area(width, height) * depth
print(area(3, 4))
print(area(height=2, width=5))
print(volume(2, 3), volume(2, 3, 4), volume(2, height=5, depth=2))
try:
    volume(1)
except TypeError as e:
    print("caught:", e)
try:
    volume()
except TypeError as e:
    print("caught:", e)
print(area(7))
print("unreachable")
