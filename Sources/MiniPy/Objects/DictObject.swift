import Meta

/// `dict` (and `set`, which uses the same storage with the key as value): an insertion-ordered hash table in the
/// style of CPython's compact dict, in heap memory.
///
/// `entries` is a W_Array of `capacity * 2` slots holding key/value pairs in insertion order (a deleted entry has a
/// null key); `filled` entries are in use, `used` of them live. `index` is a W_IntArray hash table of `2^k` slots
/// holding an entry number, or -1 when empty, kept at most 2/3 full. It is probed as CPython does
/// (`ProbeSequence`), so that runs of consecutive integer keys, whose hashes are the integers themselves, do not
/// cluster.
extension Runtime {
    public func newDict(capacity: Int = 8) -> Ref { newHashTable(L.dict, capacity: capacity) }
    public func newSet(capacity: Int = 8) -> Ref { newHashTable(L.set, capacity: capacity) }

    func newHashTable(_ layout: Layout, capacity: Int) -> Ref {
        var slots = 8
        while slots * 2 < capacity * 3 { slots *= 2 }
        let entryCapacity = slots * 2 / 3
        let d = alloc(layout)
        d.set(L.dictIndex, newIndexTable(slots))
        d.set(L.dictEntries, alloc(L.array, tail: entryCapacity * 2))
        return d
    }

    private func newIndexTable(_ slots: Int) -> Ref {
        let t = alloc(L.intArray, tail: slots)
        t.tail(L.intArray).initializeMemory(as: Int.self, repeating: -1, count: slots)
        return t
    }

    @inline(__always) public func dictCount(_ d: Ref) -> Int { d.int(L.dictUsed) }
    /// Number of entry slots in use (live or deleted); iterate `0..<dictFilled` and skip null keys.
    @inline(__always) public func dictFilled(_ d: Ref) -> Int { d.int(L.dictFilled) }
    @inline(__always) public func dictKey(_ d: Ref, at i: Int) -> Ref { d.ref(L.dictEntries).refTail(L.array)[2 * i] }
    @inline(__always) public func dictValue(_ d: Ref, at i: Int) -> Ref { d.ref(L.dictEntries).refTail(L.array)[2 * i + 1] }
    @inline(__always) func dictSetValue(_ d: Ref, at i: Int, _ v: Ref) {
        let entries = d.ref(L.dictEntries).refTail(L.array)
        if d.int(L.dictWatched) != 0 && entries[2 * i + 1] != v { namespaceCells.changed(d, key: entries[2 * i], .rebound, self) }
        entries[2 * i + 1] = v
    }

    /// Finds `key` (whose hash is `hash`): returns (index slot, entry number or -1).
    private func dictFind(_ d: Ref, _ key: Ref, _ hash: Int, strKey: Bool) throws(PyException) -> (slot: Int, entry: Int) {
        let index = d.ref(L.dictIndex)
        let mask = index.int(L.intArrayCount) - 1
        let slots = index.tail(L.intArray).assumingMemoryBound(to: Int.self)
        var probe = ProbeSequence(hash: hash, mask: mask)
        while true {
            let i = probe.slot
            let e = slots[i]
            if e < 0 { return (i, -1) }
            let k = dictKey(d, at: e)
            if !k.isNull {
                if k == key { return (i, e) }
                if strKey {
                    if k.typeID == L.str.id && strEquals(k, key) { return (i, e) }
                } else if try keysEqual(k, key, hash) {
                    // The table may have changed under a guest __eq__: trust the answer only if the entry stayed.
                    return (i, e)
                }
            }
            probe.next()
        }
    }

    /// Key equality for hash tables: identity, then value equality for the built-in key types, then `__eq__`.
    private func keysEqual(_ a: Ref, _ b: Ref, _ hash: Int) throws(PyException) -> Bool {
        let ta = a.typeID, tb = b.typeID
        if ta == L.str.id || tb == L.str.id { return ta == tb && strEquals(a, b) }
        if let x = smallInt(a), let y = smallInt(b) { return x == y }
        if try hashOf(a) != hash { return false }
        return try equals(a, b)
    }

    /// `d[key]`, or null if absent.
    public func dictGet(_ d: Ref, _ key: Ref) throws(PyException) -> Ref {
        let isStr = key.typeID == L.str.id
        let h = isStr ? strHash(key) : try hashOf(key)
        let (_, e) = try dictFind(d, key, h, strKey: isStr)
        return e < 0 ? .null : dictValue(d, at: e)
    }

    /// `d[key]` for a string key (never calls guest code), or null if absent.
    @inline(__always) public func dictGetStr(_ d: Ref, _ key: Ref) -> Ref {
        let e = dictEntryStr(d, key)
        return e < 0 ? .null : dictValue(d, at: e)
    }

    /// The number of the entry holding string key `key`, or -1 if absent.
    @inline(__always) func dictEntryStr(_ d: Ref, _ key: Ref) -> Int {
        let index = d.ref(L.dictIndex)
        let mask = index.int(L.intArrayCount) - 1
        let slots = index.tail(L.intArray).assumingMemoryBound(to: Int.self)
        let entries = d.ref(L.dictEntries).refTail(L.array)
        var probe = ProbeSequence(hash: strHash(key), mask: mask)
        while true {
            let e = slots[probe.slot]
            if e < 0 { return -1 }
            let k = entries[2 * e]
            if k == key || (!k.isNull && k.typeID == L.str.id && strEquals(k, key)) { return e }
            probe.next()
        }
    }

    /// The value of entry number `entry` if that entry holds `key` itself (the same object, not an equal one),
    /// else null: a lookup without hashing for a caller that remembers where it found a key. A key is in a dict
    /// at most once, and a deleted entry's key is null, so a match is `d[key]` whatever happened to `d` since.
    @inline(__always) func dictValue(_ d: Ref, ifEntry entry: Int, holds key: Ref) -> Ref {
        guard UInt(bitPattern: entry) < UInt(bitPattern: d.int(L.dictFilled)) else { return .null }
        let entries = d.ref(L.dictEntries).refTail(L.array)
        return entries[2 * entry] == key ? entries[2 * entry + 1] : .null
    }

    /// `d[key] = value`.
    public func dictSet(_ d: Ref, _ key: Ref, _ value: Ref) throws(PyException) {
        let isStr = key.typeID == L.str.id
        let h = isStr ? strHash(key) : try hashOf(key)
        let (slot, e) = try dictFind(d, key, h, strKey: isStr)
        if e >= 0 { dictSetValue(d, at: e, value); return }
        dictInsertNew(d, key, value, slot: slot)
    }

    /// `d[key] = value` for a string key.
    public func dictSetStr(_ d: Ref, _ key: Ref, _ value: Ref) {
        // A string key's equality never runs guest code, so this cannot throw.
        let h = strHash(key)
        let (slot, e) = (try? dictFind(d, key, h, strKey: true)) ?? (0, -1)
        if e >= 0 { dictSetValue(d, at: e, value); return }
        dictInsertNew(d, key, value, slot: slot)
    }

    private func dictInsertNew(_ d: Ref, _ key: Ref, _ value: Ref, slot: Int) {
        if d.int(L.dictWatched) != 0 { namespaceCells.changed(d, key: key, .assigned, self) }
        var entries = d.ref(L.dictEntries)
        let filled = d.int(L.dictFilled)
        if filled * 2 >= entries.int(L.arrayCapacity) {
            dictResize(d, minimumLive: d.int(L.dictUsed) + 1)
            entries = d.ref(L.dictEntries)
            let f = d.int(L.dictFilled)
            let p = entries.refTail(L.array)
            p[2 * f] = key; p[2 * f + 1] = value
            d.set(L.dictFilled, f + 1)
            d.set(L.dictUsed, d.int(L.dictUsed) + 1)
            reinsertIndex(d, entry: f, hash: hashForRebuild(key))
            return
        }
        let p = entries.refTail(L.array)
        p[2 * filled] = key; p[2 * filled + 1] = value
        d.ref(L.dictIndex).tail(L.intArray).assumingMemoryBound(to: Int.self)[slot] = filled
        d.set(L.dictFilled, filled + 1)
        d.set(L.dictUsed, d.int(L.dictUsed) + 1)
    }

    /// The hash of a key already in a table (it was hashable when inserted).
    private func hashForRebuild(_ key: Ref) -> Int {
        key.typeID == L.str.id ? strHash(key) : ((try? hashOf(key)) ?? 0)
    }

    private func reinsertIndex(_ d: Ref, entry: Int, hash: Int) {
        let index = d.ref(L.dictIndex)
        let mask = index.int(L.intArrayCount) - 1
        let slots = index.tail(L.intArray).assumingMemoryBound(to: Int.self)
        var probe = ProbeSequence(hash: hash, mask: mask)
        while slots[probe.slot] >= 0 { probe.next() }
        slots[probe.slot] = entry
    }

    /// Compacts the entries and rebuilds the index with room for `minimumLive` entries.
    private func dictResize(_ d: Ref, minimumLive: Int) {
        var slots = 8
        while slots * 2 < minimumLive * 2 * 3 { slots *= 2 }
        let entryCapacity = slots * 2 / 3
        let old = d.ref(L.dictEntries)
        let filled = d.int(L.dictFilled)
        let fresh = alloc(L.array, tail: entryCapacity * 2)
        let src = old.refTail(L.array), dst = fresh.refTail(L.array)
        var n = 0
        for i in 0..<filled where !src[2 * i].isNull {
            dst[2 * n] = src[2 * i]; dst[2 * n + 1] = src[2 * i + 1]
            n += 1
        }
        d.set(L.dictEntries, fresh)
        d.set(L.dictIndex, newIndexTable(slots))
        d.set(L.dictFilled, n)
        d.set(L.dictUsed, n)
        for i in 0..<n { reinsertIndex(d, entry: i, hash: hashForRebuild(dst[2 * i])) }
    }

    /// Removes `key`; returns its value, or null if it was absent.
    @discardableResult
    public func dictDelete(_ d: Ref, _ key: Ref) throws(PyException) -> Ref {
        let isStr = key.typeID == L.str.id
        let h = isStr ? strHash(key) : try hashOf(key)
        let (_, e) = try dictFind(d, key, h, strKey: isStr)
        if e < 0 { return .null }
        if d.int(L.dictWatched) != 0 { namespaceCells.changed(d, key: key, .deleted, self) }
        let p = d.ref(L.dictEntries).refTail(L.array)
        let v = p[2 * e + 1]
        p[2 * e] = .null; p[2 * e + 1] = .null
        d.set(L.dictUsed, d.int(L.dictUsed) - 1)
        // Keep the index slot (it still points at the dead entry, which probing skips) and compact when sparse.
        if d.int(L.dictUsed) * 4 < d.int(L.dictFilled) && d.int(L.dictFilled) > 16 { dictResize(d, minimumLive: d.int(L.dictUsed)) }
        return v
    }

    /// Removes every entry.
    public func dictClear(_ d: Ref) {
        if d.int(L.dictWatched) != 0 {
            for (k, _) in dictItems(d) { namespaceCells.changed(d, key: k, .deleted, self) }
        }
        let fresh = newHashTable(L.dict, capacity: 8)
        d.set(L.dictIndex, fresh.ref(L.dictIndex))
        d.set(L.dictEntries, fresh.ref(L.dictEntries))
        d.set(L.dictUsed, 0)
        d.set(L.dictFilled, 0)
    }

    /// Live (key, value) pairs in insertion order (a snapshot).
    public func dictItems(_ d: Ref) -> [(key: Ref, value: Ref)] {
        var out: [(Ref, Ref)] = []
        out.reserveCapacity(dictCount(d))
        for i in 0..<dictFilled(d) {
            let k = dictKey(d, at: i)
            if !k.isNull { out.append((k, dictValue(d, at: i))) }
        }
        return out
    }

    /// A shallow copy (dict or set, same layout as `d`).
    public func dictCopy(_ d: Ref) -> Ref {
        let c = newHashTable(Layout(id: d.typeID, fixedSize: L.dict.fixedSize), capacity: max(dictCount(d), 1))
        for (k, v) in dictItems(d) { dictInsertNew(c, k, v, slot: freeSlot(c, hashForRebuild(k))) }
        return c
    }

    private func freeSlot(_ d: Ref, _ hash: Int) -> Int {
        let index = d.ref(L.dictIndex)
        let mask = index.int(L.intArrayCount) - 1
        let slots = index.tail(L.intArray).assumingMemoryBound(to: Int.self)
        var probe = ProbeSequence(hash: hash, mask: mask)
        while slots[probe.slot] >= 0 { probe.next() }
        return probe.slot
    }
}

/// The order in which a hash table's slots are tried for a hash: CPython's `i = 5*i + 1 + perturb`, with the
/// hash's high bits shifted into `perturb` so that every bit of the hash takes part and every slot is reached.
@usableFromInline struct ProbeSequence {
    @usableFromInline var slot: Int
    @usableFromInline var perturb: UInt
    @usableFromInline let mask: Int

    @inline(__always) @usableFromInline init(hash: Int, mask: Int) {
        self.mask = mask
        perturb = UInt(bitPattern: hash)
        slot = hash & mask
    }

    @inline(__always) @usableFromInline mutating func next() {
        perturb >>= 5
        slot = (slot &* 5 &+ 1 &+ Int(bitPattern: perturb)) & mask
    }
}
