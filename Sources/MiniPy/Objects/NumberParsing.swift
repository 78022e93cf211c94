import BigInt

/// `int(s, base)` for a str: surrounding whitespace, a sign, single underscores between
/// digits, base 0 (`0x`/`0o`/`0b` prefixes; a nonzero number may not start with `0`),
/// bases 2–36, Unicode decimal digits and whitespace. Non-binary bases enforce CPython's
/// int_max_str_digits limit (`maxStrDigits`, 0 = off).
public func pyParseInt(_ s: String, base: Int = 10,
                       maxStrDigits: Int = pyDefaultMaxStrDigits) throws(NumberError) -> BigInt {
    guard base == 0 || (2...36).contains(base) else {
        throw .valueError("int() base must be >= 2 and <= 36, or 0")
    }
    let b = asciiNumberText(s)
    let n = b.count
    func invalid() -> NumberError {
        .valueError("invalid literal for int() with base \(base): \(truncatedRepr(s, 200))")
    }
    func at(_ k: Int) -> UInt8 { k < n ? b[k] : 0 }
    func isPrefix(_ k: Int, _ letter: UInt8) -> Bool { at(k) | 0x20 == letter }
    var i = 0
    while i < n && isASCIISpace(b[i]) { i += 1 }
    var negative = false
    if at(i) == UInt8(ascii: "+") {
        i += 1
    } else if at(i) == UInt8(ascii: "-") {
        negative = true
        i += 1
    }
    var radix = base
    var errorIfNonzero = false
    if radix == 0 {
        if at(i) != UInt8(ascii: "0") {
            radix = 10
        } else if isPrefix(i + 1, UInt8(ascii: "x")) {
            radix = 16
        } else if isPrefix(i + 1, UInt8(ascii: "o")) {
            radix = 8
        } else if isPrefix(i + 1, UInt8(ascii: "b")) {
            radix = 2
        } else {
            errorIfNonzero = true
            radix = 10
        }
    }
    if at(i) == UInt8(ascii: "0") && ((radix == 16 && isPrefix(i + 1, UInt8(ascii: "x")))
        || (radix == 8 && isPrefix(i + 1, UInt8(ascii: "o")))
        || (radix == 2 && isPrefix(i + 1, UInt8(ascii: "b")))) {
        i += 2
        if at(i) == UInt8(ascii: "_") { i += 1 }
    }
    if at(i) == UInt8(ascii: "_") { throw invalid() }
    let start = i
    var digitCount = 0
    var prev: UInt8 = 0
    var small: UInt64 = 0, smallOverflow = false
    while i < n {
        let c = b[i]
        if c == UInt8(ascii: "_") {
            if prev == c { throw invalid() }
        } else {
            let d = digitValue(c)
            if d >= radix { break }
            digitCount += 1
            let (m, o1) = small.multipliedReportingOverflow(by: UInt64(radix))
            let (a, o2) = m.addingReportingOverflow(UInt64(d))
            small = a
            smallOverflow = smallOverflow || o1 || o2
        }
        prev = c
        i += 1
    }
    if prev == UInt8(ascii: "_") { throw invalid() }
    if radix & (radix - 1) != 0 && maxStrDigits > 0 && digitCount > maxStrDigits {
        throw .valueError("Exceeds the limit (\(maxStrDigits) digits) for integer string conversion: value has \(digitCount) digits; use sys.set_int_max_str_digits() to increase the limit")
    }
    let magnitude = smallOverflow ? parseMagnitude(b[start..<i], radix: radix) : BigUInt(small)
    if errorIfNonzero && !magnitude.isZero { throw invalid() }
    if i == start { throw invalid() }
    while i < n && isASCIISpace(b[i]) { i += 1 }
    if i != n { throw invalid() }
    return BigInt(sign: negative ? .minus : .plus, magnitude: magnitude)
}

/// The value of validated digits (underscores skipped) in `radix`, accumulated a machine word
/// of digits at a time.
private func parseMagnitude(_ text: ArraySlice<UInt8>, radix: Int) -> BigUInt {
    var chunkDigits = 0
    var power: UInt64 = 1
    while power <= UInt64.max / UInt64(radix) / UInt64(radix) {
        power *= UInt64(radix)
        chunkDigits += 1
    }
    var result = BigUInt(0)
    var chunk: UInt64 = 0, scale: UInt64 = 1, count = 0
    for c in text where c != UInt8(ascii: "_") {
        chunk = chunk * UInt64(radix) + UInt64(digitValue(c))
        scale *= UInt64(radix)
        count += 1
        if count == chunkDigits {
            result = result * BigUInt(scale) + BigUInt(chunk)
            chunk = 0
            scale = 1
            count = 0
        }
    }
    return count == 0 ? result : result * BigUInt(scale) + BigUInt(chunk)
}

/// `float(s)` for a str: surrounding whitespace, sign, `inf`/`infinity`/`nan` in any case,
/// decimal mantissa with optional exponent, single underscores between digits; correctly
/// rounded (overflow gives ±inf, as in CPython).
public func pyParseFloat(_ s: String) throws(NumberError) -> Double {
    let b = asciiNumberText(s)
    func invalid() -> NumberError { .valueError("could not convert string to float: \(pyStrRepr(s))") }
    var lo = 0, hi = b.count
    while lo < hi && isASCIISpace(b[lo]) { lo += 1 }
    if lo == hi { throw invalid() }
    while lo < hi - 1 && isASCIISpace(b[hi - 1]) { hi -= 1 }
    var text = Array(b[lo..<hi])
    if text.contains(UInt8(ascii: "_")) {
        var cleaned: [UInt8] = []
        var prev: UInt8 = 0
        for c in text {
            if c == UInt8(ascii: "_") {
                if !isASCIIDigit(prev) { throw invalid() }
            } else {
                if prev == UInt8(ascii: "_") && !isASCIIDigit(c) { throw invalid() }
                cleaned.append(c)
            }
            prev = c
        }
        if prev == UInt8(ascii: "_") { throw invalid() }
        text = cleaned
    }
    guard let value = parseFloatLiteral(text) else { throw invalid() }
    return value
}

/// Parses `[sign](inf|infinity|nan|decimal)` exactly as CPython's `_PyOS_ascii_strtod`
/// accepts it (no hex, whole text), or nil.
private func parseFloatLiteral(_ t: [UInt8]) -> Double? {
    var i = 0
    var negative = false
    if i < t.count && (t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-")) {
        negative = t[i] == UInt8(ascii: "-")
        i += 1
    }
    let word = String(decoding: t[i...], as: UTF8.self).lowercased()
    if word == "inf" || word == "infinity" { return negative ? -.infinity : .infinity }
    if word == "nan" { return negative ? -.nan : .nan }
    var mantissaDigits = 0
    while i < t.count && isASCIIDigit(t[i]) { i += 1; mantissaDigits += 1 }
    if i < t.count && t[i] == UInt8(ascii: ".") {
        i += 1
        while i < t.count && isASCIIDigit(t[i]) { i += 1; mantissaDigits += 1 }
    }
    if mantissaDigits == 0 { return nil }
    if i < t.count && (t[i] | 0x20) == UInt8(ascii: "e") {
        i += 1
        if i < t.count && (t[i] == UInt8(ascii: "+") || t[i] == UInt8(ascii: "-")) { i += 1 }
        let expStart = i
        while i < t.count && isASCIIDigit(t[i]) { i += 1 }
        if i == expStart { return nil }
    }
    if i != t.count { return nil }
    return Double(String(decoding: t, as: UTF8.self))
}

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: ASCII passes through, Unicode
/// whitespace becomes a space and Unicode decimal digits ASCII digits; any other code point
/// ends the text with `?` (which no parser accepts).
func asciiNumberText(_ s: String) -> [UInt8] {
    if s.utf8.allSatisfy({ $0 < 127 }) { return Array(s.utf8) }
    var out: [UInt8] = []
    for c in s.unicodeScalars {
        if c.value < 127 {
            out.append(UInt8(c.value))
        } else if isUnicodeSpace(c) {
            out.append(UInt8(ascii: " "))
        } else if let d = decimalDigitValue(c) {
            out.append(UInt8(ascii: "0") + UInt8(d))
        } else {
            out.append(UInt8(ascii: "?"))
            break
        }
    }
    return out
}

/// `Py_ISSPACE`: space, `\t \n \v \f \r`.
@inline(__always) func isASCIISpace(_ c: UInt8) -> Bool { c == 32 || (c >= 9 && c <= 13) }
@inline(__always) func isASCIIDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }

/// `Py_UNICODE_ISSPACE` for code points >= 127.
private func isUnicodeSpace(_ c: Unicode.Scalar) -> Bool {
    switch c.value {
    case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
    default: return false
    }
}

/// `_PyLong_DigitValue`: 0–35 for `0-9a-zA-Z`, 37 otherwise.
@inline(__always) private func digitValue(_ c: UInt8) -> Int {
    switch c {
    case 48...57: return Int(c) - 48
    case 65...90: return Int(c) - 55
    case 97...122: return Int(c) - 87
    default: return 37
    }
}
