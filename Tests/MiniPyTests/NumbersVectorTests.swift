import BigInt
import Foundation
import Testing
@testable import MiniPy

/// Checks the numeric core against CPython 3.11 on the committed vectors.
@Suite struct NumbersVectorTests {
    @Test func floatRepr() {
        var m = Mismatches()
        for row in Vectors.load("float_repr.json") {
            let x = dbl(row[0] as! String)
            m.check(pyFloatRepr(x), row[1] as! String, "repr(\(row[0]))")
        }
        #expect(m.checked == 10000)
        #expect(m.failures == 0, "\(m.summary)")
    }

    @Test func formatBuiltin() {
        var m = Mismatches()
        for row in Vectors.load("format.json") {
            let kind = row[0] as! String, value = row[1] as! String, spec = row[2] as! String
            let want = expectedText(row[3])
            switch kind {
            case "int":
                let v = big(value)
                m.check(outcome({ () throws(NumberError) in try pyFormatInt(v, spec: spec) }, { $0 }), want,
                        "format(\(value), \(spec.debugDescription))")
                if let small = Int(exactly: v) {
                    m.check(outcome({ () throws(NumberError) in try pyFormatInt(small, spec: spec) }, { $0 }), want,
                            "format(Int \(value), \(spec.debugDescription))")
                }
            case "float":
                m.check(outcome({ () throws(NumberError) in try pyFormatFloat(dbl(value), spec: spec) }, { $0 }),
                        want, "format(\(pyFloatRepr(dbl(value))), \(spec.debugDescription))")
            default:
                m.check(outcome({ () throws(NumberError) in try pyFormatStr(value, spec: spec) }, { $0 }), want,
                        "format(\(value.debugDescription), \(spec.debugDescription))")
            }
        }
        #expect(m.failures == 0, "\(m.summary)")
    }

    @Test func percentFormatting() {
        var m = Mismatches()
        for row in Vectors.load("percent.json") {
            let fmt = row[0] as! String
            var positional: [PercentArg]?, mapping: [String: PercentArg]?
            if let dict = row[1] as? [String: Any] {
                mapping = (dict["map"] as! [String: Any]).mapValues(percentArg)
            } else {
                positional = (row[1] as! [Any]).map(percentArg)
            }
            m.check(percentFormat(fmt, positional: positional, mapping: mapping), expectedText(row[2]),
                    "\(fmt.debugDescription) % \(row[1])")
        }
        #expect(m.failures == 0, "\(m.summary)")
    }

    @Test func parsing() {
        var m = Mismatches()
        for row in Vectors.load("parse.json") {
            let s = row[1] as! String, base = (row[2] as! NSNumber).intValue
            let want = expectedText(row[3])
            if row[0] as! String == "int" {
                m.check(outcome({ () throws(NumberError) in try pyParseInt(s, base: base) }, { pyIntString($0) }), want,
                        "int(\(s.debugDescription), \(base))")
            } else {
                m.check(outcome({ () throws(NumberError) in try pyParseFloat(s) }, bits), want,
                        "float(\(s.debugDescription))")
            }
        }
        #expect(m.failures == 0, "\(m.summary)")
    }

    @Test func intArithmetic() {
        var m = Mismatches()
        for row in Vectors.load("int_ops.json") {
            let op = row[0] as! String
            let a = big(row[1] as! String)
            let bText = row[2] as! String
            let b = bText.isEmpty ? 0 : big(bText)
            let want = expectedText(row[row.count - 1])
            let context = "\(op)(\(row[1]), \(row[2]))"
            let actual: String
            switch op {
            case "floordiv": actual = outcome({ () throws(NumberError) in try pyFloorDiv(a, b) }, pyIntString)
            case "mod": actual = outcome({ () throws(NumberError) in try pyMod(a, b) }, pyIntString)
            case "divmod":
                actual = outcome({ () throws(NumberError) in try pyDivMod(a, b) }, { pyIntString($0.quotient) + "," + pyIntString($0.remainder) })
            case "truediv": actual = outcome({ () throws(NumberError) in try pyTrueDiv(a, b) }, bits)
            case "and": actual = pyIntString(pyBitAnd(a, b))
            case "or": actual = pyIntString(pyBitOr(a, b))
            case "xor": actual = pyIntString(pyBitXor(a, b))
            case "pow":
                actual = outcome({ () throws(NumberError) in try pyPow(a, b) }) { r in
                    switch r {
                    case .int(let v): return pyIntString(v)
                    case .float(let d): return bits(d)
                    }
                }
            case "pow3":
                let mod = big(row[3] as! String)
                actual = outcome({ () throws(NumberError) in try pyPow(a, b, modulus: mod) }, pyIntString)
            case "lshift": actual = outcome({ () throws(NumberError) in try pyShiftLeft(a, b) }, pyIntString)
            case "rshift": actual = outcome({ () throws(NumberError) in try pyShiftRight(a, b) }, pyIntString)
            case "invert": actual = pyIntString(pyInvert(a))
            case "tofloat": actual = outcome({ () throws(NumberError) in try pyIntToDouble(a) }, bits)
            case "str": actual = outcome({ () throws(NumberError) in try pyIntToString(a) }, { $0 })
            case "bin": actual = outcome({ () throws(NumberError) in try pyIntToString(a, radix: 2) }, { $0 })
            case "oct": actual = outcome({ () throws(NumberError) in try pyIntToString(a, radix: 8) }, { $0 })
            case "hex": actual = outcome({ () throws(NumberError) in try pyIntToString(a, radix: 16) }, { $0 })
            case "round": actual = pyIntString(pyRound(a, ndigits: Int(b)))
            case "gcd": actual = pyIntString(pyGcd(a, b))
            default: Issue.record("unknown op \(op)"); continue
            }
            m.check(actual, want, context)
            if let x = Int(exactly: a), let y = Int(exactly: b) {
                checkSmall(op, x, y, want, &m, context)
            }
        }
        #expect(m.failures == 0, "\(m.summary)")
    }

    /// The `Int` fast paths must agree with CPython whenever they do not report overflow.
    private func checkSmall(_ op: String, _ a: Int, _ b: Int, _ want: String, _ m: inout Mismatches, _ context: String) {
        func opt(_ v: Int?) -> String { v.map(String.init) ?? want }
        let actual: String
        switch op {
        case "floordiv": actual = outcome({ () throws(NumberError) in try pyFloorDiv(a, b) }, opt)
        case "mod": actual = outcome({ () throws(NumberError) in try pyMod(a, b) }, String.init)
        case "divmod": actual = outcome({ () throws(NumberError) in try pyDivMod(a, b) }, { $0.map { "\($0.quotient),\($0.remainder)" } ?? want })
        case "truediv": actual = outcome({ () throws(NumberError) in try pyTrueDiv(a, b) }, bits)
        case "and": actual = String(a & b)
        case "or": actual = String(a | b)
        case "xor": actual = String(a ^ b)
        case "pow": actual = b < 0 ? want : opt(pyPow(a, b))
        case "lshift": actual = outcome({ () throws(NumberError) in try pyShiftLeft(a, b) }, opt)
        case "rshift": actual = outcome({ () throws(NumberError) in try pyShiftRight(a, b) }, String.init)
        case "str": actual = pyIntToString(a)
        case "bin": actual = pyIntToString(a, radix: 2)
        case "oct": actual = pyIntToString(a, radix: 8)
        case "hex": actual = pyIntToString(a, radix: 16)
        default: return
        }
        m.check(actual, want, "Int " + context)
    }

    @Test func floatArithmetic() {
        var m = Mismatches()
        for row in Vectors.load("float_ops.json") {
            let op = row[0] as! String
            let want = expectedText(row[3])
            let context = "\(op)(\(row[1]), \(row[2]))"
            if op == "cmp" {
                let a = big(row[1] as! String), x = dbl(row[2] as! String)
                m.check(pyCompare(a, x).map { String($0) } ?? "None", want, context)
                if let small = Int(exactly: a) {
                    m.check(pyCompare(small, x).map { String($0) } ?? "None", want, "Int " + context)
                }
                continue
            }
            let x = dbl(row[1] as! String)
            let yText = row[2] as! String
            let y = yText.count == 16 ? dbl(yText) : 0
            let actual: String
            switch op {
            case "floordiv": actual = outcome({ () throws(NumberError) in try pyFloatFloorDiv(x, y) }, bits)
            case "mod": actual = outcome({ () throws(NumberError) in try pyFloatMod(x, y) }, bits)
            case "divmod": actual = outcome({ () throws(NumberError) in try pyFloatDivMod(x, y) }, { bits($0.quotient) + "," + bits($0.remainder) })
            case "truediv": actual = outcome({ () throws(NumberError) in try pyFloatTrueDiv(x, y) }, bits)
            case "pow": actual = outcome({ () throws(NumberError) in try pyFloatPow(x, y) }, bits)
            case "fmod": actual = outcome({ () throws(NumberError) in try pyFmod(x, y) }, bits)
            case "round": actual = outcome({ () throws(NumberError) in try pyRound(x) }, pyIntString)
            case "floor": actual = outcome({ () throws(NumberError) in try pyFloor(x) }, pyIntString)
            case "ceil": actual = outcome({ () throws(NumberError) in try pyCeil(x) }, pyIntString)
            case "trunc", "int": actual = outcome({ () throws(NumberError) in try pyTrunc(x) }, pyIntString)
            case "is_integer": actual = pyFloatIsInteger(x) ? "1" : "0"
            case "round_n": actual = outcome({ () throws(NumberError) in try pyRound(x, ndigits: Int(yText)!) }, bits)
            default: Issue.record("unknown op \(op)"); continue
            }
            m.check(actual, want, context)
        }
        #expect(m.failures == 0, "\(m.summary)")
    }

    @Test func hashing() {
        var m = Mismatches()
        for row in Vectors.load("hash.json") {
            let value = row[1] as! String, want = row[2] as! String
            if row[0] as! String == "int" {
                let v = big(value)
                m.check(String(pyHashInt(v)), want, "hash(\(value))")
                if let small = Int(exactly: v) { m.check(String(pyHashInt(small)), want, "hash(Int \(value))") }
            } else {
                m.check(pyHashFloat(dbl(value)).map { String($0) } ?? "nil", want, "hash(\(pyFloatRepr(dbl(value))))")
            }
        }
        #expect(m.failures == 0, "\(m.summary)")
    }

    @Test func strRepr() {
        var m = Mismatches()
        for row in Vectors.load("str_repr.json") {
            m.check(pyStrRepr(row[0] as! String), row[1] as! String, "repr(\((row[0] as! String).debugDescription))")
        }
        #expect(m.failures == 0, "\(m.summary)")
    }
}

/// Decimal text of an int for comparisons (hex beyond CPython's 4300-digit limit, like the generator).
func pyIntString(_ v: BigInt) -> String {
    if v.magnitude.bitWidth >= 14000 { return (try? pyIntToString(v, radix: 16))! }
    return (try? pyIntToString(v, maxStrDigits: 0))!
}
