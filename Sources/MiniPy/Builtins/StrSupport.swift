import Meta
#if canImport(Glibc)
import Glibc
#endif

/// Byte-level helpers for the `str` methods. Strings are UTF-8, and UTF-8 is self-synchronising, so searching,
/// splitting and replacing work on bytes; only positions exposed to the guest (`find`'s result, `start`/`end`
/// arguments) are converted between code points and bytes — the identity for ASCII strings.
extension Runtime {
    /// The code point starting at byte `i` and the index just past it.
    @inline(__always) static func decode(_ b: UnsafeRawBufferPointer, at i: Int) -> (scalar: UInt32, next: Int) {
        let b0 = UInt32(b[i])
        if b0 < 0x80 { return (b0, i + 1) }
        if b0 < 0xE0 { return ((b0 & 0x1F) << 6 | UInt32(b[i + 1]) & 0x3F, i + 2) }
        if b0 < 0xF0 { return ((b0 & 0x0F) << 12 | (UInt32(b[i + 1]) & 0x3F) << 6 | UInt32(b[i + 2]) & 0x3F, i + 3) }
        return ((b0 & 0x07) << 18 | (UInt32(b[i + 1]) & 0x3F) << 12 | (UInt32(b[i + 2]) & 0x3F) << 6 | UInt32(b[i + 3]) & 0x3F, i + 4)
    }

    /// The code point ending just before byte `i` and the index where it starts.
    @inline(__always) static func decode(_ b: UnsafeRawBufferPointer, before i: Int) -> (scalar: UInt32, start: Int) {
        var s = i - 1
        while s > 0 && b[s] & 0xC0 == 0x80 { s -= 1 }
        return (decode(b, at: s).scalar, s)
    }

    /// Byte offset of code point `index` (0...length) in string `s`.
    func byteOffset(_ s: Ref, _ index: Int) -> Int {
        if strIsASCII(s) { return index }
        let b = strBytes(s)
        var seen = 0, i = 0
        while i < b.count && seen < index {
            i += 1
            while i < b.count && b[i] & 0xC0 == 0x80 { i += 1 }
            seen += 1
        }
        return i
    }

    /// Code point index of byte offset `offset` in string `s`.
    func charIndex(_ s: Ref, _ offset: Int) -> Int {
        if strIsASCII(s) { return offset }
        var n = 0
        for byte in UnsafeRawBufferPointer(rebasing: strBytes(s)[0..<offset]) where byte & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// A new string from a byte range of `s`.
    func substring(_ s: Ref, _ range: Range<Int>) -> Ref {
        if range.count == strBytes(s).count { return s }
        if range.count == 1 { return asciiChar(strBytes(s)[range.lowerBound]) }
        let slice = UnsafeRawBufferPointer(rebasing: strBytes(s)[range])
        return newStr(utf8: slice, length: strIsASCII(s) ? range.count : nil)
    }

    /// The first (or, `reverse`, last) byte offset in `lo..<hi` of `hay` where `needle` occurs.
    static func findBytes(_ hay: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer, _ lo: Int, _ hi: Int, reverse: Bool = false) -> Int? {
        let n = needle.count
        if hi - lo < n { return nil }
        if n == 0 { return reverse ? hi : lo }
        if reverse {
            var i = hi - n
            while i >= lo {
                if hay[i] == needle[0] && memcmp(hay.baseAddress! + i, needle.baseAddress!, n) == 0 { return i }
                i -= 1
            }
            return nil
        }
        let base = hay.baseAddress!, last = hi - n
        var i = lo
        while i <= last {
            guard let p = memchr(base + i, Int32(needle[0]), last - i + 1) else { return nil }
            let j = base.distance(to: UnsafeRawPointer(p))
            if memcmp(base + j, needle.baseAddress!, n) == 0 { return j }
            i = j + 1
        }
        return nil
    }

    /// `start`/`end` arguments of the search methods, adjusted like CPython's ADJUST_INDICES, in code points:
    /// `start` may exceed the length (then nothing matches).
    func strBounds(_ s: Ref, _ args: Arguments, _ first: Int) throws(PyException) -> (start: Int, end: Int) {
        let length = strLength(s)
        func value(_ i: Int) throws(PyException) -> Int? {
            guard i < args.count, args[i] != none else { return nil }
            return try indexArgument(args[i])
        }
        var start = try value(first) ?? 0
        var end = try value(first + 1) ?? length
        if end > length { end = length } else if end < 0 { end = max(end + length, 0) }
        if start < 0 { start = max(start + length, 0) }
        return (start, end)
    }

    /// A str argument of a method (`must be str, not int`, or the method's own wording).
    func strOperand(_ x: Ref, _ message: @autoclosure () -> String) throws(PyException) -> Ref {
        guard x.typeID == L.str.id else { throw typeError(message()) }
        return x
    }

    /// Applies `transform` to each code point of `s` (ASCII strings use `ascii` on bytes when given).
    func mapScalars(_ s: Ref, ascii: ((UInt8) -> UInt8)? = nil, _ transform: (Unicode.Scalar, inout String) -> Void) -> Ref {
        if let ascii, strIsASCII(s) {
            let mapped = strBytes(s).map(ascii)
            return mapped.withUnsafeBytes { newStr(utf8: $0, length: mapped.count) }
        }
        var out = ""
        for scalar in string(s).unicodeScalars { transform(scalar, &out) }
        return newStr(out)
    }
}

/// Python's character classes for one code point (the `str.is*` predicates and case mappings).
enum PyChar {
    static func isAlpha(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return (c.value | 0x20) >= 97 && (c.value | 0x20) <= 122 }
        switch c.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }
    static func isDecimal(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value >= 48 && c.value <= 57 : c.properties.numericType == .decimal
    }
    static func isDigit(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return c.value >= 48 && c.value <= 57 }
        return c.properties.numericType == .decimal || c.properties.numericType == .digit
    }
    static func isNumeric(_ c: Unicode.Scalar) -> Bool { c.isASCII ? isDigit(c) : c.properties.numericType != nil }
    static func isAlnum(_ c: Unicode.Scalar) -> Bool { isAlpha(c) || isNumeric(c) }
    static func isUpper(_ c: Unicode.Scalar) -> Bool { c.isASCII ? c.value >= 65 && c.value <= 90 : c.properties.isUppercase }
    static func isLower(_ c: Unicode.Scalar) -> Bool { c.isASCII ? c.value >= 97 && c.value <= 122 : c.properties.isLowercase }
    static func isTitle(_ c: Unicode.Scalar) -> Bool { !c.isASCII && c.properties.generalCategory == .titlecaseLetter }
    static func isCased(_ c: Unicode.Scalar) -> Bool { isUpper(c) || isLower(c) || isTitle(c) || (!c.isASCII && c.properties.isCased) }
    static func upper(_ c: Unicode.Scalar) -> String { c.properties.uppercaseMapping }
    static func lower(_ c: Unicode.Scalar) -> String { c.properties.lowercaseMapping }
    static func title(_ c: Unicode.Scalar) -> String { c.properties.titlecaseMapping }
}
