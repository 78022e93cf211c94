# Uncaught IndexError: pop from empty list
stack = []
for token in "3 4 + 2 *".split():
    if token.isdigit():
        stack.append(int(token))
    else:
        b, a = stack.pop(), stack.pop()
        stack.append(a + b if token == "+" else a * b)
    print(token, stack)
print("result", stack.pop(), stack)
try:
    [].pop(0)
except IndexError as e:
    print("caught:", e)
for token in "1 +".split():
    print("token", token)
    if token == "+":
        print(stack.pop() + stack.pop())
    else:
        stack.append(int(token))
