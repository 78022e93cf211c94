import BigInt
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Python `a / b` for floats.
@inlinable public func pyFloatTrueDiv(_ a: Double, _ b: Double) throws(NumberError) -> Double {
    if b == 0 { throw .zeroDivisionError("float division by zero") }
    return a / b
}

/// Python `a // b` for floats.
@inlinable public func pyFloatFloorDiv(_ a: Double, _ b: Double) throws(NumberError) -> Double {
    if b == 0 { throw .zeroDivisionError("float floor division by zero") }
    return floatDivMod(a, b).quotient
}

/// Python `a % b` for floats: the result has the sign of `b` (`-7.5 % 2 == 0.5`, `0.0 % -2 == -0.0`).
@inlinable public func pyFloatMod(_ a: Double, _ b: Double) throws(NumberError) -> Double {
    if b == 0 { throw .zeroDivisionError("float modulo") }
    let mod = a.truncatingRemainder(dividingBy: b)
    if mod == 0 { return Double(signOf: b, magnitudeOf: 0) }
    return (b < 0) != (mod < 0) ? mod + b : mod
}

/// Python `divmod(a, b)` for floats.
@inlinable public func pyFloatDivMod(_ a: Double, _ b: Double) throws(NumberError) -> (quotient: Double, remainder: Double) {
    if b == 0 { throw .zeroDivisionError("float divmod()") }
    return floatDivMod(a, b)
}

/// CPython's `_float_div_mod`: floor quotient snapped to an integral value, and remainder.
@usableFromInline func floatDivMod(_ vx: Double, _ wx: Double) -> (quotient: Double, remainder: Double) {
    var mod = vx.truncatingRemainder(dividingBy: wx)
    var div = (vx - mod) / wx
    if mod != 0 {
        if (wx < 0) != (mod < 0) {
            mod += wx
            div -= 1
        }
    } else {
        mod = Double(signOf: wx, magnitudeOf: 0)
    }
    var floordiv: Double
    if div != 0 {
        floordiv = div.rounded(.down)
        if div - floordiv > 0.5 { floordiv += 1 }
    } else {
        floordiv = Double(signOf: vx / wx, magnitudeOf: 0)
    }
    return (floordiv, mod)
}

/// Python `a ** b` for floats (CPython's `float_pow`, using the platform `pow`).
///
/// A negative base with a non-integral exponent yields a complex number in Python; MiniPy has
/// no complex type, so this throws `ValueError("MiniPy has no complex numbers: negative number
/// cannot be raised to a fractional power")` (or CPython's `OverflowError: complex
/// exponentiation` when the complex result would overflow).
public func pyFloatPow(_ v: Double, _ w: Double) throws(NumberError) -> Double {
    var iv = v
    if w == 0 { return 1 }
    if iv.isNaN { return iv }
    if w.isNaN { return iv == 1 ? 1 : w }
    if w.isInfinite {
        iv = iv.magnitude
        if iv == 1 { return 1 }
        return (w > 0) == (iv > 1) ? w.magnitude : 0
    }
    let wIsOdd = w.magnitude.truncatingRemainder(dividingBy: 2) == 1
    if iv.isInfinite {
        if w > 0 { return wIsOdd ? iv : iv.magnitude }
        return wIsOdd ? Double(signOf: iv, magnitudeOf: 0) : 0
    }
    if iv == 0 {
        if w < 0 { throw .zeroDivisionError("0.0 cannot be raised to a negative power") }
        return wIsOdd ? iv : 0
    }
    var negate = false
    if iv < 0 {
        if w != w.rounded(.down) {
            if pow(-iv, w).isInfinite { throw .overflowError("complex exponentiation") }
            throw .valueError("MiniPy has no complex numbers: negative number cannot be raised to a fractional power")
        }
        iv = -iv
        negate = wIsOdd
    }
    if iv == 1 { return negate ? -1 : 1 }
    let ix = pow(iv, w)
    if ix.isInfinite { throw .overflowError("(34, 'Numerical result out of range')") }
    return negate ? -ix : ix
}

/// `round(x)`: nearest integer, ties to even.
public func pyRound(_ x: Double) throws(NumberError) -> BigInt {
    try integralToBigInt(x.rounded(.toNearestOrEven))
}

/// `round(x, ndigits)`: `x` rounded half-even at `10 ** -ndigits`, computed exactly from the
/// binary value and converted back with correct rounding, exactly as CPython does.
/// (CPython clamps a huge `ndigits` to the `Py_ssize_t` range; so should the caller.)
public func pyRound(_ x: Double, ndigits: Int) throws(NumberError) -> Double {
    if !x.isFinite || ndigits > 323 { return x }
    if ndigits < -308 { return 0.0 * x }
    if x == 0 { return x }
    let digits = String(decoding: roundedScaledDigits(x.magnitude, scale: ndigits), as: UTF8.self)
    let rounded = Double("\(digits)e\(-ndigits)")!
    if rounded.isInfinite { throw .overflowError("rounded value too large to represent") }
    return Double(signOf: x, magnitudeOf: rounded)
}

/// `math.floor(x)` as an int.
public func pyFloor(_ x: Double) throws(NumberError) -> BigInt { try integralToBigInt(x.rounded(.down)) }
/// `math.ceil(x)` as an int.
public func pyCeil(_ x: Double) throws(NumberError) -> BigInt { try integralToBigInt(x.rounded(.up)) }
/// `math.trunc(x)`, which is also `int(x)` for a float.
public func pyTrunc(_ x: Double) throws(NumberError) -> BigInt { try integralToBigInt(x.rounded(.towardZero)) }

/// Exact conversion of an integral double, with CPython's errors for infinities and NaN.
func integralToBigInt(_ x: Double) throws(NumberError) -> BigInt {
    if x.isNaN { throw .valueError("cannot convert float NaN to integer") }
    if x.isInfinite { throw .overflowError("cannot convert float infinity to integer") }
    if x.magnitude < 0x1p63 { return BigInt(Int(x)) }
    let significand = BigInt(x.significandBitPattern | (1 << 52))
    let magnitude = significand << (Int(x.exponent) - 52)
    return x < 0 ? -magnitude : magnitude
}

/// `float.is_integer()`.
@inlinable public func pyFloatIsInteger(_ x: Double) -> Bool {
    x.isFinite && x == x.rounded(.towardZero)
}

/// `math.fmod(x, y)`: C `fmod`, with `ValueError: math domain error` for `y == 0` or infinite `x`.
public func pyFmod(_ x: Double, _ y: Double) throws(NumberError) -> Double {
    if y.isInfinite && x.isFinite { return x }
    let r = x.truncatingRemainder(dividingBy: y)
    if r.isNaN && !x.isNaN && !y.isNaN { throw .valueError("math domain error") }
    return r
}

/// Exact comparison of an int with a float, as Python's `<`, `==`, `>` do: -1, 0 or 1, or
/// `nil` when `d` is NaN (all comparisons false, `!=` true).
public func pyCompare(_ a: BigInt, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    if d.isInfinite { return d > 0 ? -1 : 1 }
    if a.magnitude.bitWidth <= 53 { return compareDoubles(Double(Int(a)), d) }
    let f = d.rounded(.down)
    let fi = try! integralToBigInt(f)
    if a != fi { return a < fi ? -1 : 1 }
    return d > f ? -1 : 0
}

/// Exact comparison of a machine int with a float (see the `BigInt` overload).
@inlinable public func pyCompare(_ a: Int, _ d: Double) -> Int? {
    if d.isNaN { return nil }
    if a.magnitude <= 1 << 53 { return compareDoubles(Double(a), d) }
    if d >= 0x1p63 { return -1 }
    if d < -0x1p63 { return 1 }
    let f = d.rounded(.down)
    let fi = Int(f)
    if a != fi { return a < fi ? -1 : 1 }
    return d > f ? -1 : 0
}

@inlinable func compareDoubles(_ x: Double, _ y: Double) -> Int {
    x < y ? -1 : (x > y ? 1 : 0)
}
