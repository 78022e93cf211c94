/// The meta-tracer domain (DESIGN §1, §5): every primitive operation executes, exactly as in `ConcreteDomain`, *and*
/// is recorded as typed IR by the `Recorder`. Branches on red values become guards on the outcome observed;
/// operations on constants fold (and reads of immutable fields of constant objects become constants); the guest
/// frame's slots are virtualizable: the recorder keeps the IR value of each slot, while memory is written too so
/// that execution stays right whatever happens to the trace.
///
/// Once the recorder stops (closed or aborted), the operations keep executing and record nothing.
public struct TracingDomain: Domain {
    public typealias R = TracedRef
    public typealias I = TracedInt
    public typealias F = TracedFloat

    public let recorder: Recorder
    public let heap: Heap
    public var locals: UnsafeMutablePointer<Ref>
    public var sp: UnsafeMutablePointer<Ref>

    public init(recorder: Recorder, heap: Heap, locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>) {
        self.recorder = recorder
        self.heap = heap
        self.locals = locals
        self.sp = sp
    }

    private var recording: Bool { recorder.isRecording }
    private func int(_ v: Int) -> IRValue { recorder.constant(.int(v)) }
    private func isConstant(_ ir: IRValue) -> Bool { ir.isConstant }

    // MARK: constants

    public func constRef(_ ref: Ref, at _: SourceSite) -> TracedRef { TracedRef(ref, recorder.constant(.ref(ref))) }
    public func constInt(_ value: Int, at _: SourceSite) -> TracedInt { TracedInt(value, int(value)) }

    // MARK: heap

    /// A field read: folded to a constant when the object is a constant and the field immutable.
    private func readField(_ o: TracedRef, _ f: FieldDescriptor, _ opcode: Opcode, _ value: ConcreteValue, _ site: SourceSite) -> IRValue {
        guard recording else { return .none }
        if isConstant(o.ir) && recorder.guest.isImmutable(f) { return recorder.constant(value) }
        return recorder.append(opcode, [o.ir], descr: .field(f), site: site)
    }

    public func getfieldR(_ o: TracedRef, _ f: FieldDescriptor, at site: SourceSite) -> TracedRef {
        let v = Ref(bits: o.value.pointer.load(fromByteOffset: Int(f.offset), as: UInt.self))
        return TracedRef(v, readField(o, f, .getfieldGcR, .ref(v), site))
    }
    public func getfieldI(_ o: TracedRef, _ f: FieldDescriptor, at site: SourceSite) -> TracedInt {
        let v = o.value.pointer.load(fromByteOffset: Int(f.offset), as: Int.self)
        return TracedInt(v, readField(o, f, .getfieldGcI, .int(v), site))
    }
    public func getfieldF(_ o: TracedRef, _ f: FieldDescriptor, at site: SourceSite) -> TracedFloat {
        let v = o.value.pointer.load(fromByteOffset: Int(f.offset), as: Double.self)
        return TracedFloat(v, readField(o, f, .getfieldGcF, .float(v), site))
    }
    public func getfieldRawI(_ f: RawFieldDescriptor, at site: SourceSite) -> TracedInt {
        let v = f.load()
        return TracedInt(v, recording ? recorder.append(.getfieldRawI, [], descr: .rawField(f), site: site) : .none)
    }
    private func writeField(_ o: TracedRef, _ f: FieldDescriptor, _ value: IRValue, _ site: SourceSite) {
        recorder.appendEffect(.setfieldGc, [o.ir, value], descr: .field(f), what: "setfield_gc", site: site)
    }
    public func setfieldR(_ o: TracedRef, _ f: FieldDescriptor, _ v: TracedRef, at site: SourceSite) {
        o.value.pointer.storeBytes(of: v.value.bits, toByteOffset: Int(f.offset), as: UInt.self)
        writeField(o, f, v.ir, site)
    }
    public func setfieldI(_ o: TracedRef, _ f: FieldDescriptor, _ v: TracedInt, at site: SourceSite) {
        o.value.pointer.storeBytes(of: v.value, toByteOffset: Int(f.offset), as: Int.self)
        writeField(o, f, v.ir, site)
    }
    public func setfieldF(_ o: TracedRef, _ f: FieldDescriptor, _ v: TracedFloat, at site: SourceSite) {
        o.value.pointer.storeBytes(of: v.value, toByteOffset: Int(f.offset), as: Double.self)
        writeField(o, f, v.ir, site)
    }
    public func getarrayitemR(_ o: TracedRef, _ t: Layout, _ i: TracedInt, at site: SourceSite) -> TracedRef {
        let v = Ref(bits: o.value.pointer.load(fromByteOffset: t.fixedSize &+ 8 &* i.value, as: UInt.self))
        guard recording else { return TracedRef(v, .none) }
        if isConstant(o.ir) && isConstant(i.ir) && recorder.guest.hasImmutableItems(t) {
            return TracedRef(v, recorder.constant(.ref(v)))
        }
        return TracedRef(v, recorder.append(.getarrayitemGcR, [o.ir, i.ir], descr: .array(t), site: site))
    }
    public func setarrayitemR(_ o: TracedRef, _ t: Layout, _ i: TracedInt, _ v: TracedRef, at site: SourceSite) {
        o.value.pointer.storeBytes(of: v.value.bits, toByteOffset: t.fixedSize &+ 8 &* i.value, as: UInt.self)
        recorder.appendEffect(.setarrayitemGc, [o.ir, i.ir, v.ir], descr: .array(t), what: "setarrayitem_gc", site: site)
    }
    public func new(_ t: Layout, at site: SourceSite) -> TracedRef? {
        let r = heap.allocate(typeID: t.id, size: t.fixedSize)
        if r.isNull {
            recorder.abort("the heap is full")
            return nil
        }
        return TracedRef(r, recorder.appendEffect(.newWithVtable, [], descr: .size(t), what: "new_with_vtable", site: site))
    }

    // MARK: type checks

    /// `guard_class` on the class `o` has (which decides any test of its class).
    private func guardClass(_ o: TracedRef, _ site: SourceSite) {
        guard recording, !isConstant(o.ir) else { return }
        let id = Heap.typeID(of: o.value)
        let layout = Layout(id: id, fixedSize: heap.registry.descriptors[Int(id)].fixedSize)
        recorder.appendGuard(.guardClass, [o.ir], descr: .size(layout), site: site)
    }
    public func hasType(_ o: TracedRef, _ t: Layout, at site: SourceSite) -> Bool {
        guardClass(o, site)
        return Heap.typeID(of: o.value) == t.id
    }
    public func promoteTypeID(_ o: TracedRef, at site: SourceSite) -> UInt32 {
        guardClass(o, site)
        return Heap.typeID(of: o.value)
    }
    public func isSame(_ a: TracedRef, _ b: TracedRef, at site: SourceSite) -> Bool {
        let same = a.value == b.value
        guard recording, !(isConstant(a.ir) && isConstant(b.ir)) else { return same }
        let c = recorder.append(.ptrEq, [a.ir, b.ir], site: site)
        recorder.appendGuard(same ? .guardTrue : .guardFalse, [c], site: site)
        return same
    }
    public func isNull(_ o: TracedRef, at site: SourceSite) -> Bool {
        let null = o.value.isNull
        guard recording, !isConstant(o.ir) else { return null }
        let mode: ResumeMode = recorder.isLastCallResult(o.ir) ? .raisePending : .reexecute
        recorder.appendGuard(null ? .guardIsnull : .guardNonnull, [o.ir], mode: mode, site: site)
        return null
    }

    // MARK: integers

    /// A pure binary integer operation, folded when both operands are constants.
    private func pure(_ opcode: Opcode, _ a: TracedInt, _ b: TracedInt, _ value: Int, _ site: SourceSite) -> TracedInt {
        guard recording else { return TracedInt(value, .none) }
        if isConstant(a.ir) && isConstant(b.ir) { return TracedInt(value, int(value)) }
        return TracedInt(value, recorder.append(opcode, [a.ir, b.ir], site: site))
    }
    /// An overflow-checked operation: the op and `guard_no_overflow` (or `guard_overflow` when it overflowed).
    private func checked(_ opcode: Opcode, _ a: TracedInt, _ b: TracedInt, _ result: (Int, Bool), _ site: SourceSite) -> TracedInt? {
        let (value, overflow) = result
        guard recording else { return overflow ? nil : TracedInt(value, .none) }
        if isConstant(a.ir) && isConstant(b.ir) { return overflow ? nil : TracedInt(value, int(value)) }
        let r = recorder.append(opcode, [a.ir, b.ir], site: site)
        recorder.appendGuard(overflow ? .guardOverflow : .guardNoOverflow, [], site: site)
        return overflow ? nil : TracedInt(value, r)
    }
    /// Guards that `a opcode b` (a comparison) came out as `outcome`, unless both are constants.
    private func guardCompare(_ opcode: Opcode, _ a: TracedInt, _ b: TracedInt, _ outcome: Bool, _ site: SourceSite) {
        guard recording, !(isConstant(a.ir) && isConstant(b.ir)) else { return }
        let c = recorder.append(opcode, [a.ir, b.ir], site: site)
        recorder.appendGuard(outcome ? .guardTrue : .guardFalse, [c], site: site)
    }

    public func intAddOvf(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        checked(.intAddOvf, a, b, a.value.addingReportingOverflow(b.value), site)
    }
    public func intSubOvf(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        checked(.intSubOvf, a, b, a.value.subtractingReportingOverflow(b.value), site)
    }
    public func intMulOvf(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        checked(.intMulOvf, a, b, a.value.multipliedReportingOverflow(by: b.value), site)
    }
    public func intFloorDiv(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        let zero = constInt(0, at: site), minusOne = constInt(-1, at: site)
        guardCompare(.intEq, b, zero, b.value == 0, site)
        if b.value == 0 { return nil }
        guardCompare(.intEq, b, minusOne, b.value == -1, site)
        if b.value == -1 {
            // -a overflows only for Int.min: int_sub_ovf(0, a) decides it.
            return intSubOvf(zero, a, at: site)
        }
        let q = a.value / b.value
        let value = (a.value % b.value != 0 && (a.value < 0) != (b.value < 0)) ? q - 1 : q
        return pure(.intPyFloordiv, a, b, value, site)
    }
    public func intMod(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        guardCompare(.intEq, b, constInt(0, at: site), b.value == 0, site)
        if b.value == 0 { return nil }
        let r = b.value == -1 ? 0 : a.value % b.value
        let value = b.value == -1 ? 0 : ((r != 0 && (r < 0) != (b.value < 0)) ? r + b.value : r)
        return pure(.intPyMod, a, b, value, site)
    }
    public func intLshiftOvf(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        let value: Int, overflow: Bool
        if b.value < 0 || b.value >= 64 {
            (value, overflow) = (0, !(a.value == 0 && b.value >= 0))
        } else {
            value = a.value << b.value
            overflow = value >> b.value != a.value
        }
        return checked(.intLshiftOvf, a, b, (value, overflow), site)
    }
    public func intRshift(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt? {
        guardCompare(.intGe, b, constInt(0, at: site), b.value >= 0, site)
        if b.value < 0 { return nil }
        return pure(.intRshift, a, b, b.value >= 64 ? (a.value < 0 ? -1 : 0) : a.value >> b.value, site)
    }
    public func intAnd(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intAnd, a, b, a.value & b.value, site) }
    public func intOr(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intOr, a, b, a.value | b.value, site) }
    public func intXor(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intXor, a, b, a.value ^ b.value, site) }
    public func intLt(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intLt, a, b, a.value < b.value ? 1 : 0, site) }
    public func intLe(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intLe, a, b, a.value <= b.value ? 1 : 0, site) }
    public func intEq(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intEq, a, b, a.value == b.value ? 1 : 0, site) }
    public func intNe(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intNe, a, b, a.value != b.value ? 1 : 0, site) }
    public func intGt(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intGt, a, b, a.value > b.value ? 1 : 0, site) }
    public func intGe(_ a: TracedInt, _ b: TracedInt, at site: SourceSite) -> TracedInt { pure(.intGe, a, b, a.value >= b.value ? 1 : 0, site) }
    public func isTrue(_ c: TracedInt, at site: SourceSite) -> Bool {
        let outcome = c.value != 0
        if recording && !isConstant(c.ir) { recorder.appendGuard(outcome ? .guardTrue : .guardFalse, [c.ir], site: site) }
        return outcome
    }
    public func promote(_ v: TracedInt, at site: SourceSite) -> Int {
        if recording && !isConstant(v.ir) { recorder.appendGuard(.guardValue, [v.ir, int(v.value)], site: site) }
        return v.value
    }

    // MARK: floats

    private func floatOp(_ opcode: Opcode, _ a: TracedFloat, _ b: TracedFloat, _ value: Double, _ site: SourceSite) -> TracedFloat {
        guard recording else { return TracedFloat(value, .none) }
        if isConstant(a.ir) && isConstant(b.ir) { return TracedFloat(value, recorder.constant(.float(value))) }
        return TracedFloat(value, recorder.append(opcode, [a.ir, b.ir], site: site))
    }
    private func floatCompare(_ opcode: Opcode, _ a: TracedFloat, _ b: TracedFloat, _ outcome: Bool, _ site: SourceSite) -> TracedInt {
        let value = outcome ? 1 : 0
        guard recording else { return TracedInt(value, .none) }
        if isConstant(a.ir) && isConstant(b.ir) { return TracedInt(value, int(value)) }
        return TracedInt(value, recorder.append(opcode, [a.ir, b.ir], site: site))
    }
    public func floatAdd(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedFloat { floatOp(.floatAdd, a, b, a.value + b.value, site) }
    public func floatSub(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedFloat { floatOp(.floatSub, a, b, a.value - b.value, site) }
    public func floatMul(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedFloat { floatOp(.floatMul, a, b, a.value * b.value, site) }
    public func floatTrueDiv(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedFloat { floatOp(.floatTruediv, a, b, a.value / b.value, site) }
    public func floatLt(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedInt { floatCompare(.floatLt, a, b, a.value < b.value, site) }
    public func floatLe(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedInt { floatCompare(.floatLe, a, b, a.value <= b.value, site) }
    public func floatEq(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedInt { floatCompare(.floatEq, a, b, a.value == b.value, site) }
    public func floatNe(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedInt { floatCompare(.floatNe, a, b, a.value != b.value, site) }
    public func floatGt(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedInt { floatCompare(.floatGt, a, b, a.value > b.value, site) }
    public func floatGe(_ a: TracedFloat, _ b: TracedFloat, at site: SourceSite) -> TracedInt { floatCompare(.floatGe, a, b, a.value >= b.value, site) }
    public func intToFloat(_ a: TracedInt, at site: SourceSite) -> TracedFloat {
        let value = Double(a.value)
        guard recording else { return TracedFloat(value, .none) }
        if isConstant(a.ir) { return TracedFloat(value, recorder.constant(.float(value))) }
        return TracedFloat(value, recorder.append(.castIntToFloat, [a.ir], site: site))
    }
    public func floatIsZero(_ a: TracedFloat, at site: SourceSite) -> Bool {
        let zero = a.value == 0
        if recording && !isConstant(a.ir) {
            let c = recorder.append(.floatEq, [a.ir, recorder.constant(.float(0))], site: site)
            recorder.appendGuard(zero ? .guardTrue : .guardFalse, [c], site: site)
        }
        return zero
    }

    // MARK: residual calls

    public func callR(_ f: ResidualFunction1, _ a: TracedRef, at site: SourceSite) -> TracedRef {
        let r = Ref(bits: f.function(a.value.bits))
        return TracedRef(r, recording ? recorder.appendCall(.callR, [a.ir], CallDescriptor(f), effects: f.effects, site: site) : .none)
    }
    public func callR(_ f: ResidualFunction2, _ a: TracedRef, _ b: TracedRef, at site: SourceSite) -> TracedRef {
        let r = Ref(bits: f.function(a.value.bits, b.value.bits))
        return TracedRef(r, recording ? recorder.appendCall(.callR, [a.ir, b.ir], CallDescriptor(f), effects: f.effects, site: site) : .none)
    }
    public func callR(_ f: ResidualFunction3, _ a: TracedRef, _ b: TracedRef, _ c: TracedRef, at site: SourceSite) -> TracedRef {
        let r = Ref(bits: f.function(a.value.bits, b.value.bits, c.value.bits))
        return TracedRef(r, recording ? recorder.appendCall(.callR, [a.ir, b.ir, c.ir], CallDescriptor(f), effects: f.effects, site: site) : .none)
    }

    // MARK: hints

    public static var observesFrames: Bool { true }
    public static var isTracing: Bool { true }
    public mutating func instructionStarted() {}
    public mutating func jitMergePoint(code: UnsafeRawPointer, pc: Int, depth: Int) -> Bool {
        recorder.mergePoint(code: code, pc: pc, depth: depth)
    }
    public mutating func notTraceable(_ reason: StaticString) { recorder.abort("\(reason)") }
    public mutating func frameReturns(depth: Int) {
        if depth <= recorder.rootDepth { recorder.abort("the loop's frame returned") }
    }
    public mutating func stackTopPublished(at site: SourceSite) { recorder.stackTopPublished(sp, site: site) }
    public mutating func assume(_ assumption: Assumption, at site: SourceSite) { recorder.assume(assumption, site: site) }
    public func isConstant(_ value: TracedRef) -> Bool { recording && isConstant(value.ir) }

    // MARK: the guest frame

    public mutating func switchFrame(locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>) {
        self.locals = locals
        self.sp = sp
    }
    public var stackTop: UnsafeMutablePointer<Ref> {
        get { sp }
        set { sp = newValue }
    }
    public func concrete(_ v: TracedRef, at site: SourceSite) -> Ref {
        if recording && !isConstant(v.ir) { recorder.appendGuard(.guardValue, [v.ir, recorder.constant(.ref(v.value))], site: site) }
        return v.value
    }
    private func read(_ slot: UnsafeMutablePointer<Ref>, _ site: SourceSite) -> TracedRef {
        let v = Ref(bits: UnsafeRawPointer(slot).load(as: UInt.self))
        return TracedRef(v, recorder.readSlot(slot, site: site))
    }
    private func write(_ slot: UnsafeMutablePointer<Ref>, _ v: TracedRef, _ site: SourceSite) {
        UnsafeMutableRawPointer(slot).storeBytes(of: v.value.bits, as: UInt.self)
        recorder.writeSlot(slot, v, site: site)
    }
    public func local(_ i: Int, at site: SourceSite) -> TracedRef { read(locals + i, site) }
    public mutating func setLocal(_ i: Int, _ v: TracedRef, at site: SourceSite) { write(locals + i, v, site) }
    public mutating func push(_ v: TracedRef, at site: SourceSite) { write(sp, v, site); sp += 1 }
    public mutating func pop(at site: SourceSite) -> TracedRef { sp -= 1; return read(sp, site) }
    public func peek(_ depth: Int, at site: SourceSite) -> TracedRef { read(sp - 1 - depth, site) }
    public mutating func poke(_ depth: Int, _ v: TracedRef, at site: SourceSite) { write(sp - 1 - depth, v, site) }
}
