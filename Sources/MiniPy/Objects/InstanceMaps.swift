import Meta

/// Instances and their maps (hidden classes), the layout of PyPy's "mapdict".
///
/// An instance (W_Instance) holds its *map* and its attribute values in *slots*: slot `k` is the field
/// `slot<k>` of the instance for `k < inlineSlotCount`, else item `k - inlineSlotCount` of `storage`, a W_Array
/// whose capacity the attribute count alone decides (`storageCapacity(forCount:)`): code that knows the map knows
/// where every attribute is and whether adding one grows the storage.
///
/// A map (W_Map) is shared by the instances of one class that got the same attributes in the same order, and never
/// changes once made: its class (`cls`: an instance's class is its map's), `attributes` (name → slot index,
/// insertion ordered) and `count`. Adding an attribute moves the instance to the map's *transition* for that name,
/// made once and kept in `transitions`, so instances built alike share maps. Instances start at their class's
/// root map (`W_Type.map`). Deleting an attribute moves the instance to the map of its remaining attributes, in
/// their order.
///
/// *Dict mode*: an instance whose `__dict__` is asked for, or that would get more than `maxMapAttributes`
/// attributes, keeps them in a real W_Dict (in `storage`) under its class's dict-mode map (whose `attributes` is
/// null): the dict the program holds stays the instance's attributes, as in CPython.
extension Runtime {
    /// Attributes stored in the instance itself (80-byte instances with the header, map and storage).
    static let inlineSlotCount = 6
    /// Past this many attributes an instance goes to dict mode (bounds the maps made by `setattr` in a loop).
    static let maxMapAttributes = 64

    /// The map of instances of `cls` that have no attributes (made on first use).
    func rootMap(_ cls: Ref) -> Ref {
        let existing = cls.ref(L.typeMap)
        if !existing.isNull { return existing }
        let map = newMap(cls, attributes: newDict(), count: 0)
        cls.set(L.typeMap, map)
        return map
    }

    /// (No collection happens between here and the map's first use: collections wait for safepoints.)
    private func newMap(_ cls: Ref, attributes: Ref, count: Int) -> Ref {
        let map = alloc(L.map)
        map.set(L.mapClass, cls)
        map.set(L.mapAttributes, attributes)
        map.set(L.mapCount, count)
        return map
    }

    /// A new instance of `cls` without attributes.
    public func newInstance(_ cls: Ref) -> Ref {
        let map = rootMap(cls)
        let o = alloc(L.instance)
        o.set(L.instanceMap, map)
        return o
    }

    /// The class of an instance.
    @inline(__always) public func instanceClass(_ o: Ref) -> Ref { o.ref(L.instanceMap).ref(L.mapClass) }

    @inline(__always) func isDictMode(_ map: Ref) -> Bool { map.ref(L.mapAttributes).isNull }

    /// The slot of attribute `name` in `map` (not a dict-mode map), or nil.
    @inline(__always) func mapIndex(_ map: Ref, _ name: Ref) -> Int? {
        let index = dictGetStr(map.ref(L.mapAttributes), name)
        return index.isNull ? nil : index.int(L.intval)
    }

    /// The map an instance with map `map` moves to when it gets attribute `name` (which `map` lacks); null when
    /// that would pass `maxMapAttributes` (the instance goes to dict mode instead).
    func mapTransition(_ map: Ref, _ name: Ref) -> Ref {
        let count = map.int(L.mapCount)
        if count >= Runtime.maxMapAttributes { return .null }
        var transitions = map.ref(L.mapTransitions)
        if transitions.isNull {
            transitions = newDict()
            map.set(L.mapTransitions, transitions)
        }
        let known = dictGetStr(transitions, name)
        if !known.isNull { return known }
        let attributes = dictCopy(map.ref(L.mapAttributes))
        dictSetStr(attributes, name, newInt(count))
        let next = newMap(map.ref(L.mapClass), attributes: attributes, count: count + 1)
        dictSetStr(transitions, name, next)
        return next
    }

    /// The dict-mode map of `cls`'s instances.
    private func dictModeMap(_ cls: Ref) -> Ref {
        let root = rootMap(cls)
        let existing = root.ref(L.mapDictMap)
        if !existing.isNull { return existing }
        let map = alloc(L.map)
        map.set(L.mapClass, cls)
        root.set(L.mapDictMap, map)
        return map
    }

    /// The capacity of the storage array of an instance with `count` attributes (0: no storage).
    @inline(__always) static func storageCapacity(forCount count: Int) -> Int {
        let extra = count - inlineSlotCount
        if extra <= 0 { return 0 }
        var capacity = 4
        while capacity < extra { capacity <<= 1 }
        return capacity
    }

    @inline(__always) func slotValue(_ o: Ref, _ k: Int) -> Ref {
        k < Runtime.inlineSlotCount ? o.ref(L.instanceSlot(k)) : o.ref(L.instanceStorage).refTail(L.array)[k - Runtime.inlineSlotCount]
    }

    /// The attribute `name` of instance `o` itself (not its class's), or null.
    public func ownAttribute(_ o: Ref, _ name: Ref) -> Ref {
        let map = o.ref(L.instanceMap)
        if isDictMode(map) { return dictGetStr(o.ref(L.instanceStorage), name) }
        guard let k = mapIndex(map, name) else { return .null }
        return slotValue(o, k)
    }

    /// Sets the attribute `name` of instance `o` itself (no class attribute or `__setattr__` is consulted).
    public func setOwnAttribute(_ o: Ref, _ name: Ref, _ value: Ref) {
        let map = o.ref(L.instanceMap)
        if isDictMode(map) { dictSetStr(o.ref(L.instanceStorage), name, value); return }
        if let k = mapIndex(map, name) {
            storeSlot(o, k, value)
            return
        }
        let next = mapTransition(map, name)
        if next.isNull {
            dictSetStr(instanceDict(o), name, value)
            return
        }
        var d = ConcreteDomain(heap: heap, locals: frames.top, sp: frames.top)
        Interpreter<ConcreteDomain>(self).addSlot(&d, o, map: next, slot: map.int(L.mapCount), value)
    }

    private func storeSlot(_ o: Ref, _ k: Int, _ value: Ref) {
        var d = ConcreteDomain(heap: heap, locals: frames.top, sp: frames.top)
        Interpreter<ConcreteDomain>(self).writeSlot(&d, o, k, value)
    }

    /// Removes the attribute `name` of instance `o` itself; false if it has none.
    public func deleteOwnAttribute(_ o: Ref, _ name: Ref) -> Bool {
        let map = o.ref(L.instanceMap)
        if isDictMode(map) { return !((try? dictDelete(o.ref(L.instanceStorage), name)) ?? .null).isNull }
        guard mapIndex(map, name) != nil else { return false }
        let remaining = ownAttributes(o).filter { !strEquals($0.name, name) }
        o.set(L.instanceMap, rootMap(map.ref(L.mapClass)))
        o.set(L.instanceStorage, .null)
        for k in 0..<Runtime.inlineSlotCount { o.set(L.instanceSlot(k), .null) }
        for (n, v) in remaining { setOwnAttribute(o, n, v) }
        return true
    }

    /// The attributes of instance `o` itself, in the order they were added.
    public func ownAttributes(_ o: Ref) -> [(name: Ref, value: Ref)] {
        let map = o.ref(L.instanceMap)
        if isDictMode(map) { return dictItems(o.ref(L.instanceStorage)).map { ($0.key, $0.value) } }
        return dictItems(map.ref(L.mapAttributes)).map { ($0.key, slotValue(o, $0.value.int(L.intval))) }
    }

    /// `o.__dict__`: the dict of the instance's attributes, which stays the instance's (the instance goes to dict
    /// mode for good).
    public func instanceDict(_ o: Ref) -> Ref {
        let map = o.ref(L.instanceMap)
        if isDictMode(map) { return o.ref(L.instanceStorage) }
        let dict = newDict()
        for (n, v) in ownAttributes(o) { dictSetStr(dict, n, v) }
        let dictMap = dictModeMap(map.ref(L.mapClass))
        o.set(L.instanceMap, dictMap)
        o.set(L.instanceStorage, dict)
        for k in 0..<Runtime.inlineSlotCount { o.set(L.instanceSlot(k), .null) }
        return dict
    }

    /// How traces name a map: `map Point{x, y}` (`map Point{__dict__}` in dict mode).
    func mapName(_ map: Ref) -> String {
        let cls = nameOfType(map.ref(L.mapClass))
        if isDictMode(map) { return "map \(cls){__dict__}" }
        return "map \(cls){\(dictItems(map.ref(L.mapAttributes)).map { string($0.key) }.joined(separator: ", "))}"
    }
}
