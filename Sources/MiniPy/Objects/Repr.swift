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
        if id == L.list.id || id == L.tuple.id || id == L.dict.id || id == L.set.id {
            return try containerRepr(x)
        }
        if id == L.range.id {
            let step = x.int(L.rangeStep)
            return "range(\(x.int(L.rangeStart)), \(x.int(L.rangeStop))\(step == 1 ? "" : ", \(step)"))"
        }
        if id == L.iterator.id {
            let kind = IteratorKind(rawValue: x.int(L.iterKind))!
            if kind.isView {
                // dict_keys(['a']) — the view's items listed like a list.
                let items = try newListFrom(x)
                return try rooting(items) { () throws(PyException) in "\(kind.typeName)(\(try repr(items)))" }
            }
            let inner = x.ref(L.iterA)
            let name = kind == .sequence && !inner.isNull && inner.typeID == L.tuple.id ? "tuple_iterator" : kind.typeName
            return "<\(name) object at \(address(x))>"
        }
        if id == L.function.id { return "<function \(string(x.ref(L.funcQualname))) at \(address(x))>" }
        if id == L.builtin.id {
            let name = string(x.ref(L.builtinName))
            let receiver = x.ref(L.builtinSelf)
            if receiver.isNull || receiver.typeID == L.module.id { return "<built-in function \(name)>" }
            return "<built-in method \(name) of \(typeName(receiver)) object at \(address(receiver))>"
        }
        if id == L.module.id { return "<module '\(string(x.ref(L.moduleName)))'>" }
        if id == L.notImplemented.id { return "NotImplemented" }
        if id == L.ellipsis.id { return "Ellipsis" }
        if id == L.slice.id {
            return "slice(\(try repr(x.ref(L.sliceStart))), \(try repr(x.ref(L.sliceStop))), \(try repr(x.ref(L.sliceStep))))"
        }
        if id == L.method.id {
            let f = x.ref(L.methodFunction)
            let name = f.typeID == L.function.id ? string(f.ref(L.funcQualname)) : string(f.ref(L.builtinName))
            return "<bound method \(name) of \(try repr(x.ref(L.methodSelf)))>"
        }
        if id == L.wrapper.id { return "<\(typeName(x)) object at \(address(x))>" }
        return "<\(typeName(x)) object at \(address(x))>"
    }

    /// An object's address as CPython prints it in default reprs.
    func address(_ x: Ref) -> String { "0x" + String(x.bits, radix: 16) }

    /// Lists, tuples, dicts and sets, with `[...]`/`{...}` for a container that is already being printed.
    private func containerRepr(_ x: Ref) throws(PyException) -> String {
        let id = x.typeID
        if id == L.set.id && dictCount(x) == 0 { return "set()" }
        if id == L.tuple.id && x.int(L.tupleLength) == 0 { return "()" }
        let active = reprInProgress()
        if sequenceItems(active).contains(x) { return id == L.list.id ? "[...]" : id == L.tuple.id ? "(...)" : "{...}" }
        listAppend(active, x)
        defer { listRemove(at: listLength(active) - 1, from: active) }
        var out = id == L.list.id ? "[" : id == L.tuple.id ? "(" : "{"
        var first = true
        if id == L.list.id || id == L.tuple.id {
            var i = 0
            while i < sequenceItems(x).count {
                if !first { out += ", " }
                first = false
                out += try repr(sequenceItems(x)[i])
                i += 1
            }
            if id == L.tuple.id && i == 1 { out += "," }
        } else {
            var i = 0
            while i < dictFilled(x) {
                let k = dictKey(x, at: i)
                if !k.isNull {
                    if !first { out += ", " }
                    first = false
                    let v = dictValue(x, at: i)
                    out += try repr(k)
                    if id == L.dict.id { out += ": " + (try rooting(v) { () throws(PyException) in try repr(v) }) }
                }
                i += 1
            }
        }
        out += id == L.list.id ? "]" : id == L.tuple.id ? ")" : "}"
        return out
    }

    /// The containers whose repr is being computed, per runtime (to print `[...]` for a list that contains
    /// itself): a guest list under a name no guest code can spell.
    private func reprInProgress() -> Ref {
        let key = intern("\u{0}repr_in_progress")
        var list = dictGetStr(builtinsDict, key)
        if list.isNull {
            list = newList()
            dictSetStr(builtinsDict, key, list)
        }
        return list
    }

    public func builtinStr(_ x: Ref) throws(PyException) -> String {
        if x.typeID == L.str.id { return string(x) }
        return try builtinRepr(x)
    }

    /// Python's repr (and str) of a float.
    public func floatRepr(_ d: Double) -> String { formatDouble(d, code: "r", precision: 0) }

    /// Whether CPython's `str.isprintable` holds for a code point (repr escapes the others).
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x7F { return s.value >= 0x20 }
        if s.value <= 0xA0 { return false }
        switch s.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            return false
        default:
            return true
        }
    }

    /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point.
    static func escapeCodePoint(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        let (letter, width) = v < 0x100 ? ("x", 2) : v < 0x10000 ? ("u", 4) : ("U", 8)
        return "\\" + letter + String(repeating: "0", count: max(width - h.count, 0)) + h
    }

    /// Python's repr of a string: single quotes unless the string contains one and no double quote; `\t \n \r`,
    /// `\\`, the quote, and `\xhh`/`\uhhhh`/`\Uhhhhhhhh` for non-printable code points.
    public func strRepr(_ s: String) -> String {
        let quote: Unicode.Scalar = s.contains("'") && !s.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out.append(contentsOf: "\\\\".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case quote: out.append("\\"); out.append(quote)
            default:
                if Self.isPrintable(scalar) { out.append(scalar); continue }
                out.append(contentsOf: Self.escapeCodePoint(scalar.value).unicodeScalars)
            }
        }
        out.append(quote)
        return String(out)
    }

    /// `hash()` of floats and big ints: CPython's numeric hash (modulo 2**61 - 1), so equal numbers hash alike.
    public func builtinHash(_ x: Ref) throws(PyException) -> Int {
        let modulus: UInt64 = (1 << 61) - 1
        if x.typeID == L.float.id {
            let d = x.float(L.floatval)
            if d.isInfinite { return d > 0 ? 314159 : -314159 }
            if d.isNaN { return Int(bitPattern: x.bits >> 4) }
            var e: Int32 = 0
            var m = frexp(d, &e)
            var sign: Int = 1
            if m < 0 { sign = -1; m = -m }
            var h: UInt64 = 0
            var exp = Int(e)
            while m != 0 {
                h = ((h << 28) & modulus) | (h >> (61 - 28))
                m *= 268435456.0
                exp -= 28
                let y = UInt64(m)
                m -= Double(y)
                h += y
                if h >= modulus { h -= modulus }
            }
            exp = exp >= 0 ? exp % 61 : 61 - 1 - ((-1 - exp) % 61)
            h = ((h << UInt64(exp)) & modulus) | (h >> UInt64(61 - exp))
            let v = Int(h) * sign
            return v == -1 ? -2 : v
        }
        let v = bigValue(x)
        let reduced = Int(v.magnitude % BigUInt(modulus))
        return hashInt(v.sign == .minus ? -reduced : reduced)
    }
}

#if canImport(Glibc)
import Glibc
#endif
