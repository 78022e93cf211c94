import Meta

/// `list`: a length and a W_Array of items that grows geometrically. `tuple`: items inline.
extension Runtime {
    public func newList(capacity: Int = 0) -> Ref {
        let l = alloc(L.list)
        l.set(L.listItems, alloc(L.array, tail: max(capacity, 4)))
        return l
    }

    public func newList(_ items: [Ref]) -> Ref {
        let l = newList(capacity: items.count)
        let p = l.ref(L.listItems).refTail(L.array)
        for (i, x) in items.enumerated() { p[i] = x }
        l.set(L.listLength, items.count)
        return l
    }

    /// A list's or tuple's items as a buffer (valid until the list is next resized).
    @inline(__always) public func sequenceItems(_ r: Ref) -> UnsafeMutableBufferPointer<Ref> {
        if r.typeID == L.tuple.id {
            return UnsafeMutableBufferPointer(start: r.refTail(L.tuple), count: r.int(L.tupleLength))
        }
        return UnsafeMutableBufferPointer(start: r.ref(L.listItems).refTail(L.array), count: r.int(L.listLength))
    }

    @inline(__always) public func listLength(_ l: Ref) -> Int { l.int(L.listLength) }

    /// Makes room for at least `capacity` items.
    public func listReserve(_ l: Ref, _ capacity: Int) {
        let items = l.ref(L.listItems)
        let old = items.int(L.arrayCapacity)
        if capacity <= old { return }
        let fresh = alloc(L.array, tail: max(capacity, old + old / 2 + 4))
        fresh.refTail(L.array).update(from: items.refTail(L.array), count: l.int(L.listLength))
        l.set(L.listItems, fresh)
    }

    @inline(__always) public func listAppend(_ l: Ref, _ v: Ref) {
        let n = l.int(L.listLength)
        if n == l.ref(L.listItems).int(L.arrayCapacity) { listReserve(l, n + 1) }
        l.ref(L.listItems).refTail(L.array)[n] = v
        l.set(L.listLength, n + 1)
    }

    /// Replaces the list's contents with `items`.
    public func listSetItems(_ l: Ref, _ items: [Ref]) {
        listReserve(l, items.count)
        let p = l.ref(L.listItems).refTail(L.array)
        for (i, x) in items.enumerated() { p[i] = x }
        for i in items.count..<l.int(L.listLength) { p[i] = .null }
        l.set(L.listLength, items.count)
    }

    /// Inserts `v` before position `index` (already clamped to 0...length).
    public func listInsert(_ l: Ref, _ index: Int, _ v: Ref) {
        let n = l.int(L.listLength)
        listReserve(l, n + 1)
        let p = l.ref(L.listItems).refTail(L.array)
        (p + index + 1).update(from: p + index, count: n - index)
        p[index] = v
        l.set(L.listLength, n + 1)
    }

    /// Removes and returns the item at `index` (already normalised).
    @discardableResult public func listRemove(at index: Int, from l: Ref) -> Ref {
        let n = l.int(L.listLength)
        let p = l.ref(L.listItems).refTail(L.array)
        let v = p[index]
        (p + index).update(from: p + index + 1, count: n - index - 1)
        p[n - 1] = .null
        l.set(L.listLength, n - 1)
        return v
    }

    /// The items of a list or tuple as a Swift array (a snapshot).
    public func items(_ r: Ref) -> [Ref] { Array(sequenceItems(r)) }
}
