import Foundation
import Testing
@testable import MiniPy

@Suite struct DisassemblerTests {
    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Golden")

    static var goldenPrograms: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: goldenDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".py") }.sorted()
    }

    /// Compares `dis` output with `Golden/<name>.dis`; run with `UPDATE_GOLDEN=1` to rewrite the files.
    @Test(arguments: goldenPrograms) func goldenDisassembly(_ file: String) throws {
        let source = try String(contentsOf: Self.goldenDirectory.appendingPathComponent(file), encoding: .utf8)
        let text = disassemble(try compileModule(source: source, filename: file))
        let golden = Self.goldenDirectory.appendingPathComponent(file.replacingOccurrences(of: ".py", with: ".dis"))
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try text.write(to: golden, atomically: true, encoding: .utf8)
        }
        #expect(text == (try String(contentsOf: golden, encoding: .utf8)))
    }

    @Test func goldenProgramsExist() {
        #expect(Self.goldenPrograms.count >= 3)
    }

    @Test func instructionLayout() throws {
        let code = try compileModule(source: "def f(a):\n    if a is not None:\n        return a\n", filename: "x.py")
        #expect(disassemble(code, recursive: false) == """
            Disassembly of <code object <module>, file "x.py", line 1>:
              1           0 LOAD_CONST               0 (<code object f, file "x.py", line 1>)
                          2 MAKE_FUNCTION            0
                          4 STORE_NAME               0 (f)
                          6 LOAD_CONST               1 (None)
                          8 RETURN_VALUE

            """)
        let f = try #require(nestedCode(code, "f"))
        #expect(disassemble(f) == """
            Disassembly of <code object f, file "x.py", line 1>:
              2           0 LOAD_FAST                0 (a)
                          2 LOAD_CONST               0 (None)
                          4 IS_OP                    1 (is not)
                          6 POP_JUMP_IF_FALSE        6 (to 12)

              3           8 LOAD_FAST                0 (a)
                         10 RETURN_VALUE

              2     >>   12 LOAD_CONST               0 (None)
                         14 RETURN_VALUE

            """)
        #expect(instructionText(f, 3) == "   6 POP_JUMP_IF_FALSE        6 (to 12)")
        #expect(instructionText(f, 5) == "  10 RETURN_VALUE")
    }

    @Test func exceptionTableSection() throws {
        let code = try compileModule(source: "try:\n    x\nexcept:\n    pass\n", filename: "x.py")
        #expect(disassemble(code).hasSuffix("""
            ExceptionTable:
              0 to 2 -> 6 [0]
              8 to 10 -> 16 [1]

            """))
    }

    @Test func constantReprs() {
        #expect(constantRepr(.str("it's")) == "\"it's\"")
        #expect(constantRepr(.str("a'b\"c\n\u{1}é")) == "'a\\'b\"c\\n\\x01é'")
        #expect(constantRepr(.tuple([.int(1)])) == "(1,)")
        #expect(constantRepr(.tuple([.str("a"), .none, .bool(true), .ellipsis])) == "('a', None, True, Ellipsis)")
        #expect(constantRepr(.float(1e-5)) == "1e-05")
        #expect(constantRepr(.float(1e16)) == "1e+16")
        #expect(constantRepr(.float(2.5)) == "2.5")
        #expect(constantRepr(.float(-.infinity)) == "-inf")
    }
}
