import helper


def divide(x, y):
    return helper.checked(x) // y


try:
    divide(1, 0)
except ZeroDivisionError as e:
    print("caught:", e)
finally:
    print("cleanup")
print(divide(7, 2))
divide(1, 0)
