import Testing
@testable import MiniPy

@Suite struct SymbolTableTests {
    @Test func closureCellsAndFreeVariables() throws {
        let source = """
        def outer(p):
            x = 1
            def inner():
                return x + p + g
            return inner
        """
        let outer = try compiled(source, "outer")
        #expect(outer.cellvars == ["p", "x"])
        #expect(outer.varnames == ["p", "inner"])
        let inner = try compiled(source, "inner")
        #expect(inner.freevars == ["p", "x"])
        #expect(operations(inner).prefix(6) == [
            "LOAD_DEREF x", "LOAD_DEREF p", "BINARY_ADD", "LOAD_GLOBAL g", "BINARY_ADD", "RETURN_VALUE",
        ])
        #expect(inner.qualname == "outer.<locals>.inner")
    }

    @Test func nonlocalRebindsTheEnclosingCell() throws {
        let source = """
        def counter():
            n = 0
            def bump():
                nonlocal n
                n += 1
                return n
            return bump
        """
        #expect(operations(try compiled(source, "bump")) == [
            "LOAD_DEREF n", "LOAD_CONST 1", "INPLACE_ADD", "STORE_DEREF n", "LOAD_DEREF n", "RETURN_VALUE",
        ])
        #expect(operations(try compiled(source, "counter")).prefix(2) == ["LOAD_CONST 0", "STORE_DEREF n"])
    }

    @Test func nonlocalWithoutBindingIsAnError() throws {
        let e = try #require(compileError("def f():\n    def g():\n        nonlocal x\n"))
        #expect(e.message == "no binding for nonlocal 'x' found")
        #expect(e.line == 3 && e.column == 9)
        #expect(compileError("nonlocal x\n")?.message == "nonlocal declaration not allowed at module level")
        // A binding in a class body does not count: class scopes are skipped.
        #expect(compileError("def f():\n  class C:\n    x = 1\n    def g(self):\n      nonlocal x\n")?.message
                == "no binding for nonlocal 'x' found")
    }

    @Test func globalDeclarations() throws {
        let source = "def f():\n    global counter\n    counter = counter + 1\n"
        #expect(operations(try compiled(source, "f")).prefix(4) == [
            "LOAD_GLOBAL counter", "LOAD_CONST 1", "BINARY_ADD", "STORE_GLOBAL counter",
        ])
        #expect(compileError("def f(x):\n  global x\n")?.message == "name 'x' is parameter and global")
        #expect(compileError("def f():\n  x = 1\n  global x\n")?.message
                == "name 'x' is assigned to before global declaration")
        #expect(compileError("def f():\n  print(x)\n  global x\n")?.message
                == "name 'x' is used prior to global declaration")
    }

    @Test func assignmentAnywhereMakesALocal() throws {
        let f = try compiled("def f():\n    print(x)\n    x = 1\n", "f")
        #expect(operations(f).prefix(2) == ["LOAD_GLOBAL print", "LOAD_FAST x"])
    }

    @Test func classBodiesUseNamesAndAreSkippedByMethods() throws {
        let source = """
        def make():
            y = 1
            class C:
                x = y
                y = 2
                def m(self):
                    return x, y
            return C
        """
        let c = try compiled(source, "C")
        #expect(c.flags.contains(.usesLocalsDict))
        #expect(operations(c).contains("STORE_NAME x"))
        // `y` is assigned in the class body, so the body uses the locals dict for it; `m` sees make's `y`.
        #expect(operations(c).contains("LOAD_NAME y"))
        #expect(c.freevars == ["y"])
        let m = try compiled(source, "m")
        #expect(operations(m).prefix(2) == ["LOAD_GLOBAL x", "LOAD_DEREF y"])
        #expect(m.qualname == "make.<locals>.C.m")
    }

    @Test func classBodyReadsEnclosingFunctionLocalsThroughCells() throws {
        let c = try compiled("def make(v):\n    class C:\n        w = v\n    return C\n", "C")
        #expect(operations(c).contains("LOAD_DEREF v"))
    }

    @Test func comprehensionsAreTheirOwnScopes() throws {
        let source = "def f(xs, k):\n    return [x * k for x in xs if x]\n"
        let comp = try compiled(source, "<listcomp>")
        #expect(comp.varnames == [".0", "x"])
        #expect(comp.argcount == 1)
        #expect(comp.freevars == ["k"])
        #expect(comp.qualname == "f.<locals>.<listcomp>")
        #expect(try compiled(source, "f").cellvars == ["k"])
        // At module level the comprehension's names are still its own locals.
        let moduleComp = try compiled("x = 5\nys = [x for x in range(3)]\n", "<listcomp>")
        #expect(moduleComp.varnames == [".0", "x"])
    }

    @Test func zeroArgumentSuperGetsTheClassCell() throws {
        let source = """
        class A(B):
            def __init__(self):
                super().__init__()
        """
        let a = try compiled(source, "A")
        #expect(a.cellvars == ["__class__"])
        #expect(Array(operations(a).suffix(4)) == [
            "LOAD_CLOSURE __class__", "DUP_TOP", "STORE_NAME __classcell__", "RETURN_VALUE",
        ])
        #expect(try compiled(source, "__init__").freevars == ["__class__"])
    }

    @Test func lambdaAndDefaultsScopes() throws {
        let source = "def f(a):\n    return lambda b=a: a + b\n"
        let lam = try compiled(source, "<lambda>")
        #expect(lam.varnames == ["b"])
        #expect(lam.freevars == ["a"])
        #expect(lam.qualname == "f.<locals>.<lambda>")
    }

    @Test func starImportOnlyAtModuleLevel() throws {
        let e = try #require(compileError("def f():\n    from m import *\n"))
        #expect(e.message == "import * only allowed at module level")
        #expect(e.line == 2)
    }
}
