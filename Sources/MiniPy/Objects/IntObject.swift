import Meta
import BigInt

/// `int`: a 64-bit W_Int on the fast path; values outside Int's range are W_Long objects holding the magnitude's
/// words inline and a sign. Every operation normalises its result back to W_Int when it fits, so a W_Long is
/// never a small value. `bool` is a W_Bool with the same `intval` offset.
extension Runtime {
    public func newInt(_ v: BigInt) -> Ref {
        if let small = Int(exactly: v) { return newInt(small) }
        let words = Array(v.magnitude.words)
        let r = alloc(L.long, tail: words.count)
        r.set(L.longNegative, v.sign == .minus ? 1 : 0)
        let p = r.tail(L.long).assumingMemoryBound(to: UInt.self)
        for (i, w) in words.enumerated() { p[i] = w }
        return r
    }

    /// Whether `r` is an int (W_Int, W_Long) or a bool.
    @inline(__always) public func isInt(_ r: Ref) -> Bool {
        let id = r.typeID
        return id == L.int.id || id == L.bool.id || id == L.long.id
    }

    /// The value of a W_Int/W_Bool (nil for a W_Long or a non-int).
    @inline(__always) public func smallInt(_ r: Ref) -> Int? {
        let id = r.typeID
        return id == L.int.id || id == L.bool.id ? r.int(L.intval) : nil
    }

    /// The value of any int as a BigInt.
    public func bigValue(_ r: Ref) -> BigInt {
        if let v = smallInt(r) { return BigInt(v) }
        let count = r.int(L.longCount)
        let p = r.tail(L.long).assumingMemoryBound(to: UInt.self)
        let magnitude = BigUInt(words: UnsafeBufferPointer(start: p, count: count))
        return BigInt(sign: r.int(L.longNegative) != 0 ? .minus : .plus, magnitude: magnitude)
    }
}
