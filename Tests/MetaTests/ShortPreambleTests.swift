import Testing
@testable import Meta

/// Short preambles: a bridge to a peeled loop jumps into the loop's body with the body's unboxed values, after
/// re-checking what the preamble had checked — or, when its values do not fit the body's virtual state, into the
/// preamble as before.
struct ShortPreambleTests {
    /// `s += 0.5` while `i < n`: `s` (p1) and `i` (p2) come round as new boxes, `n` (p0) is invariant.
    static let loop = """
        [p0, p1, p2]
        label(p0, p1, p2, descr=Loop0)
        guard_class(p2, W_Int) [p0, p1, p2]
        i3 = getfield_gc_i(p2, descr=W_Int.intval)
        guard_class(p0, W_Int) [p0, p1, p2]
        i4 = getfield_gc_i(p0, descr=W_Int.intval)
        i5 = int_lt(i3, i4)
        guard_true(i5) [p0, p1, p2]
        guard_class(p1, W_Float) [p0, p1, p2]
        f6 = getfield_gc_f(p1, descr=W_Float.floatval)
        f7 = float_add(f6, 0.5)
        p8 = new_with_vtable(descr=W_Float)
        setfield_gc(p8, f7, descr=W_Float.floatval)
        i9 = int_add(i3, 1)
        p10 = new_with_vtable(descr=W_Int)
        setfield_gc(p10, i9, descr=W_Int.intval)
        jump(p0, p8, p10, descr=Loop0)
        """

    /// A bridge from the loop's test (guard 2) that adds 1.5 instead and goes on: its `s` and `i` are new boxes too.
    static let bridge = """
        # bridge out of Guard 2 with 8 ops
        [p0, p1, i2]
        f3 = getfield_gc_f(p1, descr=W_Float.floatval)
        f4 = float_add(f3, 1.5)
        p5 = new_with_vtable(descr=W_Float)
        setfield_gc(p5, f4, descr=W_Float.floatval)
        i6 = int_add(i2, 1)
        p7 = new_with_vtable(descr=W_Int)
        setfield_gc(p7, i6, descr=W_Int.intval)
        jump(p0, p5, p7, descr=Loop0)
        """

    /// The same bridge passing its input `p1` on unchanged: a real object where the body takes a virtual's field.
    static let bridgePassingARealObject = """
        # bridge out of Guard 2 with 4 ops
        [p0, p1, i2]
        i6 = int_add(i2, 1)
        p7 = new_with_vtable(descr=W_Int)
        setfield_gc(p7, i6, descr=W_Int.intval)
        jump(p0, p1, p7, descr=Loop0)
        """

    /// The header's resume state for a bridge ending in `jump`: its arguments as one frame's locals.
    static func entry(_ shortPreamble: ShortPreamble, jump: Operation, headerGuard: Int = 90) -> ShortPreambleEntry {
        let frame = SnapshotFrame(codeID: 0, codeName: "loop", pc: 0, locals: jump.args, stack: [])
        return ShortPreambleEntry(shortPreamble: shortPreamble, headerSnapshot: Snapshot(frames: [frame]), headerGuard: headerGuard)
    }

    /// The loop, optimized, and the bridge `text` optimized against it; the bridge printed.
    static func optimizedBridge(_ text: String, passes: [String]? = nil) throws -> (loop: OptimizationResult, bridge: OptimizationResult, printed: String) {
        let w = IRTestWorld(nurseryBytes: 1 << 20)
        let loop = try optimizer(nil).run(try w.optParser().parse(Self.loop))
        let shortPreamble = try #require(loop.context.shortPreamble)
        let bridgeTrace = try w.optParser().parse(text)
        var labels: [LoopToken: [IRType]] = [:]
        for op in loop.trace.ops where op.opcode == .label {
            if case .loop(let t) = op.descr { labels[t] = op.args.map { loop.trace.type(of: $0) } }
        }
        var o = try optimizer(passes)
        o.verifier = TraceVerifier(externalLoops: labels)
        var context = OptimizationContext(nextGuardNumber: 100, peeledLoopToken: Optimizer.defaultPeeledLoopToken)
        context.shortPreambleEntry = entry(shortPreamble, jump: bridgeTrace.ops.last!)
        let bridge = try o.run(bridgeTrace, context: context)
        let printed = w.printer().print(bridge.trace).split(separator: "\n").dropFirst().joined(separator: "\n")
        return (loop, bridge, printed)
    }

    @Test func peelingRecordsWhatTheBodyRelieson() throws {
        let w = IRTestWorld(nurseryBytes: 1 << 20)
        let loop = try optimizer(nil).run(try w.optParser().parse(Self.loop))
        let sp = try #require(loop.context.shortPreamble)
        #expect(sp.preamble == LoopToken(0) && sp.body == LoopToken(1000))
        // Hoisted: n's class guard and its intval. Exploded: s and i, each passed as its one field.
        #expect(sp.ops.map(\.opcode) == [.guardClass, .getfieldGcI])
        #expect(sp.shapes.keys.sorted() == [1, 2])
        #expect(sp.shapes[1]?.layout == w.float.layout && sp.shapes[2]?.layout == w.int.layout)
        #expect(sp.arguments.count == 4)
    }

    @Test func aBridgeOfVirtualsJumpsIntoTheBodyUnboxed() throws {
        let (loop, bridge, printed) = try Self.optimizedBridge(Self.bridge)
        #expect(printed == """
            [p0, p1, i2]
            f3 = getfield_gc_f(p1, descr=W_Float.floatval)
            f4 = float_add(f3, 1.5)
            i6 = int_add(i2, 1)
            guard_class(p0, W_Int) [p0, f4, i6]
            i8 = getfield_gc_i(p0, descr=W_Int.intval)
            jump(p0, f4, i6, i8, descr=Loop1000)
            """)
        // No allocation is left; the guard, numbered 100, resumes like the header's reserved guard 90.
        #expect(!bridge.trace.ops.contains { $0.opcode == .newWithVtable })
        #expect(bridge.trace.ops.compactMap { $0.guardInfo?.number } == [100])
        #expect(bridge.context.recordedGuard(100) == 90)
        let body = try #require(loop.trace.ops.last { $0.opcode == .label })
        #expect(body.args.count == 4)
    }

    @Test func theShortPreamblesGuardDescribesTheBridgesVirtuals() throws {
        let (_, bridge, _) = try Self.optimizedBridge(Self.bridge)
        let g = try #require(bridge.trace.ops.first { $0.opcode == .guardClass }?.guardInfo)
        let w = IRTestWorld(nurseryBytes: 1 << 20)
        #expect(Set(g.snapshot.virtuals.map(\.layout)) == [w.float.layout, w.int.layout])
        #expect(g.snapshot.frames.count == 1 && g.snapshot.frames[0].locals.count == 3)
    }

    @Test func aRealObjectWhereTheBodyTakesFieldsKeepsThePreamble() throws {
        let (_, bridge, printed) = try Self.optimizedBridge(Self.bridgePassingARealObject)
        #expect(bridge.trace.ops.last?.descr == .loop(LoopToken(0)))
        #expect(printed.contains("jump(p0, p1, p7, descr=Loop0)"))
        // Nothing of the short preamble is left behind.
        #expect(!bridge.trace.ops.contains { $0.opcode == .guardClass })
    }

    @Test func withoutVirtualsTheBridgeJumpsToThePreamble() throws {
        let (_, bridge, _) = try Self.optimizedBridge(Self.bridge, passes: ["heap", "guards", "fold", "intbounds", "dce"])
        #expect(bridge.trace.ops.last?.descr == .loop(LoopToken(0)))
    }

    @Test func aSlotThatTakesAHoistedResultHasNoShortPreamble() throws {
        // The jump passes the invariant `n + 1` (i5) for slot 1: the body could not tell the bridge's slot from it.
        let text = """
            [i0, i1]
            label(i0, i1, descr=Loop0)
            i5 = int_add(i0, 1)
            i6 = int_lt(i5, 100)
            guard_true(i6) [i0, i1]
            jump(i0, i5, descr=Loop0)
            """
        let w = IRTestWorld(nurseryBytes: 1 << 20)
        let loop = try optimizer(nil).run(try w.optParser().parse(text))
        #expect(loop.trace.ops.contains { $0.descr == .loop(LoopToken(1000)) })
        #expect(loop.context.shortPreamble == nil)
    }
}
