import Meta

/// What a W_Iterator iterates over; its fields `a`, `b`, `c`, `index` and `end` mean different things per kind.
public enum IteratorKind: Int {
    /// a: list or tuple, index: next position.
    case sequence
    /// a: str, index: next code point (ASCII strings) — non-ASCII strings iterate a tuple of characters.
    case str
    /// index: next value, end: stop, b: step boxed as W_Int.
    case range
    /// a: dict, index: next entry slot; `dictValues`/`dictItems` yield values / (key, value) tuples.
    case dictKeys, dictValues, dictItems
    /// a: an object with `__getitem__`, index: next index (stops at IndexError).
    case getitem
}

extension Runtime {
    public func newIterator(_ kind: IteratorKind, a: Ref, index: Int = 0, end: Int = 0, b: Ref = .null, c: Ref = .null) -> Ref {
        let it = alloc(L.iterator)
        it.set(L.iterKind, kind.rawValue)
        it.set(L.iterA, a)
        it.set(L.iterB, b)
        it.set(L.iterC, c)
        it.set(L.iterIndex, index)
        it.set(L.iterEnd, end)
        return it
    }

    /// `iter(x)` for built-in iterables (nil if `x` is not one).
    public func builtinIter(_ x: Ref) throws(PyException) -> Ref? {
        let id = x.typeID
        if id == L.list.id || id == L.tuple.id { return newIterator(.sequence, a: x) }
        if id == L.str.id {
            if strIsASCII(x) { return newIterator(.str, a: x) }
            return newIterator(.sequence, a: newTuple(strScalars(x).map { newStr(String(Character($0))) }))
        }
        if id == L.range.id {
            return newIterator(.range, a: .null, index: x.int(L.rangeStart), end: x.int(L.rangeStop), b: newInt(x.int(L.rangeStep)))
        }
        if id == L.dict.id || id == L.set.id { return newIterator(.dictKeys, a: x) }
        if id == L.iterator.id { return x }
        return nil
    }

    /// The next item of a W_Iterator, or null when exhausted.
    public func builtinNext(_ it: Ref) throws(PyException) -> Ref {
        let i = it.int(L.iterIndex)
        switch IteratorKind(rawValue: it.int(L.iterKind))! {
        case .sequence:
            let items = sequenceItems(it.ref(L.iterA))
            if i >= items.count { return .null }
            it.set(L.iterIndex, i + 1)
            return items[i]
        case .str:
            let s = it.ref(L.iterA)
            if i >= s.int(L.strCount) { return .null }
            it.set(L.iterIndex, i + 1)
            return asciiChar(strBytes(s)[i])
        case .range:
            let step = it.ref(L.iterB).int(L.intval)
            let end = it.int(L.iterEnd)
            if step > 0 ? i >= end : i <= end { return .null }
            it.set(L.iterIndex, i &+ step)
            return newInt(i)
        case .dictKeys, .dictValues, .dictItems:
            let d = it.ref(L.iterA)
            var j = i
            let filled = dictFilled(d)
            while j < filled && dictKey(d, at: j).isNull { j += 1 }
            if j >= filled { it.set(L.iterIndex, j); return .null }
            it.set(L.iterIndex, j + 1)
            switch IteratorKind(rawValue: it.int(L.iterKind))! {
            case .dictKeys: return dictKey(d, at: j)
            case .dictValues: return dictValue(d, at: j)
            default: return newTuple([dictKey(d, at: j), dictValue(d, at: j)])
            }
        case .getitem:
            do {
                let v = try getItem(it.ref(L.iterA), newInt(i))
                it.set(L.iterIndex, i + 1)
                return v
            } catch {
                if isInstance(error.value, exceptions.IndexError) || isInstance(error.value, exceptions.StopIteration) { return .null }
                throw error
            }
        }
    }
}
