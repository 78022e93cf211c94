import Meta
import BigInt

/// `fmt % args` for strings (printf-style formatting), following CPython's `PyUnicode_Format`: flags `-+ #0`,
/// width and precision (also `*`), `%(key)s` with a mapping, conversions `d i u o x X e E f F g G c s r a %`.
extension Runtime {
    public func percentFormat(_ format: Ref, _ args: Ref) throws(PyException) -> Ref {
        let isTuple = args.typeID == L.tuple.id
        let isMapping = !isTuple && args.typeID != L.str.id &&
            (args.typeID == L.dict.id || args.typeID == L.list.id || !userMethod(args, "__getitem__").isNull)
        // CPython's bookkeeping: a tuple's items are consumed in turn; any other object is the single argument.
        var argCount = isTuple ? sequenceItems(args).count : -1
        var argIndex = isTuple ? 0 : -2
        func nextArgument() throws(PyException) -> Ref {
            guard argIndex < argCount else { throw typeError("not enough arguments for format string") }
            argIndex += 1
            return argCount < 0 ? args : sequenceItems(args)[argIndex - 1]
        }
        let chars = Array(string(format).unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < chars.count {
            if chars[i] != "%" { out.append(chars[i]); i += 1; continue }
            i += 1
            var mapped: Ref = .null
            if i < chars.count && chars[i] == "(" {
                guard isMapping else { throw typeError("format requires a mapping") }
                var depth = 1
                let start = i + 1
                i += 1
                while i < chars.count && depth > 0 {
                    if chars[i] == "(" { depth += 1 } else if chars[i] == ")" { depth -= 1 }
                    i += 1
                }
                guard depth == 0 else { throw valueError("incomplete format key") }
                var key = String.UnicodeScalarView()
                key.append(contentsOf: chars[start..<(i - 1)])
                mapped = try getItem(args, newStr(String(key)))
                argCount = -1
                argIndex = -2
            }
            var spec = FormatSpec()
            var leftAlign = false
            flags: while i < chars.count {
                switch chars[i] {
                case "-": leftAlign = true
                case "+": spec.sign = "+"
                case " ": if spec.sign == nil { spec.sign = " " }
                case "#": spec.alternate = true
                case "0": spec.zeroPad = true
                default: break flags
                }
                i += 1
            }
            func number() throws(PyException) -> Int? {
                if i < chars.count && chars[i] == "*" {
                    i += 1
                    let v = try nextArgument()
                    guard let n = smallInt(v) else { throw typeError("* wants int") }
                    return n
                }
                var value: Int? = nil
                while i < chars.count, chars[i].value >= 48 && chars[i].value <= 57 {
                    value = (value ?? 0) * 10 + Int(chars[i].value - 48)
                    i += 1
                }
                return value
            }
            if let w = try number() {
                if w < 0 { leftAlign = true }
                spec.width = abs(w)
            }
            if i < chars.count && chars[i] == "." {
                i += 1
                spec.precision = max(try number() ?? 0, 0)
            }
            while i < chars.count && (chars[i] == "h" || chars[i] == "l" || chars[i] == "L") { i += 1 }
            guard i < chars.count else { throw valueError("incomplete format") }
            let conversion = Character(chars[i])
            i += 1
            if conversion == "%" { out.append("%"); continue }
            let value = mapped.isNull ? try nextArgument() : mapped
            if leftAlign { spec.align = "<"; spec.zeroPad = false }
            let text = try percentConvert(value, conversion, spec, at: i - 1)
            out.append(contentsOf: text.unicodeScalars)
        }
        if argIndex < argCount && !isMapping {
            throw typeError("not all arguments converted during string formatting")
        }
        return newStr(String(out))
    }

    /// One `%` conversion of `value`.
    private func percentConvert(_ value: Ref, _ conversion: Character, _ spec: FormatSpec, at index: Int) throws(PyException) -> String {
        var spec = spec
        switch conversion {
        case "s", "r", "a":
            var text = conversion == "s" ? try str(value) : conversion == "r" ? try repr(value) : asciiRepr(try repr(value))
            if let p = spec.precision, text.unicodeScalars.count > p {
                text = String(String.UnicodeScalarView(text.unicodeScalars.prefix(p)))
            }
            return padText(text, spec)
        case "c":
            if let s = value.typeID == L.str.id ? string(value) : nil {
                guard s.unicodeScalars.count == 1 else { throw typeError("%c requires int or char") }
                return padText(s, spec)
            }
            guard isInt(value) else { throw typeError("%c requires int or char") }
            let code = bigValue(value)
            guard code >= 0 && code < 0x110000, let scalar = Unicode.Scalar(UInt32(code)) else {
                throw overflowError("%c arg not in range(0x110000)")
            }
            return padText(String(Character(scalar)), spec)
        case "d", "i", "u", "o", "x", "X":
            let integer = try percentInteger(value, conversion)
            let radix = conversion == "o" ? 8 : conversion == "x" || conversion == "X" ? 16 : 10
            var digits = String(integer.magnitude, radix: radix, uppercase: conversion == "X")
            if let p = spec.precision, digits.count < p { digits = String(repeating: "0", count: p - digits.count) + digits }
            let prefix = spec.alternate && radix != 10 ? "0" + (conversion == "o" ? "o" : String(conversion)) : ""
            let sign = integer < 0 ? "-" : (spec.sign.map(String.init) ?? "")
            return pad(sign: sign, prefix: prefix, body: digits, spec, defaultAlign: ">")
        case "e", "E", "f", "F", "g", "G":
            let d = try doubleArgument(value)
            spec.type = conversion
            if spec.precision == nil { spec.precision = 6 }
            return try formatFloat(d, spec)
        default:
            let code = conversion.unicodeScalars.first!.value
            throw valueError("unsupported format character '\(conversion)' (0x\(String(code, radix: 16))) at index \(index)")
        }
    }

    /// The integer a `%d`/`%x`-style conversion prints: `%d` truncates any real number, `%x`/`%o` need an integer.
    private func percentInteger(_ value: Ref, _ conversion: Character) throws(PyException) -> BigInt {
        if isInt(value) { return bigValue(value) }
        if conversion == "o" || conversion == "x" || conversion == "X" {
            if !userMethod(value, "__index__").isNull { return try bigIndexArgument(value) }
            throw typeError("%\(conversion) format: an integer is required, not \(typeName(value))")
        }
        let toInt = userMethod(value, "__int__")
        if !toInt.isNull { return try bigIndexArgument(callMethod(toInt, value, [])) }
        if value.typeID == L.float.id || !userMethod(value, "__float__").isNull || !userMethod(value, "__index__").isNull {
            return bigValue(try newIntFromDouble(doubleArgument(value).rounded(.towardZero)))
        }
        throw typeError("%\(conversion) format: a real number is required, not \(typeName(value))")
    }

    /// Pads a `%s`/`%c` result (the `0` flag does not apply to text).
    private func padText(_ text: String, _ spec: FormatSpec) -> String {
        var s = spec
        s.zeroPad = false
        return pad(sign: "", prefix: "", body: text, s, defaultAlign: ">")
    }

    /// `ascii()`: a repr with every non-ASCII code point escaped.
    public func asciiRepr(_ repr: String) -> String {
        var out = ""
        for scalar in repr.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += Self.escapeCodePoint(scalar.value) }
        }
        return out
    }
}
