import Meta
#if canImport(Glibc)
import Glibc
#endif

/// `str`: UTF-8 bytes inline after the header, with the length in code points and a cached hash. When the length
/// equals the byte count the string is ASCII and indexing is O(1).
extension Runtime {
    /// A new string object (not interned).
    public func newStr(_ s: String) -> Ref {
        var s = s
        return s.withUTF8 { newStr(utf8: UnsafeRawBufferPointer($0)) }
    }

    /// A new string from UTF-8 bytes (which must be valid UTF-8).
    public func newStr(utf8 bytes: UnsafeRawBufferPointer, length: Int? = nil) -> Ref {
        let r = alloc(L.str, tail: bytes.count)
        if bytes.count > 0 { r.tail(L.str).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count) }
        let n = length ?? Self.countScalars(bytes)
        r.set(L.strLength, n)
        return r
    }

    static func countScalars(_ bytes: UnsafeRawBufferPointer) -> Int {
        var n = 0
        for b in bytes where b & 0xC0 != 0x80 { n += 1 }
        return n
    }

    /// The interned string object for `s` (identifiers, attribute names, constants).
    public func intern(_ s: String) -> Ref {
        if let r = interned[s] {
            // Swift's String equality is canonical equivalence ("é" == "e\u{301}"); Python's is by code point.
            if strBytes(r).elementsEqual(s.utf8) { return r }
            return newStr(s)
        }
        let r = newStr(s)
        interned[s] = r
        return r
    }

    /// The UTF-8 bytes of a string object.
    @inline(__always) public func strBytes(_ r: Ref) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: r.tail(L.str), count: r.int(L.strCount))
    }

    /// A string object's contents as a Swift string.
    public func string(_ r: Ref) -> String { String(decoding: strBytes(r), as: UTF8.self) }

    @inline(__always) public func strLength(_ r: Ref) -> Int { r.int(L.strLength) }
    @inline(__always) public func strIsASCII(_ r: Ref) -> Bool { r.int(L.strLength) == r.int(L.strCount) }

    /// Byte-wise equality of two string objects.
    @inline(__always) public func strEquals(_ a: Ref, _ b: Ref) -> Bool {
        if a == b { return true }
        let n = a.int(L.strCount)
        if n != b.int(L.strCount) { return false }
        return memcmp(a.tail(L.str), b.tail(L.str), n) == 0
    }

    /// The string's hash (FNV-1a over its bytes, never 0 or -1), cached in the object.
    @inline(__always) public func strHash(_ r: Ref) -> Int {
        let cached = r.int(L.strHash)
        if cached != 0 { return cached }
        var h: UInt64 = 0xcbf29ce484222325
        for b in strBytes(r) { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        var v = Int(bitPattern: UInt(h))
        if v == 0 || v == -1 { v = 1 }
        r.set(L.strHash, v)
        return v
    }

    /// Lexicographic comparison by code point (UTF-8 byte order is code point order).
    public func strCompare(_ a: Ref, _ b: Ref) -> Int {
        let na = a.int(L.strCount), nb = b.int(L.strCount)
        let c = memcmp(a.tail(L.str), b.tail(L.str), min(na, nb))
        if c != 0 { return c < 0 ? -1 : 1 }
        return na < nb ? -1 : (na > nb ? 1 : 0)
    }

    /// Concatenation of two string objects.
    public func strConcat(_ a: Ref, _ b: Ref) -> Ref {
        let na = a.int(L.strCount), nb = b.int(L.strCount)
        let r = alloc(L.str, tail: na + nb)
        r.tail(L.str).copyMemory(from: a.tail(L.str), byteCount: na)
        (r.tail(L.str) + na).copyMemory(from: b.tail(L.str), byteCount: nb)
        r.set(L.strLength, a.int(L.strLength) + b.int(L.strLength))
        return r
    }

    /// The string's code points (for non-ASCII indexing and slicing).
    public func strScalars(_ r: Ref) -> [Unicode.Scalar] { Array(string(r).unicodeScalars) }

    /// The one-character string at code point `index` (already normalised to 0..<length).
    public func strCharAt(_ r: Ref, _ index: Int) -> Ref {
        if strIsASCII(r) {
            let byte = strBytes(r)[index]
            return asciiChar(byte)
        }
        let scalar = strScalars(r)[index]
        return newStr(String(Character(scalar)))
    }

    /// Interned one-character ASCII strings.
    @inline(__always) func asciiChar(_ byte: UInt8) -> Ref {
        if let r = asciiCache[Int(byte)] { return r }
        let r = intern(String(UnicodeScalar(byte)))
        asciiCache[Int(byte)] = r
        return r
    }
}
