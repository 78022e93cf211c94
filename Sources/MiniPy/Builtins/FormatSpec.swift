import Meta
import BigInt
#if canImport(Glibc)
import Glibc
#endif

/// A parsed format specification of Python's mini-language:
/// `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`. `%`-formatting builds one too, so that
/// `format()`, f-strings, `str.format` and `%` share one number and string formatter.
public struct FormatSpec {
    public var fill: Character = " "
    public var align: Character? = nil
    public var sign: Character? = nil
    public var coerceNegativeZero = false
    public var alternate = false
    /// The `0` flag before the width (zero padding after the sign).
    public var zeroPad = false
    public var width = 0
    public var grouping: Character? = nil
    public var precision: Int? = nil
    public var type: Character? = nil

    public init() {}

    /// Parses `spec`; `typeName` names the formatted object's type in CPython's error message.
    public init(parsing spec: String, for typeName: String, _ rt: Runtime) throws(PyException) {
        let c = Array(spec)
        var i = 0
        func isAlign(_ ch: Character) -> Bool { ch == "<" || ch == ">" || ch == "^" || ch == "=" }
        if c.count >= 2 && isAlign(c[1]) {
            fill = c[0]; align = c[1]; i = 2
        } else if c.count >= 1 && isAlign(c[0]) {
            align = c[0]; i = 1
        }
        if i < c.count && (c[i] == "+" || c[i] == "-" || c[i] == " ") { sign = c[i]; i += 1 }
        if i < c.count && c[i] == "z" { coerceNegativeZero = true; i += 1 }
        if i < c.count && c[i] == "#" { alternate = true; i += 1 }
        if i < c.count && c[i] == "0" { zeroPad = true; i += 1 }
        func number() throws(PyException) -> Int? {
            var value: Int? = nil
            while i < c.count, let d = c[i].wholeNumberValue, c[i].isASCII {
                let (v, overflow) = (value ?? 0).multipliedReportingOverflow(by: 10)
                if overflow || v > Int(Int32.max) { throw rt.valueError("Too many decimal digits in format string") }
                value = v + d
                i += 1
            }
            return value
        }
        width = try number() ?? 0
        if i < c.count && (c[i] == "," || c[i] == "_") { grouping = c[i]; i += 1 }
        if i < c.count && c[i] == "." {
            i += 1
            guard let p = try number() else { throw rt.valueError("Format specifier missing precision") }
            precision = p
        }
        if i < c.count { type = c[i]; i += 1 }
        if i < c.count { throw rt.valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'") }
    }

    /// The effective fill and alignment: the `0` flag pads with zeros after the sign unless an alignment is given.
    func resolved(defaultAlign: Character) -> (fill: Character, align: Character) {
        var fill = self.fill, align = self.align
        if zeroPad && align == nil && fill == " " {
            fill = "0"
            if defaultAlign == ">" { align = "=" }
        } else if zeroPad && fill == " " && self.align != nil {
            fill = "0"
        }
        return (fill, align ?? defaultAlign)
    }
}

/// The float formatter every float conversion goes through (repr, str, `%`, `format`, `round`). This is the one
/// place to swap for the `num` library's `doubleToString`: `code` is one of `r e E f F g G`, `precision` is
/// ignored for `r`; `alternate` is `#`; `addDotZero` appends `.0` to an integral-looking result (the empty
/// presentation type). Negative values keep their `-`.
public func formatDouble(_ d: Double, code: Character, precision: Int, alternate: Bool = false, addDotZero: Bool = false) -> String {
    let upper = code == "E" || code == "F" || code == "G"
    if d.isNaN { return upper ? "NAN" : "nan" }
    if d.isInfinite { return (d < 0 ? "-" : "") + (upper ? "INF" : "inf") }
    if code == "r" { return shortestRepr(d) }
    let format = "%" + (alternate ? "#" : "") + ".\(precision)" + String(code)
    let n = withVaList([d]) { vsnprintf(nil, 0, format, $0) }
    var buffer = [CChar](repeating: 0, count: Int(n) + 1)
    _ = withVaList([d]) { va in buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, $0.count, format, va) } }
    var s = String(decoding: buffer.prefix(Int(n)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    if addDotZero && !s.contains(".") && !s.contains("e") && !s.contains("E") { s += ".0" }
    return s
}

/// Python's `repr(float)`: the shortest round-tripping digits, fixed notation when the decimal exponent is in
/// -4 ..< 16, otherwise `d.ddde±XX`.
func shortestRepr(_ d: Double) -> String {
    if d == 0 { return d.sign == .minus ? "-0.0" : "0.0" }
    // Swift's description has the shortest round-tripping digits; re-lay them out the way Python does.
    var text = Substring(d.magnitude.description)
    var exponent = 0
    if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
        exponent = Int(text[text.index(after: e)...])!
        text = text[..<e]
    }
    var digits = ""
    var decpt = 0
    var seenPoint = false
    for ch in text {
        if ch == "." { seenPoint = true; continue }
        digits.append(ch)
        if !seenPoint { decpt += 1 }
    }
    decpt += exponent
    while digits.hasPrefix("0") { digits.removeFirst(); decpt -= 1 }
    while digits.hasSuffix("0") { digits.removeLast() }
    let sign = d < 0 ? "-" : ""
    if decpt > -4 && decpt <= 16 {
        if decpt <= 0 { return sign + "0." + String(repeating: "0", count: -decpt) + digits }
        if decpt >= digits.count { return sign + digits + String(repeating: "0", count: decpt - digits.count) + ".0" }
        let cut = digits.index(digits.startIndex, offsetBy: decpt)
        return sign + digits[..<cut] + "." + digits[cut...]
    }
    let e = decpt - 1
    let mantissa = digits.count == 1 ? digits : String(digits.first!) + "." + digits.dropFirst()
    let expDigits = String(abs(e))
    return sign + mantissa + "e" + (e < 0 ? "-" : "+") + (expDigits.count < 2 ? "0" + expDigits : expDigits)
}

extension Runtime {
    /// `format(v, spec)`: the format-spec mini-language for int, bool, float and str; `__format__` of instances;
    /// `str(v)` for anything else when `spec` is empty. The interpreter's FORMAT_VALUE calls this.
    public func formatValue(_ v: Ref, spec: String) throws(PyException) -> String {
        let id = v.typeID
        if id == L.str.id {
            if spec.isEmpty { return string(v) }
            return try formatString(string(v), FormatSpec(parsing: spec, for: "str", self))
        }
        if id == L.bool.id && spec.isEmpty { return try str(v) }
        if isInt(v) {
            if spec.isEmpty { return try str(v) }
            return try formatInteger(bigValue(v), FormatSpec(parsing: spec, for: "int", self), typeName: "int")
        }
        if id == L.float.id {
            if spec.isEmpty { return floatRepr(v.float(L.floatval)) }
            return try formatFloat(v.float(L.floatval), FormatSpec(parsing: spec, for: "float", self))
        }
        let m = userMethod(v, "__format__")
        if !m.isNull {
            let r = try callMethod(m, v, [newStr(spec)])
            guard r.typeID == L.str.id else { throw typeError("__format__ must return a str, not \(typeName(r))") }
            return string(r)
        }
        if spec.isEmpty { return try str(v) }
        throw typeError("unsupported format string passed to \(typeName(v)).__format__")
    }

    /// Pads `body` (preceded by `sign` and `prefix`) to the spec's width.
    func pad(sign: String, prefix: String, body: String, _ spec: FormatSpec, defaultAlign: Character) -> String {
        let (fill, align) = spec.resolved(defaultAlign: defaultAlign)
        let length = sign.unicodeScalars.count + prefix.count + body.unicodeScalars.count
        let padding = max(spec.width - length, 0)
        if padding == 0 { return sign + prefix + body }
        let fills = { (n: Int) in String(repeating: fill, count: n) }
        switch align {
        case "<": return sign + prefix + body + fills(padding)
        case "^": return fills(padding / 2) + sign + prefix + body + fills(padding - padding / 2)
        case "=": return sign + prefix + fills(padding) + body
        default: return fills(padding) + sign + prefix + body
        }
    }

    /// Inserts `separator` every `every` digits from the right of `digits`; with zero padding to `width`, pads
    /// the digits with zeros first so that the grouped result fills the width, as CPython does.
    func group(_ digits: String, _ separator: Character, every: Int, minWidth: Int) -> String {
        var d = Array(digits)
        func grouped() -> String {
            var out: [Character] = []
            for (i, ch) in d.enumerated() {
                if i > 0 && (d.count - i) % every == 0 { out.append(separator) }
                out.append(ch)
            }
            return String(out)
        }
        var result = grouped()
        while result.count < minWidth {
            d.insert("0", at: 0)
            result = grouped()
        }
        return result
    }

    /// The sign string of a number for the spec's sign option.
    private func signString(negative: Bool, _ spec: FormatSpec) -> String {
        if negative { return "-" }
        if spec.sign == "+" { return "+" }
        if spec.sign == " " { return " " }
        return ""
    }

    /// An integer under the mini-language (types `b c d o x X n`, float types convert to float).
    public func formatInteger(_ value: BigInt, _ spec: FormatSpec, typeName: String) throws(PyException) -> String {
        let type = spec.type ?? "d"
        switch type {
        case "e", "E", "f", "F", "g", "G", "%":
            guard let d = Double(exactly: value) ?? Optional(Double(value)), d.isFinite else {
                throw overflowError("int too large to convert to float")
            }
            return try formatFloat(d, spec)
        case "b", "c", "d", "o", "x", "X", "n": break
        default: throw valueError("Unknown format code '\(type)' for object of type '\(typeName)'")
        }
        if spec.precision != nil { throw valueError("Precision not allowed in integer format specifier") }
        if let g = spec.grouping, type != "d" && !(g == "_" && "boxX".contains(type)) {
            throw valueError("Cannot specify '\(g)' with '\(type)'.")
        }
        if type == "c" {
            if spec.sign != nil { throw valueError("Sign not allowed with integer format specifier 'c'") }
            if spec.alternate { throw valueError("Alternate form (#) not allowed with integer format specifier 'c'") }
            guard value >= 0 && value <= 0x10FFFF, let scalar = Unicode.Scalar(UInt32(value)) else {
                throw overflowError("%c arg not in range(0x110000)")
            }
            return pad(sign: "", prefix: "", body: String(Character(scalar)), spec, defaultAlign: ">")
        }
        let radix = type == "b" ? 2 : type == "o" ? 8 : (type == "x" || type == "X") ? 16 : 10
        var digits = String(value.magnitude, radix: radix, uppercase: type == "X")
        let sign = signString(negative: value < 0, spec)
        let prefix = spec.alternate && radix != 10 ? "0" + (type == "X" ? "X" : type == "x" ? "x" : type == "o" ? "o" : "b") : ""
        if let g = spec.grouping {
            let (fill, align) = spec.resolved(defaultAlign: ">")
            let minWidth = fill == "0" && align == "=" ? spec.width - sign.count - prefix.count : 0
            digits = group(digits, g, every: radix == 10 ? 3 : 4, minWidth: minWidth)
        }
        return pad(sign: sign, prefix: prefix, body: digits, spec, defaultAlign: ">")
    }

    /// A float under the mini-language (types `e E f F g G n %` and none).
    public func formatFloat(_ value: Double, _ spec: FormatSpec) throws(PyException) -> String {
        var type = spec.type
        var precision = spec.precision
        var addDotZero = false
        var suffix = ""
        var x = value
        switch type {
        case nil:
            if precision == nil { type = "r" } else { type = "g"; addDotZero = true }
        case "n": type = "g"
        case "%": type = "f"; x *= 100; suffix = "%"
        case "e", "E", "f", "F", "g", "G": break
        default: throw valueError("Unknown format code '\(type!)' for object of type 'float'")
        }
        if type != "r" && precision == nil { precision = 6 }
        if (type == "g" || type == "G") && precision == 0 { precision = 1 }
        if let g = spec.grouping, spec.type == "n" { throw valueError("Cannot specify '\(g)' with 'n'.") }
        var text = formatDouble(x, code: type!, precision: precision ?? 0, alternate: spec.alternate, addDotZero: addDotZero)
        var negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        if negative && spec.coerceNegativeZero && text.allSatisfy({ $0 == "0" || $0 == "." || $0 == "e" || $0 == "+" || $0 == "-" }) {
            negative = false
        }
        text += suffix
        let sign = signString(negative: negative, spec)
        if let g = spec.grouping, x.isFinite {
            let end = text.firstIndex(where: { !$0.isNumber }) ?? text.endIndex
            let (fill, align) = spec.resolved(defaultAlign: ">")
            let rest = String(text[end...])
            let minWidth = fill == "0" && align == "=" ? spec.width - sign.count - rest.count : 0
            text = group(String(text[..<end]), g, every: 3, minWidth: minWidth) + rest
        }
        return pad(sign: sign, prefix: "", body: text, spec, defaultAlign: ">")
    }

    /// A string under the mini-language (type `s` or none; precision truncates).
    public func formatString(_ value: String, _ spec: FormatSpec) throws(PyException) -> String {
        if let t = spec.type, t != "s" { throw valueError("Unknown format code '\(t)' for object of type 'str'") }
        if spec.sign != nil { throw valueError("Sign not allowed in string format specifier") }
        if spec.alternate { throw valueError("Alternate form (#) not allowed in string format specifier") }
        if let g = spec.grouping { throw valueError("Cannot specify '\(g)' with 's'.") }
        if spec.align == "=" { throw valueError("'=' alignment not allowed in string format specifier") }
        var body = value
        if let p = spec.precision, value.unicodeScalars.count > p {
            body = String(String.UnicodeScalarView(value.unicodeScalars.prefix(p)))
        }
        return pad(sign: "", prefix: "", body: body, spec, defaultAlign: "<")
    }
}
