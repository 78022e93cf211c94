import BigInt

/// `repr(x)` (equal to `str(x)`) for a Python float: the shortest digit string that
/// round-trips, in fixed notation for decimal exponents -4 ..< 16 (with a trailing `.0` for
/// integral values) and in exponent notation (`1e+16`, `1e-05`) otherwise; `inf`, `-inf`, `nan`.
public func pyFloatRepr(_ x: Double) -> String {
    if x.isFinite {
        // Swift prints the same shortest digits; its fixed notation (used below 2**53, with a
        // `.0` for integral values) matches Python's whenever Python is fixed too (x >= 1e-4).
        let text = x.description
        var fixed = true, zeros = 0, afterPoint = false, leading = true
        for c in text.utf8 {
            switch c {
            case UInt8(ascii: "e"): fixed = false
            case UInt8(ascii: "."): afterPoint = true
            case UInt8(ascii: "0") where leading && afterPoint: zeros += 1
            case UInt8(ascii: "0"), UInt8(ascii: "-"): break
            default: leading = false
            }
        }
        if fixed && zeros < 4 { return text }
    }
    return doubleToString(x, code: UInt8(ascii: "r"), precision: 0, flags: .addDot0)
}

/// Options of `doubleToString`, mirroring CPython's `Py_DTSF_*` flags.
struct DoubleFormatFlags: OptionSet {
    let rawValue: UInt8
    /// Always emit a sign (`+` for non-negative values).
    static let alwaysSign = DoubleFormatFlags(rawValue: 1)
    /// Keep at least one digit after the point when not using an exponent (`repr` style).
    static let addDot0 = DoubleFormatFlags(rawValue: 2)
    /// Alternate form (`#`): keep the point and, for `g`, trailing zeros.
    static let alternate = DoubleFormatFlags(rawValue: 4)
    /// Drop the sign of a result that rounds to zero (format spec `z`).
    static let noNegativeZero = DoubleFormatFlags(rawValue: 8)
}

/// How decimal digits are produced, as the modes of David Gay's `dtoa` that CPython uses.
enum DigitMode {
    /// Mode 0: shortest string that round-trips.
    case shortest
    /// Mode 2: this many significant digits (at least 1), correctly rounded.
    case significant(Int)
    /// Mode 3: this many digits after the decimal point (≥ 0), correctly rounded.
    case fractional(Int)
}

/// CPython's `PyOS_double_to_string`: formats `x` with code `e E f F g G r` and precision.
func doubleToString(_ x: Double, code: UInt8, precision: Int, flags: DoubleFormatFlags) -> String {
    var code = code
    var precision = precision
    let upper = code >= UInt8(ascii: "A") && code <= UInt8(ascii: "Z")
    if upper { code += 32 }
    let mode: DigitMode
    switch code {
    case UInt8(ascii: "e"):
        precision += 1
        mode = .significant(precision)
    case UInt8(ascii: "f"):
        mode = .fractional(precision)
    case UInt8(ascii: "g"):
        if precision == 0 { precision = 1 }
        mode = .significant(precision)
    default:
        mode = .shortest
    }
    if !x.isFinite {
        let body = x.isNaN ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf")
        if x.isInfinite && x < 0 { return "-" + body }
        return flags.contains(.alwaysSign) ? "+" + body : body
    }
    return withDecimalDigits(x, mode) { digits, decpt in
        layoutDigits(digits, decpt: decpt, negative: x.sign == .minus, code: code,
                     precision: precision, flags: flags, upper: upper)
    }
}

/// Calls `body` with the decimal digits of finite `|x|` (ASCII, without leading or trailing
/// zeros; `"0"` for zero) and `decpt` such that `|x| = 0.d1d2… × 10^decpt` (after rounding).
func withDecimalDigits<R>(_ x: Double, _ mode: DigitMode,
                          _ body: (UnsafeBufferPointer<UInt8>, Int) -> R) -> R {
    let magnitude = x.magnitude
    switch mode {
    case .shortest:
        var text = magnitude.description
        return text.withUTF8 { utf8 in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buf in
                let (count, decpt) = parseDecimalText(utf8, into: buf.baseAddress!)
                return body(UnsafeBufferPointer(start: buf.baseAddress, count: count), decpt)
            }
        }
    case .fractional(let p):
        var digits = roundedScaledDigits(magnitude, scale: p)
        var decpt = digits.count - p
        if digits == [UInt8(ascii: "0")] { decpt = 1 }
        while digits.count > 1 && digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return digits.withUnsafeBufferPointer { body($0, decpt) }
    case .significant(let n):
        if magnitude == 0 { return [UInt8(ascii: "0")].withUnsafeBufferPointer { body($0, 1) } }
        // decpt = floor(log10(x)) + 1 is this estimate or one more.
        var decpt = Int((Double(magnitude.exponent) * 0.30102999566398120).rounded(.down)) + 1
        var digits = roundedScaledDigits(magnitude, scale: n - decpt)
        while digits.count > n {
            decpt += 1
            digits = roundedScaledDigits(magnitude, scale: n - decpt)
        }
        while digits.last == UInt8(ascii: "0") { digits.removeLast() }
        return digits.withUnsafeBufferPointer { body($0, decpt) }
    }
}

private let powersOf10: [UInt64] = (0...19).map { (0..<$0).reduce(1) { acc, _ in acc * 10 } }

/// Decimal digits (ASCII, `"0"` for zero) of `round_half_even(x * 10**scale)` for finite
/// `x >= 0`, computed exactly from the binary value: in 128-bit arithmetic when the operands
/// fit, with BigUInt otherwise.
func roundedScaledDigits(_ x: Double, scale: Int) -> [UInt8] {
    let m = x.significandBitPattern | (x.isNormal ? 1 << 52 : 0)
    let e = x.isNormal ? Int(x.exponentBitPattern) - 1075 : -1074
    let numShift = max(e, 0), denShift = max(-e, 0)
    if #available(macOS 15.0, *), scale.magnitude <= 19 {
        let num = UInt128(m) * UInt128(scale > 0 ? powersOf10[scale] : 1)
        let den = UInt128(scale < 0 ? powersOf10[-scale] : 1)
        if num.leadingZeroBitCount > numShift && den.leadingZeroBitCount > denShift + 1 {
            let d = den << denShift
            let (q, r) = (num << numShift).quotientAndRemainder(dividingBy: d)
            let up = r > d - r || (r == d - r && q & 1 == 1)
            return asciiDigits(up ? q + 1 : q)
        }
    }
    var num = BigUInt(m) << numShift, den = BigUInt(1) << denShift
    if scale >= 0 { num *= BigUInt(10).power(scale) } else { den *= BigUInt(10).power(-scale) }
    var (q, r) = num.quotientAndRemainder(dividingBy: den)
    let twice = r << 1
    if twice > den || (twice == den && q[bitAt: 0]) { q += 1 }
    return Array(String(q).utf8)
}

/// Decimal ASCII digits of a 128-bit value, via at most two 64-bit conversions.
@available(macOS 15.0, *)
private func asciiDigits(_ v: UInt128) -> [UInt8] {
    if v <= UInt128(UInt64.max) { return Array(String(UInt64(v)).utf8) }
    let (hi, lo) = v.quotientAndRemainder(dividingBy: UInt128(powersOf10[19]))
    let low = Array(String(UInt64(lo)).utf8)
    return Array(String(UInt64(hi)).utf8) + Array(repeating: UInt8(ascii: "0"), count: 19 - low.count) + low
}

/// Parses an unsigned decimal like `0.00120`, `123.0` or `1.5e+16` into significant digits
/// written at `dst` (which may alias `text`, as digits never outrun the text) and the dtoa
/// `decpt`. Returns `("0", 1)` for zero.
private func parseDecimalText(_ text: UnsafeBufferPointer<UInt8>,
                              into dst: UnsafeMutablePointer<UInt8>) -> (count: Int, decpt: Int) {
    var count = 0, decpt = 0, seenDot = false, i = 0
    let n = text.count
    scan: while i < n {
        let c = text[i]
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            if count == 0 && c == UInt8(ascii: "0") {
                if seenDot { decpt -= 1 }
            } else {
                dst[count] = c
                count += 1
                if !seenDot { decpt += 1 }
            }
        case UInt8(ascii: "."):
            seenDot = true
        case UInt8(ascii: "e"), UInt8(ascii: "E"):
            var j = i + 1, negative = false, exp = 0
            if j < n && (text[j] == UInt8(ascii: "+") || text[j] == UInt8(ascii: "-")) {
                negative = text[j] == UInt8(ascii: "-")
                j += 1
            }
            while j < n { exp = exp * 10 + Int(text[j] &- UInt8(ascii: "0")); j += 1 }
            decpt += negative ? -exp : exp
            break scan
        default:
            break
        }
        i += 1
    }
    if count == 0 {
        dst[0] = UInt8(ascii: "0")
        return (1, 1)
    }
    while dst[count - 1] == UInt8(ascii: "0") { count -= 1 }
    return (count, decpt)
}

/// CPython's `format_float_short` layout step: places the point, pads with zeros and adds
/// the exponent. `code` is lower-case `e f g r`; `precision` is already adjusted as dtoa saw it.
private func layoutDigits(_ digits: UnsafeBufferPointer<UInt8>, decpt: Int, negative: Bool,
                          code: UInt8, precision: Int, flags: DoubleFormatFlags,
                          upper: Bool) -> String {
    let n = digits.count
    let alt = flags.contains(.alternate), addDot0 = flags.contains(.addDot0)
    var decpt = decpt
    var vEnd = n
    var useExp = false
    switch code {
    case UInt8(ascii: "e"):
        useExp = true
        vEnd = precision
    case UInt8(ascii: "f"):
        vEnd = decpt + precision
    case UInt8(ascii: "g"):
        if decpt <= -4 || decpt > (addDot0 ? precision - 1 : precision) { useExp = true }
        if alt { vEnd = precision }
    default:
        if decpt <= -4 || decpt > 16 { useExp = true }
    }
    var exp = 0
    if useExp {
        exp = decpt - 1
        decpt = 1
    }
    let vStart = decpt <= 0 ? decpt - 1 : 0
    vEnd = max(vEnd, !useExp && addDot0 ? decpt + 1 : decpt)
    let isZero = n == 1 && digits[0] == UInt8(ascii: "0")
    var sign: UInt8 = 0
    if negative && !(isZero && flags.contains(.noNegativeZero)) {
        sign = UInt8(ascii: "-")
    } else if flags.contains(.alwaysSign) {
        sign = UInt8(ascii: "+")
    }
    let capacity = (vEnd - vStart) + 9
    return String(unsafeUninitializedCapacity: capacity) { out in
        var p = 0
        func put(_ b: UInt8) { out[p] = b; p += 1 }
        func zeros(_ k: Int) { for _ in 0..<max(k, 0) { put(UInt8(ascii: "0")) } }
        func copy(_ range: Range<Int>) { for i in range { put(digits[i]) } }
        if sign != 0 { put(sign) }
        if decpt <= 0 {
            zeros(decpt - vStart)
            put(UInt8(ascii: "."))
            zeros(-decpt)
        } else {
            zeros(-vStart)
        }
        if 0 < decpt && decpt <= n {
            copy(0..<decpt)
            put(UInt8(ascii: "."))
            copy(decpt..<n)
        } else {
            copy(0..<n)
        }
        if n < decpt {
            zeros(decpt - n)
            put(UInt8(ascii: "."))
            zeros(vEnd - decpt)
        } else {
            zeros(vEnd - n)
        }
        if out[p - 1] == UInt8(ascii: ".") && !alt { p -= 1 }
        if useExp {
            put(upper ? UInt8(ascii: "E") : UInt8(ascii: "e"))
            put(exp < 0 ? UInt8(ascii: "-") : UInt8(ascii: "+"))
            let a = exp.magnitude
            if a < 10 { put(UInt8(ascii: "0")) }
            if a >= 100 { put(UInt8(ascii: "0") + UInt8(a / 100)) }
            if a >= 10 { put(UInt8(ascii: "0") + UInt8(a / 10 % 10)) }
            put(UInt8(ascii: "0") + UInt8(a % 10))
        }
        return p
    }
}
