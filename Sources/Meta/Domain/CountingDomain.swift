/// The concrete domain that also counts the guest instructions it executes (`--stats`' "bytecodes interpreted"):
/// every operation is `ConcreteDomain`'s; only `instructionStarted` differs. A separate type, so the plain concrete
/// domain keeps its empty hint.
@frozen public struct CountingDomain: Domain {
    public typealias R = Ref
    public typealias I = Int
    public typealias F = Double

    public var base: ConcreteDomain
    /// Where the count goes (shared by every dispatch loop of a run).
    public let counter: UnsafeMutablePointer<Int>

    @inlinable public init(_ base: ConcreteDomain, counter: UnsafeMutablePointer<Int>) {
        self.base = base
        self.counter = counter
    }

    @inlinable public func constRef(_ ref: Ref, at site: SourceSite) -> Ref { base.constRef(ref, at: site) }
    @inlinable public func constInt(_ value: Int, at site: SourceSite) -> Int { base.constInt(value, at: site) }
    @inlinable public func getfieldR(_ object: Ref, _ field: FieldDescriptor, at site: SourceSite) -> Ref { base.getfieldR(object, field, at: site) }
    @inlinable public func getfieldI(_ object: Ref, _ field: FieldDescriptor, at site: SourceSite) -> Int { base.getfieldI(object, field, at: site) }
    @inlinable public func getfieldF(_ object: Ref, _ field: FieldDescriptor, at site: SourceSite) -> Double { base.getfieldF(object, field, at: site) }
    @inlinable public func getfieldRawI(_ field: RawFieldDescriptor, at site: SourceSite) -> Int { base.getfieldRawI(field, at: site) }
    @inlinable public func setfieldR(_ object: Ref, _ field: FieldDescriptor, _ value: Ref, at site: SourceSite) { base.setfieldR(object, field, value, at: site) }
    @inlinable public func setfieldI(_ object: Ref, _ field: FieldDescriptor, _ value: Int, at site: SourceSite) { base.setfieldI(object, field, value, at: site) }
    @inlinable public func setfieldF(_ object: Ref, _ field: FieldDescriptor, _ value: Double, at site: SourceSite) { base.setfieldF(object, field, value, at: site) }
    @inlinable public func getarrayitemR(_ object: Ref, _ type: Layout, _ index: Int, at site: SourceSite) -> Ref { base.getarrayitemR(object, type, index, at: site) }
    @inlinable public func setarrayitemR(_ object: Ref, _ type: Layout, _ index: Int, _ value: Ref, at site: SourceSite) { base.setarrayitemR(object, type, index, value, at: site) }
    @inlinable public func new(_ type: Layout, at site: SourceSite) -> Ref? { base.new(type, at: site) }
    @inlinable public func hasType(_ object: Ref, _ type: Layout, at site: SourceSite) -> Bool { base.hasType(object, type, at: site) }
    @inlinable public func promoteTypeID(_ object: Ref, at site: SourceSite) -> UInt32 { base.promoteTypeID(object, at: site) }
    @inlinable public func isSame(_ a: Ref, _ b: Ref, at site: SourceSite) -> Bool { base.isSame(a, b, at: site) }
    @inlinable public func isNull(_ object: Ref, at site: SourceSite) -> Bool { base.isNull(object, at: site) }
    @inlinable public func intAddOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intAddOvf(a, b, at: site) }
    @inlinable public func intSubOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intSubOvf(a, b, at: site) }
    @inlinable public func intMulOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intMulOvf(a, b, at: site) }
    @inlinable public func intFloorDiv(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intFloorDiv(a, b, at: site) }
    @inlinable public func intMod(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intMod(a, b, at: site) }
    @inlinable public func intLshiftOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intLshiftOvf(a, b, at: site) }
    @inlinable public func intRshift(_ a: Int, _ b: Int, at site: SourceSite) -> Int? { base.intRshift(a, b, at: site) }
    @inlinable public func intAnd(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intAnd(a, b, at: site) }
    @inlinable public func intOr(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intOr(a, b, at: site) }
    @inlinable public func intXor(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intXor(a, b, at: site) }
    @inlinable public func intLt(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intLt(a, b, at: site) }
    @inlinable public func intLe(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intLe(a, b, at: site) }
    @inlinable public func intEq(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intEq(a, b, at: site) }
    @inlinable public func intNe(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intNe(a, b, at: site) }
    @inlinable public func intGt(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intGt(a, b, at: site) }
    @inlinable public func intGe(_ a: Int, _ b: Int, at site: SourceSite) -> Int { base.intGe(a, b, at: site) }
    @inlinable public func isTrue(_ condition: Int, at site: SourceSite) -> Bool { base.isTrue(condition, at: site) }
    @inlinable public func promote(_ value: Int, at site: SourceSite) -> Int { base.promote(value, at: site) }
    @inlinable public func floatAdd(_ a: Double, _ b: Double, at site: SourceSite) -> Double { base.floatAdd(a, b, at: site) }
    @inlinable public func floatSub(_ a: Double, _ b: Double, at site: SourceSite) -> Double { base.floatSub(a, b, at: site) }
    @inlinable public func floatMul(_ a: Double, _ b: Double, at site: SourceSite) -> Double { base.floatMul(a, b, at: site) }
    @inlinable public func floatTrueDiv(_ a: Double, _ b: Double, at site: SourceSite) -> Double { base.floatTrueDiv(a, b, at: site) }
    @inlinable public func floatLt(_ a: Double, _ b: Double, at site: SourceSite) -> Int { base.floatLt(a, b, at: site) }
    @inlinable public func floatLe(_ a: Double, _ b: Double, at site: SourceSite) -> Int { base.floatLe(a, b, at: site) }
    @inlinable public func floatEq(_ a: Double, _ b: Double, at site: SourceSite) -> Int { base.floatEq(a, b, at: site) }
    @inlinable public func floatNe(_ a: Double, _ b: Double, at site: SourceSite) -> Int { base.floatNe(a, b, at: site) }
    @inlinable public func floatGt(_ a: Double, _ b: Double, at site: SourceSite) -> Int { base.floatGt(a, b, at: site) }
    @inlinable public func floatGe(_ a: Double, _ b: Double, at site: SourceSite) -> Int { base.floatGe(a, b, at: site) }
    @inlinable public func intToFloat(_ a: Int, at site: SourceSite) -> Double { base.intToFloat(a, at: site) }
    @inlinable public func floatIsZero(_ a: Double, at site: SourceSite) -> Bool { base.floatIsZero(a, at: site) }
    @inlinable public func callR(_ function: ResidualFunction1, _ a: Ref, at site: SourceSite) -> Ref { base.callR(function, a, at: site) }
    @inlinable public func callR(_ function: ResidualFunction2, _ a: Ref, _ b: Ref, at site: SourceSite) -> Ref { base.callR(function, a, b, at: site) }
    @inlinable public func callR(_ function: ResidualFunction3, _ a: Ref, _ b: Ref, _ c: Ref, at site: SourceSite) -> Ref { base.callR(function, a, b, c, at: site) }
    @inlinable public func concrete(_ value: Ref, at site: SourceSite) -> Ref { base.concrete(value, at: site) }
    @inlinable public func local(_ index: Int, at site: SourceSite) -> Ref { base.local(index, at: site) }
    @inlinable public mutating func setLocal(_ index: Int, _ value: Ref, at site: SourceSite) { base.setLocal(index, value, at: site) }
    @inlinable public mutating func push(_ value: Ref, at site: SourceSite) { base.push(value, at: site) }
    @inlinable public func peek(_ depth: Int, at site: SourceSite) -> Ref { base.peek(depth, at: site) }
    @inlinable public mutating func poke(_ depth: Int, _ value: Ref, at site: SourceSite) { base.poke(depth, value, at: site) }

    @inlinable public mutating func pop(at site: SourceSite) -> Ref { base.pop(at: site) }

    @inlinable public static var observesFrames: Bool { false }
    @inlinable public static var isTracing: Bool { false }
    @inlinable public mutating func instructionStarted() { counter.pointee &+= 1 }
    @inlinable public mutating func jitMergePoint(code: UnsafeRawPointer, pc: Int, depth: Int) -> Bool { false }
    @inlinable public mutating func notTraceable(_ reason: StaticString) {}
    @inlinable public mutating func frameReturns(depth: Int) {}
    @inlinable public mutating func stackTopPublished(at _: SourceSite) {}
    @inlinable public mutating func assume(_ assumption: Assumption, at _: SourceSite) {}
    @inlinable public func isConstant(_ value: Ref) -> Bool { false }
    @inlinable public mutating func switchFrame(locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>) {
        base.switchFrame(locals: locals, sp: sp)
    }
    @inlinable public var stackTop: UnsafeMutablePointer<Ref> {
        get { base.stackTop }
        set { base.stackTop = newValue }
    }
}
