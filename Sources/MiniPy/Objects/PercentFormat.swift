import BigInt

/// An already-converted operand of a `%` conversion. The runtime computes `str()`, `repr()` or
/// `ascii()` itself for `%s`, `%r`, `%a` and passes `.str`; ints (and bools as 0/1) pass `.int`.
public enum PercentArg: Equatable, Sendable {
    case int(BigInt)
    case float(Double)
    case str(String)
}

/// printf-style `str % args` formatting (CPython's `PyUnicode_Format`).
///
/// Runtime protocol, per `.conversion` piece and in order (this reproduces CPython's error order):
/// 1. if `key != nil`, the args must be a mapping (else `TypeError: format requires a mapping`);
///    fetch the value by key;
/// 2. for `widthFromArgument` / `precisionFromArgument`, fetch the next arg (it must be an int,
///    else `TypeError: * wants int`) and call `resolvingStars(width:precision:)`;
/// 3. fetch the value (`TypeError: not enough arguments for format string` when exhausted);
/// 4. call `requiredKind(for:)` (throws for an unsupported type character), convert the value
///    accordingly (or throw `mismatchError(for:typeName:)`) and call `format(_:_:)`.
/// After all pieces, leftover positional args raise
/// `TypeError: not all arguments converted during string formatting`.
public enum PercentFormat {
    /// Conversion flags `-`, `+`, space, `#`, `0`.
    public struct Flags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let leftAdjust = Flags(rawValue: 1)
        public static let sign = Flags(rawValue: 2)
        public static let blank = Flags(rawValue: 4)
        public static let alternate = Flags(rawValue: 8)
        public static let zeroPad = Flags(rawValue: 16)
    }

    /// One `%[(key)][flags][width][.precision][hlL]type` conversion.
    public struct Conversion: Equatable, Hashable, Sendable {
        /// The mapping key of `%(key)s`.
        public var key: String?
        public var flags: Flags
        /// Minimum width, or nil; meaningless while `widthFromArgument` is set.
        public var width: Int?
        /// Width is `*`: taken from the next argument.
        public var widthFromArgument: Bool
        /// Precision, or nil (`%.f` has precision 0).
        public var precision: Int?
        /// Precision is `*`: taken from the next argument.
        public var precisionFromArgument: Bool
        /// The type character (not validated: see `requiredKind(for:)`).
        public var type: Unicode.Scalar
        /// Code-point index of `type` in the format string, for error messages.
        public var typeIndex: Int

        /// Applies `*` arguments as CPython does: a negative width left-adjusts, a negative
        /// precision becomes 0.
        public func resolvingStars(width w: BigInt?, precision p: BigInt?) throws(NumberError) -> Conversion {
            var c = self
            if widthFromArgument, let w {
                guard let value = Int(exactly: w) else {
                    throw .overflowError("Python int too large to convert to C ssize_t")
                }
                if value < 0 { c.flags.insert(.leftAdjust) }
                c.width = value == .min ? value : abs(value)
                c.widthFromArgument = false
            }
            if precisionFromArgument, let p {
                guard let value = Int32(exactly: p) else {
                    throw .overflowError("Python int too large to convert to C int")
                }
                c.precision = max(Int(value), 0)
                c.precisionFromArgument = false
            }
            return c
        }
    }

    /// A piece of a parsed format string.
    public enum Piece: Equatable, Sendable {
        /// Literal text (`%%` already turned into `%`).
        case literal(String)
        case conversion(Conversion)
        /// A malformed conversion (only with `deferErrors`): always the last piece; the runtime
        /// raises it when formatting reaches it, as CPython does.
        case malformed(NumberError)
    }

    /// What a conversion needs from its argument.
    public enum ArgumentKind: Equatable, Sendable {
        /// `%o %x %X`: an int (`__index__`); a float is a `TypeError`.
        case integer
        /// `%d %i %u`: an int, or a float truncated by `int()`.
        case realToInteger
        /// `%e %E %f %F %g %G`: a float, or an int converted by `float()`.
        case real
        /// `%c`: an int code point or a one-character str.
        case character
        /// `%s`: `str(value)`.
        case string
        /// `%r`: `repr(value)`.
        case repr
        /// `%a`: `ascii(value)`.
        case ascii
    }

    /// Parses a format string. Throws the first malformed conversion's error (`incomplete
    /// format`, `incomplete format key`, `width too big`, `precision too big`), or, with
    /// `deferErrors`, returns it as a trailing `.malformed` piece so the runtime can raise
    /// argument errors of earlier conversions first, like CPython.
    public static func parse(_ fmt: String, deferErrors: Bool = false) throws(NumberError) -> [Piece] {
        let s = Array(fmt.unicodeScalars)
        var pieces: [Piece] = []
        var literal = String.UnicodeScalarView()
        func flush() {
            if !literal.isEmpty {
                pieces.append(.literal(String(literal)))
                literal = String.UnicodeScalarView()
            }
        }
        var i = 0
        while i < s.count {
            if s[i] != "%" {
                literal.append(s[i])
                i += 1
            } else if i + 1 < s.count && s[i + 1] == "%" {
                literal.append("%")
                i += 2
            } else {
                do {
                    let (conversion, next) = try parseConversion(s, from: i + 1)
                    flush()
                    pieces.append(.conversion(conversion))
                    i = next
                } catch {
                    if !deferErrors { throw error }
                    flush()
                    pieces.append(.malformed(error))
                    return pieces
                }
            }
        }
        flush()
        return pieces
    }

    /// Port of CPython's `unicode_format_arg_parse` (`cnt` mirrors its `fmtcnt`).
    private static func parseConversion(_ s: [Unicode.Scalar], from start: Int) throws(NumberError) -> (Conversion, Int) {
        var pos = start
        var cnt = s.count - pos
        var ch: Unicode.Scalar = pos < s.count ? s[pos] : "\0"
        var c = Conversion(key: nil, flags: [], width: nil, widthFromArgument: false, precision: nil,
                           precisionFromArgument: false, type: "\0", typeIndex: 0)
        func next() -> Bool {
            cnt -= 1
            guard cnt >= 0 else { return false }
            ch = s[pos]
            pos += 1
            return true
        }
        func number(_ limit: Int, _ message: String) throws(NumberError) -> Int {
            var value = Int(ch.value) - 48
            while next() {
                guard ch >= "0" && ch <= "9" else { break }
                let d = Int(ch.value) - 48
                if value > (limit - d) / 10 { throw .valueError(message) }
                value = value * 10 + d
            }
            return value
        }
        if ch == "(" {
            pos += 1
            cnt -= 1
            let keyStart = pos
            var depth = 1
            while depth > 0 && next() {
                if ch == ")" { depth -= 1 } else if ch == "(" { depth += 1 }
            }
            if cnt < 0 || depth > 0 { throw .valueError("incomplete format key") }
            var key = String.UnicodeScalarView()
            key.append(contentsOf: s[keyStart..<(pos - 1)])
            c.key = String(key)
        }
        flags: while next() {
            switch ch {
            case "-": c.flags.insert(.leftAdjust)
            case "+": c.flags.insert(.sign)
            case " ": c.flags.insert(.blank)
            case "#": c.flags.insert(.alternate)
            case "0": c.flags.insert(.zeroPad)
            default: break flags
            }
        }
        if ch == "*" {
            c.widthFromArgument = true
            _ = next()
        } else if ch >= "0" && ch <= "9" {
            c.width = try number(Int.max, "width too big")
        }
        if ch == "." {
            c.precision = 0
            _ = next()
            if ch == "*" {
                c.precisionFromArgument = true
                _ = next()
            } else if ch >= "0" && ch <= "9" {
                c.precision = try number(Int(Int32.max), "precision too big")
            }
        }
        if cnt >= 0 && (ch == "h" || ch == "l" || ch == "L") { _ = next() }
        if cnt < 0 { throw .valueError("incomplete format") }
        c.type = ch
        c.typeIndex = pos - 1
        return (c, pos)
    }

    /// The kind of argument `conversion` needs; throws CPython's
    /// `unsupported format character '?' (0x..) at index N` for an unknown type character.
    public static func requiredKind(for conversion: Conversion) throws(NumberError) -> ArgumentKind {
        switch conversion.type {
        case "s": return .string
        case "r": return .repr
        case "a": return .ascii
        case "d", "i", "u": return .realToInteger
        case "o", "x", "X": return .integer
        case "e", "E", "f", "F", "g", "G": return .real
        case "c": return .character
        default:
            let v = conversion.type.value
            let shown = (31...126).contains(v) ? String(conversion.type) : "?"
            throw .valueError("unsupported format character '\(shown)' (0x\(String(v, radix: 16))) at index \(conversion.typeIndex)")
        }
    }

    /// CPython's `TypeError` for an argument of Python type `typeName` that `conversion`
    /// cannot take (e.g. `%d format: a real number is required, not str`); nil for `%s %r %a`,
    /// which take anything.
    public static func mismatchError(for conversion: Conversion, typeName: String) throws(NumberError) -> NumberError? {
        switch try requiredKind(for: conversion) {
        case .integer: return .typeError("%\(conversion.type) format: an integer is required, not \(typeName)")
        case .realToInteger: return .typeError("%\(conversion.type) format: a real number is required, not \(typeName)")
        case .real: return .typeError("must be real number, not \(typeName)")
        case .character: return .typeError("%c requires int or char")
        case .string, .repr, .ascii: return nil
        }
    }

    /// Formats one value (after `resolvingStars`). `.int` and `.float` are accepted by `%s %r %a`
    /// too (formatted as `str`, which equals `repr` for them).
    public static func format(_ spec: Conversion, _ value: PercentArg) throws(NumberError) -> String {
        let kind = try requiredKind(for: spec)
        let text: String
        var numeric = true
        switch (kind, value) {
        case (.string, _), (.repr, _), (.ascii, _):
            numeric = false
            switch value {
            case .str(let s): text = s
            case .int(let v): text = try pyIntToString(v)
            case .float(let d): text = pyFloatRepr(d)
            }
        case (.realToInteger, .int(let v)), (.integer, .int(let v)):
            text = try formatLong(v, spec)
        case (.realToInteger, .float(let d)):
            text = try formatLong(try pyTrunc(d), spec)
        case (.real, .float(let d)):
            text = formatFloat(d, spec)
        case (.real, .int(let v)):
            text = formatFloat(try pyIntToDouble(v), spec)
        case (.character, .int(let v)):
            guard let cp = Int(exactly: v), cp >= 0 && cp <= 0x10FFFF else {
                throw .overflowError("%c arg not in range(0x110000)")
            }
            numeric = false
            text = String(try scalarForCodePoint(cp))
        case (.character, .str(let s)) where s.unicodeScalars.count == 1:
            numeric = false
            text = s
        case (_, .float):
            throw try mismatchError(for: spec, typeName: "float")!
        default:
            throw try mismatchError(for: spec, typeName: "str")!
        }
        return pad(text, spec, numeric: numeric)
    }

    /// CPython's `_PyUnicode_FormatLong`: sign, `0x`/`0o` prefix when `#`, zero-extension to
    /// the precision, upper case for `X`.
    private static func formatLong(_ v: BigInt, _ spec: Conversion) throws(NumberError) -> String {
        let radix: Int
        switch spec.type {
        case "o": radix = 8
        case "x", "X": radix = 16
        default: radix = 10
        }
        let digits = radix == 10 ? try decimalString(v.magnitude, maxStrDigits: pyDefaultMaxStrDigits)
                                 : String(v.magnitude, radix: radix)
        var out = isNegative(v) ? "-" : ""
        if radix != 10 && spec.flags.contains(.alternate) { out += radix == 8 ? "0o" : "0x" }
        if let p = spec.precision, p > digits.utf8.count {
            out += String(repeating: "0", count: p - digits.utf8.count)
        }
        out += digits
        return spec.type == "X" ? out.uppercased() : out
    }

    private static func formatFloat(_ x: Double, _ spec: Conversion) -> String {
        doubleToString(x, code: UInt8(spec.type.value), precision: spec.precision ?? 6,
                       flags: spec.flags.contains(.alternate) ? .alternate : [])
    }

    /// CPython's `unicode_format_arg_output`: sign, `#` prefix, zero or space padding.
    private static func pad(_ str: String, _ spec: Conversion, numeric: Bool) -> String {
        let flags = spec.flags
        let s = Array(str.unicodeScalars)
        var len = s.count
        var width = spec.width ?? -1
        let precision = spec.precision ?? -1
        if (width == -1 || width <= len) && (precision == -1 || precision >= len)
            && flags.isDisjoint(with: [.sign, .blank]) {
            return str
        }
        let fill: Unicode.Scalar = numeric && flags.contains(.zeroPad) ? "0" : " "
        if spec.type == "s" || spec.type == "r" || spec.type == "a", precision >= 0, len > precision {
            len = precision
        }
        var index = 0
        var sign: Unicode.Scalar?
        if numeric {
            if s[0] == "-" || s[0] == "+" {
                sign = s[0]
                len -= 1
                index += 1
            } else if flags.contains(.sign) {
                sign = "+"
            } else if flags.contains(.blank) {
                sign = " "
            }
        }
        if width < len { width = len }
        var out = String.UnicodeScalarView()
        if let sign {
            if fill != " " { out.append(sign) }
            if width > len { width -= 1 }
        }
        let prefixed = flags.contains(.alternate) && (spec.type == "x" || spec.type == "X" || spec.type == "o")
        if prefixed {
            if fill != " " {
                out.append(contentsOf: s[index..<(index + 2)])
                index += 2
            }
            width = max(width - 2, 0)
            len -= 2
        }
        if width > len && !flags.contains(.leftAdjust) {
            out.append(contentsOf: repeatElement(fill, count: width - len))
            width = len
        }
        if fill == " " {
            if let sign { out.append(sign) }
            if prefixed {
                out.append(contentsOf: s[index..<(index + 2)])
                index += 2
            }
        }
        if len > 0 { out.append(contentsOf: s[index..<(index + len)]) }
        if width > len { out.append(contentsOf: repeatElement(" ", count: width - len)) }
        return String(out)
    }
}
