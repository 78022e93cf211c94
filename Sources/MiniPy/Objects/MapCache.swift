import Meta

/// What reading `o.name` does, for an instance `o` with a given map — decided by the map and the class dicts
/// along the class's MRO alone (`Runtime.resolveRead`).
enum InstanceRead: Equatable {
    /// The instance's own attribute in slot `k`.
    case slot(Int)
    /// A class attribute read as itself (not a function, built-in or descriptor; the instance lacks the name).
    case value(Ref)
    /// A guest function of the class (the instance lacks the name): a bound method, or LOAD_METHOD's direct call.
    case method(Ref)
    /// Anything else — a property (a data descriptor shadows the instance), a built-in or wrapper to bind,
    /// `__class__`/`__dict__`, `__getattr__`, a dict-mode instance, a missing attribute: `Runtime.lookupAttr`.
    case general
}

/// What `o.name = v` does, for an instance `o` with a given map (`Runtime.resolveWrite`).
enum InstanceWrite: Equatable {
    /// Overwrite slot `k`.
    case slot(Int)
    /// Add the attribute: move to `map` and fill slot `slot`.
    case add(map: Ref, slot: Int)
    /// A property or `__setattr__` on the class, a dict-mode instance, or too many attributes: `Runtime.setAttr`.
    case general
}

extension Runtime {
    /// How `o.name` reads for instances with map `map`; `classLookup` is the class attribute lookup (the
    /// tracer's also makes its answer hold for the trace; nil when it cannot: the access takes the general path).
    func resolveRead(_ map: Ref, _ name: Ref, classLookup: (Ref, Ref) -> Ref?) -> InstanceRead {
        if isDictMode(map) { return .general }
        guard let classValue = classLookup(map.ref(L.mapClass), name), !isProperty(classValue) else { return .general }
        if let k = mapIndex(map, name) { return .slot(k) }
        if classValue.isNull { return .general }
        let id = classValue.typeID
        if id == L.function.id { return .method(classValue) }
        if id == L.builtin.id || id == L.wrapper.id { return .general }
        return .value(classValue)
    }

    /// How `o.name = v` goes for instances with map `map` (may make the transition map).
    func resolveWrite(_ map: Ref, _ name: Ref, classLookup: (Ref, Ref) -> Ref?) -> InstanceWrite {
        if isDictMode(map) { return .general }
        let cls = map.ref(L.mapClass)
        guard let classValue = classLookup(cls, name), !isProperty(classValue),
              let setattr = classLookup(cls, names.__setattr__), setattr.isNull else { return .general }
        if let k = mapIndex(map, name) { return .slot(k) }
        let next = mapTransition(map, name)
        return next.isNull ? .general : .add(map: next, slot: map.int(L.mapCount))
    }

    @inline(__always) func isProperty(_ v: Ref) -> Bool {
        !v.isNull && v.typeID == L.wrapper.id && v.int(L.wrapperKind) == WrapperKind.property.rawValue
    }

    /// `resolveRead` through the map cache.
    @inline(__always) func instanceRead(_ map: Ref, _ name: Ref) -> InstanceRead {
        let e = mapCache.entry(map, name, write: false)
        if e.pointee.map == map.bits && e.pointee.tag == MapCache.tag(name, write: false) && e.pointee.version == attributeCache.version {
            switch e.pointee.kind {
            case 0: return .slot(Int(bitPattern: e.pointee.payload))
            case 1: return .value(Ref(bits: e.pointee.payload))
            case 2: return .method(Ref(bits: e.pointee.payload))
            default: return .general
            }
        }
        let r = resolveRead(map, name) { lookupInType($0, $1) }
        let (kind, payload): (Int, UInt)
        switch r {
        case .slot(let k): (kind, payload) = (0, UInt(bitPattern: k))
        case .value(let v): (kind, payload) = (1, v.bits)
        case .method(let f): (kind, payload) = (2, f.bits)
        case .general: (kind, payload) = (3, 0)
        }
        e.pointee = MapCache.Entry(map: map.bits, tag: MapCache.tag(name, write: false), version: attributeCache.version,
                                   kind: kind, payload: payload)
        return r
    }

    /// `resolveWrite` through the map cache.
    @inline(__always) func instanceWrite(_ map: Ref, _ name: Ref) -> InstanceWrite {
        let e = mapCache.entry(map, name, write: true)
        if e.pointee.map == map.bits && e.pointee.tag == MapCache.tag(name, write: true) && e.pointee.version == attributeCache.version {
            switch e.pointee.kind {
            case 0: return .slot(Int(bitPattern: e.pointee.payload))
            case 1: return .add(map: Ref(bits: e.pointee.payload), slot: map.int(L.mapCount))
            default: return .general
            }
        }
        let r = resolveWrite(map, name) { lookupInType($0, $1) }
        let (kind, payload): (Int, UInt)
        switch r {
        case .slot(let k): (kind, payload) = (0, UInt(bitPattern: k))
        case .add(let next, _): (kind, payload) = (1, next.bits)
        case .general: (kind, payload) = (2, 0)
        }
        e.pointee = MapCache.Entry(map: map.bits, tag: MapCache.tag(name, write: true), version: attributeCache.version,
                                   kind: kind, payload: payload)
        return r
    }
}

/// A direct-mapped cache of `resolveRead`/`resolveWrite` by (map, name, read or write), so that the interpreter's
/// attribute accesses cost one probe. Its entries are valid for one `AttributeCache.version` (class dict changes,
/// new classes and collections invalidate both caches at once).
final class MapCache {
    struct Entry {
        var map: UInt = 0
        /// The name's address, with bit 0 set for a write entry (objects are 16-byte aligned).
        var tag: UInt = 0
        var version: Int = 0
        var kind: Int = 0
        var payload: UInt = 0
    }

    static let size = 4096
    let entries: UnsafeMutablePointer<Entry>

    init() {
        entries = .allocate(capacity: MapCache.size)
        entries.initialize(repeating: Entry(), count: MapCache.size)
    }

    deinit { entries.deallocate() }

    @inline(__always) static func tag(_ name: Ref, write: Bool) -> UInt { name.bits | (write ? 1 : 0) }

    @inline(__always) func entry(_ map: Ref, _ name: Ref, write: Bool) -> UnsafeMutablePointer<Entry> {
        let h = (map.bits >> 4) ^ (name.bits >> 3) ^ (name.bits >> 13) ^ (write ? 0x5A5 : 0)
        return entries + Int(truncatingIfNeeded: h & UInt(MapCache.size - 1))
    }
}
