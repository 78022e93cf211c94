import Meta
import BigInt
#if canImport(Glibc)
import Glibc
#endif

/// The `math` module, with CPython's error conventions: a NaN from a non-NaN argument is `ValueError: math
/// domain error`; an infinity from a finite argument is `OverflowError: math range error` for functions that
/// can overflow and a domain error otherwise.
extension Runtime {
    public func makeModule_math() throws(PyException) -> Ref {
        let (m, d) = newBuiltinModule("math")
        for (name, value) in [("pi", Double.pi), ("e", M_E), ("tau", 2 * Double.pi), ("inf", Double.infinity), ("nan", Double.nan)] {
            dictSetStr(d, intern(name), newFloat(value))
        }
        let unary: [(String, (Double) -> Double, Bool)] = [
            ("sqrt", { $0.squareRoot() }, false), ("exp", { Glibc.exp($0) }, true), ("exp2", { Glibc.exp2($0) }, true),
            ("expm1", { Glibc.expm1($0) }, true), ("sin", { Glibc.sin($0) }, false), ("cos", { Glibc.cos($0) }, false),
            ("tan", { Glibc.tan($0) }, false), ("asin", { Glibc.asin($0) }, false), ("acos", { Glibc.acos($0) }, false),
            ("atan", { Glibc.atan($0) }, false), ("sinh", { Glibc.sinh($0) }, true), ("cosh", { Glibc.cosh($0) }, true),
            ("tanh", { Glibc.tanh($0) }, false), ("asinh", { Glibc.asinh($0) }, false), ("acosh", { Glibc.acosh($0) }, false),
            ("atanh", { Glibc.atanh($0) }, false), ("fabs", { Swift.abs($0) }, false), ("log1p", { Glibc.log1p($0) }, false),
            ("erf", { Glibc.erf($0) }, false), ("erfc", { Glibc.erfc($0) }, false), ("cbrt", { Glibc.cbrt($0) }, false),
            ("gamma", { Glibc.tgamma($0) }, true), ("lgamma", { Glibc.lgamma($0) }, true),
            ("degrees", { $0 * 180 / Double.pi }, true), ("radians", { $0 * Double.pi / 180 }, false),
        ]
        for (name, f, canOverflow) in unary {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                let x = try rt.doubleArgument(args[0])
                if (name == "gamma" || name == "lgamma") && x <= 0 && x == x.rounded() { throw rt.valueError("math domain error") }
                return rt.newFloat(try rt.mathResult(f(x), from: [x], canOverflow: canOverflow))
            }
        }
        let logarithms: [(String, (Double) -> Double)] = [("log2", { Glibc.log2($0) }), ("log10", { Glibc.log10($0) })]
        for (name, f) in logarithms {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                return rt.newFloat(try rt.logarithm(args[0], f))
            }
        }
        defineFunction(in: d, "log") { rt, _, args throws(PyException) in
            try args.check("log", min: 1, max: 2, rt)
            let x = try rt.logarithm(args[0])
            if args.count == 1 { return rt.newFloat(x) }
            let base = try rt.logarithm(args[1])
            if base == 0 { throw rt.zeroDivisionError("float division by zero") }
            return rt.newFloat(x / base)
        }
        let binary: [(String, (Double, Double) -> Double, Bool)] = [
            ("atan2", { Glibc.atan2($0, $1) }, false), ("copysign", { Glibc.copysign($0, $1) }, false),
            ("fmod", { Glibc.fmod($0, $1) }, false), ("remainder", { Glibc.remainder($0, $1) }, false),
            ("pow", { Glibc.pow($0, $1) }, true), ("nextafter", { Glibc.nextafter($0, $1) }, false),
        ]
        for (name, f, canOverflow) in binary {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 2, max: 2, rt)
                let x = try rt.doubleArgument(args[0]), y = try rt.doubleArgument(args[1])
                if name == "pow" && x == 0 && y < 0 && y.isFinite { throw rt.valueError("math domain error") }
                if name == "fmod" && (y == 0 || x.isInfinite) && !x.isNaN && !y.isNaN { throw rt.valueError("math domain error") }
                return rt.newFloat(try rt.mathResult(f(x, y), from: [x, y], canOverflow: canOverflow))
            }
        }
        installMathIntegerFunctions(d)
        installMathMiscFunctions(d)
        return m
    }

    /// Applies CPython's error rules to a libm result computed from `inputs`.
    func mathResult(_ r: Double, from inputs: [Double], canOverflow: Bool) throws(PyException) -> Double {
        if r.isNaN && !inputs.contains(where: \.isNaN) { throw valueError("math domain error") }
        if r.isInfinite && inputs.allSatisfy(\.isFinite) {
            if canOverflow { throw overflowError("math range error") }
            throw valueError("math domain error")
        }
        return r
    }

    /// A logarithm `f` (natural by default) of a number, including ints too large for a float, as CPython's
    /// `loghelper`: an int too large for a float, `m * 2**e` (0.5 <= m < 1), gives `f(m) + f(2) * e`.
    func logarithm(_ x: Ref, _ f: (Double) -> Double = { Glibc.log($0) }) throws(PyException) -> Double {
        if isInt(x) && smallInt(x) == nil {
            let v = bigValue(x)
            if v <= 0 { throw valueError("math domain error") }
            if let d = try? pyIntToDouble(v) { return f(d) }
            let shift = max(Int(v.magnitude.bitWidth) - 64, 0)
            let top = try numeric { () throws(NumberError) in try pyIntToDouble(v >> shift) }
            var e: Int32 = 0
            let m = Glibc.frexp(top, &e)
            return f(m) + f(2.0) * Double(Int(e) + shift)
        }
        let d = try doubleArgument(x)
        if d <= 0 && !d.isNaN { throw valueError("math domain error") }
        return f(d)
    }

    private func installMathIntegerFunctions(_ d: Ref) {
        for (name, rounding) in [("floor", FloatingPointRoundingRule.down), ("ceil", .up), ("trunc", .towardZero)] {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                let x = args[0]
                if rt.isInt(x) { return rt.newInt(rt.bigValue(x)) }
                let m = rt.userMethod(x, "__\(name)__")
                if !m.isNull { return try rt.callMethod(m, x, []) }
                return try rt.newIntFromDouble(try rt.doubleArgument(x).rounded(rounding))
            }
        }
        for (name, isLCM) in [("gcd", false), ("lcm", true)] {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.noKeywords(rt, name)
                var acc = BigInt(isLCM ? 1 : 0)
                for x in args.positional {
                    let v = BigInt(try rt.bigIndexArgument(x).magnitude)
                    if isLCM {
                        acc = acc == 0 || v == 0 ? 0 : acc / acc.greatestCommonDivisor(with: v) * v
                    } else {
                        acc = acc.greatestCommonDivisor(with: v)
                    }
                }
                return rt.newInt(acc)
            }
        }
        defineFunction(in: d, "factorial") { rt, _, args throws(PyException) in
            try args.check("factorial", min: 1, max: 1, rt)
            let n = try rt.indexArgument(args[0])
            if n < 0 { throw rt.valueError("factorial() not defined for negative values") }
            return rt.newInt(Self.product(from: 1, to: n))
        }
        defineFunction(in: d, "isqrt") { rt, _, args throws(PyException) in
            try args.check("isqrt", min: 1, max: 1, rt)
            let n = try rt.bigIndexArgument(args[0])
            if n < 0 { throw rt.valueError("isqrt() argument must be nonnegative") }
            return rt.newInt(BigInt(n.magnitude.squareRoot()))
        }
        for name in ["comb", "perm"] {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.noKeywords(rt, name)
                try args.check(name, min: name == "perm" ? 1 : 2, max: 2, rt)
                let n = try rt.indexArgument(args[0])
                let k = args.count == 2 && args[1] != rt.none ? try rt.indexArgument(args[1]) : n
                if n < 0 { throw rt.valueError("n must be a non-negative integer") }
                if k < 0 { throw rt.valueError("k must be a non-negative integer") }
                if k > n { return rt.newInt(0) }
                let kk = name == "comb" ? min(k, n - k) : k
                let falling = Self.product(from: n - kk + 1, to: n)
                return rt.newInt(name == "perm" ? falling : falling / Self.product(from: 1, to: kk))
            }
        }
    }

    /// lo * (lo + 1) * ... * hi (1 when empty), by balanced halves.
    static func product(from lo: Int, to hi: Int) -> BigInt {
        if lo > hi { return 1 }
        if hi - lo < 8 {
            var p = BigInt(1)
            for i in lo...hi { p *= BigInt(i) }
            return p
        }
        let mid = (lo + hi) / 2
        return product(from: lo, to: mid) * product(from: mid + 1, to: hi)
    }

    private func installMathMiscFunctions(_ d: Ref) {
        for (name, test) in [("isnan", { (x: Double) in x.isNaN }), ("isinf", { $0.isInfinite }), ("isfinite", { $0.isFinite })] {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                return rt.bool(test(try rt.doubleArgument(args[0])))
            }
        }
        defineFunction(in: d, "hypot") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "hypot")
            var values: [Double] = []
            for x in args.positional { values.append(try rt.doubleArgument(x)) }
            if values.contains(where: \.isInfinite) { return rt.newFloat(.infinity) }
            if values.contains(where: \.isNaN) { return rt.newFloat(.nan) }
            let scale = values.map(Swift.abs).max() ?? 0
            if scale == 0 { return rt.newFloat(0) }
            let sum = values.reduce(0.0) { $0 + ($1 / scale) * ($1 / scale) }
            let r = values.count == 2 ? Glibc.hypot(values[0], values[1]) : scale * sum.squareRoot()
            return rt.newFloat(try rt.mathResult(r, from: values, canOverflow: true))
        }
        defineFunction(in: d, "isclose") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "isclose", ["a", "b", "rel_tol", "abs_tol"], required: 2)
            let a = try rt.doubleArgument(slots[0]!), b = try rt.doubleArgument(slots[1]!)
            let rel = try slots[2].map { v throws(PyException) in try rt.doubleArgument(v) } ?? 1e-9
            let absTol = try slots[3].map { v throws(PyException) in try rt.doubleArgument(v) } ?? 0
            if rel < 0 || absTol < 0 { throw rt.valueError("tolerances must be non-negative") }
            if a == b { return rt.trueObject }
            if a.isInfinite || b.isInfinite { return rt.falseObject }
            let diff = Swift.abs(b - a)
            return rt.bool(diff <= Swift.abs(rel * b) || diff <= Swift.abs(rel * a) || diff <= absTol)
        }
        defineFunction(in: d, "fsum") { rt, _, args throws(PyException) in
            try args.check("fsum", min: 1, max: 1, rt)
            var values: [Double] = []
            try rt.forEach(args[0]) { x throws(PyException) in values.append(try rt.doubleArgument(x)) }
            return rt.newFloat(Self.exactSum(values))
        }
        defineFunction(in: d, "prod") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "prod", ["iterable", "start"], required: 1)
            let slot = rt.tempRoots.count
            rt.tempRoots.append(slots[1] ?? rt.newInt(1))
            defer { rt.tempRoots.removeLast() }
            try rt.forEach(slots[0]!) { x throws(PyException) in rt.tempRoots[slot] = try rt.binaryOp(.mul, rt.tempRoots[slot], x) }
            return rt.tempRoots[slot]
        }
        defineFunction(in: d, "modf") { rt, _, args throws(PyException) in
            try args.check("modf", min: 1, max: 1, rt)
            let x = try rt.doubleArgument(args[0])
            if x.isInfinite { return rt.newTuple([rt.newFloat(Glibc.copysign(0, x)), rt.newFloat(x)]) }
            let whole = x.rounded(.towardZero)
            return rt.newTuple([rt.newFloat(Glibc.copysign(x - whole, x)), rt.newFloat(whole)])
        }
        defineFunction(in: d, "frexp") { rt, _, args throws(PyException) in
            try args.check("frexp", min: 1, max: 1, rt)
            var e: Int32 = 0
            let mantissa = Glibc.frexp(try rt.doubleArgument(args[0]), &e)
            return rt.newTuple([rt.newFloat(mantissa), rt.newInt(Int(e))])
        }
        defineFunction(in: d, "ldexp") { rt, _, args throws(PyException) in
            try args.check("ldexp", min: 2, max: 2, rt)
            let x = try rt.doubleArgument(args[0])
            let e = try rt.indexArgument(args[1])
            let r = Glibc.scalbn(x, Int32(clamping: e))
            return rt.newFloat(try rt.mathResult(r, from: [x], canOverflow: true))
        }
    }

    /// The correctly rounded sum of doubles (Shewchuk's algorithm, as `math.fsum`).
    static func exactSum(_ values: [Double]) -> Double {
        var partials: [Double] = []
        var special = 0.0
        for var x in values {
            if !x.isFinite { special += x; continue }
            var i = 0
            for var y in partials {
                if Swift.abs(x) < Swift.abs(y) { swap(&x, &y) }
                let hi = x + y
                let lo = y - (hi - x)
                if lo != 0 { partials[i] = lo; i += 1 }
                x = hi
            }
            partials.removeSubrange(i...)
            partials.append(x)
        }
        if special != 0 || special.isNaN { return special }
        var n = partials.count
        guard n > 0 else { return 0 }
        n -= 1
        var hi = partials[n]
        var lo = 0.0
        while n > 0 {
            let x = hi
            n -= 1
            let y = partials[n]
            hi = x + y
            let yr = hi - x
            lo = y - yr
            if lo != 0 { break }
        }
        if n > 0 && ((lo < 0 && partials[n - 1] < 0) || (lo > 0 && partials[n - 1] > 0)) {
            let y = lo * 2
            let x = hi + y
            if y == x - hi { hi = x }
        }
        return hi
    }
}
