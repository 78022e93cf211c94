/// A reference to a guest object in metalab's heap: a plain word around a raw address, so that holding one costs
/// no reference counting and machine code can use it directly. `Ref.null` (address 0) means "no object" and is
/// used by runtime functions to signal a raised exception, as CPython's C API uses `NULL`.
@frozen public struct Ref: Hashable, Sendable {
    public let bits: UInt

    @inlinable public init(bits: UInt) { self.bits = bits }
    @inlinable public init(_ pointer: UnsafeMutableRawPointer) { self.bits = UInt(bitPattern: pointer) }

    public static let null = Ref(bits: 0)

    // Always inlined: the dispatch loop is too large for the optimizer to inline even these there.
    @inlinable @inline(__always) public var isNull: Bool { bits == 0 }
    @inlinable @inline(__always) public var pointer: UnsafeMutableRawPointer { UnsafeMutableRawPointer(bitPattern: bits).unsafelyUnwrapped }
}
