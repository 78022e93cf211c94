/// The domain of the Lab's step-through execution: every primitive operation executes exactly as in
/// `ConcreteDomain` (it delegates to one) and is then reported, with its operands, result and interpreter source
/// line, to a `DomainObserver`; every `jit_merge_point` is reported too. The interpreter specialised for this
/// domain is a second copy of the dispatch loop; the concrete one is untouched.
public struct ObservingDomain: Domain {
    public typealias R = Ref
    public typealias I = Int
    public typealias F = Double

    var base: ConcreteDomain
    public let observer: any DomainObserver

    public init(heap: Heap, locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>, observer: any DomainObserver) {
        base = ConcreteDomain(heap: heap, locals: locals, sp: sp)
        self.observer = observer
    }

    /// Reports an operation if the observer wants operations (the event is built only then).
    @inline(__always) func report(_ name: StaticString, _ operands: @autoclosure () -> [ObservedValue], _ result: ObservedValue?,
                                  _ site: SourceSite) {
        guard observer.observesOperations else { return }
        observer.performed(ObservedOperation(name: name, operands: operands(), result: result, site: site), stackTop: base.sp)
    }

    public static var observesFrames: Bool { true }
    public static var isTracing: Bool { false }
    public mutating func instructionStarted() {}
    /// Reports the merge point; an observed run never returns to a JIT driver.
    public mutating func jitMergePoint(code: UnsafeRawPointer, pc: Int, depth: Int) -> Bool {
        observer.mergePoint(code: code, pc: pc)
        return false
    }
    public mutating func notTraceable(_ reason: StaticString) {}
    public mutating func frameReturns(depth: Int) {}
    public mutating func stackTopPublished(at _: SourceSite) {}
    public mutating func assume(_ assumption: Assumption, at _: SourceSite) {}
    public func isConstant(_ value: Ref) -> Bool { false }

    public mutating func switchFrame(locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>) {
        base.switchFrame(locals: locals, sp: sp)
    }
    public var stackTop: UnsafeMutablePointer<Ref> {
        get { base.stackTop }
        set { base.stackTop = newValue }
    }

    public func constRef(_ ref: Ref, at site: SourceSite) -> Ref {
        let r = base.constRef(ref, at: site)
        report("constRef", [.ref(ref)], .ref(r), site)
        return r
    }
    public func constInt(_ value: Int, at site: SourceSite) -> Int {
        let r = base.constInt(value, at: site)
        report("constInt", [.int(value)], .int(r), site)
        return r
    }
    public func getfieldR(_ object: Ref, _ field: FieldDescriptor, at site: SourceSite) -> Ref {
        let r = base.getfieldR(object, field, at: site)
        report("getfieldR", [.ref(object), .field(field)], .ref(r), site)
        return r
    }
    public func getfieldI(_ object: Ref, _ field: FieldDescriptor, at site: SourceSite) -> Int {
        let r = base.getfieldI(object, field, at: site)
        report("getfieldI", [.ref(object), .field(field)], .int(r), site)
        return r
    }
    public func getfieldRawI(_ field: RawFieldDescriptor, at site: SourceSite) -> Int {
        let r = base.getfieldRawI(field, at: site)
        report("getfieldRawI", [.rawField(field)], .int(r), site)
        return r
    }
    public func getfieldF(_ object: Ref, _ field: FieldDescriptor, at site: SourceSite) -> Double {
        let r = base.getfieldF(object, field, at: site)
        report("getfieldF", [.ref(object), .field(field)], .float(r), site)
        return r
    }
    public func setfieldR(_ object: Ref, _ field: FieldDescriptor, _ value: Ref, at site: SourceSite) {
        base.setfieldR(object, field, value, at: site)
        report("setfieldR", [.ref(object), .field(field), .ref(value)], nil, site)
    }
    public func setfieldI(_ object: Ref, _ field: FieldDescriptor, _ value: Int, at site: SourceSite) {
        base.setfieldI(object, field, value, at: site)
        report("setfieldI", [.ref(object), .field(field), .int(value)], nil, site)
    }
    public func setfieldF(_ object: Ref, _ field: FieldDescriptor, _ value: Double, at site: SourceSite) {
        base.setfieldF(object, field, value, at: site)
        report("setfieldF", [.ref(object), .field(field), .float(value)], nil, site)
    }
    public func getarrayitemR(_ object: Ref, _ type: Layout, _ index: Int, at site: SourceSite) -> Ref {
        let r = base.getarrayitemR(object, type, index, at: site)
        report("getarrayitemR", [.ref(object), .layout(type), .int(index)], .ref(r), site)
        return r
    }
    public func setarrayitemR(_ object: Ref, _ type: Layout, _ index: Int, _ value: Ref, at site: SourceSite) {
        base.setarrayitemR(object, type, index, value, at: site)
        report("setarrayitemR", [.ref(object), .layout(type), .int(index), .ref(value)], nil, site)
    }
    public func new(_ type: Layout, at site: SourceSite) -> Ref? {
        let r = base.new(type, at: site)
        report("new", [.layout(type)], r.map { .ref($0) } ?? .absent, site)
        return r
    }
    public func hasType(_ object: Ref, _ type: Layout, at site: SourceSite) -> Bool {
        let r = base.hasType(object, type, at: site)
        report("hasType", [.ref(object), .layout(type)], .bool(r), site)
        return r
    }
    public func promoteTypeID(_ object: Ref, at site: SourceSite) -> UInt32 {
        let r = base.promoteTypeID(object, at: site)
        report("promoteTypeID", [.ref(object)], .int(Int(r)), site)
        return r
    }
    public func isSame(_ a: Ref, _ b: Ref, at site: SourceSite) -> Bool {
        let r = base.isSame(a, b, at: site)
        report("isSame", [.ref(a), .ref(b)], .bool(r), site)
        return r
    }
    public func isNull(_ object: Ref, at site: SourceSite) -> Bool {
        let r = base.isNull(object, at: site)
        report("isNull", [.ref(object)], .bool(r), site)
        return r
    }
    public func intAddOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intAddOvf(a, b, at: site)
        report("intAddOvf", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intSubOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intSubOvf(a, b, at: site)
        report("intSubOvf", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intMulOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intMulOvf(a, b, at: site)
        report("intMulOvf", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intFloorDiv(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intFloorDiv(a, b, at: site)
        report("intFloorDiv", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intMod(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intMod(a, b, at: site)
        report("intMod", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intLshiftOvf(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intLshiftOvf(a, b, at: site)
        report("intLshiftOvf", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intRshift(_ a: Int, _ b: Int, at site: SourceSite) -> Int? {
        let r = base.intRshift(a, b, at: site)
        report("intRshift", [.int(a), .int(b)], r.map { .int($0) } ?? .absent, site)
        return r
    }
    public func intAnd(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intAnd(a, b, at: site)
        report("intAnd", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intOr(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intOr(a, b, at: site)
        report("intOr", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intXor(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intXor(a, b, at: site)
        report("intXor", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intLt(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intLt(a, b, at: site)
        report("intLt", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intLe(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intLe(a, b, at: site)
        report("intLe", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intEq(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intEq(a, b, at: site)
        report("intEq", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intNe(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intNe(a, b, at: site)
        report("intNe", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intGt(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intGt(a, b, at: site)
        report("intGt", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func intGe(_ a: Int, _ b: Int, at site: SourceSite) -> Int {
        let r = base.intGe(a, b, at: site)
        report("intGe", [.int(a), .int(b)], .int(r), site)
        return r
    }
    public func isTrue(_ condition: Int, at site: SourceSite) -> Bool {
        let r = base.isTrue(condition, at: site)
        report("isTrue", [.int(condition)], .bool(r), site)
        return r
    }
    public func promote(_ value: Int, at site: SourceSite) -> Int {
        let r = base.promote(value, at: site)
        report("promote", [.int(value)], .int(r), site)
        return r
    }
    public func floatAdd(_ a: Double, _ b: Double, at site: SourceSite) -> Double {
        let r = base.floatAdd(a, b, at: site)
        report("floatAdd", [.float(a), .float(b)], .float(r), site)
        return r
    }
    public func floatSub(_ a: Double, _ b: Double, at site: SourceSite) -> Double {
        let r = base.floatSub(a, b, at: site)
        report("floatSub", [.float(a), .float(b)], .float(r), site)
        return r
    }
    public func floatMul(_ a: Double, _ b: Double, at site: SourceSite) -> Double {
        let r = base.floatMul(a, b, at: site)
        report("floatMul", [.float(a), .float(b)], .float(r), site)
        return r
    }
    public func floatTrueDiv(_ a: Double, _ b: Double, at site: SourceSite) -> Double {
        let r = base.floatTrueDiv(a, b, at: site)
        report("floatTrueDiv", [.float(a), .float(b)], .float(r), site)
        return r
    }
    public func floatLt(_ a: Double, _ b: Double, at site: SourceSite) -> Int {
        let r = base.floatLt(a, b, at: site)
        report("floatLt", [.float(a), .float(b)], .int(r), site)
        return r
    }
    public func floatLe(_ a: Double, _ b: Double, at site: SourceSite) -> Int {
        let r = base.floatLe(a, b, at: site)
        report("floatLe", [.float(a), .float(b)], .int(r), site)
        return r
    }
    public func floatEq(_ a: Double, _ b: Double, at site: SourceSite) -> Int {
        let r = base.floatEq(a, b, at: site)
        report("floatEq", [.float(a), .float(b)], .int(r), site)
        return r
    }
    public func floatNe(_ a: Double, _ b: Double, at site: SourceSite) -> Int {
        let r = base.floatNe(a, b, at: site)
        report("floatNe", [.float(a), .float(b)], .int(r), site)
        return r
    }
    public func floatGt(_ a: Double, _ b: Double, at site: SourceSite) -> Int {
        let r = base.floatGt(a, b, at: site)
        report("floatGt", [.float(a), .float(b)], .int(r), site)
        return r
    }
    public func floatGe(_ a: Double, _ b: Double, at site: SourceSite) -> Int {
        let r = base.floatGe(a, b, at: site)
        report("floatGe", [.float(a), .float(b)], .int(r), site)
        return r
    }
    public func intToFloat(_ a: Int, at site: SourceSite) -> Double {
        let r = base.intToFloat(a, at: site)
        report("intToFloat", [.int(a)], .float(r), site)
        return r
    }
    public func floatIsZero(_ a: Double, at site: SourceSite) -> Bool {
        let r = base.floatIsZero(a, at: site)
        report("floatIsZero", [.float(a)], .bool(r), site)
        return r
    }
    public func callR(_ function: ResidualFunction1, _ a: Ref, at site: SourceSite) -> Ref {
        let r = base.callR(function, a, at: site)
        report("callR", [.function(function.name), .ref(a)], .ref(r), site)
        return r
    }
    public func callR(_ function: ResidualFunction2, _ a: Ref, _ b: Ref, at site: SourceSite) -> Ref {
        let r = base.callR(function, a, b, at: site)
        report("callR", [.function(function.name), .ref(a), .ref(b)], .ref(r), site)
        return r
    }
    public func callR(_ function: ResidualFunction3, _ a: Ref, _ b: Ref, _ c: Ref, at site: SourceSite) -> Ref {
        let r = base.callR(function, a, b, c, at: site)
        report("callR", [.function(function.name), .ref(a), .ref(b), .ref(c)], .ref(r), site)
        return r
    }
    public func concrete(_ value: Ref, at site: SourceSite) -> Ref {
        let r = base.concrete(value, at: site)
        report("concrete", [.ref(value)], .ref(r), site)
        return r
    }
    public func local(_ index: Int, at site: SourceSite) -> Ref {
        let r = base.local(index, at: site)
        report("local", [.int(index)], .ref(r), site)
        return r
    }
    public mutating func setLocal(_ index: Int, _ value: Ref, at site: SourceSite) {
        base.setLocal(index, value, at: site)
        report("setLocal", [.int(index), .ref(value)], nil, site)
    }
    public mutating func push(_ value: Ref, at site: SourceSite) {
        base.push(value, at: site)
        report("push", [.ref(value)], nil, site)
    }
    public mutating func pop(at site: SourceSite) -> Ref {
        let r = base.pop(at: site)
        report("pop", [], .ref(r), site)
        return r
    }
    public func peek(_ depth: Int, at site: SourceSite) -> Ref {
        let r = base.peek(depth, at: site)
        report("peek", [.int(depth)], .ref(r), site)
        return r
    }
    public mutating func poke(_ depth: Int, _ value: Ref, at site: SourceSite) {
        base.poke(depth, value, at: site)
        report("poke", [.int(depth), .ref(value)], nil, site)
    }
}
