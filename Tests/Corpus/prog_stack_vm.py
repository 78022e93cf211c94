# A tiny stack-based virtual machine with a compiler for arithmetic and loops
class VMError(Exception):
    pass
class VM:
    def __init__(self, code, trace=False):
        self.code = code
        self.stack = []
        self.vars = {}
        self.pc = 0
        self.steps = 0
        self.output = []
        self.trace = trace
    def pop(self):
        if not self.stack:
            raise VMError("stack underflow at pc=%d" % self.pc)
        return self.stack.pop()
    def run(self, max_steps=10000):
        while self.pc < len(self.code):
            op, *args = self.code[self.pc]
            if self.trace:
                print("  %3d %-6s %-8s %s" % (self.pc, op, args[0] if args else "", self.stack))
            self.pc += 1
            self.steps += 1
            if self.steps > max_steps:
                raise VMError("step limit exceeded")
            if op == "push":
                self.stack.append(args[0])
            elif op == "load":
                self.stack.append(self.vars[args[0]])
            elif op == "store":
                self.vars[args[0]] = self.pop()
            elif op in ("add", "sub", "mul", "div", "mod", "lt", "eq"):
                b = self.pop()
                a = self.pop()
                if op == "add":
                    self.stack.append(a + b)
                elif op == "sub":
                    self.stack.append(a - b)
                elif op == "mul":
                    self.stack.append(a * b)
                elif op == "div":
                    if b == 0:
                        raise VMError("division by zero at pc=%d" % (self.pc - 1))
                    self.stack.append(a // b)
                elif op == "mod":
                    self.stack.append(a % b)
                elif op == "lt":
                    self.stack.append(1 if a < b else 0)
                else:
                    self.stack.append(1 if a == b else 0)
            elif op == "jmp":
                self.pc = args[0]
            elif op == "jz":
                if self.pop() == 0:
                    self.pc = args[0]
            elif op == "print":
                self.output.append(self.pop())
            elif op == "dup":
                v = self.pop()
                self.stack.append(v)
                self.stack.append(v)
            else:
                raise VMError("unknown opcode " + repr(op))
        return self.output
prog = [("push", 2), ("push", 3), ("add",), ("push", 4), ("mul",), ("print",)]
vm = VM(prog, trace=True)
print(vm.run(), vm.steps)
def compile_rpn(src):
    code = []
    ops = {"+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod"}
    for tok in src.split():
        if tok in ops:
            code.append((ops[tok],))
        elif tok.lstrip("-").isdigit():
            code.append(("push", int(tok)))
        else:
            code.append(("load", tok))
    code.append(("print",))
    return code
for src in ["3 4 + 2 *", "10 3 /", "-7 2 /", "-7 2 %", "2 3 4 * +", "1 0 /", "1 +", "x 2 **"]:
    try:
        vm = VM(compile_rpn(src))
        vm.vars["x"] = 9
        print(repr(src), "->", vm.run())
    except VMError as e:
        print(repr(src), "VMError:", e)
    except KeyError as e:
        print(repr(src), "unknown variable", e)
# factorial loop: n = 20; acc = 1; while 0 < n: acc = acc * n; n = n - 1
fact = [("push", 20), ("store", "n"), ("push", 1), ("store", "acc"),
        ("push", 0), ("load", "n"), ("lt",), ("jz", 17),
        ("load", "acc"), ("load", "n"), ("mul",), ("store", "acc"),
        ("load", "n"), ("push", 1), ("sub",), ("store", "n"), ("jmp", 4),
        ("load", "acc"), ("print",)]
vm = VM(fact)
print(vm.run(), vm.steps, vm.vars)
# collatz steps for 27
col = [("push", 27), ("store", "n"), ("push", 0), ("store", "s"),
       ("load", "n"), ("push", 1), ("eq",), ("jz", 10), ("load", "s"), ("jmp", 30),
       ("load", "n"), ("push", 2), ("mod",), ("jz", 21),
       ("load", "n"), ("push", 3), ("mul",), ("push", 1), ("add",), ("store", "n"), ("jmp", 25),
       ("load", "n"), ("push", 2), ("div",), ("store", "n"),
       ("load", "s"), ("push", 1), ("add",), ("store", "s"), ("jmp", 4),
       ("print",)]
vm = VM(col)
print(vm.run(), vm.steps)
try:
    VM([("jmp", 0)]).run(50)
except VMError as e:
    print("VMError:", e)
