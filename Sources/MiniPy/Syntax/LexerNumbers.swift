import BigInt

/// Numeric literals: decimal, hex, octal and binary integers (with `_` separators), floats with fractions and
/// exponents. Imaginary literals are valid Python that MiniPy rejects.
extension Lexer {
    mutating func scanNumber() throws(SourceError) -> Token {
        let start = pos
        let loc = here
        if peek() == "0", let radix = Lexer.radixPrefix(peek(1)) {
            pos += 2
            let digits = try scanDigits(radix: radix, allowLeadingUnderscore: true)
            if peek().isASCIIDigit {
                throw error("invalid digit '\(Character(peek()))' in \(Lexer.radixName(radix)) literal", here)
            }
            if digits.isEmpty || (peek().isIdentifierContinue && !peek().isASCIIDigit) {
                throw error("invalid \(Lexer.radixName(radix)) literal", location(at: pos - 1))
            }
            return Token(.integer(Lexer.integerConstant(digits, radix: radix)), loc)
        }
        var text = try scanDigits(radix: 10, allowLeadingUnderscore: false)
        var isFloat = false
        if peek() == "." {
            isFloat = true
            pos += 1
            text += "."
            if peek().isASCIIDigit { text += try scanDigits(radix: 10, allowLeadingUnderscore: false) }
        }
        if peek() == "e" || peek() == "E" {
            let sign = peek(1)
            let digitsAt = (sign == "+" || sign == "-") ? 2 : 1
            if peek(digitsAt).isASCIIDigit {
                isFloat = true
                text += "e" + (digitsAt == 2 ? String(Character(sign)) : "")
                pos += digitsAt
                text += try scanDigits(radix: 10, allowLeadingUnderscore: false)
            } else {
                throw error("invalid decimal literal", loc)
            }
        }
        if peek() == "j" || peek() == "J" {
            throw error("complex literals are not supported by MiniPy", loc, kind: .unsupported)
        }
        if peek().isIdentifierContinue, !startsKeyword() {
            throw error("invalid decimal literal", location(at: isFloat ? pos : start))
        }
        if isFloat {
            return Token(.float(Double(text) ?? .infinity), loc)
        }
        if text.count > 1 && text.first == "0" && text.contains(where: { $0 != "0" }) {
            throw error("leading zeros in decimal integer literals are not permitted; "
                        + "use an 0o prefix for octal integers", loc)
        }
        return Token(.integer(Lexer.integerConstant(text, radix: 10)), loc)
    }

    /// Digits of `radix` with single `_` separators between them (the underscores are dropped).
    private mutating func scanDigits(radix: Int, allowLeadingUnderscore: Bool) throws(SourceError) -> String {
        var digits = String.UnicodeScalarView()
        var allowUnderscore = allowLeadingUnderscore
        while !atEnd {
            let c = peek()
            if Lexer.isDigit(c, radix: radix) {
                digits.append(c)
                allowUnderscore = true
                pos += 1
            } else if c == "_" {
                guard allowUnderscore, Lexer.isDigit(peek(1), radix: radix) else {
                    throw error("invalid \(Lexer.radixName(radix)) literal", here)
                }
                pos += 1
                allowUnderscore = false
            } else {
                break
            }
        }
        return String(digits)
    }

    /// Whether a keyword starts right here (CPython accepts `1if x else 2`).
    private func startsKeyword() -> Bool {
        for k in ["if", "else", "and", "or", "in", "is", "not", "for"] {
            var matches = true
            for (i, ch) in k.unicodeScalars.enumerated() where peek(i) != ch { matches = false; break }
            if matches && !peek(k.count).isIdentifierContinue { return true }
        }
        return false
    }

    private static func radixPrefix(_ c: Unicode.Scalar) -> Int? {
        switch c {
        case "x", "X": 16
        case "o", "O": 8
        case "b", "B": 2
        default: nil
        }
    }

    private static func radixName(_ radix: Int) -> String {
        switch radix {
        case 16: "hexadecimal"
        case 8: "octal"
        case 2: "binary"
        default: "decimal"
        }
    }

    private static func isDigit(_ c: Unicode.Scalar, radix: Int) -> Bool {
        switch radix {
        case 16: c.isASCIIHexDigit
        case 10: c.isASCIIDigit
        default: c.value >= 48 && c.value < 48 + UInt32(radix)
        }
    }

    /// `.int` when the value fits, else `.bigInt`.
    static func integerConstant(_ digits: String, radix: Int) -> Constant {
        if let v = Int(digits, radix: radix) { return .int(v) }
        return .bigInt(BigInt(digits, radix: radix) ?? 0)
    }
}
