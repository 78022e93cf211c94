/// The interpreter's own Swift source, embedded in the binary (DESIGN §13: the interpreter's source is data), and
/// where in it each opcode's handler is: the `case .OPCODE:` arms of the dispatch loop's `switch`.
struct InterpreterSource {
    /// A handler: the lines (1-based, inclusive) of its `case` arm in `file`.
    struct Handler {
        let file: String
        let lines: ClosedRange<Int>
    }

    /// Each embedded file's lines, by `#fileID` (`MiniPy/Interpreter.swift`).
    let files: [String: [String]]
    /// Handler of each opcode, by the opcode's name.
    let handlers: [String: Handler]

    static let shared = InterpreterSource(files: EmbeddedFiles.interpreter)

    /// The file holding the dispatch loop.
    static let dispatchFile = "MiniPy/Interpreter.swift"

    init(files texts: [String: String]) {
        files = texts.mapValues { $0.components(separatedBy: "\n") }
        handlers = InterpreterSource.findHandlers(in: files[InterpreterSource.dispatchFile] ?? [])
    }

    /// Finds the arms of `switch instruction.opcode {`: a `case` line at the switch's indentation starts an arm
    /// (its opcode list may continue over several lines, up to the one ending in `:`); the next `case` or the
    /// switch's closing brace at that indentation ends it.
    static func findHandlers(in lines: [String]) -> [String: Handler] {
        guard let start = lines.firstIndex(where: { $0.contains("switch instruction.opcode {") }) else { return [:] }
        let switchIndent = indentation(lines[start])
        var handlers: [String: Handler] = [:]
        var current: (names: [String], first: Int)?
        func close(at last: Int) {
            guard let arm = current else { return }
            for name in arm.names { handlers[name] = Handler(file: dispatchFile, lines: (arm.first + 1)...(last + 1)) }
            current = nil
        }
        var i = start + 1
        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if indentation(line) == switchIndent && trimmed.hasPrefix("}") {
                close(at: i - 1)
                break
            }
            if indentation(line) == switchIndent && trimmed.hasPrefix("case .") {
                close(at: i - 1)
                var names: [String] = []
                var j = i
                while true {
                    names += opcodeNames(in: lines[j])
                    if lines[j].trimmingCharacters(in: .whitespaces).hasSuffix(":") || j + 1 >= lines.count { break }
                    j += 1
                }
                current = (names, i)
                i = j
            }
            i += 1
        }
        return handlers
    }

    /// `.NAME` tokens on a `case` line.
    static func opcodeNames(in line: String) -> [String] {
        var names: [String] = []
        var rest = Substring(line)
        while let dot = rest.firstIndex(of: ".") {
            let after = rest[rest.index(after: dot)...]
            let name = after.prefix { $0.isUppercase || $0 == "_" || $0.isNumber }
            if name.count > 1 && name.first!.isUppercase { names.append(String(name)) }
            rest = after.dropFirst(max(name.count, 0))
        }
        return names
    }

    static func indentation(_ line: String) -> Int { line.prefix { $0 == " " }.count }

    /// The Swift function enclosing `line` of `file` (its name and first line), for operations performed in a
    /// helper the handler calls (`boxInt`, `truth`, `residual`).
    func enclosingFunction(file: String, line: Int) -> (name: String, line: Int)? {
        guard let lines = files[file], line >= 1, line <= lines.count else { return nil }
        for i in stride(from: line - 1, through: 0, by: -1) {
            let text = lines[i]
            guard let range = text.range(of: "func ") else { continue }
            let name = text[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" }
            return (String(name), i + 1)
        }
        return nil
    }
}

import Foundation
