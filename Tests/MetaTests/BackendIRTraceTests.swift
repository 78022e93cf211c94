import Testing
@testable import Meta

/// The IR executor tests' traces, run natively and under the executor from the same inputs.
@Suite struct BackendIRTraceTests {
    @Test func integerAndFloatArithmetic() throws {
        let text = """
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
            """
        let exit = try DifferentialRun(text, inputs: [.int(6), .int(5), .float(4.0)]).check()
        #expect(exit.values == [.int(30), .int(-5), .int(-5), .float(-2.0), .int(1), .int(-231), .int(0), .float(2.0), .int(71), .int(1)])
        for inputs: [ConcreteValue] in [[.int(-9), .int(13), .float(-0.0)], [.int(.min), .int(-1), .float(.nan)], [.int(0), .int(0), .float(.infinity)]] {
            try DifferentialRun(text, inputs: inputs).check()
        }
    }

    @Test func overflowGuards() throws {
        let text = """
            [i0, i1]
            i2 = int_add_ovf(i0, i1)
            guard_no_overflow() [i0, i1]
            i3 = int_mul_ovf(i2, i1)
            guard_no_overflow() [i2]
            finish(i3)
            """
        #expect(try DifferentialRun(text, inputs: [.int(1), .int(2)]).check() == TraceExit(reason: .finished(opIndex: 4), values: [.int(6)]))
        #expect(try DifferentialRun(text, inputs: [.int(.max), .int(1)]).check() == TraceExit(reason: .guardFailed(opIndex: 1, guardNumber: 0), values: [.int(.max), .int(1)]))
        #expect(try DifferentialRun(text, inputs: [.int(1 << 62), .int(2)]).check() == TraceExit(reason: .guardFailed(opIndex: 3, guardNumber: 1), values: [.int((1 << 62) + 2)]))
    }

    @Test func aLoopRunsUntilItsGuardFails() throws {
        let exit = try DifferentialRun("""
            [i0, i1, i2]
            label(i0, i1, i2, descr=Loop0)
            i3 = int_lt(i0, i2)
            guard_true(i3) [i0, i1]
            i4 = int_add(i1, i0)
            i5 = int_add(i0, 1)
            jump(i5, i4, i2, descr=Loop0)
            """, inputs: [.int(0), .int(0), .int(1000)]).check()
        #expect(exit.reason == .guardFailed(opIndex: 2, guardNumber: 0) && exit.values == [.int(1000), .int(499_500)])
        #expect(exit.iterations == 1001)
    }

    @Test func guardClassFailsOnAnotherLayoutAndNull() throws {
        let text = """
            [p0]
            guard_nonnull(p0) [p0]
            guard_class(p0, W_Int) [p0]
            i1 = getfield_gc_i(p0, descr=W_Int.intval)
            finish(i1)
            """
        #expect(try DifferentialRun(text, setup: { w in ([.ref(w.box(5))], [:]) }).check().values == [.int(5)])
        #expect(try DifferentialRun(text, setup: { w in ([.ref(w.heap.allocate(w.float))], [:]) }).check().reason == .guardFailed(opIndex: 1, guardNumber: 1))
        #expect(try DifferentialRun(text, inputs: [.ref(.null)]).check().reason == .guardFailed(opIndex: 0, guardNumber: 0))
    }

    @Test func guardClassAloneFailsOnNull() throws {
        let text = "[p0]\nguard_class(p0, W_Int) [p0]\nfinish(p0)"
        #expect(try DifferentialRun(text, inputs: [.ref(.null)]).check().reason == .guardFailed(opIndex: 0, guardNumber: 0))
        #expect(try DifferentialRun(text, setup: { w in ([.ref(w.box(1))], [:]) }).check().reason == .finished(opIndex: 1))
    }

    @Test func jumpsMoveTheirArgumentsInParallel() throws {
        let text = """
            [i0, i1, i2]
            label(i0, i1, i2, descr=Loop0)
            i3 = int_sub(i2, 1)
            i4 = int_ge(i3, 0)
            guard_true(i4) [i0, i1]
            jump(i1, i0, i3, descr=Loop0)
            """
        #expect(try DifferentialRun(text, inputs: [.int(1), .int(2), .int(5)]).check().values == [.int(2), .int(1)])
        #expect(try DifferentialRun(text, inputs: [.int(1), .int(2), .int(4)]).check().values == [.int(1), .int(2)])
    }

    @Test func allocationAndFieldsWorkInRealMemory() throws {
        let exit = try DifferentialRun(boxedSumLoop, setup: { w in ([.ref(w.box(0)), .ref(w.box(0))], [:]) }).check()
        #expect(exit.reason == .guardFailed(opIndex: 4, guardNumber: 1))
    }

    @Test func arrayItemsIndexTheReferenceTail() throws {
        let run = DifferentialRun("""
            [p0, i1]
            p2 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
            setarrayitem_gc(p0, 0, p2, descr=W_Tuple)
            i3 = getfield_gc_i(p0, descr=W_Tuple.length)
            i4 = getarrayitem_gc_i(p0, 1, descr=W_Tuple)
            setarrayitem_gc(p0, i3, 77, descr=W_Tuple)
            finish(p2, i3)
            """, setup: { w in
                let tuple = w.heap.allocate(w.tuple, tailCount: 4)
                tuple.pointer.storeBytes(of: 3, toByteOffset: 16, as: Int.self)
                for k in 0..<3 { tuple.pointer.storeBytes(of: w.box(10 + k).bits, toByteOffset: w.tuple.fixedSize + 8 * k, as: UInt.self) }
                return ([.ref(tuple), .int(2)], [:])
            })
        let (native, w, exit) = try run.outcome(.x64)
        #expect(native == (try run.outcome(.ir).0))
        guard case .ref(let item) = exit.values[0] else { Issue.record("expected a reference"); return }
        #expect(w.unbox(item) == 12)
    }

    @Test func residualCallsGoThroughTheirCFunctionPointers() throws {
        let exit = try DifferentialRun("""
            [i0, p1]
            i2 = call_i(ConstClass(scale_add), i0, 7)
            i3 = call_i(ConstClass(unbox), p1)
            i4 = call_i(ConstClass(sum3), i2, i3, 1)
            call_n(ConstClass(unbox), p1)
            p5 = call_r(ConstClass(sum3), p1, 0, 0)
            finish(i2, i3, i4, p5)
            """, setup: { w in ([.int(4), .ref(w.box(30))], [:]) }).check()
        #expect(exit.values.prefix(3) == [.int(47), .int(30), .int(78)])
    }

    @Test func guardValueComparesWithTheConstant() throws {
        let text = """
            [i0, f1]
            guard_value(i0, 7) [i0]
            guard_value(f1, -0.0) [f1]
            finish()
            """
        #expect(try DifferentialRun(text, inputs: [.int(7), .float(-0.0)]).check().reason == .finished(opIndex: 2))
        #expect(try DifferentialRun(text, inputs: [.int(8), .float(-0.0)]).check().reason == .guardFailed(opIndex: 0, guardNumber: 0))
        #expect(try DifferentialRun(text, inputs: [.int(7), .float(0.0)]).check().reason == .guardFailed(opIndex: 1, guardNumber: 1))
    }

    @Test func guardNotInvalidatedFailsOnceTheTraceIsInvalidated() throws {
        let w = IRTestWorld()
        let compiled = try compile("[i0]\nguard_not_invalidated() [i0]\nfinish(i0)", in: w)
        #expect(try compiled.run([.int(1)]).reason == .finished(opIndex: 1))
        compiled.isInvalidated = true
        #expect(try compiled.run([.int(1)]) == TraceExit(reason: .guardFailed(opIndex: 0, guardNumber: 0), values: [.int(1)]))
    }

    @Test func aBridgeJumpsOutToItsLoop() throws {
        var run = DifferentialRun("""
            # bridge out of Guard 3 with 2 ops
            [i0]
            i1 = int_add(i0, 1)
            jump(i1, i0, descr=Loop0)
            """, inputs: [.int(41)])
        #expect(throws: IRVerificationError.self) { try run.check() }
        run.verifier = TraceVerifier(externalLoops: [LoopToken(0): [.int, .int]])
        #expect(try run.check() == TraceExit(reason: .jumped(LoopToken(0)), values: [.int(42), .int(41)]))
    }

    @Test func compiledTracesRejectWrongInputs() throws {
        let compiled = try compile("[i0]\nfinish(i0)", in: IRTestWorld())
        #expect(throws: IRExecutionError("the trace takes 1 input arguments, got 0")) { try compiled.run([]) }
        #expect(throws: IRExecutionError("input argument 1 must be i, got f")) { try compiled.run([.float(1)]) }
    }

    /// The executor's GC test: a loop allocating far more than the nursery keeps a growing list alive only in its
    /// registers; the collections at its label (the native safepoint) must keep every object it holds.
    @Test func collectionsDuringALoopKeepItsLiveReferences() throws {
        let n = 40_000
        let run = DifferentialRun("""
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
            """, nurseryBytes: 256 << 10, setup: { _ in ([.ref(.null), .int(0), .int(n)], [:]) })
        let (native, w, exit) = try run.outcome(.x64)
        #expect(w.heap.collections > 5)
        #expect(w.heap.totalFreedBytes > w.heap.totalAllocatedBytes / 3)
        #expect(native == (try run.outcome(.ir).0))
        guard case .ref(var node) = exit.values[0] else { Issue.record("expected the list"); return }
        var expected = n - 1
        while !node.isNull && expected >= 0 {
            let box = Ref(bits: node.pointer.load(fromByteOffset: 16, as: UInt.self))
            if Heap.typeID(of: node) != w.pair.id || w.unbox(box) != expected { break }
            expected -= 1
            node = Ref(bits: node.pointer.load(fromByteOffset: 24, as: UInt.self))
        }
        #expect(expected == -1)
    }

    @Test func resumeStateFromANativeExitMaterialisesVirtuals() throws {
        let w = IRTestWorld()
        let compiled = try compile("""
            [p0, i1]
            i2 = int_add(i1, 1)
            guard_false(i1) [p0, i2]
                frame 'outer' code=7 pc=12 locals=[p0, ConstPtr(null)] stack=[p5]
                frame 'inner' code=8 pc=3 locals=[i2, 2.5, p5] stack=[]
                virtual p5 = W_Pair(left=p6, right=p0)
                virtual p6 = W_Int(intval=i2)
            finish()
            """, in: w)
        let input = w.box(9)
        let exit = try compiled.run([.ref(input), .int(41)])
        #expect(exit == TraceExit(reason: .guardFailed(opIndex: 1, guardNumber: 0), values: [.ref(input), .int(42)]))
        let state = try compiled.trace.resumeState(for: exit, heap: w.heap)
        #expect(state.frames.map(\.pc) == [12, 3])
        #expect(state.frames[1].locals.prefix(2) == [.int(42), .float(2.5)])
    }

    @Test func nestedRunsOfOneCompiledTraceKeepTheirOwnFrames() throws {
        let w = IRTestWorld()
        let compiled = try compile("""
            [i0]
            i1 = call_i(ConstClass(reenter_native), i0)
            i2 = int_add(i1, i0)
            finish(i2)
            """, in: w, functions: [CallDescriptor(testReenterNative)])
        reentrantCompiledTrace = compiled
        defer { reentrantCompiledTrace = nil }
        #expect(try compiled.run([.int(4)]).values == [.int(10)])
    }
}

nonisolated(unsafe) var reentrantCompiledTrace: X64.CompiledTrace? = nil

/// `f(n - 1)` through the machine code running the same trace again (0 for n = 0).
let testReenterNative = ResidualFunction1("reenter_native", { n in
    guard n > 0, let compiled = reentrantCompiledTrace,
          let exit = try? compiled.run([.int(Int(bitPattern: n) - 1)]), case .int(let v) = exit.values[0] else { return 0 }
    return UInt(bitPattern: v)
})
