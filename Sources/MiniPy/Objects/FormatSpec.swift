import BigInt

/// `format(v, spec)` for an int (`bool` too: pass `typeName: "bool"` and its 0/1 value; an empty
/// spec on a bool must give `str(v)`, which the runtime handles). Supports fill/align, sign,
/// `#`, `0`, width, `,`/`_` grouping and types `b c d o x X n` (none = `d`); float types
/// `e E f F g G %` convert the int to float first.
public func pyFormatInt(_ v: BigInt, spec: String, typeName: String = "int") throws(NumberError) -> String {
    if spec.isEmpty { return try pyIntToString(v) }
    return try formatInteger(.big(v), spec: spec, typeName: typeName)
}

/// `format(v, spec)` for a machine int; same semantics as the `BigInt` overload.
public func pyFormatInt(_ v: Int, spec: String, typeName: String = "int") throws(NumberError) -> String {
    if spec.isEmpty { return String(v) }
    return try formatInteger(.small(v), spec: spec, typeName: typeName)
}

/// `format(v, spec)` for a float: types `e E f F g G n %` and none (like `repr` without a
/// precision, else like `g` but always with a digit after the point); also the `z` option.
public func pyFormatFloat(_ v: Double, spec: String) throws(NumberError) -> String {
    if spec.isEmpty { return pyFloatRepr(v) }
    let f = try FormatSpec(parsing: spec, typeName: "float", defaultType: nil, defaultAlign: ">")
    switch f.type {
    case nil, "e", "E", "f", "F", "g", "G", "n", "%": return try formatDouble(v, f)
    case let t?: throw unknownFormatCode(t, "float")
    }
}

/// `format(s, spec)` for a str: fill/align (not `=`), width and precision (truncation), type `s`.
/// Widths count Unicode code points, as CPython does.
public func pyFormatStr(_ s: String, spec: String) throws(NumberError) -> String {
    if spec.isEmpty { return s }
    let f = try FormatSpec(parsing: spec, typeName: "str", defaultType: "s", defaultAlign: "<")
    if let t = f.type, t != "s" { throw unknownFormatCode(t, "str") }
    if let sign = f.sign {
        throw .valueError(sign == " " ? "Space not allowed in string format specifier"
                                      : "Sign not allowed in string format specifier")
    }
    if f.noNegativeZero { throw .valueError("Negative zero coercion (z) not allowed in string format specifier") }
    if f.alternate { throw .valueError("Alternate form (#) not allowed in string format specifier") }
    if f.align == "=" { throw .valueError("'=' alignment not allowed in string format specifier") }
    var scalars = Substring(s).unicodeScalars
    let count = scalars.count
    if (f.width < 0 || f.width <= count) && (f.precision < 0 || f.precision >= count) { return s }
    if f.precision >= 0 && count >= f.precision { scalars = scalars.prefix(f.precision) }
    let padding = max(f.width - scalars.count, 0)
    let left = f.align == ">" ? padding : (f.align == "^" ? padding / 2 : 0)
    var out = String()
    out.unicodeScalars.append(contentsOf: repeatElement(f.fill, count: left))
    out.unicodeScalars.append(contentsOf: scalars)
    out.unicodeScalars.append(contentsOf: repeatElement(f.fill, count: padding - left))
    return out
}

/// A parsed standard format specifier:
/// `[[fill]align][sign][z][#][0][width][,|_][.precision][type]`.
struct FormatSpec {
    var fill: Unicode.Scalar = " "
    var align: Unicode.Scalar
    var sign: Unicode.Scalar?
    var noNegativeZero = false
    var alternate = false
    /// -1 when absent.
    var width = -1
    /// `","` or `"_"`, when grouping was requested.
    var separator: Unicode.Scalar?
    /// Digits per group: 3, or 4 for `_` with `b o x X`.
    var groupSize = 3
    /// -1 when absent.
    var precision = -1
    /// The presentation type; `nil` for a float without one.
    var type: Unicode.Scalar?

    /// CPython's `parse_internal_render_format_spec`, with its error messages.
    init(parsing spec: String, typeName: String, defaultType: Unicode.Scalar?,
         defaultAlign: Unicode.Scalar) throws(NumberError) {
        let s = Array(spec.unicodeScalars)
        let end = s.count
        var pos = 0
        align = defaultAlign
        type = defaultType
        func isAlign(_ c: Unicode.Scalar) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
        func integer() throws(NumberError) -> Int? {
            var value = 0, consumed = 0
            while pos < end, let d = decimalDigitValue(s[pos]) {
                if value > (Int.max - d) / 10 {
                    throw .valueError("Too many decimal digits in format string")
                }
                value = value * 10 + d
                pos += 1
                consumed += 1
            }
            return consumed == 0 ? nil : value
        }
        var fillSpecified = false, alignSpecified = false
        if end - pos >= 2 && isAlign(s[pos + 1]) {
            align = s[pos + 1]
            fill = s[pos]
            fillSpecified = true
            alignSpecified = true
            pos += 2
        } else if end - pos >= 1 && isAlign(s[pos]) {
            align = s[pos]
            alignSpecified = true
            pos += 1
        }
        if pos < end && (s[pos] == "+" || s[pos] == "-" || s[pos] == " ") {
            sign = s[pos]
            pos += 1
        }
        if pos < end && s[pos] == "z" {
            noNegativeZero = true
            pos += 1
        }
        if pos < end && s[pos] == "#" {
            alternate = true
            pos += 1
        }
        if !fillSpecified && pos < end && s[pos] == "0" {
            fill = "0"
            if !alignSpecified && defaultAlign == ">" { align = "=" }
            pos += 1
        }
        width = try integer() ?? -1
        if pos < end && s[pos] == "," {
            separator = ","
            pos += 1
        }
        if pos < end && s[pos] == "_" {
            if separator != nil { throw .valueError("Cannot specify both ',' and '_'.") }
            separator = "_"
            pos += 1
        }
        if pos < end && s[pos] == "," && separator == "_" {
            throw .valueError("Cannot specify both ',' and '_'.")
        }
        if pos < end && s[pos] == "." {
            pos += 1
            guard let p = try integer() else { throw .valueError("Format specifier missing precision") }
            precision = p
        }
        if end - pos > 1 {
            throw .valueError("Invalid format specifier '\(spec)' for object of type '\(typeName)'")
        }
        if end - pos == 1 { type = s[pos] }
        if let sep = separator {
            switch type {
            case nil, "d", "e", "f", "g", "E", "G", "%", "F":
                break
            case let t? where sep == "_" && (t == "b" || t == "o" || t == "x" || t == "X"):
                groupSize = 4
            case let t?:
                let shown = t.value > 32 && t.value < 128 ? "\(t)" : "\\x\(String(t.value, radix: 16))"
                throw .valueError("Cannot specify '\(sep)' with '\(shown)'.")
            }
        }
    }
}

/// Value of a Unicode decimal digit (`Py_UNICODE_TODECIMAL`), or nil.
func decimalDigitValue(_ c: Unicode.Scalar) -> Int? {
    if c.value < 128 {
        return c >= "0" && c <= "9" ? Int(c.value - 48) : nil
    }
    guard c.properties.numericType == .decimal, let v = c.properties.numericValue else { return nil }
    return Int(v)
}

/// CPython's `unknown_presentation_type` error.
func unknownFormatCode(_ t: Unicode.Scalar, _ typeName: String) -> NumberError {
    let shown = t.value > 32 && t.value < 128 ? "\(t)" : "\\x\(String(t.value, radix: 16))"
    return .valueError("Unknown format code '\(shown)' for object of type '\(typeName)'")
}

/// An int operand of the formatters, keeping machine ints off the BigInt path.
enum IntOperand {
    case small(Int)
    case big(BigInt)

    var isNegative: Bool {
        switch self {
        case .small(let v): return v < 0
        case .big(let v): return MiniPy.isNegative(v)
        }
    }

    /// Digits of `|v|` in `radix` (decimal subject to the int_max_str_digits limit).
    func magnitudeDigits(radix: Int, uppercase: Bool) throws(NumberError) -> String {
        switch self {
        case .small(let v):
            return String(v.magnitude, radix: radix, uppercase: uppercase)
        case .big(let v):
            if radix == 10 { return try decimalString(v.magnitude, maxStrDigits: pyDefaultMaxStrDigits) }
            return String(v.magnitude, radix: radix, uppercase: uppercase)
        }
    }

    var asInt: Int? {
        switch self {
        case .small(let v): return v
        case .big(let v): return Int(exactly: v)
        }
    }

    func toDouble() throws(NumberError) -> Double {
        switch self {
        case .small(let v): return Double(v)
        case .big(let v): return try pyIntToDouble(v)
        }
    }
}

/// The Unicode scalar for a code point already checked to be in `0..<0x110000`.
/// Swift strings cannot hold lone surrogates, which CPython allows.
func scalarForCodePoint(_ cp: Int) throws(NumberError) -> Unicode.Scalar {
    guard let scalar = Unicode.Scalar(UInt32(cp)) else {
        throw .valueError("MiniPy strings cannot contain surrogate code points")
    }
    return scalar
}

/// CPython's `format_long_internal` (plus the int → float dispatch of `long.__format__`).
private func formatInteger(_ v: IntOperand, spec: String, typeName: String) throws(NumberError) -> String {
    let f = try FormatSpec(parsing: spec, typeName: typeName, defaultType: "d", defaultAlign: ">")
    let type = f.type!
    switch type {
    case "b", "c", "d", "o", "x", "X", "n":
        break
    case "e", "E", "f", "F", "g", "G", "%":
        return try formatDouble(try v.toDouble(), f)
    default:
        throw unknownFormatCode(type, typeName)
    }
    if f.precision >= 0 { throw .valueError("Precision not allowed in integer format specifier") }
    if f.noNegativeZero {
        throw .valueError("Negative zero coercion (z) not allowed in integer format specifier")
    }
    if type == "c" {
        if f.sign != nil { throw .valueError("Sign not allowed with integer format specifier 'c'") }
        if f.alternate { throw .valueError("Alternate form (#) not allowed with integer format specifier 'c'") }
        guard let cp = v.asInt else { throw .overflowError("Python int too large to convert to C long") }
        guard cp >= 0 && cp <= 0x10FFFF else { throw .overflowError("%c arg not in range(0x110000)") }
        let char = String(try scalarForCodePoint(cp))
        return renderNumber(negative: false, prefix: "", digits: [], hasDecimal: false,
                            remainder: char, f, grouped: false)
    }
    let radix: Int
    switch type {
    case "b": radix = 2
    case "o": radix = 8
    case "x", "X": radix = 16
    default: radix = 10
    }
    let prefix = f.alternate && radix != 10 ? "0" + String(type == "b" ? "b" : type == "o" ? "o" : type) : ""
    let digits = try v.magnitudeDigits(radix: radix, uppercase: type == "X")
    return renderNumber(negative: v.isNegative, prefix: prefix, digits: Array(digits.utf8),
                        hasDecimal: false, remainder: "", f, grouped: type != "n")
}

/// CPython's `format_float_internal`.
func formatDouble(_ v: Double, _ f: FormatSpec) throws(NumberError) -> String {
    if f.precision > Int(Int32.max) { throw .valueError("precision too big") }
    var flags: DoubleFormatFlags = []
    if f.alternate { flags.insert(.alternate) }
    if f.noNegativeZero { flags.insert(.noNegativeZero) }
    var type = f.type ?? "r"
    var defaultPrecision = 6
    var value = v
    if f.type == nil {
        flags.insert(.addDot0)
        defaultPrecision = 0
    }
    if type == "n" { type = "g" }
    let percent = type == "%"
    if percent {
        type = "f"
        value *= 100
    }
    var precision = f.precision
    if precision < 0 {
        precision = defaultPrecision
    } else if type == "r" {
        type = "g"
    }
    var text = doubleToString(value, code: UInt8(type.value), precision: precision, flags: flags)
    if percent { text += "%" }
    if f.width < 0 && f.separator == nil && f.sign != "+" && f.sign != " " { return text }
    let bytes = Array(text.utf8)
    let negative = bytes.first == UInt8(ascii: "-")
    var i = negative ? 1 : 0
    let digitStart = i
    while i < bytes.count && bytes[i] >= UInt8(ascii: "0") && bytes[i] <= UInt8(ascii: "9") { i += 1 }
    let digits = Array(bytes[digitStart..<i])
    let hasDecimal = i < bytes.count && bytes[i] == UInt8(ascii: ".")
    if hasDecimal { i += 1 }
    return renderNumber(negative: negative, prefix: "", digits: digits, hasDecimal: hasDecimal,
                        remainder: String(decoding: bytes[i...], as: UTF8.self), f,
                        grouped: f.type != "n")
}

/// CPython's `calc_number_widths` + `fill_number`: lays out
/// `[lpad][sign][prefix][spad][grouped digits][.][remainder][rpad]`.
private func renderNumber(negative: Bool, prefix: String, digits: [UInt8], hasDecimal: Bool,
                          remainder: String, _ f: FormatSpec, grouped: Bool) -> String {
    if f.width < 0 && (!grouped || f.separator == nil) && f.sign != "+" && f.sign != " " {
        var out = negative ? "-" : ""
        out += prefix
        out += String(decoding: digits, as: UTF8.self)
        if hasDecimal { out += "." }
        return out + remainder
    }
    var sign: Unicode.Scalar?
    switch f.sign {
    case "+": sign = negative ? "-" : "+"
    case " ": sign = negative ? "-" : " "
    default: sign = negative ? "-" : nil
    }
    let nonDigits = (sign == nil ? 0 : 1) + prefix.utf8.count + (hasDecimal ? 1 : 0)
        + remainder.unicodeScalars.count
    let minWidth = f.fill == "0" && f.align == "=" ? f.width - nonDigits : 0
    let separator = grouped ? f.separator : nil
    let body = digits.isEmpty ? [] : groupDigits(digits, minWidth: minWidth,
                                                 separator: separator.map { UInt8($0.value) },
                                                 groupSize: f.groupSize)
    let padding = f.width - (nonDigits + body.count)
    var left = 0, middle = 0, right = 0
    if padding > 0 {
        switch f.align {
        case "<": right = padding
        case "^":
            left = padding / 2
            right = padding - left
        case "=": middle = padding
        default: left = padding
        }
    }
    let fill = Array(String(f.fill).utf8)
    var out: [UInt8] = []
    out.reserveCapacity(max(f.width, 0) * fill.count + body.count + prefix.utf8.count + remainder.utf8.count + 2)
    func pad(_ n: Int) { for _ in 0..<n { out.append(contentsOf: fill) } }
    pad(left)
    if let sign { out.append(UInt8(sign.value)) }
    out.append(contentsOf: prefix.utf8)
    pad(middle)
    out.append(contentsOf: body)
    if hasDecimal { out.append(UInt8(ascii: ".")) }
    out.append(contentsOf: remainder.utf8)
    pad(right)
    return String(decoding: out, as: UTF8.self)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: inserts separators every `groupSize`
/// digits and left-pads with zeros (also grouped) up to `minWidth` characters.
private func groupDigits(_ digits: [UInt8], minWidth: Int, separator: UInt8?, groupSize: Int) -> [UInt8] {
    var reversed: [UInt8] = []
    reversed.reserveCapacity(max(digits.count, minWidth) * 4 / 3 + 1)
    var remaining = digits.count
    var minWidth = minWidth
    var useSeparator = false
    func emit(_ l: Int) -> Int {
        let zeros = max(0, l - remaining), chars = max(0, min(remaining, l))
        if useSeparator, let separator { reversed.append(separator) }
        for k in 0..<chars { reversed.append(digits[remaining - 1 - k]) }
        reversed.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: zeros))
        return chars
    }
    if separator != nil {
        while true {
            let l = min(groupSize, max(remaining, minWidth, 1))
            remaining -= emit(l)
            useSeparator = true
            minWidth -= l
            if remaining <= 0 && minWidth <= 0 { return reversed.reversed() }
            minWidth -= 1
        }
    }
    _ = emit(max(remaining, minWidth, 1))
    return reversed.reversed()
}
