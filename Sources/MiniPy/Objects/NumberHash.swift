import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// CPython's numeric hash modulus, `2**61 - 1` (`sys.hash_info.modulus`).
public let pyHashModulus: UInt64 = (1 << 61) - 1

/// `hash(v)` for a machine int: `sign(v) * (|v| mod (2**61 - 1))`, with `-1` mapped to `-2`.
@inlinable public func pyHashInt(_ v: Int) -> Int {
    let h = Int(UInt64(v.magnitude) % pyHashModulus)
    let r = v < 0 ? -h : h
    return r == -1 ? -2 : r
}

/// `hash(v)` for an int of any size.
public func pyHashInt(_ v: BigInt) -> Int {
    // 2**64 ≡ 2**3 (mod 2**61 - 1), so fold 64-bit words from the most significant down.
    var acc: UInt64 = 0
    for w in v.magnitude.words.reversed() {
        acc = (acc << 3) % pyHashModulus
        acc = (acc + UInt64(w) % pyHashModulus) % pyHashModulus
    }
    let h = Int(acc)
    let r = isNegative(v) ? -h : h
    return r == -1 ? -2 : r
}

/// `hash(x)` for a float: equals the hash of the int/rational it denotes (`hash(2.0) == 2`),
/// `±314159` for infinities. Returns `nil` for NaN: since Python 3.10, `hash(nan)` is derived
/// from the object's identity, which only the runtime knows (CPython uses `_Py_HashPointer`).
public func pyHashFloat(_ v: Double) -> Int? {
    if v.isNaN { return nil }
    if v.isInfinite { return v > 0 ? 314159 : -314159 }
    var e: Int32 = 0
    var m = frexp(v, &e)
    var sign: UInt64 = 1
    if m < 0 {
        sign = UInt64.max  // -1 in two's complement
        m = -m
    }
    var x: UInt64 = 0
    var exp = Int(e)
    while m != 0 {
        x = ((x << 28) & pyHashModulus) | x >> (61 - 28)
        m *= 268435456.0
        exp -= 28
        let y = UInt64(m)
        m -= Double(y)
        x += y
        if x >= pyHashModulus { x -= pyHashModulus }
    }
    exp = exp >= 0 ? exp % 61 : 61 - 1 - ((-1 - exp) % 61)
    x = ((x << UInt64(exp)) & pyHashModulus) | x >> UInt64(61 - exp)
    x = x &* sign
    let r = Int(bitPattern: UInt(x))
    return r == -1 ? -2 : r
}
