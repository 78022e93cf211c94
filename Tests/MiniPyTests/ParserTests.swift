import Testing
@testable import MiniPy

@Suite struct ParserTests {
    @Test(arguments: [
        ("-2**2", "(- (** 2 2))"),
        ("2**-1", "(** 2 (- 1))"),
        ("2**3**2", "(** 2 (** 3 2))"),
        ("not a == b", "(not (compare a == b))"),
        ("a if b else c if d else e", "(if b a (if d c e))"),
        ("lambda: x if y else z", "(lambda () (if y x z))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a + b * c ** d", "(+ a (* b (** c d)))"),
        ("a or b and not c", "(or a (and b (not c)))"),
        ("a | b ^ c & d << e + f", "(| a (^ b (& c (<< d (+ e f)))))"),
        ("a < b <= c != d", "(compare a < b <= c != d)"),
        ("a not in b is not c is d in e", "(compare a not in b is not c is d in e)"),
        ("-a.b[c](d)", "(- (call ([] (. a b) c) d))"),
        ("~x // 2 % 3", "(% (// (~ x) 2) 3)"),
        ("a[1:2:3]", "([] a (slice 1 2 3))"),
        ("a[::-1]", "([] a (slice _ _ (- 1)))"),
        ("a[:]", "([] a (slice _ _ _))"),
        ("d[1, 2]", "([] d (tuple 1 2))"),
        ("d[1:2, ::3]", "([] d (tuple (slice 1 2 _) (slice _ _ 3)))"),
        ("f(a, k=v, *xs, **kw)", "(call f a k=v *xs **kw)"),
        ("(1,)", "(tuple 1)"),
        ("()", "(tuple )"),
        ("1, 2,", "(tuple 1 2)"),
        ("[x * y for x in a if x for y in b if y if z]",
         "(listcomp (* x y) (for x a (if x)) (for y b (if y) (if z)))"),
        ("{k: v for k, v in d}", "(dictcomp k v (for (tuple k v) d))"),
        ("{x for x in s}", "(setcomp x (for x s))"),
        ("{1: 2, 3: 4}", "(dict 1:2 3:4)"),
        ("{1, 2}", "(set 1 2)"),
        ("lambda a, b=1, *c, d, e=2, **f: a", "(lambda (a b *c d e **f) a)"),
        ("'a' 'b' \"c\"", "'abc'"),
        ("f'x{a!r:>{w}}y' 'z'", "(fstring 'x' {a!r:'>'{w}} 'yz')"),
        ("f'{x=}'", "(fstring 'x=' {x!r})"),
        ("None, True, False, ...", "(tuple None True False Ellipsis)"),
        ("a.b.c", "(. (. a b) c)"),
    ])
    func expressionTrees(_ source: String, _ expected: String) throws {
        #expect(try parsed(source) == expected)
    }

    @Test func statementsCarryPositions() throws {
        var parser = Parser(source: "x = 1\nif x:\n    y = [\n  2]\n", filename: "t.py")
        let body = try parser.parseModule()
        #expect(body.map(\.location) == [SourceLocation(line: 1, column: 1), SourceLocation(line: 2, column: 1)])
        guard case .if(_, let inner, _) = body[1].kind, case .assign(let targets, let value) = inner[0].kind else {
            Issue.record("unexpected tree")
            return
        }
        #expect(inner[0].location == SourceLocation(line: 3, column: 5))
        #expect(targets[0].location == SourceLocation(line: 3, column: 5))
        #expect(value.location == SourceLocation(line: 3, column: 9))
    }

    @Test func acceptsTheWholeStatementGrammar() throws {
        let source = """
        import a.b.c as d, e
        from .. import f
        from .m import (g, h as i,)
        from m import *
        @dec
        @dec2(1)
        class C(Base):
            '''doc'''
            x: int = 3
            def m(self, a: int, *args: str, k=1, **kw) -> None:
                global g
                del a, self.x, kw['k']
                a, *b = c = [1, 2]
                self.x += 1; kw['k'] <<= 2
                assert a, "msg"
                try:
                    raise ValueError("x") from None
                except (ValueError, TypeError) as e:
                    raise
                except Exception:
                    pass
                else:
                    pass
                finally:
                    pass
                while a:
                    break
                else:
                    continue
                for x, (y, z) in items():
                    pass
                else:
                    return
                if a: pass
                elif b: pass
                else: pass
        def outer():
            v = 1
            def inner():
                nonlocal v
                v = 2
            return inner
        """
        var parser = Parser(source: source, filename: "t.py")
        #expect(try parser.parseModule().count == 6)
    }

    /// (source, kind, message, line, column); CPython 3.11's wording and positions.
    static let errors: [(String, SourceError.Kind, String, Int, Int)] = [
        ("if x:\npass\n", .indentation, "expected an indented block after 'if' statement on line 1", 2, 1),
        ("def f():\n", .indentation, "expected an indented block after function definition on line 1", 1, 9),
        (" x = 1\n", .indentation, "unexpected indent", 1, 1),
        ("a + 1 = 2\n", .syntax, "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1),
        ("1 = x\n", .syntax, "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1),
        ("f() = 1\n", .syntax, "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1),
        ("if x = 1:\n  pass\n", .syntax, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4),
        ("for 1 in x: pass\n", .syntax, "cannot assign to literal", 1, 5),
        ("del 1\n", .syntax, "cannot delete literal", 1, 5),
        ("del f()\n", .syntax, "cannot delete function call", 1, 5),
        ("1 += 1\n", .syntax, "'literal' is an illegal expression for augmented assignment", 1, 1),
        ("a, b += 1\n", .syntax, "'tuple' is an illegal expression for augmented assignment", 1, 1),
        ("if x\n  pass\n", .syntax, "expected ':'", 1, 5),
        ("def f(a=1, b): pass\n", .syntax, "non-default argument follows default argument", 1, 12),
        ("lambda x=1, y: x\n", .syntax, "non-default argument follows default argument", 1, 13),
        ("f(**k, *a)\n", .syntax, "iterable argument unpacking follows keyword argument unpacking", 1, 8),
        ("f(x=1, x=2)\n", .syntax, "keyword argument repeated: x", 1, 8),
        ("f(a+1=2)\n", .syntax, "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3),
        ("a, *b, *c = d\n", .syntax, "multiple starred expressions in assignment", 1, 1),
        ("*a = b\n", .syntax, "starred assignment target must be in a list or tuple", 1, 1),
        ("x = 1 if 2\n", .syntax, "expected 'else' after 'if' expression", 1, 5),
        ("def f(*): pass\n", .syntax, "named arguments must follow bare *", 1, 7),
        ("def f(**k, a): pass\n", .syntax, "arguments cannot follow var-keyword argument", 1, 12),
        ("def f(a, a): pass\n", .syntax, "duplicate argument 'a' in function definition", 1, 10),
        ("x = [1, 2\ny = 3\n", .syntax, "'[' was never closed", 1, 5),
        ("x = 5 +\n", .syntax, "invalid syntax", 1, 8),
        ("a b\n", .syntax, "invalid syntax", 1, 3),
        ("else:\n  pass\n", .syntax, "invalid syntax", 1, 1),
        ("x = {1: 2, 3}\n", .syntax, "':' expected after dictionary key", 1, 12),
        ("try:\n  x\ny\n", .syntax, "expected 'except' or 'finally' block", 3, 1),
        ("print 'x'\n", .syntax, "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1),
        ("@d\nx = 1\n", .syntax, "invalid syntax", 2, 1),
        ("x = yield 1\n", .unsupported, "'yield' is not supported by MiniPy", 1, 5),
        ("def g():\n    yield 1\n", .unsupported, "'yield' is not supported by MiniPy", 2, 5),
        ("f(x for x in y)\n", .unsupported, "generator expressions are not supported by MiniPy", 1, 3),
        ("x = (a for a in b)\n", .unsupported, "generator expressions are not supported by MiniPy", 1, 6),
        ("with a as b:\n  pass\n", .unsupported, "'with' is not supported by MiniPy", 1, 1),
        ("async def f(): pass\n", .unsupported, "'async' is not supported by MiniPy", 1, 1),
        ("x = await y\n", .unsupported, "'await' is not supported by MiniPy", 1, 5),
        ("match x:\n  case 1: pass\n", .unsupported, "'match' is not supported by MiniPy", 1, 1),
        ("if (n := 10) > 5: pass\n", .unsupported, "the walrus operator ':=' is not supported by MiniPy", 1, 7),
        ("x = [*a, *b]\n", .unsupported, "'*' unpacking in displays is not supported by MiniPy", 1, 6),
        ("x = *a, b\n", .unsupported, "'*' unpacking in displays is not supported by MiniPy", 1, 5),
        ("x = {**a}\n", .unsupported, "'**' unpacking in dict displays is not supported by MiniPy", 1, 6),
        ("x = {*a}\n", .unsupported, "'*' unpacking in displays is not supported by MiniPy", 1, 6),
        ("class C:\n  global x\n", .unsupported, "'global' in a class body is not supported by MiniPy", 2, 3),
        ("class A(B, metaclass=M): pass\n", .unsupported, "metaclasses are not supported by MiniPy", 1, 22),
        ("class A(B, C): pass\n", .unsupported, "multiple inheritance is not supported by MiniPy", 1, 12),
        ("x = 2j\n", .unsupported, "complex literals are not supported by MiniPy", 1, 5),
        ("def f(a, /, b): pass\n", .unsupported, "positional-only parameters are not supported by MiniPy", 1, 10),
        ("x = a @ b\n", .unsupported, "the matrix multiplication operator '@' is not supported by MiniPy", 1, 7),
        ("match = 1\nmatch(x)\nmatch[0]\n", .syntax, "", 0, 0),
    ]

    @Test(arguments: errors.indices) func syntaxErrors(_ i: Int) throws {
        let (source, kind, message, line, column) = ParserTests.errors[i]
        guard !message.isEmpty else {
            #expect(compileError(source) == nil, "\(source) must compile")
            return
        }
        let e = try #require(compileError(source), "\(source) must be rejected")
        #expect(e.kind == kind)
        #expect(e.message == message)
        #expect(e.line == line && e.column == column, "\(e.line):\(e.column)")
    }

    @Test func errorFormatting() throws {
        let e = try #require(compileError("x = 1\nif x = 1:\n    pass\n"))
        #expect(e.formatted() == """
              File "t.py", line 2
                if x = 1:
                   ^
            SyntaxError: invalid syntax. Maybe you meant '==' or ':=' instead of '='?

            """)
    }

    @Test func deeplyNestedInputIsAnErrorNotACrash() throws {
        let e = try #require(compileError(String(repeating: "(", count: 1000) + "1" + String(repeating: ")", count: 1000)))
        #expect(e.message == "too many nested parentheses")
        let unary = try #require(compileError("x = " + String(repeating: "-", count: 100_000) + "1"))
        #expect(unary.message == "too many nested parentheses")
        #expect(compileError("x = " + Array(repeating: "a", count: 20_000).joined(separator: " + ")) == nil)
    }
}

@Test func tooManyIndentationLevels() throws {
    var source = ""
    for level in 0..<120 { source += String(repeating: " ", count: level) + "if x:\n" }
    source += String(repeating: " ", count: 120) + "pass\n"
    let e = try #require(compileError(source))
    #expect(e.kind == .indentation)
    #expect(e.message == "too many levels of indentation")
    #expect(e.line == 101 && e.column == 1)
}
