/// The letters before a string's opening quote (`r`, `f`, `rb`, ... in any case).
struct StringPrefix {
    var isRaw = false
    var isFormatted = false
    var isBytes = false

    init?(_ text: String) {
        guard text.count <= 2 else { return nil }
        for c in text.lowercased() {
            switch c {
            case "r" where !isRaw: isRaw = true
            case "f" where !isFormatted && !isBytes: isFormatted = true
            case "b" where !isBytes && !isFormatted: isBytes = true
            case "u" where text.count == 1: break
            default: return nil
            }
        }
    }
}

/// String literals: quotes, raw strings, escape sequences and the splitting of f-strings into pieces.
extension Lexer {
    /// Scans a string literal whose prefix (possibly empty) starts at `prefixStart`; `pos` is at the quote.
    mutating func scanString(prefixStart: Int) throws(SourceError) -> Token {
        let loc = location(at: prefixStart)
        var prefixText = String.UnicodeScalarView()
        prefixText.append(contentsOf: scalars[prefixStart..<pos])
        let prefix = StringPrefix(String(prefixText))!
        if prefix.isBytes { throw error("bytes literals are not supported by MiniPy", loc, kind: .unsupported) }
        let quote = peek()
        let isTriple = peek(1) == quote && peek(2) == quote
        pos += isTriple ? 3 : 1
        let bodyStart = pos
        while true {
            if atEnd {
                let what = isTriple ? "unterminated triple-quoted string literal" : "unterminated string literal"
                let lastLine = pos > 0 && scalars[pos - 1] == "\n" ? line - 1 : line
                throw error("\(what) (detected at line \(lastLine))", loc)
            }
            let c = peek()
            if c == "\\" {
                pos += 1
                if peek() == "\n" { consumeNewline() } else if !atEnd { pos += 1 }
                continue
            }
            if c == "\n" {
                if !isTriple { throw error("unterminated string literal (detected at line \(line))", loc) }
                consumeNewline()
                continue
            }
            if c == quote && (!isTriple || (peek(1) == quote && peek(2) == quote)) { break }
            pos += 1
        }
        let body = bodyStart..<pos
        pos += isTriple ? 3 : 1
        if prefix.isFormatted {
            var splitter = FStringSplitter(file: file, isRaw: prefix.isRaw, literalLocation: loc)
            return Token(.string(.formatted(try splitter.split(body))), loc)
        }
        let text = prefix.isRaw ? String(String.UnicodeScalarView(scalars[body]))
                                : try decodeEscapes(scalars[body], file: file, location: loc)
        return Token(.string(.plain(text)), loc)
    }
}

/// Replaces the backslash escapes of a (non-raw) string body by the characters they denote.
func decodeEscapes(_ body: ArraySlice<Unicode.Scalar>, file: SourceFile, location: SourceLocation)
    throws(SourceError) -> String {
    var out = String.UnicodeScalarView()
    var i = body.startIndex
    func fail(_ message: String, kind: SourceError.Kind = .syntax) -> SourceError {
        file.error(kind, message, at: location)
    }
    func hexValue(_ count: Int, _ name: String) throws(SourceError) -> UInt32 {
        var v: UInt32 = 0
        let first = i - body.startIndex - 1
        for k in 0..<count {
            guard i + k < body.endIndex, body[i + k].isASCIIHexDigit else {
                throw fail("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                           + "\(first)-\(first + 1 + k): truncated \(name) escape")
            }
            v = v * 16 + UInt32(String(Character(body[i + k])), radix: 16)!
        }
        i += count
        return v
    }
    while i < body.endIndex {
        let c = body[i]
        i += 1
        guard c == "\\", i < body.endIndex else { out.append(c); continue }
        let e = body[i]
        i += 1
        switch e {
        case "\n": break
        case "\\": out.append("\\")
        case "'": out.append("'")
        case "\"": out.append("\"")
        case "a": out.append("\u{07}")
        case "b": out.append("\u{08}")
        case "f": out.append("\u{0C}")
        case "n": out.append("\n")
        case "r": out.append("\r")
        case "t": out.append("\t")
        case "v": out.append("\u{0B}")
        case "0"..."7":
            var v = e.value - 48
            var n = 1
            while n < 3, i < body.endIndex, body[i].value >= 48 && body[i].value <= 55 {
                v = v * 8 + body[i].value - 48
                i += 1
                n += 1
            }
            out.append(Unicode.Scalar(v)!)
        case "x", "u", "U":
            let count = e == "x" ? 2 : e == "u" ? 4 : 8
            let v = try hexValue(count, e == "x" ? "\\xXX" : e == "u" ? "\\uXXXX" : "\\UXXXXXXXX")
            guard let scalar = Unicode.Scalar(v) else {
                if v >= 0xD800 && v <= 0xDFFF {
                    throw fail("lone surrogate escapes are not supported by MiniPy", kind: .unsupported)
                }
                throw fail("(unicode error) 'unicodeescape' codec can't decode bytes: illegal Unicode character")
            }
            out.append(scalar)
        case "N":
            throw fail("\\N{...} escapes are not supported by MiniPy", kind: .unsupported)
        default:
            out.append("\\")
            out.append(e)
        }
    }
    return String(out)
}

/// Splits an f-string body into literal text and `{...}` replacement fields (whose expressions the parser parses
/// later from their source range).
struct FStringSplitter {
    let file: SourceFile
    let isRaw: Bool
    /// Where the whole literal starts (for errors in its literal text).
    let literalLocation: SourceLocation

    var scalars: [Unicode.Scalar] { file.scalars }

    func error(_ message: String, _ offset: Int) -> SourceError {
        file.error(.syntax, message, at: file.location(ofOffset: offset))
    }

    mutating func split(_ body: Range<Int>) throws(SourceError) -> [FStringPiece] {
        var i = body.lowerBound
        return try pieces(&i, end: body.upperBound, inSpec: false, nesting: 0)
    }

    /// Pieces up to `end` (or, inside a format spec, up to the closing `}` at `i`).
    private func pieces(_ i: inout Int, end: Int, inSpec: Bool, nesting: Int) throws(SourceError) -> [FStringPiece] {
        var result: [FStringPiece] = []
        var literal: [Unicode.Scalar] = []
        func flush() throws(SourceError) {
            guard !literal.isEmpty else { return }
            let text = isRaw ? String(String.UnicodeScalarView(literal))
                             : try decodeEscapes(literal[...], file: file, location: literalLocation)
            result.append(.literal(text))
            literal.removeAll()
        }
        while i < end {
            let c = scalars[i]
            if c == "{" {
                if !inSpec && i + 1 < end && scalars[i + 1] == "{" {
                    literal.append("{")
                    i += 2
                    continue
                }
                try flush()
                result.append(.field(try field(&i, end: end, nesting: nesting)))
            } else if c == "}" {
                if inSpec { break }
                guard i + 1 < end && scalars[i + 1] == "}" else { throw error("f-string: single '}' is not allowed", i) }
                literal.append("}")
                i += 2
            } else if c == "\\" && !isRaw && i + 1 < end && scalars[i + 1] != "{" && scalars[i + 1] != "}" {
                literal.append(c)
                literal.append(scalars[i + 1])
                i += 2
            } else {
                literal.append(c)
                i += 1
            }
        }
        try flush()
        return result
    }

    /// One replacement field; `i` is at its `{` and ends after its `}`.
    private func field(_ i: inout Int, end: Int, nesting: Int) throws(SourceError) -> FStringField {
        if nesting >= 2 { throw error("f-string: expressions nested too deeply", i) }
        let open = i
        let exprStart = i + 1
        var j = exprStart
        var depth = 0
        var selfDocumenting = false
        scan: while true {
            guard j < end else { throw error("f-string: expecting '}'", open) }
            let c = scalars[j]
            switch c {
            case "'", "\"":
                j = try skipNestedString(from: j, end: end)
                continue
            case "\\":
                throw error("f-string expression part cannot include a backslash", j)
            case "#":
                throw error("f-string expression part cannot include '#'", j)
            case "(", "[", "{":
                depth += 1
            case ")", "]":
                depth -= 1
            case "}":
                if depth == 0 { break scan }
                depth -= 1
            case "!" where depth == 0 && j + 1 < end && scalars[j + 1] != "=":
                break scan
            case ":" where depth == 0:
                break scan
            case "=" where depth == 0 && j + 1 < end && scalars[j + 1] != "="
                && !"=!<>".unicodeScalars.contains(scalars[j - 1]):
                selfDocumenting = true
                break scan
            default:
                break
            }
            j += 1
        }
        let exprRange = exprStart..<j
        if scalars[exprRange].allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\n" }) {
            throw error("f-string: empty expression not allowed", j)
        }
        var result = FStringField(range: exprRange, location: file.location(ofOffset: exprStart),
                                  conversion: nil, spec: nil, selfDocumentingText: nil)
        if selfDocumenting {
            j += 1
            while j < end && (scalars[j] == " " || scalars[j] == "\t") { j += 1 }
            result.selfDocumentingText = String(String.UnicodeScalarView(scalars[exprStart..<j]))
        }
        if j < end && scalars[j] == "!" {
            j += 1
            guard j < end, ["s", "r", "a"].contains(scalars[j]) else {
                throw error("f-string: invalid conversion character: expected 's', 'r', or 'a'", min(j, end))
            }
            result.conversion = Character(scalars[j])
            j += 1
        }
        if j < end && scalars[j] == ":" {
            j += 1
            result.spec = try pieces(&j, end: end, inSpec: true, nesting: nesting + 1)
        }
        guard j < end && scalars[j] == "}" else { throw error("f-string: expecting '}'", min(j, end - 1)) }
        if result.selfDocumentingText != nil && result.conversion == nil && result.spec == nil {
            result.conversion = "r"
        }
        i = j + 1
        return result
    }

    /// Skips a string literal nested in a field's expression; returns the offset after its closing quote.
    private func skipNestedString(from start: Int, end: Int) throws(SourceError) -> Int {
        let quote = scalars[start]
        let triple = start + 2 < end && scalars[start + 1] == quote && scalars[start + 2] == quote
        var j = start + (triple ? 3 : 1)
        while j < end {
            if scalars[j] == quote
                && (!triple || (j + 2 < end && scalars[j + 1] == quote && scalars[j + 2] == quote)) {
                return j + (triple ? 3 : 1)
            }
            j += 1
        }
        throw error("f-string: unterminated string", start)
    }
}
