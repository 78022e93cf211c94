/// An error found before a program runs: a syntax error, an indentation error, or a Python feature outside the
/// MiniPy subset. Printed CPython-style by `formatted()`.
public struct SourceError: Error, Equatable, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        case syntax = "SyntaxError"
        case indentation = "IndentationError"
        case tab = "TabError"
        /// A valid Python construct that MiniPy does not implement (e.g. `yield`, `with`).
        case unsupported = "NotImplementedError"
    }

    public var kind: Kind
    public var message: String
    public var filename: String
    /// 1-based line of the offending token.
    public var line: Int
    /// 1-based column of the offending token.
    public var column: Int
    /// The text of the offending line (without its newline), for the caret display.
    public var sourceLine: String

    public init(_ kind: Kind, _ message: String, filename: String, line: Int, column: Int, sourceLine: String) {
        self.kind = kind
        self.message = message
        self.filename = filename
        self.line = line
        self.column = column
        self.sourceLine = sourceLine
    }

    /// CPython's layout:
    /// ```
    ///   File "x.py", line 3
    ///     if x = 1:
    ///          ^
    /// SyntaxError: invalid syntax
    /// ```
    /// Unsupported features add their position to the message: `NotImplementedError: x.py:3:5: 'yield' is not
    /// supported by MiniPy`.
    public func formatted() -> String {
        let stripped = sourceLine.drop(while: { $0 == " " || $0 == "\t" })
        let indent = sourceLine.count - stripped.count
        let caretColumn = max(0, column - 1 - indent)
        var out = "  File \"\(filename)\", line \(line)\n"
        out += "    \(stripped)\n"
        out += "    " + String(repeating: " ", count: caretColumn) + "^\n"
        switch kind {
        case .unsupported: out += "\(kind.rawValue): \(filename):\(line):\(column): \(message)\n"
        default: out += "\(kind.rawValue): \(message)\n"
        }
        return out
    }

    public var description: String { formatted() }
}
