import Meta

/// Attribute access on instances through their maps (`InstanceMaps.swift`), written once against the domain.
///
/// An instance's map is promoted (`guard_value` on the `map` field in a trace), which makes the map a green
/// value: where the attribute lives (`InstanceRead`/`InstanceWrite`) is then decided in Swift and folds, and what is
/// left is `getfield_gc`/`setfield_gc` of one slot — adding an attribute is a `setfield_gc` of the map field. What
/// the class says (a property shadowing the slot, a `__setattr__`) comes from `classLookup`.
/// Concretely the same decisions come from the map cache in one probe. Whatever the map cannot decide (properties,
/// `__setattr__`, `__getattr__`, dict-mode instances, …) goes through the runtime's general lookup, a residual call
/// in a trace.
extension Interpreter {
    /// The attribute `name` of the green class `cls` along its MRO (`Ref.null` if none), as a green value: the
    /// one place an instance access learns a class attribute. In a trace the answer holds under assumptions on
    /// the class dict entries it went through (`assumedClassAttribute`: `guard_not_invalidated`); nil when one
    /// of them changes too often to fold — the access then takes the general, residual path.
    @inline(__always) func classLookup(_ d: inout D, _ cls: Ref, _ name: Ref) -> Ref? {
        D.isTracing ? rt.assumedClassAttribute(&d, cls, name) : rt.lookupInType(cls, name)
    }

    /// How `o.name` reads for instances with the green map `map`.
    @inline(__always) func instanceRead(_ d: inout D, _ map: Ref, _ name: Ref) -> InstanceRead {
        D.isTracing ? rt.resolveRead(map, name) { classLookup(&d, $0, $1) } : rt.instanceRead(map, name)
    }

    /// How `o.name = v` goes for instances with the green map `map`.
    @inline(__always) func instanceWrite(_ d: inout D, _ map: Ref, _ name: Ref) -> InstanceWrite {
        D.isTracing ? rt.resolveWrite(map, name) { classLookup(&d, $0, $1) } : rt.instanceWrite(map, name)
    }

    /// The map of instance `o`, promoted to a green value.
    @inline(__always) func promotedMap(_ d: inout D, _ o: D.R) -> Ref { d.concrete(d.getfieldR(o, L.instanceMap)) }

    /// Slot `k` of instance `o`.
    @inline(__always) func readSlot(_ d: inout D, _ o: D.R, _ k: Int) -> D.R {
        if k < Runtime.inlineSlotCount { return d.getfieldR(o, L.instanceSlot(k)) }
        return d.getarrayitemR(d.getfieldR(o, L.instanceStorage), L.array, d.constInt(k - Runtime.inlineSlotCount))
    }

    /// Overwrites slot `k` of instance `o`.
    @inline(__always) func writeSlot(_ d: inout D, _ o: D.R, _ k: Int, _ v: D.R) {
        if k < Runtime.inlineSlotCount {
            d.setfieldR(o, L.instanceSlot(k), v)
        } else {
            d.setarrayitemR(d.getfieldR(o, L.instanceStorage), L.array, d.constInt(k - Runtime.inlineSlotCount), v)
        }
    }

    /// Adds an attribute: fills the new slot `k` (growing the storage when the attribute count needs a larger
    /// one) and moves `o` to `map`. Only effects: every decision comes from the green maps.
    func addSlot(_ d: inout D, _ o: D.R, map: Ref, slot k: Int, _ v: D.R) {
        let have = Runtime.storageCapacity(forCount: k), need = Runtime.storageCapacity(forCount: k + 1)
        if need != have {
            guard let grown = d.new(Layout(id: L.array.id, fixedSize: L.array.fixedSize + 8 * need)) else { rt.fatalMemoryError() }
            d.setfieldI(grown, L.arrayCapacity, d.constInt(need))
            if have > 0 {
                let old = d.getfieldR(o, L.instanceStorage)
                for i in 0..<have { d.setarrayitemR(grown, L.array, d.constInt(i), d.getarrayitemR(old, L.array, d.constInt(i))) }
            }
            d.setfieldR(o, L.instanceStorage, grown)
        }
        writeSlot(&d, o, k, v)
        d.setfieldR(o, L.instanceMap, d.constRef(map))
    }

    /// LOAD_ATTR: a constant module or class folds the attribute under assumptions (`assumedAttribute`), an
    /// instance goes through its map.
    @inline(__always) func loadAttr(_ d: inout D, _ o: D.R, _ name: Ref) throws(PyException) -> D.R {
        if D.isTracing && d.isConstant(o), let v = rt.assumedAttribute(&d, d.concrete(o), name) { return d.constRef(v) }
        if d.hasType(o, L.instance) {
            switch instanceRead(&d, promotedMap(&d, o), name) {
            case .slot(let k): return readSlot(&d, o, k)
            case .value(let v): return d.constRef(v)
            case .method(let f):
                guard let m = d.new(L.method) else { rt.fatalMemoryError() }
                d.setfieldR(m, L.methodFunction, d.constRef(f))
                d.setfieldR(m, L.methodSelf, o)
                return m
            case .general: break
            }
        }
        return try residual(&d, Residuals.getAttr, o, d.constRef(name))
    }

    /// STORE_ATTR.
    @inline(__always) func storeAttr(_ d: inout D, _ o: D.R, _ name: Ref, _ v: D.R) throws(PyException) {
        if d.hasType(o, L.instance) {
            switch instanceWrite(&d, promotedMap(&d, o), name) {
            case .slot(let k): writeSlot(&d, o, k, v); return
            case .add(let map, let k): addSlot(&d, o, map: map, slot: k, v); return
            case .general: break
            }
        }
        try residual(&d, Residuals.setAttr, o, d.constRef(name), v)
    }

    /// LOAD_METHOD's lookup on an instance while tracing: the class's guest function `name` (green) if the
    /// instance does not shadow it, else nil.
    @inline(__always) func tracedInstanceMethod(_ d: inout D, _ o: D.R, _ name: Ref) -> Ref? {
        guard d.hasType(o, L.instance), case .method(let f) = instanceRead(&d, promotedMap(&d, o), name) else { return nil }
        return f
    }
}

