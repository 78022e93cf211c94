# A tokenizer and recursive-descent expression evaluator
class Token:
    def __init__(self, kind, text, pos):
        self.kind = kind
        self.text = text
        self.pos = pos
    def __repr__(self):
        return "%s(%r)@%d" % (self.kind, self.text, self.pos)
class ParseError(Exception):
    pass
class LexError(ParseError):
    pass
KEYWORDS = {"let", "print", "if", "else"}
def tokenize(src):
    toks = []
    i = 0
    while i < len(src):
        c = src[i]
        if c.isspace():
            i += 1
        elif c.isdigit() or (c == "." and i + 1 < len(src) and src[i + 1].isdigit()):
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            toks.append(Token("NUM", src[i:j], i))
            i = j
        elif c.isalpha() or c == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            word = src[i:j]
            toks.append(Token("KW" if word in KEYWORDS else "ID", word, i))
            i = j
        elif c == '"':
            j = src.find('"', i + 1)
            if j < 0:
                raise LexError("unterminated string at " + str(i))
            toks.append(Token("STR", src[i + 1:j], i))
            i = j + 1
        elif src[i:i + 2] in ("**", "==", "<=", ">="):
            toks.append(Token("OP", src[i:i + 2], i))
            i += 2
        elif c in "+-*/()%<>=":
            toks.append(Token("OP", c, i))
            i += 1
        else:
            raise LexError("unexpected %r at %d" % (c, i))
    toks.append(Token("EOF", "", len(src)))
    return toks
class Parser:
    def __init__(self, toks, env):
        self.toks = toks
        self.i = 0
        self.env = env
    def peek(self):  # current token
        return self.toks[self.i]
    def take(self):
        self.i += 1
        return self.toks[self.i - 1]
    def expr(self):
        v = self.term()
        while self.peek().text in ("+", "-"):
            op = self.take().text
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek().text in ("*", "/", "%"):
            op = self.take().text
            r = self.factor()
            if op == "*":
                v = v * r
            elif op == "/":
                v = v / r
            else:
                v = v % r
        return v
    def factor(self):
        if self.peek().text == "-":
            self.take()
            return -self.factor()
        base = self.atom()
        if self.peek().text == "**":
            self.take()
            return base ** self.factor()
        return base
    def atom(self):
        t = self.take()
        if t.kind == "NUM":
            return float(t.text) if "." in t.text else int(t.text)
        if t.kind == "STR":
            return t.text
        if t.kind == "ID":
            return self.env[t.text]
        if t.text == "(":
            v = self.expr()
            if self.take().text != ")":
                raise ParseError("expected ) at " + str(self.toks[self.i - 1].pos))
            return v
        raise ParseError("unexpected token " + repr(t))
print(tokenize('let x = 3.5 * (y_1 + 42) ** 2 "str" <= >='))
env = {"x": 10, "y": 3, "pi": 3.14159}
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ** 3 ** 2", "-2 ** 2", "x / 4", "x % y", "x * -y + 1",
            '"ab" + "cd"', "pi * 2", "1.5 + .5", "((((7))))", "10 / (y - 3)", "x +", "1 @ 2", "(1 + 2", "zz"]:
    try:
        toks = tokenize(src)
        p = Parser(toks, env)
        v = p.expr()
        if p.peek().kind != "EOF":
            raise ParseError("trailing " + repr(p.peek()))
        print(repr(src), "=>", repr(v))
    except LexError as e:
        print(repr(src), "LexError:", e)
    except ParseError as e:
        print(repr(src), "ParseError:", e)
    except ZeroDivisionError as e:
        print(repr(src), "ZeroDivisionError:", e)
    except KeyError as e:
        print(repr(src), "unknown variable", e)
