import Testing
@testable import Meta

@Test func executorComputesIntegerAndFloatArithmetic() throws {
    let w = IRTestWorld()
    let exit = try w.run("""
        [i0, i1, f2]
        i3 = int_mul(i0, i1)
        i4 = int_py_floordiv(i3, -7)
        i5 = int_py_mod(i3, -7)
        i6 = int_sub(i4, 3)
        f7 = cast_int_to_float(i6)
        f8 = float_truediv(f7, f2)
        i9 = float_lt(f8, 0.0)
        i10 = int_lshift(i0, 3)
        i11 = int_rshift(i10, 1)
        i12 = int_xor(i11, 255)
        i13 = int_neg(i12)
        i14 = int_is_zero(i13)
        f15 = float_neg(f8)
        i16 = int_and(i12, 15)
        i17 = int_or(i16, 64)
        i18 = int_is_true(i17)
        finish(i3, i4, i5, f8, i9, i13, i14, f15, i17, i18)
        """, [.int(6), .int(5), .float(4.0)])
    #expect(exit.reason == .finished(opIndex: 16))
    #expect(exit.values == [.int(30), .int(-5), .int(-5), .float(-2.0), .int(1), .int(-231), .int(0), .float(2.0), .int(71), .int(1)])
}

/// The executor's Python division, modulo and checked shift agree with `ConcreteDomain`'s, which the recorder
/// traces them from.
@Test func integerSemanticsMatchTheConcreteDomain() {
    let w = IRTestWorld()
    let slots = UnsafeMutablePointer<Ref>.allocate(capacity: 1)
    defer { slots.deallocate() }
    let d = ConcreteDomain(heap: w.heap, locals: slots, sp: slots)
    let samples = [Int.min, Int.min + 1, -1000, -7, -2, -1, 0, 1, 2, 3, 7, 63, 64, 1000, Int.max - 1, Int.max]
    for a in samples {
        for b in samples {
            if let q = d.intFloorDiv(a, b) { #expect(IntSemantics.floorDiv(a, b) == q, "\(a) // \(b)") }
            if let m = d.intMod(a, b) { #expect(IntSemantics.mod(a, b) == m, "\(a) % \(b)") }
            let (shifted, overflow) = IntSemantics.lshiftReportingOverflow(a, b)
            let expected = d.intLshiftOvf(a, b)
            #expect(overflow == (expected == nil), "\(a) << \(b)")
            if let e = expected { #expect(shifted == e) }
        }
    }
}

@Test func overflowGuardFailsWithItsFailArgs() throws {
    let w = IRTestWorld()
    let text = """
        [i0, i1]
        i2 = int_add_ovf(i0, i1)
        guard_no_overflow() [i0, i1]
        i3 = int_mul_ovf(i2, i1)
        guard_no_overflow() [i2]
        finish(i3)
        """
    let trace = try w.parse(text)
    let executor = try IRExecutor(trace: trace, heap: w.heap)
    #expect(try executor.run([.int(1), .int(2)]) == TraceExit(reason: .finished(opIndex: 4), values: [.int(6)]))
    #expect(try executor.run([.int(.max), .int(1)]) == TraceExit(reason: .guardFailed(opIndex: 1, guardNumber: 0), values: [.int(.max), .int(1)]))
    #expect(try executor.run([.int(1 << 62), .int(2)]) == TraceExit(reason: .guardFailed(opIndex: 3, guardNumber: 1), values: [.int((1 << 62) + 2)]))
}

@Test func guardClassFailsOnAnotherLayoutAndNull() throws {
    let w = IRTestWorld()
    let trace = try w.parse("""
        [p0]
        guard_nonnull(p0) [p0]
        guard_class(p0, W_Int) [p0]
        i1 = getfield_gc_i(p0, descr=W_Int.intval)
        finish(i1)
        """)
    let executor = try IRExecutor(trace: trace, heap: w.heap)
    #expect(try executor.run([.ref(w.box(5))]).values == [.int(5)])
    let aFloat = w.heap.allocate(w.float)
    #expect(try executor.run([.ref(aFloat)]) == TraceExit(reason: .guardFailed(opIndex: 1, guardNumber: 1), values: [.ref(aFloat)]))
    #expect(try executor.run([.ref(.null)]).reason == .guardFailed(opIndex: 0, guardNumber: 0))
}

@Test func aLoopRunsUntilItsGuardFailsWithTheRightValues() throws {
    let w = IRTestWorld()
    let exit = try w.run("""
        # Loop 0 (run:3 #4 LOAD_FAST) : loop with 6 ops
        [i0, i1, i2]
        label(i0, i1, i2, descr=Loop0)
        i3 = int_lt(i0, i2)
        guard_true(i3) [i0, i1]
        i4 = int_add(i1, i0)
        i5 = int_add(i0, 1)
        jump(i5, i4, i2, descr=Loop0)
        """, [.int(0), .int(0), .int(1000)])
    #expect(exit.reason == .guardFailed(opIndex: 2, guardNumber: 0) && exit.values == [.int(1000), .int(499_500)])
    #expect(exit.iterations == 1001)
}

@Test func jumpsMoveTheirArgumentsInParallel() throws {
    let w = IRTestWorld()
    let text = """
        [i0, i1, i2]
        label(i0, i1, i2, descr=Loop0)
        i3 = int_sub(i2, 1)
        i4 = int_ge(i3, 0)
        guard_true(i4) [i0, i1]
        jump(i1, i0, i3, descr=Loop0)
        """
    #expect(try w.run(text, [.int(1), .int(2), .int(5)]).values == [.int(2), .int(1)])
    #expect(try w.run(text, [.int(1), .int(2), .int(4)]).values == [.int(1), .int(2)])
}

/// The boxed loop of DESIGN §14: type checks, unboxing, an overflow check and fresh boxes every iteration.
let boxedSumLoop = """
    [p0, p1]
    label(p0, p1, descr=Loop0)
    guard_class(p0, W_Int) [p0, p1]
    i2 = getfield_gc_i(p0, descr=W_Int.intval)
    i3 = int_lt(i2, 100)
    guard_true(i3) [p0, p1]
    i4 = getfield_gc_i(p1, descr=W_Int.intval)
    i5 = int_add_ovf(i4, i2)
    guard_no_overflow() [p0, p1]
    p6 = new_with_vtable(descr=W_Int)
    setfield_gc(p6, i5, descr=W_Int.intval)
    i7 = int_add(i2, 1)
    p8 = new_with_vtable(descr=W_Int)
    setfield_gc(p8, i7, descr=W_Int.intval)
    jump(p8, p6, descr=Loop0)
    """

@Test func allocationAndFieldsWorkInRealMemory() throws {
    let w = IRTestWorld()
    let exit = try w.run(boxedSumLoop, [.ref(w.box(0)), .ref(w.box(0))])
    #expect(exit.reason == .guardFailed(opIndex: 4, guardNumber: 1))
    guard case .ref(let counter) = exit.values[0], case .ref(let sum) = exit.values[1] else {
        Issue.record("expected two references, got \(exit.values)")
        return
    }
    #expect(Heap.typeID(of: counter) == w.int.id && Heap.typeID(of: sum) == w.int.id)
    #expect(w.unbox(counter) == 100)
    #expect(w.unbox(sum) == 4950)
}

@Test func arrayItemsIndexTheReferenceTail() throws {
    let w = IRTestWorld()
    let tuple = w.heap.allocate(w.tuple, tailCount: 3)
    tuple.pointer.storeBytes(of: 3, toByteOffset: 16, as: Int.self)
    let items = [w.box(10), w.box(11), w.box(12)]
    for (k, item) in items.enumerated() { tuple.pointer.storeBytes(of: item.bits, toByteOffset: w.tuple.fixedSize + 8 * k, as: UInt.self) }
    let exit = try w.run("""
        [p0, i1]
        p2 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
        setarrayitem_gc(p0, 0, p2, descr=W_Tuple)
        i3 = getfield_gc_i(p0, descr=W_Tuple.length)
        i4 = getarrayitem_gc_i(p0, 1, descr=W_Tuple)
        finish(p2, i3, i4)
        """, [.ref(tuple), .int(2)])
    #expect(exit.values == [.ref(items[2]), .int(3), .int(Int(bitPattern: items[1].bits))])
    #expect(tuple.pointer.load(fromByteOffset: w.tuple.fixedSize, as: UInt.self) == items[2].bits)
}

@Test func residualCallsGoThroughTheirCFunctionPointers() throws {
    let w = IRTestWorld()
    let exit = try w.run("""
        [i0, p1]
        i2 = call_i(ConstClass(scale_add), i0, 7)
        i3 = call_i(ConstClass(unbox), p1)
        i4 = call_i(ConstClass(sum3), i2, i3, 1)
        call_n(ConstClass(unbox), p1)
        p5 = call_r(ConstClass(sum3), p1, 0, 0)
        finish(i2, i3, i4, p5)
        """, [.int(4), .ref(w.box(30))])
    guard case .ref(let same) = exit.values[3] else { Issue.record("expected a reference"); return }
    #expect(exit.values.prefix(3) == [.int(47), .int(30), .int(78)])
    #expect(w.unbox(same) == 30)
}

@Test func guardValueComparesWithTheConstant() throws {
    let w = IRTestWorld()
    let text = """
        [i0, f1]
        guard_value(i0, 7) [i0]
        guard_value(f1, -0.0) [f1]
        finish()
        """
    #expect(try w.run(text, [.int(7), .float(-0.0)]).reason == .finished(opIndex: 2))
    #expect(try w.run(text, [.int(8), .float(-0.0)]).reason == .guardFailed(opIndex: 0, guardNumber: 0))
    #expect(try w.run(text, [.int(7), .float(0.0)]).reason == .guardFailed(opIndex: 1, guardNumber: 1))
}

@Test func guardNotInvalidatedFailsOnceTheTraceIsInvalidated() throws {
    let w = IRTestWorld()
    let executor = try IRExecutor(trace: try w.parse("[i0]\nguard_not_invalidated() [i0]\nfinish(i0)"), heap: w.heap)
    #expect(try executor.run([.int(1)]).reason == .finished(opIndex: 1))
    executor.isInvalidated = true
    #expect(try executor.run([.int(1)]) == TraceExit(reason: .guardFailed(opIndex: 0, guardNumber: 0), values: [.int(1)]))
}

@Test func aBridgeJumpsOutToItsLoop() throws {
    let w = IRTestWorld()
    let bridge = try w.parse("""
        # bridge out of Guard 3 with 2 ops
        [i0]
        i1 = int_add(i0, 1)
        jump(i1, i0, descr=Loop0)
        """)
    #expect(throws: IRVerificationError.self) { try IRExecutor(trace: bridge, heap: w.heap) }
    let executor = try IRExecutor(trace: bridge, heap: w.heap, verifier: TraceVerifier(externalLoops: [LoopToken(0): [.int, .int]]))
    #expect(try executor.run([.int(41)]) == TraceExit(reason: .jumped(LoopToken(0)), values: [.int(42), .int(41)]))
}

@Test func executorRejectsWrongInputs() throws {
    let w = IRTestWorld()
    let executor = try IRExecutor(trace: try w.parse("[i0]\nfinish(i0)"), heap: w.heap)
    #expect(throws: IRExecutionError("the trace takes 1 input arguments, got 0")) { try executor.run([]) }
    #expect(throws: IRExecutionError("input argument 1 must be i, got f")) { try executor.run([.float(1)]) }
}

/// A loop that allocates far more than the nursery while it keeps a growing list alive only in its registers:
/// the collections it triggers at its label must keep every object it holds.
@Test func collectionsDuringALoopKeepItsLiveReferences() throws {
    let w = IRTestWorld(nurseryBytes: 256 << 10)
    let n = 40_000
    let exit = try w.run("""
        [p0, i1, i2]
        label(p0, i1, i2, descr=Loop0)
        i3 = int_lt(i1, i2)
        guard_true(i3) [p0, i1]
        p4 = new_with_vtable(descr=W_Int)
        setfield_gc(p4, i1, descr=W_Int.intval)
        p5 = new_with_vtable(descr=W_Pair)
        setfield_gc(p5, p4, descr=W_Pair.left)
        setfield_gc(p5, p0, descr=W_Pair.right)
        p6 = new_with_vtable(descr=W_Float)
        p7 = new_with_vtable(descr=W_Pair)
        i8 = int_add(i1, 1)
        jump(p5, i8, i2, descr=Loop0)
        """, [.ref(.null), .int(0), .int(n)])
    #expect(w.heap.collections > 5)
    guard case .ref(var node) = exit.values[0] else { Issue.record("expected the list"); return }
    var expected = n - 1
    while !node.isNull {
        #expect(Heap.typeID(of: node) == w.pair.id)
        let box = Ref(bits: node.pointer.load(fromByteOffset: 16, as: UInt.self))
        #expect(Heap.typeID(of: box) == w.int.id && w.unbox(box) == expected)
        if w.unbox(box) != expected { return }
        expected -= 1
        node = Ref(bits: node.pointer.load(fromByteOffset: 24, as: UInt.self))
    }
    #expect(expected == -1)
    // The garbage (a float box and a pair per iteration, half of what the loop allocates) was freed.
    #expect(w.heap.totalFreedBytes > w.heap.totalAllocatedBytes / 3)
}

@Test func resumeStateMaterialisesVirtuals() throws {
    let w = IRTestWorld()
    let trace = try w.parse("""
        [p0, i1]
        i2 = int_add(i1, 1)
        guard_false(i1) [p0, i2]
            frame 'outer' code=7 pc=12 locals=[p0, ConstPtr(null)] stack=[p5]
            frame 'inner' code=8 pc=3 locals=[i2, 2.5, p5] stack=[]
            virtual p5 = W_Pair(left=p6, right=p0)
            virtual p6 = W_Int(intval=i2)
        finish()
        """)
    let executor = try IRExecutor(trace: trace, heap: w.heap)
    let input = w.box(9)
    let exit = try executor.run([.ref(input), .int(41)])
    #expect(exit == TraceExit(reason: .guardFailed(opIndex: 1, guardNumber: 0), values: [.ref(input), .int(42)]))
    let state = try trace.resumeState(for: exit, heap: w.heap)
    #expect(state.guardNumber == 0)
    #expect(state.frames.map(\.codeID) == [7, 8] && state.frames.map(\.pc) == [12, 3] && state.frames.map(\.codeName) == ["outer", "inner"])
    #expect(state.frames[0].locals == [.ref(input), .ref(.null)])
    #expect(state.frames[1].locals.prefix(2) == [.int(42), .float(2.5)])
    guard case .ref(let pair) = state.frames[0].stack[0] else { Issue.record("expected the materialised pair"); return }
    // The virtual is materialised once: both frames see the same object.
    #expect(state.frames[1].locals[2] == .ref(pair))
    #expect(Heap.typeID(of: pair) == w.pair.id)
    let left = Ref(bits: pair.pointer.load(fromByteOffset: 16, as: UInt.self))
    #expect(Heap.typeID(of: left) == w.int.id && w.unbox(left) == 42)
    #expect(pair.pointer.load(fromByteOffset: 24, as: UInt.self) == input.bits)
    #expect(throws: IRExecutionError.self) { try trace.resumeState(guardAt: 1, failArgValues: [.int(1)], heap: w.heap) }
}

nonisolated(unsafe) var reentrantExecutor: IRExecutor? = nil

/// `f(n - 1)` through the executor running the same trace again (0 for n = 0).
let testReenter = ResidualFunction1("reenter", { n in
    guard n > 0, let executor = reentrantExecutor,
          let exit = try? executor.run([.int(Int(bitPattern: n) - 1)]), case .int(let v) = exit.values[0] else { return 0 }
    return UInt(bitPattern: v)
})

/// A residual call may run the same trace again; each run keeps its own registers.
@Test func nestedRunsOfOneTraceKeepTheirOwnRegisters() throws {
    let w = IRTestWorld()
    let trace = try TraceParser(resolver: w.resolver(functions: [CallDescriptor(testReenter)])).parse("""
        [i0]
        i1 = call_i(ConstClass(reenter), i0)
        i2 = int_add(i1, i0)
        finish(i2)
        """)
    let executor = try IRExecutor(trace: trace, heap: w.heap)
    reentrantExecutor = executor
    defer { reentrantExecutor = nil }
    #expect(try executor.run([.int(4)]).values == [.int(10)])
}
