import Meta
import BigInt

/// `repr()`, `str()` and `hash()` of the built-in types.
extension Runtime {
    public func builtinRepr(_ x: Ref) throws(PyException) -> String {
        let id = x.typeID
        if id == L.int.id { return String(x.int(L.intval)) }
        if id == L.bool.id { return x.int(L.intval) != 0 ? "True" : "False" }
        if id == L.long.id { return bigValue(x).description }
        if id == L.float.id { return floatRepr(x.float(L.floatval)) }
        if id == L.none.id { return "None" }
        if id == L.str.id { return strRepr(string(x)) }
        if id == L.list.id || id == L.tuple.id {
            let items = items(x)
            var parts: [String] = []
            for item in items { parts.append(try repr(item)) }
            if id == L.list.id { return "[" + parts.joined(separator: ", ") + "]" }
            return items.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
        }
        if id == L.dict.id {
            var parts: [String] = []
            for (k, v) in dictItems(x) { parts.append(try repr(k) + ": " + repr(v)) }
            return "{" + parts.joined(separator: ", ") + "}"
        }
        if id == L.set.id {
            if dictCount(x) == 0 { return "set()" }
            var parts: [String] = []
            for (k, _) in dictItems(x) { parts.append(try repr(k)) }
            return "{" + parts.joined(separator: ", ") + "}"
        }
        if id == L.range.id {
            let step = x.int(L.rangeStep)
            return "range(\(x.int(L.rangeStart)), \(x.int(L.rangeStop))\(step == 1 ? "" : ", \(step)"))"
        }
        if id == L.function.id { return "<function \(string(x.ref(L.funcQualname))) at 0x\(String(x.bits, radix: 16))>" }
        if id == L.builtin.id { return "<built-in function \(string(x.ref(L.builtinName)))>" }
        if id == L.module.id { return "<module '\(string(x.ref(L.moduleName)))'>" }
        if id == L.notImplemented.id { return "NotImplemented" }
        if id == L.ellipsis.id { return "Ellipsis" }
        if id == L.slice.id {
            return "slice(\(try repr(x.ref(L.sliceStart))), \(try repr(x.ref(L.sliceStop))), \(try repr(x.ref(L.sliceStep))))"
        }
        if id == L.method.id {
            let f = x.ref(L.methodFunction)
            let name = f.typeID == L.function.id ? string(f.ref(L.funcQualname)) : "?"
            return "<bound method \(name) of \(try repr(x.ref(L.methodSelf)))>"
        }
        return "<\(typeName(x)) object at 0x\(String(x.bits, radix: 16))>"
    }

    public func builtinStr(_ x: Ref) throws(PyException) -> String {
        if x.typeID == L.str.id { return string(x) }
        return try builtinRepr(x)
    }

    /// Python's repr of a float.
    public func floatRepr(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d < 0 ? "-inf" : "inf" }
        var s = "\(d)"
        if let e = s.firstIndex(of: "e") {
            var mantissa = String(s[..<e])
            var exponent = String(s[s.index(after: e)...])
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            let negative = exponent.hasPrefix("-")
            if negative || exponent.hasPrefix("+") { exponent.removeFirst() }
            if exponent.count < 2 { exponent = "0" + exponent }
            s = mantissa + "e" + (negative ? "-" : "+") + exponent
        }
        return s
    }

    /// Python's repr of a string: single quotes unless the string contains one and no double quote.
    public func strRepr(_ s: String) -> String {
        let quote: Character = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if Character(scalar) == quote { out += "\\\(quote)" }
                else if scalar.value < 0x20 || scalar.value == 0x7f { out += String(format: "\\x%02x", scalar.value) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        out.append(quote)
        return out
    }

    public func builtinHash(_ x: Ref) throws(PyException) -> Int {
        if x.typeID == L.float.id {
            let d = x.float(L.floatval)
            if d.isFinite && d == d.rounded(), let i = Int(exactly: d) { return hashInt(i) }
            return Int(truncatingIfNeeded: d.bitPattern.hashValue)
        }
        let v = bigValue(x)
        return hashInt(Int(truncatingIfNeeded: v % BigInt((1 << 61) - 1)))
    }

    /// `fmt % args` for strings.
    public func percentFormat(_ format: Ref, _ args: Ref) throws(PyException) -> Ref {
        let values = args.typeID == L.tuple.id ? items(args) : [args]
        var out = ""
        var next = 0
        let chars = Array(string(format))
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if c != "%" { out.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw valueError("incomplete format") }
            var spec = ""
            while i < chars.count, "-+ #0123456789.".contains(chars[i]) { spec.append(chars[i]); i += 1 }
            guard i < chars.count else { throw valueError("incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" { out.append("%"); continue }
            guard next < values.count else { throw typeError("not enough arguments for format string") }
            let v = values[next]
            next += 1
            switch type {
            case "s": out += try str(v)
            case "r": out += try repr(v)
            case "d", "i":
                guard let f = floatValue(v) else { throw typeError("%\(type) format: a real number is required, not \(typeName(v))") }
                out += String(format: "%\(spec)ld", isInt(v) ? (smallInt(v) ?? 0) : Int(f))
            default:
                guard let f = floatValue(v) else { throw typeError("must be real number, not \(typeName(v))") }
                out += String(format: "%\(spec)\(type)", f)
            }
        }
        if next < values.count && args.typeID == L.tuple.id {
            throw typeError("not all arguments converted during string formatting")
        }
        return newStr(out)
    }
}

import Foundation
