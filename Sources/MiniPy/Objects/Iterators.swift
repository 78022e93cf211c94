import Meta

/// What a W_Iterator iterates over; its fields `a`, `b`, `c`, `index` and `end` mean different things per kind.
/// The `*View` kinds are not iterators but dict views (`d.keys()`): iterable any number of times, with `len`,
/// `in` and a `dict_keys([...])` repr.
public enum IteratorKind: Int {
    /// a: list or tuple, index: next position.
    case sequence
    /// a: str, index: next code point (ASCII strings) — non-ASCII strings iterate a tuple of characters.
    case str
    /// index: next value, end: stop, b: step boxed as W_Int.
    case range
    /// a: dict or set, index: next entry slot, end: 1 + the size it had when iteration began (0: unchecked);
    /// `dictValues`/`dictItems` yield values / (key, value) tuples.
    case dictKeys, dictValues, dictItems
    /// a: an object with `__getitem__`, index: next index (stops at IndexError).
    case getitem
    /// `enumerate`: a: the underlying iterator, index: the next count.
    case enumerate
    /// `zip`: a: tuple of iterators; index -1 once exhausted.
    case zip
    /// `map`: a: the function, b: tuple of iterators.
    case map
    /// `filter`: a: the predicate (None: truth), b: the iterator.
    case filter
    /// `reversed` over a list or tuple: a: the sequence, index: next position (counting down).
    case reversed
    /// `iter(callable, sentinel)`: a: the callable, b: the sentinel; index -1 once exhausted.
    case callable
    /// Views of a dict (a: the dict).
    case keysView, valuesView, itemsView

    /// Whether this is a dict view rather than an iterator.
    public var isView: Bool { self == .keysView || self == .valuesView || self == .itemsView }

    /// CPython's type name for objects of this kind.
    public var typeName: String {
        switch self {
        case .sequence: "list_iterator"
        case .str: "str_iterator"
        case .range: "range_iterator"
        case .dictKeys: "dict_keyiterator"
        case .dictValues: "dict_valueiterator"
        case .dictItems: "dict_itemiterator"
        case .getitem: "iterator"
        case .enumerate: "enumerate"
        case .zip: "zip"
        case .map: "map"
        case .filter: "filter"
        case .reversed: "list_reverseiterator"
        case .callable: "callable_iterator"
        case .keysView: "dict_keys"
        case .valuesView: "dict_values"
        case .itemsView: "dict_items"
        }
    }
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

    /// The kind of a W_Iterator.
    @inline(__always) public func iteratorKind(_ it: Ref) -> IteratorKind { IteratorKind(rawValue: it.int(L.iterKind))! }

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
        if id == L.dict.id || id == L.set.id { return newIterator(.dictKeys, a: x, end: dictCount(x) + 1) }
        if id == L.iterator.id {
            switch iteratorKind(x) {
            case .keysView: return newIterator(.dictKeys, a: x.ref(L.iterA), end: dictCount(x.ref(L.iterA)) + 1)
            case .valuesView: return newIterator(.dictValues, a: x.ref(L.iterA), end: dictCount(x.ref(L.iterA)) + 1)
            case .itemsView: return newIterator(.dictItems, a: x.ref(L.iterA), end: dictCount(x.ref(L.iterA)) + 1)
            default: return x
            }
        }
        return nil
    }

    /// Whether `builtinNext(it)` would produce an item (or raise), found without advancing anything; nil for
    /// iterators that cannot tell without running code or advancing others (getitem, map, filter, zip,
    /// callable). What the tracer branches on before the call that advances.
    public func iteratorHasNext(_ it: Ref) -> Bool? {
        let i = it.int(L.iterIndex)
        switch iteratorKind(it) {
        case .sequence: return i < sequenceItems(it.ref(L.iterA)).count
        case .str: return i < it.ref(L.iterA).int(L.strCount)
        case .range:
            let step = it.ref(L.iterB).int(L.intval), end = it.int(L.iterEnd)
            return step > 0 ? i < end : i > end
        case .dictKeys, .dictValues, .dictItems:
            let d = it.ref(L.iterA)
            let expected = it.int(L.iterEnd)
            if expected > 0 && dictCount(d) != expected - 1 { return true }  // the next call raises
            var j = i
            let filled = dictFilled(d)
            while j < filled && dictKey(d, at: j).isNull { j += 1 }
            return j < filled
        case .enumerate:
            let inner = it.ref(L.iterA)
            return inner.typeID == L.iterator.id ? iteratorHasNext(inner) : nil
        case .reversed:
            return i >= 0 && i < sequenceItems(it.ref(L.iterA)).count
        case .getitem, .zip, .map, .filter, .callable, .keysView, .valuesView, .itemsView:
            return nil
        }
    }

    /// The next item of a W_Iterator, or null when exhausted.
    public func builtinNext(_ it: Ref) throws(PyException) -> Ref {
        let i = it.int(L.iterIndex)
        let kind = iteratorKind(it)
        switch kind {
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
            let expected = it.int(L.iterEnd)
            if expected > 0 && dictCount(d) != expected - 1 {
                let what = d.typeID == L.set.id ? "Set" : "dictionary"
                throw error(exceptions.RuntimeError, "\(what) changed size during iteration")
            }
            var j = i
            let filled = dictFilled(d)
            while j < filled && dictKey(d, at: j).isNull { j += 1 }
            if j >= filled { it.set(L.iterIndex, j); return .null }
            it.set(L.iterIndex, j + 1)
            switch kind {
            case .dictKeys: return dictKey(d, at: j)
            case .dictValues: return dictValue(d, at: j)
            default: return newTuple([dictKey(d, at: j), dictValue(d, at: j)])
            }
        case .getitem:
            if i < 0 { return .null }
            do throws(PyException) {
                let v = try getItem(it.ref(L.iterA), newInt(i))
                it.set(L.iterIndex, i + 1)
                return v
            } catch {
                if isInstance(error.value, exceptions.IndexError) || isInstance(error.value, exceptions.StopIteration) {
                    it.set(L.iterIndex, -1)
                    return .null
                }
                throw error
            }
        case .enumerate:
            let v = try next(it.ref(L.iterA))
            if v.isNull { return .null }
            it.set(L.iterIndex, i + 1)
            return newTuple([newInt(i), v])
        case .zip:
            if i < 0 { return .null }
            let iterators = it.ref(L.iterA)
            let n = sequenceItems(iterators).count
            if n == 0 { return .null }
            // The items collected so far live in a guest tuple while later iterators run guest code.
            let row = newTupleUninitialized(n)
            for k in 0..<n { row.refTail(L.tuple)[k] = none }
            return try rooting(row) { () throws(PyException) in
                for k in 0..<n {
                    let v = try next(sequenceItems(iterators)[k])
                    if v.isNull { it.set(L.iterIndex, -1); return .null }
                    row.refTail(L.tuple)[k] = v
                }
                return row
            }
        case .map:
            let iterators = it.ref(L.iterB)
            let n = sequenceItems(iterators).count
            let row = newList(capacity: n)
            return try rooting(row) { () throws(PyException) in
                for k in 0..<n {
                    let v = try next(sequenceItems(iterators)[k])
                    if v.isNull { return .null }
                    listAppend(row, v)
                }
                return try call(it.ref(L.iterA), items(row))
            }
        case .filter:
            let predicate = it.ref(L.iterA)
            while true {
                let v = try next(it.ref(L.iterB))
                if v.isNull { return .null }
                let keep = try rooting(v) { () throws(PyException) in
                    predicate == none ? try isTrue(v) : try isTrue(call(predicate, [v]))
                }
                if keep { return v }
            }
        case .reversed:
            let items = sequenceItems(it.ref(L.iterA))
            if i < 0 || i >= items.count {
                it.set(L.iterIndex, -1)
                return .null
            }
            it.set(L.iterIndex, i - 1)
            return items[i]
        case .callable:
            if i < 0 { return .null }
            let v = try call(it.ref(L.iterA), [])
            if try rooting(v, body: { () throws(PyException) in try equals(v, it.ref(L.iterB)) }) {
                it.set(L.iterIndex, -1)
                return .null
            }
            return v
        case .keysView, .valuesView, .itemsView:
            throw typeError("'\(kind.typeName)' object is not an iterator")
        }
    }
}
