/// Describes the memory layout of one kind of heap object, for the allocator, the GC, the IR's field
/// descriptors and the printers alike.
///
/// Every object starts with a 16-byte header: word 0 holds the type id (what `guard_class` compares), word 1 the
/// GC's bits. Fields follow at fixed offsets; an optional variable part (an inline array of references, or of raw
/// bytes) follows the fixed part.
public final class TypeDescriptor: @unchecked Sendable, CustomStringConvertible {
    /// The variable-length tail of an object, if any.
    public enum Tail: Sendable {
        case none
        /// `count` (an Int at `countOffset`) references stored from `fixedSize` on.
        case refs(countOffset: Int)
        /// `count` (an Int at `countOffset`) raw items of `itemSize` bytes from `fixedSize` on (no references).
        case bytes(countOffset: Int, itemSize: Int)
    }

    public let id: UInt32
    public let name: String
    /// Size in bytes of the header plus the fixed fields.
    public let fixedSize: Int
    /// Field descriptors, in declaration order.
    public let fields: [FieldDescriptor]
    public let fieldNames: [String]
    /// Offsets of the fields holding references (traced by the GC).
    public let refOffsets: [Int]
    public let tail: Tail

    init(id: UInt32, name: String, fields: [(String, FieldKind)], tail: Tail) {
        self.id = id
        self.name = name
        var offset = ObjectHeader.size
        var descriptors: [FieldDescriptor] = []
        for (index, (_, kind)) in fields.enumerated() {
            descriptors.append(FieldDescriptor(typeID: id, index: UInt16(index), offset: Int32(offset), kind: kind))
            offset += 8
        }
        self.fieldNames = fields.map(\.0)
        self.fields = descriptors
        self.fixedSize = offset
        self.refOffsets = descriptors.filter { $0.kind == .ref }.map { Int($0.offset) }
        self.tail = tail
    }

    /// The descriptor of the field called `name` (a programming error if absent).
    public func field(_ name: String) -> FieldDescriptor {
        guard let i = fieldNames.firstIndex(of: name) else { fatalError("\(self.name) has no field \(name)") }
        return fields[i]
    }

    /// Total size of an object of this type whose tail holds `count` items.
    @inlinable public func size(tailCount count: Int) -> Int {
        switch tail {
        case .none: return fixedSize
        case .refs: return fixedSize + 8 * count
        case .bytes(_, let itemSize): return fixedSize + itemSize * count
        }
    }

    public var description: String { name }

    /// The plain-value handle that code passes around (no reference counting).
    public var layout: Layout { Layout(id: id, fixedSize: fixedSize) }
}

/// A layout's id and fixed size: the trivially copyable handle interpreters and domains use for a layout.
@frozen public struct Layout: Hashable, Sendable {
    public let id: UInt32
    public let fixedSize: Int
    @inlinable public init(id: UInt32, fixedSize: Int) { self.id = id; self.fixedSize = fixedSize }
}

/// The type of a field: what the IR calls `i` (int64), `r` (reference) and `f` (float64).
public enum FieldKind: Character, Sendable {
    case int = "i"
    case ref = "r"
    case float = "f"
}

/// One field of a layout: the `descr=` of `getfield_gc_i(p1, descr=W_Int.intval)`. A plain value (its names live
/// in the `TypeRegistry`), so passing it costs nothing.
@frozen public struct FieldDescriptor: Hashable, Sendable {
    public let typeID: UInt32
    public let index: UInt16
    public let offset: Int32
    public let kind: FieldKind

    @inlinable public init(typeID: UInt32, index: UInt16, offset: Int32, kind: FieldKind) {
        self.typeID = typeID
        self.index = index
        self.offset = offset
        self.kind = kind
    }
}

/// The object header's layout.
public enum ObjectHeader {
    /// Bytes taken by the header (type id word and GC word).
    public static let size = 16
    /// Offset of the GC word.
    public static let gcWordOffset = 8
    /// Mark bit in the GC word.
    public static let markBit: UInt64 = 1
}

/// Assigns type ids and keeps every descriptor, so the GC can go from an object's header to its layout.
public final class TypeRegistry: @unchecked Sendable {
    public private(set) var descriptors: [TypeDescriptor] = []

    /// `Owner.field`, as traces print field descriptors.
    public func name(of field: FieldDescriptor) -> String {
        let d = descriptors[Int(field.typeID)]
        return "\(d.name).\(d.fieldNames[Int(field.index)])"
    }

    public init() {
        // Id 0 is reserved: a zero type word marks a free cell.
        descriptors.append(TypeDescriptor(id: 0, name: "<free>", fields: [], tail: .none))
    }

    /// Registers a new layout with `fields` (8 bytes each) after the header.
    public func register(_ name: String, fields: [(String, FieldKind)], tail: TypeDescriptor.Tail = .none) -> TypeDescriptor {
        let d = TypeDescriptor(id: UInt32(descriptors.count), name: name, fields: fields, tail: tail)
        descriptors.append(d)
        return d
    }
}
