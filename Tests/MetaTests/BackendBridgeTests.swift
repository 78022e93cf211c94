import Testing
@testable import Meta

/// Bridges attached to guards of compiled loops, against the same loop and bridges attached in the IR executor
/// (a guard exit runs the bridge, whose jump re-enters the loop).
@Suite struct BackendBridgeTests {
    /// Sums even numbers; odd ones fail guard 1 and go through the bridge, which subtracts three times them.
    static let loop = """
        # Loop 0 : loop with 8 ops
        [i0, i1]
        label(i0, i1, descr=Loop0)
        i2 = int_lt(i0, 100)
        guard_true(i2) [i0, i1]
        i3 = int_and(i0, 1)
        guard_false(i3) [i0, i1]
        i4 = int_add(i1, i0)
        i5 = int_add(i0, 1)
        jump(i5, i4, descr=Loop0)
        """
    static let bridge = """
        # bridge out of Guard 1 with 6 ops
        [i0, i1]
        i2 = int_mul(i0, 3)
        i3 = int_sub(i1, i2)
        i4 = int_eq(i0, 77)
        guard_false(i4, descr=<Guard7>) [i0, i3]
        i5 = int_add(i0, 1)
        jump(i5, i3, descr=Loop0)
        """
    /// A bridge from the bridge's guard: allocates and calls (GC maps numbered after the host's), then finishes.
    static let bridgeOfBridge = """
        # bridge out of Guard 7 with 5 ops
        [i0, i1]
        p2 = new_with_vtable(descr=W_Int)
        setfield_gc(p2, i1, descr=W_Int.intval)
        p3 = call_r(ConstClass(collect_now), p2)
        i4 = call_i(ConstClass(unbox), p3)
        finish(i0, i4, p3)
        """

    /// Runs `loop` in the IR executor with the bridges attached to it (the executor follows them itself).
    static func referenceRun(_ w: IRTestWorld, _ texts: [String], _ inputs: [ConcreteValue]) throws -> TraceExit {
        let parser = TraceParser(resolver: w.resolver(functions: [CallDescriptor(testCollectNow)]))
        let executor = try IRExecutor(trace: try parser.parse(texts[0]), heap: w.heap)
        for text in texts.dropFirst() { try executor.attachBridge(try parser.parse(text)) }
        return try executor.run(inputs)
    }

    func compiled(_ w: IRTestWorld, _ texts: [String]) throws -> X64.CompiledTrace {
        let parser = TraceParser(resolver: w.resolver(functions: [CallDescriptor(testCollectNow)]))
        let loop = try X64.CompiledTrace(trace: try parser.parse(texts[0]), heap: w.heap, memory: try testCodeMemory())
        for text in texts.dropFirst() { try loop.attachBridge(try parser.parse(text)) }
        return loop
    }

    @Test func aBridgeContinuesTheLoop() throws {
        for start in [0, 1, 50, 99, 100] {
            let texts = [Self.loop, Self.bridge]
            let expected = try Self.referenceRun(IRTestWorld(), texts, [.int(start), .int(0)])
            let w = IRTestWorld()
            let native = try compiled(w, texts).run([.int(start), .int(0)])
            #expect(native.reason == expected.reason && native.values == expected.values, "from \(start)")
        }
        // Without the bridge the loop leaves at the first odd number.
        let w = IRTestWorld()
        let plain = try compiled(w, [Self.loop]).run([.int(0), .int(0)])
        #expect(plain.reason == .guardFailed(opIndex: 4, guardNumber: 1) && plain.values == [.int(1), .int(0)])
    }

    @Test func theBridgesGuardLeavesWithItsOwnNumberAndTrace() throws {
        let w = IRTestWorld()
        let loop = try compiled(w, [Self.loop, Self.bridge])
        let exit = try loop.run([.int(70), .int(5)])
        // 70, 72, 74, 76 summed; 71, 73, 75, 77 subtracted three times each, and at 77 guard 7 of the bridge fails.
        #expect(exit.reason == .guardFailed(opIndex: 3, guardNumber: 7))
        #expect(exit.values == [.int(77), .int(5 + 70 + 72 + 74 + 76 - 3 * (71 + 73 + 75 + 77))])
        #expect(loop.trace(containingGuard: 7)?.kind == .bridge(fromGuard: 1))
        #expect(loop.trace(containingGuard: 1)?.kind == .loop)
        let expected = try Self.referenceRun(IRTestWorld(), [Self.loop, Self.bridge], [.int(70), .int(5)])
        #expect(exit.reason == expected.reason && exit.values == expected.values)
    }

    @Test func aBridgeOfABridgeAllocatesCallsAndFinishes() throws {
        let texts = [Self.loop, Self.bridge, Self.bridgeOfBridge]
        let w = IRTestWorld(nurseryBytes: 64 << 10)
        let loop = try compiled(w, texts)
        let exit = try withTestHeap(w.heap) { try loop.run([.int(60), .int(0)]) }
        let reference = IRTestWorld()
        let expected = try withTestHeap(reference.heap) { try Self.referenceRun(reference, texts, [.int(60), .int(0)]) }
        #expect(exit.reason == .finished(opIndex: 4) && exit.reason == expected.reason)
        #expect(exit.values.prefix(2) == expected.values.prefix(2))
        guard case .ref(let box) = exit.values[2] else { Issue.record("expected the box"); return }
        #expect(Heap.typeID(of: box) == w.int.id && .int(w.unbox(box)) == exit.values[1])
        #expect(loop.gcMaps.count == 3, "\(loop.gcMaps)")  // the label's safepoint and the two calls
        #expect(loop.bridges.count == 2)
    }

    /// A loop with more label arguments than registers (ints, floats, references): the bridge must put each value
    /// where the loop's code keeps it, registers and frame slots alike, with cycles between them.
    @Test func aBridgeIntoALoopWithSpilledLabelArguments() throws {
        let ints = (3..<20).map { "i\($0)" }
        let all = ["i0", "f1", "p2"] + ints
        let loop = """
            [\(all.joined(separator: ", "))]
            label(\(all.joined(separator: ", ")), descr=Loop0)
            i20 = int_lt(i0, 5000)
            guard_true(i20) [\(all.joined(separator: ", "))]
            i21 = int_and(i0, 7)
            guard_true(i21) [\(all.joined(separator: ", "))]
            i22 = getfield_gc_i(p2, descr=W_Int.intval)
            i23 = int_add(i22, i3)
            p24 = new_with_vtable(descr=W_Int)
            setfield_gc(p24, i23, descr=W_Int.intval)
            f25 = float_add(f1, 0.5)
            i26 = int_add(i0, 1)
            jump(i26, f25, p24, \((ints.dropFirst() + [ints[0]]).joined(separator: ", ")), descr=Loop0)
            """
        // Every eighth iteration: rotate the integers the other way, scale the float, box a fresh counter.
        let bridge = """
            # bridge out of Guard 1 with 6 ops
            [\(all.joined(separator: ", "))]
            f30 = float_mul(f1, -1.0)
            p31 = new_with_vtable(descr=W_Int)
            i32 = int_mul(i0, 1000)
            setfield_gc(p31, i32, descr=W_Int.intval)
            i33 = int_add(i0, 1)
            jump(i33, f30, p31, \(([ints.last!] + ints.dropLast()).joined(separator: ", ")), descr=Loop0)
            """
        func inputs(_ w: IRTestWorld) -> [ConcreteValue] {
            [.int(0), .float(1.25), .ref(w.box(3))] + ints.indices.map { .int($0 * 11 - 40) }
        }
        let reference = IRTestWorld(nurseryBytes: 32 << 10)
        let expected = try Self.referenceRun(reference, [loop, bridge], inputs(reference))
        let w = IRTestWorld(nurseryBytes: 32 << 10)
        let compiledLoop = try compiled(w, [loop, bridge])
        #expect(compiledLoop.assignment.spillCount > 0)
        let exit = try compiledLoop.run(inputs(w))
        #expect(exit.reason == expected.reason && exit.reason == .guardFailed(opIndex: 2, guardNumber: 0))
        var renderNative = HeapRendering(registry: w.registry), renderReference = HeapRendering(registry: reference.registry)
        #expect(renderNative.render(exit.values) == renderReference.render(expected.values))
        #expect(renderNative.heapText == renderReference.heapText)
        #expect(w.heap.collections > 0 && w.heap.collections == reference.heap.collections)
    }

    @Test func attachingChecksTheGuardAndTheTypes() throws {
        let w = IRTestWorld()
        let loop = try compiled(w, [Self.loop])
        let parser = TraceParser(resolver: w.resolver())
        #expect(throws: X64.BackendError(opIndex: nil, message: "no guard numbered 9 in loop 0 or its bridges")) {
            try loop.attachBridge(try parser.parse("# bridge out of Guard 9 with 1 ops\n[i0, i1]\nfinish(i0)"))
        }
        #expect(throws: X64.BackendError(opIndex: nil, message: "the bridge takes if, guard 1 leaves with ii")) {
            try loop.attachBridge(try parser.parse("# bridge out of Guard 1 with 1 ops\n[i0, f1]\nfinish(i0)"))
        }
        #expect(throws: X64.BackendError(opIndex: nil, message: "trace 0 is a loop, not a bridge")) {
            try loop.attachBridge(try parser.parse(Self.loop))
        }
        try loop.attachBridge(try parser.parse("# bridge out of Guard 1 with 1 ops\n[i0, i1]\nfinish(i1)"))
        #expect(throws: X64.BackendError(opIndex: nil, message: "guard 1 already has a bridge")) {
            try loop.attachBridge(try parser.parse("# bridge out of Guard 1 with 1 ops\n[i0, i1]\nfinish(i1)"))
        }
        #expect(try loop.run([.int(0), .int(0)]) .values == [.int(0)])
    }

    /// The IR executor refuses the same bad bridges, with its own error, and runs an attached one.
    @Test func theIRExecutorChecksBridgesToo() throws {
        let w = IRTestWorld()
        let parser = TraceParser(resolver: w.resolver())
        let executor = try IRExecutor(trace: try parser.parse(Self.loop), heap: w.heap)
        #expect(throws: IRExecutionError("no guard numbered 9 in loop 0 or its bridges")) {
            try executor.attachBridge(try parser.parse("# bridge out of Guard 9 with 1 ops\n[i0, i1]\nfinish(i0)"))
        }
        #expect(throws: IRExecutionError("the bridge takes if, guard 1 leaves with ii")) {
            try executor.attachBridge(try parser.parse("# bridge out of Guard 1 with 1 ops\n[i0, f1]\nfinish(i0)"))
        }
        #expect(throws: IRExecutionError("trace 0 is a loop, not a bridge")) { try executor.attachBridge(try parser.parse(Self.loop)) }
        try executor.attachBridge(try parser.parse(Self.bridge))
        #expect(throws: IRExecutionError("guard 1 already has a bridge")) { try executor.attachBridge(try parser.parse(Self.bridge)) }
        #expect(executor.trace(containingGuard: 7)?.kind == .bridge(fromGuard: 1))
        let exit = try executor.run([.int(70), .int(5)])
        #expect(exit.reason == .guardFailed(opIndex: 3, guardNumber: 7))
        #expect(exit.iterations == 8)  // 70 to 77: the loop's label passed once per number (the bridge jumps to it)
    }
}
