/// A syntax or name error in a textual trace: where it is (1-based line and column) and what was expected.
public struct TraceParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public let line: Int
    public let column: Int
    public let message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "line \(line), column \(column): \(message)" }
}

/// A cursor over one line of a textual trace, with the lexical pieces the parser needs.
struct LineScanner {
    let chars: [Character]
    let line: Int
    var pos = 0

    init(_ text: Substring, line: Int) {
        self.chars = Array(text)
        self.line = line
    }

    var atEnd: Bool { pos >= chars.count }
    var peek: Character? { pos < chars.count ? chars[pos] : nil }
    var column: Int { pos + 1 }
    var rest: String { String(chars[min(pos, chars.count)...]) }

    func error(_ message: String, column: Int? = nil) -> TraceParseError {
        TraceParseError(line: line, column: column ?? self.column, message: message)
    }

    /// What is at the cursor, for messages (`'x'` or `end of line`).
    var found: String { peek.map { "'\($0)'" } ?? "end of line" }

    mutating func skipSpaces() { while let c = peek, c == " " || c == "\t" { pos += 1 } }

    /// Consumes `c` (after spaces) if present.
    mutating func take(_ c: Character) -> Bool {
        skipSpaces()
        if peek == c { pos += 1; return true }
        return false
    }

    mutating func expect(_ c: Character, _ context: String = "") throws {
        if !take(c) { throw error("expected '\(c)'\(context), found \(found)") }
    }

    /// Consumes `word` (after spaces) if the line continues with it.
    mutating func take(word: String) -> Bool {
        skipSpaces()
        let w = Array(word)
        guard pos + w.count <= chars.count, Array(chars[pos..<pos + w.count]) == w else { return false }
        pos += w.count
        return true
    }

    mutating func expect(word: String) throws {
        if !take(word: word) { throw error("expected '\(word)', found \(found)") }
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "." || c == "<" || c == ">" || c == "$"
    }

    /// A name: letters, digits, `_ . < > $`. Empty if none.
    mutating func name() -> String {
        skipSpaces()
        let start = pos
        while let c = peek, LineScanner.isNameCharacter(c) { pos += 1 }
        return String(chars[start..<pos])
    }

    /// Characters up to (not including) `terminator`, which must be on the line.
    mutating func text(until terminator: Character) throws -> String {
        let start = pos
        while let c = peek, c != terminator { pos += 1 }
        if atEnd { throw error("expected '\(terminator)', found end of line") }
        return String(chars[start..<pos])
    }

    /// A non-negative decimal integer.
    mutating func integer(_ what: String) throws -> Int {
        skipSpaces()
        let start = pos
        if peek == "-" { pos += 1 }
        while let c = peek, c.isASCII, c.isNumber { pos += 1 }
        guard let v = Int(String(chars[start..<pos])) else { throw error("expected \(what) (an integer)", column: start + 1) }
        return v
    }

    /// A quoted string (`'...'` with `\\`, `\'` and `\n` escapes).
    mutating func quoted() throws -> String {
        skipSpaces()
        guard peek == "'" else { throw error("expected a quoted string, found \(found)") }
        pos += 1
        var s = ""
        while true {
            guard let c = peek else { throw error("unterminated string") }
            pos += 1
            if c == "'" { return s }
            if c == "\\" {
                guard let e = peek else { throw error("unterminated string") }
                pos += 1
                switch e {
                case "n": s.append("\n")
                case "\\", "'": s.append(e)
                default: throw error("unknown escape '\\\(e)'", column: pos - 1)
                }
            } else {
                s.append(c)
            }
        }
    }
}

extension Substring {
    /// The range of the last occurrence of `needle` (the framework does not import Foundation).
    func lastRange(of needle: String) -> Range<Index>? {
        var i = endIndex
        while i > startIndex {
            i = index(before: i)
            if self[i...].hasPrefix(needle) { return i..<index(i, offsetBy: needle.count) }
        }
        return nil
    }
}
