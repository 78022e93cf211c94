/// Python's `repr` of a compile-time constant, as the disassembler shows it.
///
/// Floats go through `floatRepr`, the one place to swap in the runtime's exact Python float repr.
public func constantRepr(_ c: Constant) -> String {
    switch c {
    case .none: "None"
    case .ellipsis: "Ellipsis"
    case .bool(let b): b ? "True" : "False"
    case .int(let i): String(i)
    case .bigInt(let b): String(b)
    case .float(let d): floatRepr(d)
    case .str(let s): stringRepr(s)
    case .tuple(let items):
        items.count == 1 ? "(\(constantRepr(items[0])),)" : "(" + items.map(constantRepr).joined(separator: ", ") + ")"
    case .code(let code): code.description
    }
}

/// A float as Python prints it. For now Swift's shortest round-trip `description`, adjusted to Python's spelling
/// of exponents (`1e-05`, `1e+16`); the runtime may replace this with its exact `float.__repr__`.
public nonisolated(unsafe) var floatRepr: (Double) -> String = { d in
    if d.isNaN { return "nan" }
    if d.isInfinite { return d < 0 ? "-inf" : "inf" }
    let s = d.description
    guard let e = s.firstIndex(of: "e") else { return s }
    var mantissa = String(s[..<e])
    if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
    var exponent = String(s[s.index(after: e)...])
    var sign = "+"
    if exponent.hasPrefix("-") { sign = "-"; exponent.removeFirst() } else if exponent.hasPrefix("+") { exponent.removeFirst() }
    if exponent.count < 2 { exponent = "0" + exponent }
    return mantissa + "e" + sign + exponent
}

/// Python's `repr` of a str: single quotes unless the text contains `'` and no `"`, with `\n`, `\t`, `\\`,
/// non-printable characters escaped.
public func stringRepr(_ s: String) -> String {
    let quote: Unicode.Scalar = s.unicodeScalars.contains("'") && !s.unicodeScalars.contains("\"") ? "\"" : "'"
    var out = String.UnicodeScalarView()
    out.append(quote)
    for c in s.unicodeScalars {
        switch c {
        case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
        case "\n": out.append(contentsOf: "\\n".unicodeScalars)
        case "\r": out.append(contentsOf: "\\r".unicodeScalars)
        case "\t": out.append(contentsOf: "\\t".unicodeScalars)
        case quote: out.append("\\"); out.append(c)
        default:
            if isPrintable(c) {
                out.append(c)
            } else {
                let hex = String(c.value, radix: 16)
                let (prefix, width) = c.value < 0x100 ? ("\\x", 2) : c.value < 0x10000 ? ("\\u", 4) : ("\\U", 8)
                out.append(contentsOf: (prefix + String(repeating: "0", count: width - hex.count) + hex).unicodeScalars)
            }
        }
    }
    out.append(quote)
    return String(out)
}

/// An approximation of Python's `str.isprintable` for one character.
private func isPrintable(_ c: Unicode.Scalar) -> Bool {
    if c.value < 0x20 || c.value == 0x7F { return false }
    if c.isASCII { return true }
    if c.value >= 0x80 && c.value < 0xA0 { return false }
    if c.value == 0xAD { return false }
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
        return false
    case .spaceSeparator:
        return c == " "
    default:
        return true
    }
}
