import Meta

/// A direct-mapped cache of class attribute lookups (`lookupInType`): (type, name) to the value found along the
/// type's MRO, or to null for a miss. Method calls and instance attribute reads look up the class on every
/// execution; the cache turns the walk over several class dicts into one probe.
///
/// Entries are valid for one `version`: any change to a class dict, any new class, and every garbage collection
/// (after which a dead name string's address may be reused) bumps the version, which empties the cache at once.
final class AttributeCache {
    struct Entry {
        var type: UInt = 0
        var name: UInt = 0
        var value: UInt = 0
        var version: Int = 0
    }

    static let size = 4096
    let entries: UnsafeMutablePointer<Entry>
    private(set) var version = 1

    init() {
        entries = .allocate(capacity: AttributeCache.size)
        entries.initialize(repeating: Entry(), count: AttributeCache.size)
    }

    deinit { entries.deallocate() }

    /// Forgets every entry.
    func invalidate() { version += 1 }

    @inline(__always) func slot(_ type: Ref, _ name: Ref) -> UnsafeMutablePointer<Entry> {
        entries + Int(truncatingIfNeeded: ((type.bits >> 4) ^ (name.bits >> 3) ^ (name.bits >> 13)) & UInt(AttributeCache.size - 1))
    }
}

extension Runtime {
    /// Looks `name` up along `type`'s MRO (null if absent), through the attribute cache.
    @inline(__always) public func lookupInType(_ type: Ref, _ name: Ref) -> Ref {
        let entry = attributeCache.slot(type, name)
        if entry.pointee.type == type.bits && entry.pointee.name == name.bits && entry.pointee.version == attributeCache.version {
            return Ref(bits: entry.pointee.value)
        }
        let value = lookupInTypeUncached(type, name)
        entry.pointee = AttributeCache.Entry(type: type.bits, name: name.bits, value: value.bits, version: attributeCache.version)
        return value
    }

    func lookupInTypeUncached(_ type: Ref, _ name: Ref) -> Ref {
        var t = type
        while !t.isNull {
            let v = dictGetStr(t.ref(L.typeDict), name)
            if !v.isNull { return v }
            t = t.ref(L.typeBase)
        }
        return .null
    }

    /// Must be called after anything changes a class dict or creates a class.
    public func classesChanged() { attributeCache.invalidate() }
}
