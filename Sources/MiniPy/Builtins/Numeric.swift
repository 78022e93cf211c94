import Meta
import BigInt
#if canImport(Glibc)
import Glibc
#endif

/// The numeric built-ins: abs, round (CPython's exact, correctly rounded semantics), divmod, pow.
extension Runtime {
    func installNumericFunctions(_ d: Ref) {
        defineFunction(in: d, "abs") { rt, _, args throws(PyException) in
            try args.check("abs", min: 1, max: 1, rt)
            let x = args[0]
            if let v = rt.smallInt(x) { return v == Int.min ? rt.newInt(-BigInt(v)) : rt.newInt(abs(v)) }
            if rt.isInt(x) { return rt.newInt(BigInt(rt.bigValue(x).magnitude)) }
            if x.typeID == rt.L.float.id { return rt.newFloat(abs(x.float(rt.L.floatval))) }
            let m = rt.userMethod(x, "__abs__")
            if !m.isNull { return try rt.callMethod(m, x, []) }
            throw rt.typeError("bad operand type for abs(): '\(rt.typeName(x))'")
        }
        defineFunction(in: d, "round") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "round", ["number", "ndigits"], required: 1)
            return try rt.round(slots[0]!, slots[1] ?? rt.none)
        }
        defineFunction(in: d, "divmod") { rt, _, args throws(PyException) in
            try args.check("divmod", min: 2, max: 2, rt)
            return try rt.divmod(args[0], args[1])
        }
        defineFunction(in: d, "pow") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "pow", ["base", "exp", "mod"], required: 2)
            guard let mod = slots[2], mod != rt.none else { return try rt.binaryOp(.pow, slots[0]!, slots[1]!) }
            return try rt.modularPow(slots[0]!, slots[1]!, mod)
        }
    }

    /// `round(x, ndigits)`.
    public func round(_ x: Ref, _ ndigits: Ref) throws(PyException) -> Ref {
        if x.typeID == L.float.id {
            let v = x.float(L.floatval)
            if ndigits == none { return try newIntFromDouble(v.rounded(.toNearestOrEven)) }
            let n = try bigIndexArgument(ndigits)
            return newFloat(try numeric { () throws(NumberError) in try pyRound(v, ndigits: Int(clamping: n)) })
        }
        if isInt(x) {
            let n = ndigits == none ? BigInt(0) : try bigIndexArgument(ndigits)
            if n >= 0 { return x.typeID == L.bool.id ? newInt(x.int(L.intval)) : x }
            let k = -n
            guard let digits = Int(exactly: k), digits < 100_000 else { return newInt(0) }
            let p = BigInt(10).power(digits)
            let v = bigValue(x)
            var (q, r) = v.quotientAndRemainder(dividingBy: p)
            if r < 0 { q -= 1; r += p }
            let twice = 2 * r
            if twice > p || (twice == p && q.isOdd) { q += 1 }
            return newInt(q * p)
        }
        let m = userMethod(x, "__round__")
        if !m.isNull { return try callMethod(m, x, ndigits == none ? [] : [ndigits]) }
        throw typeError("type \(typeName(x)) doesn't define __round__ method")
    }


    /// `divmod(a, b)`.
    public func divmod(_ a: Ref, _ b: Ref) throws(PyException) -> Ref {
        if isInt(a) && isInt(b) {
            if smallInt(b) == 0 { throw zeroDivisionError("integer division or modulo by zero") }
            let q = try binaryOp(.floorDiv, a, b)
            return try rooting(q) { () throws(PyException) in newTuple([q, try binaryOp(.mod, a, b)]) }
        }
        if let x = floatValue(a), let y = floatValue(b) {
            if y == 0 { throw zeroDivisionError("float divmod()") }
            // CPython's float_divmod: the remainder takes the divisor's sign, the quotient is exact-ish floored.
            var mod = fmod(x, y)
            var div = (x - mod) / y
            if mod != 0 {
                if (y < 0) != (mod < 0) { mod += y; div -= 1 }
            } else {
                mod = copysign(0, y)
            }
            var floordiv: Double
            if div != 0 {
                floordiv = div.rounded(.down)
                if div - floordiv > 0.5 { floordiv += 1 }
            } else {
                floordiv = copysign(0, x / y)
            }
            return newTuple([newFloat(floordiv), newFloat(mod)])
        }
        let m = userMethod(a, "__divmod__")
        if !m.isNull {
            let r = try callMethod(m, a, [b])
            if r != notImplemented { return r }
        }
        let rm = userMethod(b, "__rdivmod__")
        if !rm.isNull {
            let r = try callMethod(rm, b, [a])
            if r != notImplemented { return r }
        }
        throw typeError("unsupported operand type(s) for divmod(): '\(typeName(a))' and '\(typeName(b))'")
    }

    /// Three-argument `pow`: modular exponentiation of ints (negative exponents invert the base).
    func modularPow(_ base: Ref, _ exponent: Ref, _ modulus: Ref) throws(PyException) -> Ref {
        guard isInt(base) && isInt(exponent) && isInt(modulus) else {
            throw typeError("pow() 3rd argument not allowed unless all arguments are integers")
        }
        let m = bigValue(modulus)
        if m == 0 { throw valueError("pow() 3rd argument cannot be 0") }
        let mm = BigInt(m.magnitude)
        var b = bigValue(base) % mm
        if b < 0 { b += mm }
        var e = bigValue(exponent)
        if e < 0 {
            guard let inverse = b.inverse(mm) else { throw valueError("base is not invertible for the given modulus") }
            b = inverse
            e = -e
        }
        var r = mm == 1 ? BigInt(0) : b.power(e, modulus: mm)
        if r < 0 { r += mm }
        if m < 0 && r != 0 { r += m }
        return newInt(r)
    }
}

extension BigInt {
    var isOdd: Bool { (self.magnitude.words.first ?? 0) & 1 == 1 }
}
