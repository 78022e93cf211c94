import Testing
@testable import Meta

/// The compiled code itself: its listing against GNU objdump, the register allocator's choices, safepoints,
/// interrupts and out-of-memory exits.
@Suite struct BackendCodeTests {
    /// A trace with every family of op: labels and a back-edge, arithmetic, shifts, division, floats, memory,
    /// allocation, calls and guards.
    static let mixedTrace = """
        [p0, i1, f2, p3]
        label(p0, i1, f2, p3, descr=Loop0)
        guard_class(p0, W_Int) [p0, i1, f2]
        i4 = getfield_gc_i(p0, descr=W_Int.intval)
        i5 = int_lt(i1, i4)
        guard_true(i5) [p0, i1, f2]
        i6 = int_add_ovf(i1, 3)
        guard_no_overflow() [p0, i1]
        i7 = int_lshift(i6, i1)
        i8 = int_py_floordiv(i7, 7)
        i9 = int_py_mod(i8, -5)
        i10 = int_lshift_ovf(i9, 2)
        guard_no_overflow() [i9]
        f11 = cast_int_to_float(i10)
        f12 = float_mul(f11, f2)
        i13 = float_ge(f12, 1.5)
        f14 = float_neg(f12)
        i15 = call_i(ConstClass(scale_add), i13, i9)
        p16 = new_with_vtable(descr=W_Float)
        setfield_gc(p16, f14, descr=W_Float.floatval)
        setarrayitem_gc(p3, 0, p16, descr=W_Tuple)
        p17 = getarrayitem_gc_r(p3, i13, descr=W_Tuple)
        guard_nonnull(p17) [p17]
        i18 = int_add(i1, 1)
        jump(p0, i18, f2, p3, descr=Loop0)
        """

    static func tuple(_ w: IRTestWorld) -> Ref {
        let tuple = w.heap.allocate(w.tuple, tailCount: 2)
        tuple.pointer.storeBytes(of: 2, toByteOffset: 16, as: Int.self)
        for k in 0..<2 { tuple.pointer.storeBytes(of: w.box(k).bits, toByteOffset: w.tuple.fixedSize + 8 * k, as: UInt.self) }
        return tuple
    }

    @Test func theMixedTraceRunsLikeTheExecutor() throws {
        let exit = try DifferentialRun(Self.mixedTrace, setup: { w in
            ([.ref(w.box(50)), .int(0), .float(0.75), .ref(Self.tuple(w))], [:])
        }).check()
        #expect(exit.reason == .guardFailed(opIndex: 4, guardNumber: 1))
    }

    /// Every instruction's listing line and length are what GNU objdump decodes from the installed bytes, and
    /// every instruction after the prologue is tied to the IR op it came from.
    @Test func theListingMatchesObjdumpOnTheInstalledBytes() throws {
        let w = IRTestWorld()
        let compiled = try compile(Self.mixedTrace, in: w)
        let bytes = Array(UnsafeRawBufferPointer(start: compiled.code.address, count: compiled.code.byteCount))
        let decoded = try Binutils.disassemble(bytes)
        let listing = compiled.code.instructions
        #expect(decoded.count == listing.count)
        for (record, d) in zip(listing, decoded) {
            #expect(d.offset == record.offset)
            #expect(d.bytes.count == record.length)
            #expect(d.text == Binutils.normalise(record.instruction.text()), "at 0x\(String(record.offset, radix: 16))")
        }
        let lines = compiled.listing
        // The prologue (7 pushes, the stack adjustment, rbp = frame) is untagged; ops are tagged with their index.
        #expect(lines.prefix(9).allSatisfy { $0.opIndex == nil })
        let tagged = Set(lines.compactMap(\.opIndex))
        for (i, op) in compiled.trace.ops.enumerated() where op.opcode != .debugMergePoint {
            #expect(tagged.contains(i), "op \(i) \(op.opcode) has no machine code")
        }
        // A guard's out-of-line exit stub is tagged with the guard: more than its compare and branch.
        #expect(lines.filter { $0.opIndex == 1 }.count > 3)
    }

    @Test func valuesLiveAcrossCallsPreferCalleeSavedRegisters() throws {
        let w = IRTestWorld()
        let compiled = try compile("""
            [i0, i1, i2]
            i3 = call_i(ConstClass(scale_add), i0, i1)
            i4 = int_add(i3, i2)
            i5 = int_add(i0, 1)
            finish(i4, i5)
            """, in: w)
        let a = compiled.assignment
        // i0 and i2 live across the call; i1 dies at it.
        for v in [0, 2] {
            guard case .gpr(let r) = a.locations[v]! else { Issue.record("i\(v) not in a register"); continue }
            #expect(X64.Registers.calleeSaved.contains(r), "i\(v) in \(r)")
        }
        guard case .gpr(let r1) = a.locations[1]! else { Issue.record("i1 not in a register"); return }
        #expect(X64.Registers.callerSaved.contains(r1))
        #expect(a.spillCount == 0)
        #expect(try compiled.run([.int(2), .int(3), .int(4)]).values == [.int(27), .int(3)])
    }

    @Test func labelArgumentsStayLiveAroundTheLoop() throws {
        let trace = try IRTestWorld().parse("""
            [i0, i1]
            label(i0, i1, descr=Loop0)
            i2 = int_lt(i0, 10)
            guard_true(i2) [i0]
            i3 = int_add(i0, 1)
            jump(i3, i1, descr=Loop0)
            """)
        let intervals = X64.RegisterAllocator(trace: trace, valuesAreaWords: 2).intervals()
        let byVariable = Dictionary(uniqueKeysWithValues: intervals.map { ($0.variable.variableNumber, $0) })
        #expect(byVariable[1]?.end == 5)  // i1 is used only by the label; the jump (position 5) writes it back
        #expect(byVariable[0]?.end == 5)
        #expect(byVariable[3]?.start == 4 && byVariable[3]?.end == 5)
    }

    /// The label's safepoint: with a collection requested, the first pass through the label collects with the
    /// label's arguments (held only in registers) as roots.
    @Test func theLabelSafepointCollectsWithTheLabelArgumentsAsRoots() throws {
        let w = IRTestWorld()
        let compiled = try compile("""
            [p0, p1, i2]
            label(p0, p1, i2, descr=Loop0)
            i3 = int_lt(i2, 3)
            guard_true(i3) [p0, p1, i2]
            i4 = int_add(i2, 1)
            jump(p1, p0, i4, descr=Loop0)
            """, in: w)
        // Nothing but the trace holds the two boxes: a collection that missed them would free their cells.
        let a = w.box(11), b = w.box(22)
        w.heap.collectRequested = true
        let exit = try compiled.run([.ref(a), .ref(b), .int(0)])
        #expect(w.heap.collections == 1 && !w.heap.collectRequested)
        #expect(exit.values == [.ref(b), .ref(a), .int(3)] && exit.iterations == 4)
        #expect(Heap.typeID(of: a) == w.int.id && Heap.typeID(of: b) == w.int.id)
        #expect(w.unbox(a) == 11 && w.unbox(b) == 22)
        #expect(compiled.gcMaps.count == 1 && compiled.gcMaps[0].count == 2)
    }

    /// A loop that keeps everything it allocates alive runs the heap past its hard limit: both backends leave
    /// through the allocation's out-of-memory exit.
    @Test func allocationPastTheHardLimitLeavesThroughOutOfMemory() throws {
        let registry = TypeRegistry()
        _ = registry.register("W_Big", fields: [("next", .ref)] + (0..<120).map { ("x\($0)", .int) })
        var outcomes: [TraceExit.Reason] = []
        for backend in TraceBackend.allCases {
            let heap = Heap(registry: registry, maxHeapBytes: 1 << 20, nurseryBytes: 1 << 20)
            let trace = try TraceParser(resolver: RegistryResolver(registry: registry)).parse("""
                [p0, i1]
                label(p0, i1, descr=Loop0)
                p2 = new_with_vtable(descr=W_Big)
                setfield_gc(p2, p0, descr=W_Big.next)
                setfield_gc(p2, i1, descr=W_Big.x7)
                i3 = int_add(i1, 1)
                jump(p2, i3, descr=Loop0)
                """)
            let runner = try backend.prepare(trace, heap: heap, memory: try testCodeMemory())
            let exit = try runner.run([.ref(.null), .int(0)])
            #expect(exit.values.isEmpty)
            outcomes.append(exit.reason)
            #expect(heap.reservedBytes > heap.hardLimitBytes - (1 << 20))
        }
        #expect(outcomes == [.outOfMemory(opIndex: 1), .outOfMemory(opIndex: 1)])
    }
}
