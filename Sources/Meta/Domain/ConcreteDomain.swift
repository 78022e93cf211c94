/// The domain in which every primitive operation simply executes: the plain interpreter (and, later, the
/// blackhole interpreter after a guard fails). Everything is `@inlinable` so that the generic interpreter, once
/// specialised for this domain, compiles to direct memory operations (DESIGN §14).
///
/// It owns the executing guest frame's view of the value stack: `locals` points at the frame's first local slot,
/// `sp` at the next free stack slot.
@frozen public struct ConcreteDomain: Domain {
    public typealias R = Ref
    public typealias I = Int
    public typealias F = Double

    public let heap: Heap
    public var locals: UnsafeMutablePointer<Ref>
    public var sp: UnsafeMutablePointer<Ref>

    @inlinable public init(heap: Heap, locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>) {
        self.heap = heap
        self.locals = locals
        self.sp = sp
    }

    @inlinable public func constRef(_ ref: Ref, at _: SourceSite) -> Ref { ref }
    @inlinable public func constInt(_ value: Int, at _: SourceSite) -> Int { value }

    @inlinable public func getfieldR(_ o: Ref, _ f: FieldDescriptor, at _: SourceSite) -> Ref { Ref(bits: o.pointer.load(fromByteOffset: Int(f.offset), as: UInt.self)) }
    @inlinable public func getfieldI(_ o: Ref, _ f: FieldDescriptor, at _: SourceSite) -> Int { o.pointer.load(fromByteOffset: Int(f.offset), as: Int.self) }
    @inlinable public func getfieldF(_ o: Ref, _ f: FieldDescriptor, at _: SourceSite) -> Double { o.pointer.load(fromByteOffset: Int(f.offset), as: Double.self) }
    @inlinable @inline(__always) public func getfieldRawI(_ f: RawFieldDescriptor, at _: SourceSite) -> Int { f.load() }
    @inlinable public func setfieldR(_ o: Ref, _ f: FieldDescriptor, _ v: Ref, at _: SourceSite) { o.pointer.storeBytes(of: v.bits, toByteOffset: Int(f.offset), as: UInt.self) }
    @inlinable public func setfieldI(_ o: Ref, _ f: FieldDescriptor, _ v: Int, at _: SourceSite) { o.pointer.storeBytes(of: v, toByteOffset: Int(f.offset), as: Int.self) }
    @inlinable public func setfieldF(_ o: Ref, _ f: FieldDescriptor, _ v: Double, at _: SourceSite) { o.pointer.storeBytes(of: v, toByteOffset: Int(f.offset), as: Double.self) }
    @inlinable public func getarrayitemR(_ o: Ref, _ t: Layout, _ i: Int, at _: SourceSite) -> Ref {
        Ref(bits: o.pointer.load(fromByteOffset: t.fixedSize &+ 8 &* i, as: UInt.self))
    }
    @inlinable public func setarrayitemR(_ o: Ref, _ t: Layout, _ i: Int, _ v: Ref, at _: SourceSite) {
        o.pointer.storeBytes(of: v.bits, toByteOffset: t.fixedSize &+ 8 &* i, as: UInt.self)
    }
    /// Always inlined: in the (very large) dispatch loop the optimizer left it a call, 7 % of a call-heavy run.
    @inlinable @inline(__always) public func new(_ t: Layout, at _: SourceSite) -> Ref? {
        let r = heap.allocate(typeID: t.id, size: t.fixedSize)
        return r.isNull ? nil : r
    }

    @inlinable public func hasType(_ o: Ref, _ t: Layout, at _: SourceSite) -> Bool { Heap.typeID(of: o) == t.id }
    @inlinable public func promoteTypeID(_ o: Ref, at _: SourceSite) -> UInt32 { Heap.typeID(of: o) }
    @inlinable public func isSame(_ a: Ref, _ b: Ref, at _: SourceSite) -> Bool { a == b }
    @inlinable public func isNull(_ o: Ref, at _: SourceSite) -> Bool { o.isNull }

    @inlinable public func intAddOvf(_ a: Int, _ b: Int, at _: SourceSite) -> Int? { let (r, o) = a.addingReportingOverflow(b); return o ? nil : r }
    @inlinable public func intSubOvf(_ a: Int, _ b: Int, at _: SourceSite) -> Int? { let (r, o) = a.subtractingReportingOverflow(b); return o ? nil : r }
    @inlinable public func intMulOvf(_ a: Int, _ b: Int, at _: SourceSite) -> Int? { let (r, o) = a.multipliedReportingOverflow(by: b); return o ? nil : r }
    @inlinable @inline(__always) public func intFloorDiv(_ a: Int, _ b: Int, at _: SourceSite) -> Int? {
        if b == 0 || (a == .min && b == -1) { return nil }
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
    @inlinable @inline(__always) public func intMod(_ a: Int, _ b: Int, at _: SourceSite) -> Int? {
        if b == 0 { return nil }
        if b == -1 { return 0 }
        let r = a % b
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }
    @inlinable @inline(__always) public func intLshiftOvf(_ a: Int, _ b: Int, at _: SourceSite) -> Int? {
        if b < 0 || b >= 64 { return a == 0 && b >= 0 ? 0 : nil }
        let r = a << b
        return r >> b == a ? r : nil
    }
    @inlinable @inline(__always) public func intRshift(_ a: Int, _ b: Int, at _: SourceSite) -> Int? {
        if b < 0 { return nil }
        return b >= 64 ? (a < 0 ? -1 : 0) : a >> b
    }
    @inlinable public func intAnd(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a & b }
    @inlinable public func intOr(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a | b }
    @inlinable public func intXor(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a ^ b }
    @inlinable public func intLt(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a < b ? 1 : 0 }
    @inlinable public func intLe(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a <= b ? 1 : 0 }
    @inlinable public func intEq(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a == b ? 1 : 0 }
    @inlinable public func intNe(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a != b ? 1 : 0 }
    @inlinable public func intGt(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a > b ? 1 : 0 }
    @inlinable public func intGe(_ a: Int, _ b: Int, at _: SourceSite) -> Int { a >= b ? 1 : 0 }
    @inlinable public func isTrue(_ c: Int, at _: SourceSite) -> Bool { c != 0 }
    @inlinable public func promote(_ v: Int, at _: SourceSite) -> Int { v }

    @inlinable public func floatAdd(_ a: Double, _ b: Double, at _: SourceSite) -> Double { a + b }
    @inlinable public func floatSub(_ a: Double, _ b: Double, at _: SourceSite) -> Double { a - b }
    @inlinable public func floatMul(_ a: Double, _ b: Double, at _: SourceSite) -> Double { a * b }
    @inlinable public func floatTrueDiv(_ a: Double, _ b: Double, at _: SourceSite) -> Double { a / b }
    @inlinable public func floatLt(_ a: Double, _ b: Double, at _: SourceSite) -> Int { a < b ? 1 : 0 }
    @inlinable public func floatLe(_ a: Double, _ b: Double, at _: SourceSite) -> Int { a <= b ? 1 : 0 }
    @inlinable public func floatEq(_ a: Double, _ b: Double, at _: SourceSite) -> Int { a == b ? 1 : 0 }
    @inlinable public func floatNe(_ a: Double, _ b: Double, at _: SourceSite) -> Int { a != b ? 1 : 0 }
    @inlinable public func floatGt(_ a: Double, _ b: Double, at _: SourceSite) -> Int { a > b ? 1 : 0 }
    @inlinable public func floatGe(_ a: Double, _ b: Double, at _: SourceSite) -> Int { a >= b ? 1 : 0 }
    @inlinable public func intToFloat(_ a: Int, at _: SourceSite) -> Double { Double(a) }
    @inlinable public func floatIsZero(_ a: Double, at _: SourceSite) -> Bool { a == 0 }

    @inlinable public func callR(_ f: ResidualFunction1, _ a: Ref, at _: SourceSite) -> Ref { Ref(bits: f.function(a.bits)) }
    @inlinable public func callR(_ f: ResidualFunction2, _ a: Ref, _ b: Ref, at _: SourceSite) -> Ref { Ref(bits: f.function(a.bits, b.bits)) }
    @inlinable public func callR(_ f: ResidualFunction3, _ a: Ref, _ b: Ref, _ c: Ref, at _: SourceSite) -> Ref {
        Ref(bits: f.function(a.bits, b.bits, c.bits))
    }

    @inlinable public static var observesFrames: Bool { false }
    @inlinable public static var isTracing: Bool { false }
    @inlinable public mutating func instructionStarted() {}
    @inlinable public mutating func jitMergePoint(code: UnsafeRawPointer, pc: Int, depth: Int) -> Bool { false }
    @inlinable public mutating func notTraceable(_ reason: StaticString) {}
    @inlinable public mutating func frameReturns(depth: Int) {}
    @inlinable public mutating func stackTopPublished(at _: SourceSite) {}
    @inlinable public mutating func assume(_ assumption: Assumption, at _: SourceSite) {}
    @inlinable public func isConstant(_ value: Ref) -> Bool { false }

    @inlinable public mutating func switchFrame(locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>) {
        self.locals = locals
        self.sp = sp
    }
    @inlinable public var stackTop: UnsafeMutablePointer<Ref> {
        get { sp }
        set { sp = newValue }
    }
    @inlinable public func concrete(_ v: Ref, at _: SourceSite) -> Ref { v }

    // Frame slots are read and written as raw words: with typed `pointee` accesses, Swift 6.3.1's optimizer
    // dropped a store to a slot that had just been read (LOAD_METHOD's `poke` after `peek`) in release builds.
    @inlinable public func local(_ i: Int, at _: SourceSite) -> Ref { Self.load(locals + i) }
    @inlinable public mutating func setLocal(_ i: Int, _ v: Ref, at _: SourceSite) { Self.store(locals + i, v) }
    @inlinable public mutating func push(_ v: Ref, at _: SourceSite) { Self.store(sp, v); sp += 1 }
    @inlinable public mutating func pop(at _: SourceSite) -> Ref { sp -= 1; return Self.load(sp) }
    @inlinable public func peek(_ depth: Int, at _: SourceSite) -> Ref { Self.load(sp - 1 - depth) }
    @inlinable public mutating func poke(_ depth: Int, _ v: Ref, at _: SourceSite) { Self.store(sp - 1 - depth, v) }

    @inlinable static func load(_ slot: UnsafeMutablePointer<Ref>) -> Ref {
        Ref(bits: UnsafeRawPointer(slot).load(as: UInt.self))
    }
    @inlinable static func store(_ slot: UnsafeMutablePointer<Ref>, _ v: Ref) {
        UnsafeMutableRawPointer(slot).storeBytes(of: v.bits, as: UInt.self)
    }
}
