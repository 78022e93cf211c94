/// A word of runtime state outside the guest heap, at an address fixed for as long as traces that read it live (a
/// signal handler's interrupt flag, the heap's collect-requested byte): the `descr=` of RPython's
/// `getfield_raw_i`, printed by its name (`getfield_raw_i(descr=Runtime.interruptRequested)`) so that a trace's text
/// does not depend on where the process was loaded. Reads are zero-extended to 64 bits.
///
/// Two descriptors are the same field when they name the same address and width.
public struct RawFieldDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// How many bytes a read takes.
    public enum Width: Int, Hashable, Sendable {
        case byte = 1, dword = 4, qword = 8
    }

    public let name: StaticString
    public let address: UInt
    public let width: Width

    @inlinable public init(name: StaticString, address: UnsafeRawPointer, width: Width) {
        self.name = name
        self.address = UInt(bitPattern: address)
        self.width = width
    }

    /// The field's current value.
    @inlinable @inline(__always) public func load() -> Int { Self.load(address, width) }

    /// The value of the field of `width` at `address`.
    @inlinable @inline(__always) public static func load(_ address: UInt, _ width: Width) -> Int {
        let p = UnsafeRawPointer(bitPattern: address).unsafelyUnwrapped
        switch width {
        case .byte: return Int(p.load(as: UInt8.self))
        case .dword: return Int(p.load(as: UInt32.self))
        case .qword: return p.load(as: Int.self)
        }
    }

    public var description: String { name.description }

    public static func == (a: RawFieldDescriptor, b: RawFieldDescriptor) -> Bool {
        a.address == b.address && a.width == b.width
    }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(address)
        hasher.combine(width)
    }
}
