/// Python's tokenizer, producing tokens on demand (so that an earlier syntax error is reported before a later
/// lexical one, as CPython does).
///
/// It emits NEWLINE at the end of each logical line, INDENT/DEDENT when the indentation changes, joins lines
/// implicitly inside brackets and explicitly after a backslash, and drops comments and blank lines. A lexer can
/// also scan just a range of the file (an f-string's replacement field), where newlines never end a line.
struct Lexer {
    let file: SourceFile
    var pos: Int
    let end: Int
    /// Current line and the offset where it starts, for columns.
    var line: Int
    var lineStart: Int
    /// True for the expression of an f-string field: no NEWLINE/INDENT/DEDENT, as if inside brackets.
    let isFieldExpression: Bool

    private var indents: [Int] = [0]
    /// Indentation columns counting a tab as one column; disagreement with `indents` means a TabError.
    private var altIndents: [Int] = [0]
    private var brackets: [(char: Unicode.Scalar, location: SourceLocation)] = []
    private var pending: [Token] = []
    private var pendingIndex = 0
    private var atLineStart = true
    /// Whether the current logical line has produced a token (a NEWLINE is due at its end).
    private var lineHasTokens = false
    private var finished = false

    /// The file's characters (the same storage as `file.scalars`, held directly for fast access).
    let scalars: [Unicode.Scalar]

    /// The innermost bracket still open, with its position.
    var innermostOpenBracket: (char: Unicode.Scalar, location: SourceLocation)? { brackets.last }

    /// A lexer for a whole file.
    init(file: SourceFile) {
        self.file = file
        self.scalars = file.scalars
        self.pos = 0
        self.end = file.scalars.count
        self.line = 1
        self.lineStart = 0
        self.isFieldExpression = false
    }

    /// A lexer for the expression of an f-string field (`file.scalars[range]`).
    init(file: SourceFile, fieldRange range: Range<Int>) {
        self.file = file
        self.scalars = file.scalars
        self.pos = range.lowerBound
        self.end = range.upperBound
        let start = file.location(ofOffset: range.lowerBound)
        self.line = start.line
        self.lineStart = file.lineStart(start.line)
        self.isFieldExpression = true
        self.atLineStart = false
    }

    /// CPython's limit on nested indented blocks.
    static let maximumIndentationLevels = 100

    // MARK: helpers

    @inline(__always) func peek(_ offset: Int = 0) -> Unicode.Scalar {
        let i = pos + offset
        return i < end ? scalars[i] : "\0"
    }

    @inline(__always) var atEnd: Bool { pos >= end }

    @inline(__always) func location(at offset: Int) -> SourceLocation {
        SourceLocation(line: line, column: offset - lineStart + 1)
    }

    @inline(__always) var here: SourceLocation { location(at: pos) }

    func error(_ message: String, _ location: SourceLocation, kind: SourceError.Kind = .syntax) -> SourceError {
        file.error(kind, message, at: location)
    }

    /// Consumes a `\n`, moving to the next line.
    @inline(__always) mutating func consumeNewline() {
        pos += 1
        line += 1
        lineStart = pos
    }

    // MARK: tokens

    /// The next token; `.endOfFile` forever once the input is exhausted.
    mutating func next() throws(SourceError) -> Token {
        if pendingIndex < pending.count {
            let t = pending[pendingIndex]
            pendingIndex += 1
            if pendingIndex == pending.count { pending.removeAll(keepingCapacity: true); pendingIndex = 0 }
            return t
        }
        while true {
            if atLineStart {
                atLineStart = false
                if let t = try scanIndentation() { return t }
                if !pending.isEmpty { return try next() }
            }
            skipWhitespace()
            if atEnd { return try endOfInput() }
            let c = peek()
            switch c {
            case "#":
                if isFieldExpression { throw error("f-string expression part cannot include '#'", here) }
                while !atEnd && peek() != "\n" { pos += 1 }
            case "\n":
                let loc = here
                consumeNewline()
                if isFieldExpression || !brackets.isEmpty { continue }
                atLineStart = true
                if lineHasTokens {
                    lineHasTokens = false
                    return Token(.newline, loc)
                }
            case "\\":
                let loc = here
                pos += 1
                if atEnd { throw error("unexpected EOF while parsing", location(at: pos)) }
                guard peek() == "\n" else {
                    throw error("unexpected character after line continuation character", location(at: pos))
                }
                consumeNewline()
                if pos >= end && !isFieldExpression {
                    throw error("unexpected EOF while parsing", SourceLocation(line: loc.line, column: loc.column + 1))
                }
            default:
                lineHasTokens = true
                return try scanToken(c)
            }
        }
    }

    private mutating func skipWhitespace() {
        while !atEnd {
            let c = peek()
            if c == " " || c == "\t" || c == "\u{0C}" { pos += 1 } else { break }
        }
    }

    private mutating func endOfInput() throws(SourceError) -> Token {
        if let open = brackets.last, !isFieldExpression {
            throw error("'\(open.char)' was never closed", open.location)
        }
        let loc = here
        if !finished {
            finished = true
            if !isFieldExpression {
                if lineHasTokens {
                    lineHasTokens = false
                    pending.append(Token(.newline, loc))
                }
                for _ in 1..<indents.count { pending.append(Token(.dedent, loc)) }
                indents = [0]
                altIndents = [0]
            }
            pending.append(Token(.endOfFile, loc))
            return try next()
        }
        return Token(.endOfFile, loc)
    }

    /// Measures the indentation of a new line. Returns INDENT, or queues DEDENTs and returns the first; nil for an
    /// unchanged indentation or a blank line (which is skipped).
    private mutating func scanIndentation() throws(SourceError) -> Token? {
        while true {
            var col = 0, alt = 0
            scan: while !atEnd {
                switch peek() {
                case " ": col += 1; alt += 1
                case "\t": col = (col / 8 + 1) * 8; alt += 1
                case "\u{0C}": col = 0; alt = 0
                default: break scan
                }
                pos += 1
            }
            if atEnd { return nil }
            if peek() == "#" {
                while !atEnd && peek() != "\n" { pos += 1 }
            }
            if peek() == "\n" {
                consumeNewline()
                continue
            }
            if peek() == "\\" { return nil }   // a continuation line joins the next one; handled by next()
            let first = here
            var tabError: SourceError {
                error("inconsistent use of tabs and spaces in indentation", SourceLocation(line: line, column: 1),
                      kind: .tab)
            }
            if col == indents.last! {
                if alt != altIndents.last! { throw tabError }
                return nil
            }
            if col > indents.last! {
                if alt <= altIndents.last! { throw tabError }
                if indents.count >= Lexer.maximumIndentationLevels {
                    throw error("too many levels of indentation", SourceLocation(line: line, column: 1),
                                kind: .indentation)
                }
                indents.append(col)
                altIndents.append(alt)
                return Token(.indent, SourceLocation(line: line, column: 1))
            }
            while col < indents.last! {
                indents.removeLast()
                altIndents.removeLast()
                pending.append(Token(.dedent, first))
            }
            if col != indents.last! {
                let length = file.lineText(line).unicodeScalars.count
                throw error("unindent does not match any outer indentation level",
                            SourceLocation(line: line, column: length + 1), kind: .indentation)
            }
            if alt != altIndents.last! { throw tabError }
            return nil
        }
    }

    private mutating func scanToken(_ c: Unicode.Scalar) throws(SourceError) -> Token {
        if c.isASCIIDigit || (c == "." && peek(1).isASCIIDigit) { return try scanNumber() }
        if c == "'" || c == "\"" { return try scanString(prefixStart: pos) }
        if c.isIdentifierStart { return try scanNameOrPrefixedString() }
        return try scanOperator(c)
    }

    private mutating func scanNameOrPrefixedString() throws(SourceError) -> Token {
        let start = pos
        let loc = here
        pos += 1
        while !atEnd && peek().isIdentifierContinue { pos += 1 }
        var word = String.UnicodeScalarView()
        word.append(contentsOf: scalars[start..<pos])
        let text = String(word)
        if (peek() == "'" || peek() == "\"") && StringPrefix(text) != nil {
            return try scanString(prefixStart: start)
        }
        if let k = Keyword.byName[text] { return Token(.keyword(k), loc) }
        return Token(.name(text), loc)
    }

    private static let oneCharOps: Set<Unicode.Scalar> = [
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}", ",", ":", ".",
        ";", "=",
    ]

    /// Length of the operator starting here (0 if none): longest match among Python's operators.
    private func operatorLength(_ c0: Unicode.Scalar) -> Int {
        let c1 = peek(1), c2 = peek(2)
        let doubled = c0 == c1 && (c0 == "*" || c0 == "/" || c0 == "<" || c0 == ">")
        if doubled { return c2 == "=" ? 3 : 2 }
        if c0 == "." && c1 == "." && c2 == "." { return 3 }
        if c1 == "=" && "+-*/%&|^@<>=!:".unicodeScalars.contains(c0) { return 2 }
        if c0 == "-" && c1 == ">" { return 2 }
        return Lexer.oneCharOps.contains(c0) ? 1 : 0
    }

    private mutating func scanOperator(_ c: Unicode.Scalar) throws(SourceError) -> Token {
        let loc = here
        let length = operatorLength(c)
        guard length > 0 else {
            if c.isASCII {
                if c.value < 0x20 || c.value == 0x7F {
                    throw error("invalid non-printable character U+\(hex4(c.value))", loc)
                }
                throw error("invalid syntax", loc)
            }
            throw error("invalid character '\(Character(c))' (U+\(hex4(c.value)))", loc)
        }
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars[pos..<(pos + length)])
        pos += length
        if length == 1 { try trackBracket(c, loc) }
        return Token(.op(String(text)), loc)
    }

    private mutating func trackBracket(_ c: Unicode.Scalar, _ loc: SourceLocation) throws(SourceError) {
        switch c {
        case "(", "[", "{":
            brackets.append((c, loc))
        case ")", "]", "}":
            guard let open = brackets.popLast() else {
                if isFieldExpression { return }
                throw error("unmatched '\(c)'", loc)
            }
            let expected: Unicode.Scalar = open.char == "(" ? ")" : open.char == "[" ? "]" : "}"
            if c != expected {
                var message = "closing parenthesis '\(c)' does not match opening parenthesis '\(open.char)'"
                if open.location.line != loc.line { message += " on line \(open.location.line)" }
                throw error(message, loc)
            }
        default:
            break
        }
    }
}

/// Upper-case hex with at least four digits, as in `U+20AC`.
func hex4(_ v: UInt32) -> String {
    let s = String(v, radix: 16, uppercase: true)
    return String(repeating: "0", count: max(0, 4 - s.count)) + s
}

extension Unicode.Scalar {
    /// Python's identifier start: `_`, ASCII letters, or (beyond ASCII) XID_Start.
    @inline(__always) var isIdentifierStart: Bool {
        if value < 128 { return value == 95 || (value | 0x20 >= 97 && value | 0x20 <= 122) }
        return properties.isXIDStart
    }

    @inline(__always) var isIdentifierContinue: Bool {
        if value < 128 { return isIdentifierStart || isASCIIDigit }
        return properties.isXIDContinue
    }

    @inline(__always) var isASCIIDigit: Bool { value >= 48 && value <= 57 }
    @inline(__always) var isASCIIHexDigit: Bool {
        isASCIIDigit || (value >= 65 && value <= 70) || (value >= 97 && value <= 102)
    }
}
