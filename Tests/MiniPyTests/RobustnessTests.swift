import Foundation
import Testing
@testable import MiniPy

@Suite struct RobustnessTests {
    /// A small deterministic generator (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static let fragments = [
        "if", "else", "elif", "while", "for", "in", "def", "class", "return", "lambda", "try", "except", "finally",
        "import", "from", "as", "global", "nonlocal", "not", "and", "or", "is", "yield", "with", "del", "pass",
        "x", "y", "_z", "é", "1", "0x", "1e", "1_0", ".5", "3j", "'s'", "\"", "'''", "f'{", "f'{x!r:>{w}}'", "}",
        "(", ")", "[", "]", "{", "}", ":", ",", ";", ".", "=", "==", "+=", "**", "*", "-", "@", ":=", "->", "\\",
        "\n", "\n    ", "\n  ", "\t", " ", "#c", "\r\n", "€", "\0",
    ]

    @Test func randomInputsNeverCrash() {
        var rng = SeededGenerator(state: 42)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...40, using: &rng)
            let source = (0..<count).map { _ in Self.fragments.randomElement(using: &rng)! }.joined(separator:
                Bool.random(using: &rng) ? " " : "")
            _ = try? compileModule(source: source, filename: "fuzz.py")
            _ = try? compileExpression(source: source, filename: "fuzz.py")
        }
    }

    @Test func truncatedProgramsNeverCrash() throws {
        let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".py") }
        for file in files {
            let scalars = Array(try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
                .unicodeScalars)
            for cut in stride(from: 0, to: scalars.count, by: 3) {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[..<cut])
                _ = try? compileModule(source: String(view), filename: file)
                view = String.UnicodeScalarView()
                view.append(contentsOf: scalars[cut...])
                _ = try? compileModule(source: String(view), filename: file)
            }
        }
    }

    /// Wraps `body` (lines at indentation 0) in a construct; the construct's own lines are indented by 4.
    static func wrap(_ body: [String], in construct: Int) -> [String] {
        let inner = body.map { "    " + $0 }
        switch construct {
        case 0: return ["for i in xs:"] + inner + ["else:", "    pass"]
        case 1: return ["while x:"] + inner
        case 2: return ["try:"] + inner + ["except E as e:", "    pass", "else:", "    pass"]
        case 3: return ["try:", "    pass", "except (E, F) as e:"] + inner + ["except:", "    pass"]
        case 4: return ["try:"] + inner + ["finally:", "    g()"]
        case 5: return ["try:", "    pass", "finally:"] + inner
        default: return ["try:"] + inner + ["except E:"] + inner + ["finally:"] + inner
        }
    }

    /// Every nesting (up to three deep) of loops, try/except/else/finally, handlers and finally bodies around
    /// `return`/`break`/`continue`/`raise` compiles with a consistent stack (the stack-depth analysis stops the
    /// process on any inconsistency).
    @Test func earlyExitsThroughNestedConstructs() throws {
        let exits = ["return x", "break", "continue", "raise"]
        var compiledCount = 0
        for exit in exits {
            for a in 0..<6 {
                for b in 0..<6 {
                    for c in 0..<7 {
                        let body = Self.wrap(Self.wrap(Self.wrap([exit, "h()"], in: c), in: b), in: a)
                        let source = "def f(xs, x):\n" + body.map { "    " + $0 }.joined(separator: "\n") + "\n"
                        if let error = compileError(source) {
                            #expect(error.message.contains("outside loop") || error.message.contains("not properly in loop")
                                    || error.message.contains("re-raise"), "\(error)")
                        } else {
                            compiledCount += 1
                        }
                    }
                }
            }
        }
        #expect(compiledCount > 500)
    }

    /// Folders of Python files other sessions write (`Tests/Corpus`, `bench`), relative to the repository root
    /// (or to `MINIPY_CORPUS_ROOT`); absent folders are skipped.
    static var corpusFiles: [URL] {
        let root = ProcessInfo.processInfo.environment["MINIPY_CORPUS_ROOT"].map { URL(fileURLWithPath: $0) }
            ?? repositoryRoot
        var files: [URL] = []
        for folder in ["Tests/Corpus", "bench"] {
            let url = root.appendingPathComponent(folder)
            guard let walker = FileManager.default.enumerator(at: url, includingPropertiesForKeys: nil) else { continue }
            for case let file as URL in walker where file.pathExtension == "py" { files.append(file) }
        }
        return files.sorted { $0.path < $1.path }
    }

    /// Every corpus file compiles, or is valid Python outside the subset (a tooling script), or is rejected by
    /// CPython too.
    @Test func corpusCompiles() throws {
        for file in Self.corpusFiles {
            let source = try String(contentsOf: file, encoding: .utf8)
            guard let error = compileError(source) else { continue }
            if error.kind == .unsupported { continue }
            let python = runPython(["-c", "import sys; compile(open(sys.argv[1]).read(), sys.argv[1], 'exec')",
                                    file.path])
            #expect(python != nil && python!.status != 0, "\(file.lastPathComponent): \(error)")
        }
    }
}
