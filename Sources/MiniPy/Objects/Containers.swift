import Meta

/// Subscripts, membership and ordering of the built-in containers (list, tuple, str, dict, set, range).
extension Runtime {
    /// Normalises an index for a sequence of `length` (negative counts from the end); nil if out of range.
    @inline(__always) func normalizeIndex(_ i: Int, _ length: Int) -> Int? {
        let j = i < 0 ? i + length : i
        return j >= 0 && j < length ? j : nil
    }

    /// The integer value of an index object (int, bool, or `__index__`).
    func indexValue(_ key: Ref, _ what: String) throws(PyException) -> Int {
        if let v = smallInt(key) { return v }
        if isInt(key) { throw indexError("cannot fit 'int' into an index-sized integer") }
        throw typeError("\(what) indices must be integers or slices, not \(typeName(key))")
    }

    /// start, stop, step of a slice applied to a sequence of `length` (Python's `slice.indices`).
    public func sliceIndices(_ s: Ref, _ length: Int) throws(PyException) -> (start: Int, stop: Int, step: Int) {
        func value(_ r: Ref) throws(PyException) -> Int? {
            if r == none { return nil }
            if let v = smallInt(r) { return v }
            if isInt(r) { return bigValue(r).signum() < 0 ? Int.min / 2 : Int.max / 2 }
            throw typeError("slice indices must be integers or None or have an __index__ method")
        }
        let step = try value(s.ref(L.sliceStep)) ?? 1
        if step == 0 { throw valueError("slice step cannot be zero") }
        func clamp(_ v: Int?, _ dflt: Int) -> Int {
            guard var v else { return dflt }
            if v < 0 { v += length; if v < 0 { v = step < 0 ? -1 : 0 } }
            else if v >= length { v = step < 0 ? length - 1 : length }
            return v
        }
        let start = clamp(try value(s.ref(L.sliceStart)), step < 0 ? length - 1 : 0)
        let stop = clamp(try value(s.ref(L.sliceStop)), step < 0 ? -1 : length)
        return (start, stop, step)
    }

    /// The positions a slice selects.
    func slicePositions(_ s: Ref, _ length: Int) throws(PyException) -> [Int] {
        let (start, stop, step) = try sliceIndices(s, length)
        return Array(stride(from: start, to: stop, by: step))
    }

    /// `o[key]` for built-in containers (nil if `o` is not one).
    public func builtinGetItem(_ o: Ref, _ key: Ref) throws(PyException) -> Ref? {
        let id = o.typeID
        if id == L.list.id || id == L.tuple.id {
            let items = sequenceItems(o)
            if key.typeID == L.slice.id {
                let picked = try slicePositions(key, items.count).map { sequenceItems(o)[$0] }
                return id == L.list.id ? newList(picked) : newTuple(picked)
            }
            guard let i = normalizeIndex(try indexValue(key, id == L.list.id ? "list" : "tuple"), items.count) else {
                throw indexError(id == L.list.id ? "list index out of range" : "tuple index out of range")
            }
            return items[i]
        }
        if id == L.dict.id {
            let v = try dictGet(o, key)
            if v.isNull { throw keyError(key) }
            return v
        }
        if id == L.str.id {
            if key.typeID == L.slice.id {
                if strIsASCII(o) {
                    let bytes = strBytes(o)
                    let picked = try slicePositions(key, bytes.count).map { bytes[$0] }
                    return picked.withUnsafeBytes { newStr(utf8: $0, length: picked.count) }
                }
                let scalars = strScalars(o)
                var out = String.UnicodeScalarView()
                for p in try slicePositions(key, scalars.count) { out.append(scalars[p]) }
                return newStr(String(out))
            }
            guard let i = normalizeIndex(try indexValue(key, "string"), strLength(o)) else { throw indexError("string index out of range") }
            return strCharAt(o, i)
        }
        if id == L.range.id {
            let n = rangeLength(o)
            let start = o.int(L.rangeStart), step = o.int(L.rangeStep)
            if key.typeID == L.slice.id {
                let (a, b, s) = try sliceIndices(key, n)
                return newRange(start + a * step, start + b * step, step * s)
            }
            guard let i = normalizeIndex(try indexValue(key, "range"), n) else { throw indexError("range object index out of range") }
            return newInt(start + i * step)
        }
        return nil
    }

    /// `o[key] = value` for lists and dicts; false if `o` is not one.
    public func builtinSetItem(_ o: Ref, _ key: Ref, _ value: Ref) throws(PyException) -> Bool {
        let id = o.typeID
        if id == L.list.id {
            if key.typeID == L.slice.id {
                let n = listLength(o)
                let (start, stop, step) = try sliceIndices(key, n)
                let replacement = try collect(value)
                var current = items(o)
                if step == 1 {
                    let lo = start, hi = max(start, stop)
                    current.replaceSubrange(lo..<hi, with: replacement)
                } else {
                    let positions = Array(stride(from: start, to: stop, by: step))
                    guard positions.count == replacement.count else {
                        throw valueError("attempt to assign sequence of size \(replacement.count) to extended slice of size \(positions.count)")
                    }
                    for (p, v) in zip(positions, replacement) { current[p] = v }
                }
                listSetItems(o, current)
                return true
            }
            guard let i = normalizeIndex(try indexValue(key, "list"), listLength(o)) else {
                throw indexError("list assignment index out of range")
            }
            sequenceItems(o)[i] = value
            return true
        }
        if id == L.dict.id { try dictSet(o, key, value); return true }
        if id == L.tuple.id || id == L.str.id || id == L.range.id {
            throw typeError("'\(typeName(o))' object does not support item assignment")
        }
        return false
    }

    /// `del o[key]` for lists and dicts; false if `o` is not one.
    public func builtinDelItem(_ o: Ref, _ key: Ref) throws(PyException) -> Bool {
        let id = o.typeID
        if id == L.list.id {
            if key.typeID == L.slice.id {
                let drop = Set(try slicePositions(key, listLength(o)))
                let kept = items(o).enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                listSetItems(o, kept)
                return true
            }
            guard let i = normalizeIndex(try indexValue(key, "list"), listLength(o)) else {
                throw indexError("list assignment index out of range")
            }
            listRemove(at: i, from: o)
            return true
        }
        if id == L.dict.id {
            if try dictDelete(o, key).isNull { throw keyError(key) }
            return true
        }
        return false
    }

    /// `item in container` for built-in containers (nil if `container` is not one).
    public func builtinContains(_ container: Ref, _ item: Ref) throws(PyException) -> Bool? {
        let id = container.typeID
        if id == L.dict.id || id == L.set.id { return try !dictGet(container, item).isNull }
        if id == L.list.id || id == L.tuple.id {
            var i = 0
            while i < sequenceItems(container).count {
                let x = sequenceItems(container)[i]
                if x == item { return true }
                if try equals(x, item) { return true }
                i += 1
            }
            return false
        }
        if id == L.str.id {
            guard item.typeID == L.str.id else {
                throw typeError("'in <string>' requires string as left operand, not \(typeName(item))")
            }
            let hay = strBytes(container), needle = strBytes(item)
            if needle.isEmpty { return true }
            if needle.count > hay.count { return false }
            for start in 0...(hay.count - needle.count) where memcmp(hay.baseAddress! + start, needle.baseAddress!, needle.count) == 0 {
                return true
            }
            return false
        }
        if id == L.iterator.id {
            let d = container.ref(L.iterA)
            switch iteratorKind(container) {
            case .keysView: return try !dictGet(d, item).isNull
            case .itemsView:
                guard item.typeID == L.tuple.id && sequenceItems(item).count == 2 else { return false }
                let v = try dictGet(d, sequenceItems(item)[0])
                return v.isNull ? false : try equals(v, sequenceItems(item)[1])
            case .valuesView:
                return try containsValue(d, item)
            default:
                // Iterators: consume until found, as CPython's `in` does.
                while true {
                    let x = try next(container)
                    if x.isNull { return false }
                    if x == item { return true }
                    if try rooting(x, body: { () throws(PyException) in try equals(x, item) }) { return true }
                }
            }
        }
        if id == L.range.id {
            guard let v = smallInt(item) else { return false }
            let start = container.int(L.rangeStart), stop = container.int(L.rangeStop), step = container.int(L.rangeStep)
            if step > 0 ? (v < start || v >= stop) : (v > start || v <= stop) { return false }
            return (v - start) % step == 0
        }
        return nil
    }

    /// Whether some value of dict `d` equals `item`.
    private func containsValue(_ d: Ref, _ item: Ref) throws(PyException) -> Bool {
        var i = 0
        while i < dictFilled(d) {
            if !dictKey(d, at: i).isNull {
                let v = dictValue(d, at: i)
                if v == item { return true }
                if try equals(v, item) { return true }
            }
            i += 1
        }
        return false
    }

    /// Ordering and equality of two strs, lists or tuples of the same type (nil otherwise).
    public func sequenceCompare(_ op: CompareOp, _ a: Ref, _ b: Ref) throws(PyException) -> Bool? {
        let ta = a.typeID, tb = b.typeID
        if ta == L.str.id && tb == L.str.id {
            if op == .eq { return strEquals(a, b) }
            if op == .ne { return !strEquals(a, b) }
            return op.apply(strCompare(a, b), 0)
        }
        if ta == tb && (ta == L.list.id || ta == L.tuple.id) {
            let x = items(a), y = items(b)
            if (op == .eq || op == .ne) && x.count != y.count { return op == .ne }
            for i in 0..<min(x.count, y.count) where !(try equals(x[i], y[i])) {
                if op == .eq { return false }
                if op == .ne { return true }
                return try isTrue(compare(op, x[i], y[i]))
            }
            return op.apply(x.count, y.count)
        }
        if ta == L.set.id && tb == L.set.id { return try setCompare(op, a, b) }
        if ta == L.range.id && tb == L.range.id && (op == .eq || op == .ne) {
            // Ranges are equal when they produce the same sequence.
            let n = rangeLength(a)
            let same = n == rangeLength(b) && (n == 0 || (a.int(L.rangeStart) == b.int(L.rangeStart)
                && (n == 1 || a.int(L.rangeStep) == b.int(L.rangeStep))))
            return op == .eq ? same : !same
        }
        if ta == tb && (ta == L.dict.id || ta == L.set.id) && (op == .eq || op == .ne) {
            var same = dictCount(a) == dictCount(b)
            if same {
                for (k, v) in dictItems(a) {
                    let w = try dictGet(b, k)
                    if w.isNull { same = false; break }
                    if try !equals(v, w) { same = false; break }
                }
            }
            return op == .eq ? same : !same
        }
        if ta != tb && (op == .eq || op == .ne) && ta != L.instance.id && tb != L.instance.id {
            if numberCompare(.eq, a, b) == nil { return op == .ne ? true : false }
        }
        return nil
    }
}

#if canImport(Glibc)
import Glibc
#endif
