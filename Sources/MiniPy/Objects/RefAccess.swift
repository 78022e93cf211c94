import Meta

/// Raw field access on guest objects, for the runtime's Swift code (the interpreter goes through the domain).
/// Always inlined: the dispatch loop, too large for the optimizer's own inlining, uses them on its call path.
extension Ref {
    @inlinable @inline(__always) var typeID: UInt32 { Heap.typeID(of: self) }
    @inlinable @inline(__always) func int(_ f: FieldDescriptor) -> Int { pointer.load(fromByteOffset: Int(f.offset), as: Int.self) }
    @inlinable @inline(__always) func ref(_ f: FieldDescriptor) -> Ref { Ref(bits: pointer.load(fromByteOffset: Int(f.offset), as: UInt.self)) }
    @inlinable @inline(__always) func float(_ f: FieldDescriptor) -> Double { pointer.load(fromByteOffset: Int(f.offset), as: Double.self) }
    @inlinable @inline(__always) func set(_ f: FieldDescriptor, _ v: Int) { pointer.storeBytes(of: v, toByteOffset: Int(f.offset), as: Int.self) }
    @inlinable @inline(__always) func set(_ f: FieldDescriptor, _ v: Ref) { pointer.storeBytes(of: v.bits, toByteOffset: Int(f.offset), as: UInt.self) }
    @inlinable @inline(__always) func set(_ f: FieldDescriptor, _ v: Double) { pointer.storeBytes(of: v, toByteOffset: Int(f.offset), as: Double.self) }
    /// Start of the tail of an object whose layout is `layout`.
    @inlinable func tail(_ layout: Layout) -> UnsafeMutableRawPointer { pointer + layout.fixedSize }
    /// The reference tail of an object of `layout` as a typed pointer.
    @inlinable func refTail(_ layout: Layout) -> UnsafeMutablePointer<Ref> {
        (pointer + layout.fixedSize).assumingMemoryBound(to: Ref.self)
    }
}

/// A guest exception in flight through Swift code: the exception object (an instance of a BaseException subclass).
public struct PyException: Error {
    public let value: Ref
    public init(_ value: Ref) { self.value = value }
}
