import Meta
import BigInt

/// `repr()`, `str()` and `hash()` of the built-in types.
extension Runtime {
    public func builtinRepr(_ x: Ref) throws(PyException) -> String {
        let id = x.typeID
        if id == L.int.id { return String(x.int(L.intval)) }
        if id == L.bool.id { return x.int(L.intval) != 0 ? "True" : "False" }
        if id == L.long.id { return bigValue(x).description }
        if id == L.float.id { return pyFloatRepr(x.float(L.floatval)) }
        if id == L.none.id { return "None" }
        if id == L.str.id { return pyStrRepr(string(x)) }
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


    /// Whether CPython's `str.isprintable` holds for a code point (repr escapes the others).
    static func isPrintable(_ s: Unicode.Scalar) -> Bool {
        s.isASCII ? (s.value >= 0x20 && s.value < 0x7F) : MiniPy.isPrintable(s)
    }

    /// `\xhh`, `\uhhhh` or `\Uhhhhhhhh` for a code point.
    static func escapeCodePoint(_ v: UInt32) -> String {
        let h = String(v, radix: 16)
        let (letter, width) = v < 0x100 ? ("x", 2) : v < 0x10000 ? ("u", 4) : ("U", 8)
        return "\\" + letter + String(repeating: "0", count: max(width - h.count, 0)) + h
    }


    /// `hash()` of floats and big ints: CPython's numeric hash (modulo 2**61 - 1), so equal numbers hash alike.
    /// `hash()` of ints and floats, CPython's numeric hash (equal numbers hash alike); NaN hashes by identity.
    public func builtinHash(_ x: Ref) throws(PyException) -> Int {
        if x.typeID == L.float.id { return pyHashFloat(x.float(L.floatval)) ?? Int(bitPattern: x.bits >> 4) }
        if let v = smallInt(x) { return pyHashInt(v) }
        return pyHashInt(bigValue(x))
    }
}

#if canImport(Glibc)
import Glibc
#endif
