import Meta

/// Handler bodies kept out of the dispatch loop's function (`@inline(never)`): the loop's hottest paths keep their
/// registers when the rarer or longer handlers live elsewhere. Each is written against the domain like the rest.
extension Interpreter {
    /// FOR_ITER's step for iterators other than ranges: list and tuple iterators through the domain; while
    /// tracing, other built-in iterators branch on a read-only has-next check before the call that advances.
    /// Returns false when the iterator is exhausted (the caller pops it and jumps).
    @inline(never)
    func forIterNext(_ d: inout D, _ it: D.R) throws(PyException) -> Bool {
        if d.hasType(it, L.iterator) && d.isTrue(d.intEq(d.getfieldI(it, L.iterKind), d.constInt(IteratorKind.sequence.rawValue))) {
            let seq = d.getfieldR(it, L.iterA)
            let i = d.getfieldI(it, L.iterIndex)
            let isList = d.hasType(seq, L.list)
            let n = d.getfieldI(seq, isList ? L.listLength : L.tupleLength)
            guard d.isTrue(d.intLt(i, n)), let next = d.intAddOvf(i, d.constInt(1)) else { return false }
            let v = isList ? d.getarrayitemR(d.getfieldR(seq, L.listItems), L.array, i) : d.getarrayitemR(seq, L.tuple, i)
            d.setfieldI(it, L.iterIndex, next)
            d.push(v)
            return true
        }
        if D.isTracing && d.hasType(it, L.iterator) {
            // Other iterators advance inside the call, so a guard on its result would follow that effect: branch
            // first on whether there is a next item, found without advancing.
            let more = d.callR(Residuals.iteratorHasNext, it)
            if d.isSame(more, d.constRef(rt.trueObject)) {
                d.push(try residual(&d, Residuals.next, it))
                return true
            }
            if d.isSame(more, d.constRef(rt.falseObject)) { return false }
        }
        d.notTraceable("FOR_ITER over an iterator that cannot tell whether it has a next item")
        let v = try residual(&d, Residuals.next, it)
        if d.isSame(v, it) { return false }
        d.push(v)
        return true
    }

    /// BUILD_LIST of the `count` values on top of the stack.
    @inline(never)
    func buildList(_ d: inout D, count: Int) -> D.R {
        let capacity = max(count, 4)
        guard let l = d.new(L.list), let items = d.new(Layout(id: L.array.id, fixedSize: L.array.fixedSize + 8 * capacity)) else {
            rt.fatalMemoryError()
        }
        d.setfieldI(items, L.arrayCapacity, d.constInt(capacity))
        for i in 0..<count { d.setarrayitemR(items, L.array, d.constInt(count - 1 - i), d.pop()) }
        d.setfieldR(l, L.listItems, items)
        d.setfieldI(l, L.listLength, d.constInt(count))
        return l
    }

    /// UNPACK_SEQUENCE: tuples and lists of the right length through the domain, anything else by the runtime.
    @inline(never)
    func unpackSequence(_ d: inout D, count: Int) throws(PyException) {
        let s = d.pop()
        if d.hasType(s, L.tuple) && d.isTrue(d.intEq(d.getfieldI(s, L.tupleLength), d.constInt(count))) {
            for i in stride(from: count - 1, through: 0, by: -1) { d.push(d.getarrayitemR(s, L.tuple, d.constInt(i))) }
            return
        }
        if d.hasType(s, L.list) && d.isTrue(d.intEq(d.getfieldI(s, L.listLength), d.constInt(count))) {
            let items = d.getfieldR(s, L.listItems)
            for i in stride(from: count - 1, through: 0, by: -1) { d.push(d.getarrayitemR(items, L.array, d.constInt(i))) }
            return
        }
        d.notTraceable("UNPACK_SEQUENCE of something other than a tuple or list of the right length")
        sync(&d)
        let items = try rt.unpack(d.concrete(s), count: count)
        for x in items.reversed() { d.push(d.constRef(x)) }
    }

    /// FORMAT_VALUE: the conversion is green (in `flags`); the spec string is on the stack when present.
    @inline(never)
    func formatValue(_ d: inout D, flags: Int) throws(PyException) {
        if flags & 0x04 != 0 {
            let spec = d.pop(), v = d.pop()
            d.push(try residual(&d, Residuals.formatValueWithSpec[flags & 0x03], v, spec))
        } else {
            let v = d.pop()
            d.push(try residual(&d, Residuals.formatValue[flags & 0x03], v))
        }
    }

    /// BUILD_STRING: the pieces concatenated pairwise from the left, one residual per piece.
    @inline(never)
    func buildString(_ d: inout D, count: Int) throws(PyException) {
        guard count > 0 else {
            d.push(d.constRef(rt.intern("")))
            return
        }
        var pieces: [D.R] = []
        for _ in 0..<count { pieces.append(d.pop()) }
        var s = pieces[count - 1]
        for i in stride(from: count - 2, through: 0, by: -1) { s = try residual(&d, Residuals.concatStrings, s, pieces[i]) }
        d.push(s)
    }
}
