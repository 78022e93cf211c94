import BigInt

/// CPython 3.11's default `sys.get_int_max_str_digits()`: decimal `str()`/`int()` conversions of
/// integers with more digits raise `ValueError`. Pass `0` to the `maxStrDigits:` parameters to
/// disable the limit.
public let pyDefaultMaxStrDigits = 4300

// MARK: - Machine-int fast paths (nil = overflow, redo with BigInt)

/// Python `a // b` on `Int`; `nil` if the result overflows (only `Int.min // -1`).
@inlinable public func pyFloorDiv(_ a: Int, _ b: Int) throws(NumberError) -> Int? {
    if b == 0 { throw .zeroDivisionError("integer division or modulo by zero") }
    if b == -1 { return a == .min ? nil : -a }
    let q = a / b
    return (a % b != 0 && (a ^ b) < 0) ? q - 1 : q
}

/// Python `a % b` on `Int` (result has the sign of `b`); never overflows.
@inlinable public func pyMod(_ a: Int, _ b: Int) throws(NumberError) -> Int {
    if b == 0 { throw .zeroDivisionError("integer modulo by zero") }
    if b == -1 { return 0 }
    let r = a % b
    return (r != 0 && (r ^ b) < 0) ? r + b : r
}

/// Python `divmod(a, b)` on `Int`; `nil` if the quotient overflows.
@inlinable public func pyDivMod(_ a: Int, _ b: Int) throws(NumberError) -> (quotient: Int, remainder: Int)? {
    if b == 0 { throw .zeroDivisionError("integer division or modulo by zero") }
    if b == -1 { return a == .min ? nil : (-a, 0) }
    let q = a / b, r = a % b
    return (r != 0 && (r ^ b) < 0) ? (q - 1, r + b) : (q, r)
}

/// Python `a ** b` on `Int` for `b >= 0`; `nil` if `b < 0` (float result) or on overflow.
@inlinable public func pyPow(_ a: Int, _ b: Int) -> Int? {
    if b < 0 { return nil }
    var result = 1, base = a, e = b
    while true {
        if e & 1 == 1 {
            let (r, o) = result.multipliedReportingOverflow(by: base)
            if o { return nil }
            result = r
        }
        e >>= 1
        if e == 0 { return result }
        let (sq, o) = base.multipliedReportingOverflow(by: base)
        if o { return nil }
        base = sq
    }
}

/// Python `a << n` on `Int`; throws for a negative count, `nil` on overflow.
@inlinable public func pyShiftLeft(_ a: Int, _ n: Int) throws(NumberError) -> Int? {
    if n < 0 { throw .valueError("negative shift count") }
    if a == 0 { return 0 }
    if n >= Int.bitWidth - 1 { return nil }
    let r = a << n
    return r >> n == a ? r : nil
}

/// Python `a >> n` on `Int` (floor semantics); throws for a negative count.
@inlinable public func pyShiftRight(_ a: Int, _ n: Int) throws(NumberError) -> Int {
    if n < 0 { throw .valueError("negative shift count") }
    return n >= Int.bitWidth ? (a < 0 ? -1 : 0) : a >> n
}

/// Python `a / b` on `Int`: the correctly rounded quotient.
@inlinable public func pyTrueDiv(_ a: Int, _ b: Int) throws(NumberError) -> Double {
    let exact = 1 << 53
    if b != 0 && a.magnitude <= exact && b.magnitude <= exact { return Double(a) / Double(b) }
    return try pyTrueDiv(BigInt(a), BigInt(b))
}

// MARK: - Arbitrary precision

/// Python `a // b`.
public func pyFloorDiv(_ a: BigInt, _ b: BigInt) throws(NumberError) -> BigInt {
    try floorDivMod(a, b, "integer division or modulo by zero").quotient
}

/// Python `a % b` (result has the sign of `b`).
public func pyMod(_ a: BigInt, _ b: BigInt) throws(NumberError) -> BigInt {
    try floorDivMod(a, b, "integer modulo by zero").remainder
}

/// Python `divmod(a, b)`.
public func pyDivMod(_ a: BigInt, _ b: BigInt) throws(NumberError) -> (quotient: BigInt, remainder: BigInt) {
    try floorDivMod(a, b, "integer division or modulo by zero")
}

private func floorDivMod(_ a: BigInt, _ b: BigInt, _ message: String) throws(NumberError) -> (quotient: BigInt, remainder: BigInt) {
    if b.isZero { throw .zeroDivisionError(message) }
    var (q, r) = a.quotientAndRemainder(dividingBy: b)
    if !r.isZero && r.sign != b.sign {
        q -= 1
        r += b
    }
    return (q, r)
}

/// Python `a / b` for ints: the correctly rounded quotient, even for huge operands.
public func pyTrueDiv(_ a: BigInt, _ b: BigInt) throws(NumberError) -> Double {
    if b.isZero { throw .zeroDivisionError("division by zero") }
    guard let q = roundedRatio(a.magnitude, b.magnitude) else {
        throw .overflowError("integer division result too large for a float")
    }
    return isNegative(a) != isNegative(b) ? -q : q
}

/// `float(v)`: correctly rounded (half-even) conversion.
public func pyIntToDouble(_ v: BigInt) throws(NumberError) -> Double {
    guard let m = roundedRatio(v.magnitude, 1) else {
        throw .overflowError("int too large to convert to float")
    }
    return isNegative(v) ? -m : m
}

@inline(__always) func isNegative(_ v: BigInt) -> Bool { v.sign == .minus && !v.isZero }

/// `num / den` correctly rounded to a double (half-even, subnormals included); `nil` if the
/// rounded result overflows. Follows CPython's `long_true_divide`: a 55+-bit truncated quotient
/// with a sticky bit for the remainder, rounded once to the target precision.
func roundedRatio(_ num: BigUInt, _ den: BigUInt) -> Double? {
    if num.isZero { return 0 }
    let exact = BigUInt(1) << 53
    if num <= exact && den <= exact { return Double(UInt64(num)) / Double(UInt64(den)) }
    let diff = num.bitWidth - den.bitWidth
    if diff > 1025 { return nil }
    if diff < -1080 { return 0 }
    let shift = max(diff, -1021) - 55
    let (q, r) = shift < 0
        ? (num << -shift).quotientAndRemainder(dividingBy: den)
        : num.quotientAndRemainder(dividingBy: den << shift)
    var x = UInt64(q)
    if !r.isZero { x |= 1 }
    let xBits = UInt64.bitWidth - x.leadingZeroBitCount
    let extra = max(xBits - 53, -1074 - shift)
    let half: UInt64 = 1 << (extra - 1), mask: UInt64 = (1 << extra) - 1
    let low = x & mask
    x &= ~mask
    if low > half || (low == half && (x >> extra) & 1 == 1) { x += 1 << extra }
    let result = Double(sign: .plus, exponent: shift, significand: Double(x))
    return result.isFinite ? result : nil
}

/// Result of Python's two-argument `**` on ints.
public enum PowResult: Equatable, Sendable {
    case int(BigInt)
    /// Negative exponents produce a float (`2 ** -1 == 0.5`).
    case float(Double)
}

/// Python `a ** b` for ints. Negative `b` goes through float `**` (so `0 ** -1` raises
/// `ZeroDivisionError: 0.0 cannot be raised to a negative power`). Results beyond 2^36 bits
/// raise `MemoryError` instead of exhausting memory.
public func pyPow(_ a: BigInt, _ b: BigInt) throws(NumberError) -> PowResult {
    if isNegative(b) {
        return .float(try pyFloatPow(try pyIntToDouble(a), try pyIntToDouble(b)))
    }
    if b.isZero { return .int(1) }
    if a.isZero || a == 1 { return .int(a) }
    if a == -1 { return .int(b.magnitude[bitAt: 0] ? -1 : 1) }
    guard let e = Int(exactly: b), e <= (1 << 36) / max(a.magnitude.bitWidth - 1, 1) else {
        throw .memoryError("")
    }
    return .int(a.power(e))
}

/// Python `pow(a, b, m)`: modular power; a negative `b` uses the modular inverse of `a`.
/// The result has the sign of `m`.
public func pyPow(_ a: BigInt, _ b: BigInt, modulus m: BigInt) throws(NumberError) -> BigInt {
    if m.isZero { throw .valueError("pow() 3rd argument cannot be 0") }
    let c = m.magnitude
    if c == 1 { return 0 }
    var base = try pyMod(a, BigInt(c)).magnitude
    if isNegative(b) {
        guard let inverse = base.inverse(c) else {
            throw .valueError("base is not invertible for the given modulus")
        }
        base = inverse
    }
    let z = BigInt(base.power(b.magnitude, modulus: c))
    return isNegative(m) && !z.isZero ? z - BigInt(c) : z
}

/// Python `a << n`.
public func pyShiftLeft(_ a: BigInt, _ n: BigInt) throws(NumberError) -> BigInt {
    if isNegative(n) { throw .valueError("negative shift count") }
    if a.isZero { return 0 }
    guard let k = Int(exactly: n) else { throw .overflowError("too many digits in integer") }
    if k > 1 << 36 { throw .memoryError("") }
    return a << k
}

/// Python `a >> n` (floor semantics for negative `a`).
public func pyShiftRight(_ a: BigInt, _ n: BigInt) throws(NumberError) -> BigInt {
    if isNegative(n) { throw .valueError("negative shift count") }
    let negative = isNegative(a)
    guard let k = Int(exactly: n), k < a.magnitude.bitWidth + 1 else { return negative ? -1 : 0 }
    if !negative { return BigInt(a.magnitude >> k) }
    return -BigInt(((a.magnitude - 1) >> k) + 1)
}

/// Python `a & b` with infinite two's complement semantics.
public func pyBitAnd(_ a: BigInt, _ b: BigInt) -> BigInt { bitwise(a, b, &) }
/// Python `a | b` with infinite two's complement semantics.
public func pyBitOr(_ a: BigInt, _ b: BigInt) -> BigInt { bitwise(a, b, |) }
/// Python `a ^ b` with infinite two's complement semantics.
public func pyBitXor(_ a: BigInt, _ b: BigInt) -> BigInt { bitwise(a, b, ^) }
/// Python `~a`, i.e. `-(a + 1)`.
public func pyInvert(_ a: BigInt) -> BigInt { -a - 1 }

private func bitwise(_ a: BigInt, _ b: BigInt, _ op: (UInt, UInt) -> UInt) -> BigInt {
    let count = max(a.magnitude.words.count, b.magnitude.words.count) + 1
    let wa = twosComplementWords(a, count), wb = twosComplementWords(b, count)
    var words = [UInt](repeating: 0, count: count)
    for i in 0..<count { words[i] = op(wa[i], wb[i]) }
    if words[count - 1] >> (UInt.bitWidth - 1) == 0 { return BigInt(BigUInt(words: words)) }
    return -BigInt(BigUInt(words: words.map { ~$0 }) + 1)
}

/// The lowest `count` words of `v` in two's complement (sign-extended).
private func twosComplementWords(_ v: BigInt, _ count: Int) -> [UInt] {
    let negative = isNegative(v)
    let mag = negative ? v.magnitude - 1 : v.magnitude
    var words = [UInt](repeating: negative ? ~0 : 0, count: count)
    for (i, w) in mag.words.enumerated() { words[i] = negative ? ~w : w }
    return words
}

/// `math.gcd(a, b)`: non-negative greatest common divisor.
public func pyGcd(_ a: BigInt, _ b: BigInt) -> BigInt {
    BigInt(a.magnitude.greatestCommonDivisor(with: b.magnitude))
}

/// `round(v, ndigits)` for an int: unchanged for `ndigits >= 0`, else rounded half-even to a
/// multiple of `10 ** -ndigits`.
public func pyRound(_ v: BigInt, ndigits: Int) -> BigInt {
    if ndigits >= 0 || v.isZero { return v }
    if ndigits.magnitude > UInt(v.magnitude.bitWidth) { return 0 }
    let m = BigInt(10).power(Int(ndigits.magnitude))
    var (q, r) = v.quotientAndRemainder(dividingBy: m)
    if isNegative(r) { q -= 1; r += m }
    let twice = r * 2
    if twice > m || (twice == m && q.magnitude[bitAt: 0]) { r -= m }
    return v - r
}

/// Python's `str(v)` (`radix` 10, subject to `maxStrDigits`) or `bin`/`oct`/`hex` (`radix`
/// 2, 8, 16, with `0b`/`0o`/`0x` prefix after the sign).
public func pyIntToString(_ v: BigInt, radix: Int = 10,
                          maxStrDigits: Int = pyDefaultMaxStrDigits) throws(NumberError) -> String {
    let negative = isNegative(v)
    if radix == 10 {
        let digits = try decimalString(v.magnitude, maxStrDigits: maxStrDigits)
        return negative ? "-" + digits : digits
    }
    return (negative ? "-" : "") + radixPrefix(radix) + String(v.magnitude, radix: radix)
}

/// Decimal digits of `magnitude`, enforcing CPython's `int_max_str_digits` limit.
func decimalString(_ magnitude: BigUInt, maxStrDigits: Int) throws(NumberError) -> String {
    let limitMessage = "Exceeds the limit (\(maxStrDigits) digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
    if maxStrDigits > 0 && Double(magnitude.bitWidth - 1) * 0.30102999566398120 > Double(maxStrDigits) {
        throw .valueError(limitMessage)
    }
    let digits = String(magnitude)
    if maxStrDigits > 0 && digits.utf8.count > maxStrDigits { throw .valueError(limitMessage) }
    return digits
}

/// `str`/`bin`/`oct`/`hex` of a machine int (no digit limit can apply).
public func pyIntToString(_ v: Int, radix: Int = 10) -> String {
    if radix == 10 { return String(v) }
    return (v < 0 ? "-" : "") + radixPrefix(radix) + String(v.magnitude, radix: radix)
}

private func radixPrefix(_ radix: Int) -> String {
    switch radix {
    case 2: return "0b"
    case 8: return "0o"
    case 16: return "0x"
    default: preconditionFailure("radix must be 2, 8, 10 or 16")
    }
}
