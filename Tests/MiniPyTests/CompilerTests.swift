import Foundation
import Testing
@testable import MiniPy

@Suite struct CompilerTests {
    @Test func seedTalkLoop() throws {
        let source = """
        def f(n):
            a, b, i = 1, 0, 0
            while i < n:
                b += a
                i += 1
            return b
        """
        let f = try compiled(source, "f")
        let ops = operations(f)
        let body = ["LOAD_FAST b", "LOAD_FAST a", "INPLACE_ADD", "STORE_FAST b",
                    "LOAD_FAST i", "LOAD_CONST 1", "INPLACE_ADD", "STORE_FAST i", "JUMP_BACKWARD to 16"]
        #expect(Array(ops[8...]) == ["LOAD_FAST i", "LOAD_FAST n", "COMPARE_OP <", "POP_JUMP_IF_FALSE to 42"]
                + body + ["LOAD_FAST b", "RETURN_VALUE"])
        #expect(f.stackSize == 3)
        #expect(f.argcount == 1)
        #expect(!f.flags.contains(.usesLocalsDict))
    }

    @Test func moduleCodeUsesNames() throws {
        let m = try compiled("x = 1\nprint(x)\n")
        #expect(operations(m) == ["LOAD_CONST 1", "STORE_NAME x", "LOAD_NAME print", "LOAD_NAME x",
                                  "CALL_FUNCTION 1", "POP_TOP", "LOAD_CONST None", "RETURN_VALUE"])
        #expect(m.flags.contains(.usesLocalsDict))
        #expect(m.name == "<module>")
        #expect(m.lines == [1, 1, 2, 2, 2, 2, 2, 2])
        #expect(m.columns == [5, 1, 1, 7, 1, 1, 1, 1])
    }

    @Test func forLoopBackEdgeIsJumpBackward() throws {
        let f = try compiled("def f(xs):\n    for x in xs:\n        if x:\n            continue\n        print(x)\n    else:\n        pass\n", "f")
        #expect(operations(f) == [
            "LOAD_FAST xs", "GET_ITER", "FOR_ITER to 24", "STORE_FAST x", "LOAD_FAST x", "POP_JUMP_IF_FALSE to 14",
            "JUMP_BACKWARD to 4", "LOAD_GLOBAL print", "LOAD_FAST x", "CALL_FUNCTION 1", "POP_TOP",
            "JUMP_BACKWARD to 4", "NOP", "LOAD_CONST None", "RETURN_VALUE",
        ])
        // Every backward jump is JUMP_BACKWARD, every other jump goes forward.
        for i in 0..<f.code.count where f.code[i].opcode.isJump {
            #expect((f.code[i].opcode == .JUMP_BACKWARD) == (Int(f.code[i].arg) <= i))
        }
    }

    @Test func breakPopsTheIterator() throws {
        let f = try compiled("def f(xs):\n    for x in xs:\n        break\n", "f")
        #expect(operations(f) == ["LOAD_FAST xs", "GET_ITER", "FOR_ITER to 12", "STORE_FAST x", "POP_TOP",
                                  "JUMP_FORWARD to 12", "LOAD_CONST None", "RETURN_VALUE"])
        #expect(compileError("break\n")?.message == "'break' outside loop")
        #expect(compileError("while x:\n    def g():\n        continue\n")?.message == "'continue' not properly in loop")
        #expect(compileError("return 1\n")?.message == "'return' outside function")
    }

    @Test func methodCallsAndOtherCalls() throws {
        #expect(operations(try compiled("o.m(1, 2)\n")).prefix(5) == [
            "LOAD_NAME o", "LOAD_METHOD m", "LOAD_CONST 1", "LOAD_CONST 2", "CALL_METHOD 2",
        ])
        #expect(operations(try compiled("o.m(1, k=2)\n")).prefix(6) == [
            "LOAD_NAME o", "LOAD_ATTR m", "LOAD_CONST 1", "LOAD_CONST 2", "LOAD_CONST ('k',)", "CALL_FUNCTION_KW 2",
        ])
        #expect(operations(try compiled("f(a, *b, c, k=1, **d, j=2)\n")).prefix(16) == [
            "LOAD_NAME f", "LOAD_NAME a", "BUILD_LIST 1", "LOAD_NAME b", "LIST_EXTEND 1", "LOAD_NAME c",
            "LIST_APPEND 1", "LIST_TO_TUPLE", "LOAD_CONST 'k'", "LOAD_CONST 1", "BUILD_MAP 1", "LOAD_NAME d",
            "DICT_MERGE 1", "LOAD_CONST 'j'", "LOAD_CONST 2", "BUILD_MAP 1",
        ])
        #expect(operations(try compiled("f(a, *b, c, k=1, **d, j=2)\n"))[16...17] == ["DICT_MERGE 1", "CALL_FUNCTION_EX 1"])
        #expect(operations(try compiled("f(*a)\n")).prefix(6) == [
            "LOAD_NAME f", "BUILD_LIST 0", "LOAD_NAME a", "LIST_EXTEND 1", "LIST_TO_TUPLE", "CALL_FUNCTION_EX 0",
        ])
    }

    @Test func chainedComparisonAndShortCircuit() throws {
        #expect(operations(try compiled("r = a < b < c\n")) == [
            "LOAD_NAME a", "LOAD_NAME b", "DUP_TOP", "ROT_THREE", "COMPARE_OP <", "JUMP_IF_FALSE_OR_POP to 18",
            "LOAD_NAME c", "COMPARE_OP <", "JUMP_FORWARD to 22", "ROT_TWO", "POP_TOP", "STORE_NAME r",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        #expect(operations(try compiled("r = a and b or c\n")).prefix(6) == [
            "LOAD_NAME a", "JUMP_IF_FALSE_OR_POP to 6", "LOAD_NAME b", "JUMP_IF_TRUE_OR_POP to 10", "LOAD_NAME c",
            "STORE_NAME r",
        ])
        #expect(operations(try compiled("r = x is not None and y not in z\n")).prefix(7) == [
            "LOAD_NAME x", "LOAD_CONST None", "IS_OP is not", "JUMP_IF_FALSE_OR_POP to 14", "LOAD_NAME y",
            "LOAD_NAME z", "CONTAINS_OP not in",
        ])
    }

    @Test func negativeLiteralsFoldButNothingElseDoes() throws {
        #expect(operations(try compiled("x = -1\ny = -2**2\nz = (1, 2)\nw = -1.5\n")).prefix(15) == [
            "LOAD_CONST -1", "STORE_NAME x", "LOAD_CONST 2", "LOAD_CONST 2", "BINARY_POWER", "UNARY_NEGATIVE",
            "STORE_NAME y", "LOAD_CONST 1", "LOAD_CONST 2", "BUILD_TUPLE 2", "STORE_NAME z", "LOAD_CONST -1.5",
            "STORE_NAME w", "LOAD_CONST None", "RETURN_VALUE",
        ])
        #expect(try compiled("x = -9223372036854775808\n").consts.first == .int(Int.min))
    }

    @Test func augmentedAssignmentOnAttributesAndSubscripts() throws {
        #expect(operations(try compiled("o.a += 1\nd[k] *= 2\n")).prefix(15) == [
            "LOAD_NAME o", "DUP_TOP", "LOAD_ATTR a", "LOAD_CONST 1", "INPLACE_ADD", "ROT_TWO", "STORE_ATTR a",
            "LOAD_NAME d", "LOAD_NAME k", "DUP_TOP_TWO", "BINARY_SUBSCR", "LOAD_CONST 2", "INPLACE_MULTIPLY",
            "ROT_THREE", "STORE_SUBSCR",
        ])
    }

    @Test func unpackingAssignments() throws {
        #expect(operations(try compiled("a, *b, (c, d) = e = x\n")).prefix(9) == [
            "LOAD_NAME x", "DUP_TOP", "UNPACK_EX 257", "STORE_NAME a", "STORE_NAME b", "UNPACK_SEQUENCE 2",
            "STORE_NAME c", "STORE_NAME d", "STORE_NAME e",
        ])
    }

    @Test func slicesAndSubscripts() throws {
        #expect(operations(try compiled("a[::-1]\na[1:2] = b\n")).prefix(10) == [
            "LOAD_NAME a", "LOAD_CONST None", "LOAD_CONST None", "LOAD_CONST -1", "BUILD_SLICE 3", "BINARY_SUBSCR",
            "POP_TOP", "LOAD_NAME b", "LOAD_NAME a", "LOAD_CONST 1",
        ])
    }

    @Test func functionsWithDefaultsKeywordOnlyAndDecorators() throws {
        let m = try compiled("@deco\ndef f(a, b=1, *args, c, d=2, **kw):\n    pass\n")
        #expect(operations(m).prefix(10) == [
            "LOAD_NAME deco", "LOAD_CONST 1", "BUILD_TUPLE 1", "LOAD_CONST 'd'", "LOAD_CONST 2", "BUILD_MAP 1",
            "LOAD_CONST <code object f, file \"t.py\", line 1>", "MAKE_FUNCTION defaults, kwdefaults",
            "CALL_FUNCTION 1", "STORE_NAME f",
        ])
        let f = try compiled("@deco\ndef f(a, b=1, *args, c, d=2, **kw):\n    pass\n", "f")
        #expect(f.argcount == 2 && f.kwonlyargcount == 2)
        #expect(f.varnames == ["a", "b", "c", "d", "args", "kw"])
        #expect(f.flags.contains(.varargs) && f.flags.contains(.varkeywords))
        #expect(f.firstLine == 1)
    }

    @Test func classDefinition() throws {
        let source = "class Point(Base):\n    z = 0\n    def norm(self):\n        return self.x\n"
        #expect(operations(try compiled(source)).prefix(7) == [
            "LOAD_BUILD_CLASS", "LOAD_CONST <code object Point, file \"t.py\", line 1>", "MAKE_FUNCTION 0",
            "LOAD_CONST 'Point'", "LOAD_NAME Base", "CALL_FUNCTION 3", "STORE_NAME Point",
        ])
        #expect(operations(try compiled(source, "Point")) == [
            "LOAD_NAME __name__", "STORE_NAME __module__", "LOAD_CONST 'Point'", "STORE_NAME __qualname__",
            "LOAD_CONST 0", "STORE_NAME z", "LOAD_CONST <code object norm, file \"t.py\", line 3>",
            "MAKE_FUNCTION 0", "STORE_NAME norm", "LOAD_CONST None", "RETURN_VALUE",
        ])
        #expect(try compiled(source, "norm").qualname == "Point.norm")
    }

    @Test func comprehensionIsCalledWithTheFirstIterator() throws {
        let source = "r = {k: v for k, v in d.items() if v}\n"
        #expect(operations(try compiled(source)).prefix(7) == [
            "LOAD_CONST <code object <dictcomp>, file \"t.py\", line 1>", "MAKE_FUNCTION 0", "LOAD_NAME d",
            "LOAD_METHOD items", "CALL_METHOD 0", "GET_ITER", "CALL_FUNCTION 1",
        ])
        #expect(operations(try compiled(source, "<dictcomp>")) == [
            "BUILD_MAP 0", "LOAD_FAST .0", "FOR_ITER to 24", "UNPACK_SEQUENCE 2", "STORE_FAST k", "STORE_FAST v",
            "LOAD_FAST v", "POP_JUMP_IF_FALSE to 22", "LOAD_FAST k", "LOAD_FAST v", "MAP_ADD 2",
            "JUMP_BACKWARD to 4", "RETURN_VALUE",
        ])
    }

    @Test func fStrings() throws {
        #expect(operations(try compiled("s = f'a{x!r:>{w}}b{y}'\n")).prefix(10) == [
            "LOAD_CONST 'a'", "LOAD_NAME x", "LOAD_CONST '>'", "LOAD_NAME w", "FORMAT_VALUE 0", "BUILD_STRING 2",
            "FORMAT_VALUE repr, with format", "LOAD_CONST 'b'", "LOAD_NAME y", "FORMAT_VALUE 0",
        ])
        #expect(operations(try compiled("s = f'{x}'\n")).prefix(3) == ["LOAD_NAME x", "FORMAT_VALUE 0", "STORE_NAME s"])
        #expect(operations(try compiled("s = f''\n")).prefix(2) == ["LOAD_CONST ''", "STORE_NAME s"])
    }

    @Test func imports() throws {
        #expect(operations(try compiled("import a.b.c\n")).prefix(4) == [
            "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c", "STORE_NAME a",
        ])
        #expect(operations(try compiled("import a.b.c as d\n")).prefix(9) == [
            "LOAD_CONST 0", "LOAD_CONST None", "IMPORT_NAME a.b.c", "IMPORT_FROM b", "ROT_TWO", "POP_TOP",
            "IMPORT_FROM c", "STORE_NAME d", "POP_TOP",
        ])
        #expect(operations(try compiled("from ..p import x, y as z\n")).prefix(8) == [
            "LOAD_CONST 2", "LOAD_CONST ('x', 'y')", "IMPORT_NAME p", "IMPORT_FROM x", "STORE_NAME x",
            "IMPORT_FROM y", "STORE_NAME z", "POP_TOP",
        ])
        #expect(operations(try compiled("from m import *\n")).prefix(4) == [
            "LOAD_CONST 0", "LOAD_CONST ('*',)", "IMPORT_NAME m", "IMPORT_STAR",
        ])
    }

    @Test func assertAndRaise() throws {
        #expect(operations(try compiled("assert x, 'msg'\nraise E from c\n")) == [
            "LOAD_NAME x", "POP_JUMP_IF_TRUE to 12", "LOAD_ASSERTION_ERROR", "LOAD_CONST 'msg'", "CALL_FUNCTION 1",
            "RAISE_VARARGS 1", "LOAD_NAME E", "LOAD_NAME c", "RAISE_VARARGS 2",
        ])
    }

    @Test func tryExceptShape() throws {
        let f = try compiled("def f():\n    try:\n        a()\n    except E as e:\n        b(e)\n", "f")
        #expect(operations(f) == [
            "LOAD_GLOBAL a", "CALL_FUNCTION 0", "POP_TOP", "JUMP_FORWARD to 52",
            "PUSH_EXC_INFO", "DUP_TOP", "LOAD_GLOBAL E", "JUMP_IF_NOT_EXC_MATCH to 44", "STORE_FAST e",
            "LOAD_GLOBAL b", "LOAD_FAST e", "CALL_FUNCTION 1", "POP_TOP",
            "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "POP_EXCEPT", "JUMP_FORWARD to 52",
            "LOAD_CONST None", "STORE_FAST e", "DELETE_FAST e", "RERAISE",
            "RERAISE",
            "ROT_TWO", "POP_EXCEPT", "RERAISE",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        #expect(f.exceptionTable == [
            ExceptionTableEntry(start: 9, end: 13, handler: 18, depth: 1),
            ExceptionTableEntry(start: 0, end: 3, handler: 4, depth: 0),
            ExceptionTableEntry(start: 5, end: 16, handler: 23, depth: 1),
            ExceptionTableEntry(start: 18, end: 23, handler: 23, depth: 1),
        ])
        #expect(f.stackSize == 4)
    }

    @Test func returnInsideFinallyRunsTheFinallyBodyInline() throws {
        let f = try compiled("def f(xs):\n    for x in xs:\n        try:\n            return x\n        finally:\n            g()\n", "f")
        #expect(operations(f) == [
            "LOAD_FAST xs", "GET_ITER", "FOR_ITER to 30", "STORE_FAST x",
            "LOAD_FAST x", "LOAD_GLOBAL g", "CALL_FUNCTION 0", "POP_TOP", "ROT_TWO", "POP_TOP", "RETURN_VALUE",
            "LOAD_GLOBAL g", "CALL_FUNCTION 0", "POP_TOP", "RERAISE",
            "LOAD_CONST None", "RETURN_VALUE",
        ])
        #expect(f.exceptionTable == [ExceptionTableEntry(start: 4, end: 5, handler: 11, depth: 1)])
    }

    @Test func breakInsideExceptHandlerPopsTheHandledException() throws {
        let f = try compiled("def f():\n    while 1:\n        try:\n            pass\n        except:\n            break\n", "f")
        let ops = operations(f)
        let handler = try #require(ops.firstIndex(of: "PUSH_EXC_INFO"))
        #expect(Array(ops[(handler + 1)...(handler + 4)]) == ["POP_TOP", "POP_EXCEPT", "JUMP_FORWARD to 24", "ROT_TWO"])
        #expect(f.stackSize == 2)
    }

    @Test func stackSizes() throws {
        #expect(try compiled("x = 1\n").stackSize == 1)
        #expect(try compiled("x = [1, 2, 3, (4, 5)]\n").stackSize == 5)
        #expect(try compiled("f(a, b, c=d)\n").stackSize == 5)
        #expect(try compiled("o.m(1, 2)\n").stackSize == 4)
        #expect(try compiled("def f(xs):\n    return [y for x in xs for y in x]\n", "<listcomp>").stackSize == 4)
        #expect(try compiled("try:\n    pass\nexcept:\n    pass\n").stackSize == 2)
        #expect(try compiled("try:\n    pass\nfinally:\n    pass\n").stackSize == 1)
    }

    @Test func compileExpressionReturnsTheValue() throws {
        let code = try compileExpression(source: "a + b * 2", filename: "<debugger>")
        #expect(operations(code) == ["LOAD_NAME a", "LOAD_NAME b", "LOAD_CONST 2", "BINARY_MULTIPLY", "BINARY_ADD",
                                     "RETURN_VALUE"])
        #expect(code.flags.contains(.usesLocalsDict))
        let comp = try compileExpression(source: "[x for x in xs]", filename: "<debugger>")
        #expect(nestedCode(comp, "<listcomp>") != nil)
        #expect(throws: SourceError.self) { try compileExpression(source: "x = 1", filename: "<debugger>") }
    }

    @Test func twoThousandLinesCompileQuickly() throws {
        let chunk = """
        def f%d(a, b=2, *args, **kw):
            total = 0
            for i in range(a):
                if i %% 3 == 0 and i > b:
                    total += i * 2
                elif i in kw:
                    total -= kw[i]
                else:
                    try:
                        total += int(str(i))
                    except ValueError as e:
                        print(f"bad {i!r}: {e}")
            return [x ** 2 for x in args if x] + [total]

        """
        let source = (0..<154).map { String(format: chunk, $0) }.joined()
        #expect(source.split(separator: "\n").count >= 2000)
        let clock = ContinuousClock()
        _ = try compileModule(source: source, filename: "big.py")
        let elapsed = clock.measure { _ = try? compileModule(source: source, filename: "big.py") }
        #expect(elapsed < .seconds(1), "took \(elapsed)")
    }
}
