# A Brainfuck interpreter (tape machine with bracket matching)
class BFError(Exception):
    pass
def match_brackets(code):
    stack = []
    jumps = {}
    for i, c in enumerate(code):
        if c == "[":
            stack.append(i)
        elif c == "]":
            if not stack:
                raise BFError("unmatched ] at %d" % i)
            j = stack.pop()
            jumps[i] = j
            jumps[j] = i
    if stack:
        raise BFError("unmatched [ at %d" % stack[-1])
    return jumps
def run(code, inp="", max_steps=200000):
    jumps = match_brackets(code)
    tape = [0] * 300
    ptr = pc = steps = 0
    out = []
    inp = list(inp)
    while pc < len(code):
        c = code[pc]
        if c == ">":
            ptr += 1
        elif c == "<":
            ptr -= 1
        elif c == "+":
            tape[ptr] = (tape[ptr] + 1) % 256
        elif c == "-":
            tape[ptr] = (tape[ptr] - 1) % 256
        elif c == ".":
            out.append(chr(tape[ptr]))
        elif c == ",":
            tape[ptr] = ord(inp.pop(0)) if inp else 0
        elif c == "[" and tape[ptr] == 0:
            pc = jumps[pc]
        elif c == "]" and tape[ptr] != 0:
            pc = jumps[pc]
        pc += 1
        steps += 1
        if steps > max_steps:
            raise BFError("too many steps")
    return "".join(out), steps, max(tape), ptr
hello = "++++++++[>++++[>++>+++>+++>+<<<<-]>+>+>->>+[<]<-]>>.>---.+++++++..+++.>>.<-.<.+++.------.--------.>>+.>++."
out, steps, mx, ptr = run(hello)
print(repr(out), steps, mx, ptr)
rev = ">,[>,]<[.<]"
print(repr(run(rev, "stressed")[0]))
add = ",>,[<+>-]<------------------------------------------------."
print(repr(run(add, "34")[0]))
upper = ",[--------------------------------.,]"
print(repr(run(upper, "hello")[0]))
for bad in ["[[]", "+]", "+[]"]:
    try:
        print(run(bad, max_steps=1000))
    except BFError as e:
        print("BFError:", e)
digits = "++++++[>++++++++<-]++++++++++[>.+<-]"
d = run(digits)
print(repr(d[0]), d[1], d[2], d[3])
