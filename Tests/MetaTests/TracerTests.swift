import Testing
@testable import Meta

/// A one-frame guest for recorder tests: `slots` holds one local, then the value stack.
final class FakeGuest: TracedGuest {
    let slots = UnsafeMutablePointer<Ref>.allocate(capacity: 16)
    var pc = 0
    var sp: UnsafeMutablePointer<Ref>
    let immutable: Set<FieldDescriptor>

    init(immutable: Set<FieldDescriptor>) {
        slots.initialize(repeating: .null, count: 16)
        sp = slots + 1
        self.immutable = immutable
    }
    deinit { slots.deallocate() }

    func frame(atDepth depth: Int) -> GuestFrameView {
        GuestFrameView(codeID: 0, codeName: "f", code: UnsafeRawPointer(slots), pc: pc, locals: slots, localCount: 1, stackBase: slots + 1, stackTop: sp)
    }
    func location(code: UnsafeRawPointer, pc: Int) -> GuestLocation { GuestLocation(function: "f", pc: pc, bytecode: "OP\(pc)", line: 1) }
    func isImmutable(_ field: FieldDescriptor) -> Bool { immutable.contains(field) }
    func hasImmutableItems(_ layout: Layout) -> Bool { false }
    var publishStackTop: ResidualFunction2 { ResidualFunction2("publish_stack_top") { _, _ in 0 } }
}

/// A handler written once against `Domain`, as guest interpreters are: `[a b] -> [a + b]` for two W_Ints, with
/// the int fast path's checks before its effects.
func addHandler<D: Domain>(_ d: inout D, _ int: Layout, _ intval: FieldDescriptor) -> Bool {
    let b = d.pop(), a = d.pop()
    guard d.hasType(a, int), d.hasType(b, int), let sum = d.intAddOvf(d.getfieldI(a, intval), d.getfieldI(b, intval)),
          let box = d.new(int) else { return false }
    d.setfieldI(box, intval, sum)
    d.push(box)
    return true
}

struct TraceFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The meta-tracer's parts without a guest language: counters, options, and the tracing domain on a fake frame.
struct TracerTests {
    let world = IRTestWorld()
    let code = UnsafeRawPointer(bitPattern: 0x1000)!

    func recorder(_ guest: FakeGuest, _ options: TracerOptions = TracerOptions()) -> Recorder {
        Recorder(guest: guest, options: options, code: code, pc: 0, depth: 1, token: LoopToken(0), firstGuardNumber: 0, observer: nil)
    }

    @Test func hotCountersBackOffAndBlacklist() {
        var options = TracerOptions()
        options.threshold = 3
        options.maxAborts = 2
        var counters = HotCounters<GreenKey>(threshold: options.threshold, maxAborts: options.maxAborts)
        let key = GreenKey(code: code, pc: 7)
        func ticks(_ n: Int) -> [Bool] { (0..<n).map { _ in counters.tick(key) } }
        #expect(ticks(3) == [false, false, true])
        counters.aborted(key)  // the threshold doubles to 6
        #expect(ticks(6) == [false, false, false, false, false, true])
        counters.aborted(key)
        #expect(counters.isBlacklisted(key))
        #expect(!ticks(100).contains(true))
    }

    @Test func optionsParseAndReject() {
        var o = TracerOptions()
        #expect(o.set("threshold", "7") == nil && o.threshold == 7)
        #expect(o.set("virtualizable", "off") == nil && !o.virtualizable)
        #expect(o.set("trace_limit", "-1") == "trace_limit must be a positive integer, got '-1'")
        #expect(o.set("virtualizable", "maybe") == "virtualizable must be on or off, got 'maybe'")
        #expect(o.set("speed", "1")?.hasPrefix("unknown JIT parameter 'speed'") == true)
    }

    /// The same handler, read by the tracing domain, records the slide's ops; the recorded loop, run by the IR
    /// executor, computes what the concrete reading computes: `while x < 15: x += 5`.
    @Test func oneHandlerTwoReadings() throws {
        let guest = FakeGuest(immutable: [world.intval])
        guest.slots[0] = world.box(0)
        let r = recorder(guest)
        var d = TracingDomain(recorder: r, heap: world.heap, locals: guest.slots, sp: guest.slots + 1)
        let site = SourceSite(file: #fileID, line: #line)
        let r1 = d.jitMergePoint(code: code, pc: 0, depth: 1)

        #expect(!r1)
        let x = d.local(0, at: site)
        let r11 = d.hasType(x, world.int.layout, at: site)

        #expect(r11)
        let below = d.isTrue(d.intLt(d.getfieldI(x, world.intval, at: site), d.constInt(15, at: site), at: site), at: site)
        #expect(below)
        d.push(x, at: site)
        d.push(d.constRef(world.box(5), at: site), at: site)
        guest.sp = d.sp
        let r2 = d.jitMergePoint(code: code, pc: 1, depth: 1)

        #expect(!r2)
        let r3 = addHandler(&d, world.int.layout, world.intval)

        #expect(r3)
        guest.sp = d.sp
        let r4 = d.jitMergePoint(code: code, pc: 2, depth: 1)

        #expect(!r4)
        d.setLocal(0, d.pop(at: site), at: site)
        guest.sp = d.sp
        let r5 = d.jitMergePoint(code: code, pc: 0, depth: 1)

        #expect(r5)  // back at the start: the loop closes
        #expect(r.outcome == .closed)
        #expect(world.unbox(guest.slots[0]) == 5)
        let body = r.trace.ops.map(\.opcode).filter { $0 != .debugMergePoint }
        // x's class is checked again (no optimizer yet); the constant's class check and field read fold away.
        #expect(body == [.label, .guardClass, .getfieldGcI, .intLt, .guardTrue, .guardClass, .getfieldGcI, .intAddOvf,
                         .guardNoOverflow, .newWithVtable, .setfieldGc, .jump])
        #expect(r.trace.ops.first { $0.opcode == .getfieldGcI }?.annotation?.interpreter?.file == "MetaTests/TracerTests.swift")
        let executor = try IRExecutor(trace: r.trace, heap: world.heap)
        let exit = try executor.run([.ref(guest.slots[0])])
        let resume = try r.trace.resumeState(for: exit, heap: world.heap)
        #expect(exit.iterations == 3)
        #expect(resume.frames.count == 1 && resume.frames[0].pc == 0)
        guard case .ref(let final)? = resume.frames[0].locals.first else { throw TraceFailure("no local in the resume state") }
        #expect(world.unbox(final) == 15)
    }

    @Test func untraceableStopsRecordingAndLeavesAtTheNextMergePoint() {
        let guest = FakeGuest(immutable: [])
        guest.slots[0] = world.box(1)
        let r = recorder(guest)
        var d = TracingDomain(recorder: r, heap: world.heap, locals: guest.slots, sp: guest.slots + 1)
        let r6 = d.jitMergePoint(code: code, pc: 0, depth: 1)

        #expect(!r6)
        d.notTraceable("BUILD_MAP")
        #expect(r.outcome == .aborted("BUILD_MAP"))
        let before = r.trace.ops.count
        let v = d.local(0, at: SourceSite(file: #fileID, line: #line))
        #expect(v.value == guest.slots[0])  // still executes
        _ = d.hasType(v, world.int.layout, at: SourceSite(file: #fileID, line: #line))
        #expect(r.trace.ops.count == before)  // records nothing
        let r7 = d.jitMergePoint(code: code, pc: 1, depth: 1)

        #expect(r7)
    }

    @Test func slotsMovedBehindTheDomainAbort() {
        let guest = FakeGuest(immutable: [])
        guest.slots[0] = world.box(1)
        let r = recorder(guest)
        var d = TracingDomain(recorder: r, heap: world.heap, locals: guest.slots, sp: guest.slots + 1)
        let r8 = d.jitMergePoint(code: code, pc: 0, depth: 1)

        #expect(!r8)
        guest.slots[0] = world.box(2)  // a handler writing the frame directly
        _ = d.local(0, at: SourceSite(file: #fileID, line: #line))
        #expect(r.outcome == .aborted("a frame slot changed outside the domain"))
    }

    @Test func readsOfImmutableFieldsOfConstantsFold() {
        let guest = FakeGuest(immutable: [world.intval])
        let r = recorder(guest)
        let d = TracingDomain(recorder: r, heap: world.heap, locals: guest.slots, sp: guest.slots + 1)
        let site = SourceSite(file: #fileID, line: #line)
        let seven = d.constRef(world.box(7), at: site)
        let v = d.getfieldI(seven, world.intval, at: site)
        #expect(v.value == 7 && r.trace.constantValue(v.ir) == .int(7))
        let sum = d.intAddOvf(v, d.constInt(1, at: site), at: site)
        #expect(sum.map { r.trace.constantValue($0.ir) } == .int(8))
        let below = d.isTrue(d.intLt(v, d.constInt(9, at: site), at: site), at: site)
        #expect(below)
        #expect(!r.trace.ops.contains { $0.opcode != .label })
    }

    /// A guard after an effect of the same bytecode would re-execute the effect: with a guard that is only an
    /// exception check, it is allowed.
    @Test func exceptionCheckMayFollowItsCall() {
        let guest = FakeGuest(immutable: [])
        guest.slots[0] = world.box(1)
        let r = recorder(guest)
        var d = TracingDomain(recorder: r, heap: world.heap, locals: guest.slots, sp: guest.slots + 1)
        let r9 = d.jitMergePoint(code: code, pc: 0, depth: 1)

        #expect(!r9)
        let site = SourceSite(file: #fileID, line: #line)
        let f = ResidualFunction1("identity") { $0 }
        let result = d.callR(f, d.local(0, at: site), at: site)
        let r10 = d.isNull(result, at: site)

        #expect(!r10)
        #expect(r.isRecording)
        let guardOp = r.trace.ops.last
        #expect(guardOp?.opcode == .guardNonnull)
        #expect(r.resumeModes[guardOp?.guardInfo?.number ?? -1] == .raisePending)
    }

    /// A bridge starts from a failed guard: its input arguments are the guard's fail arguments, it first allocates
    /// the snapshot's virtuals (deoptimization materialised them in the frame), records from the resume point, and
    /// closes at the loop's header with a jump to the loop's label.
    @Test func aBridgeStartsFromTheGuardsSnapshotAndJumpsToTheLoop() throws {
        let loop = try world.parse("""
            [p0]
            label(p0, descr=Loop0)
            i1 = getfield_gc_i(p0, descr=W_Int.intval)
            i2 = int_add(i1, 5)
            i3 = int_lt(i2, 15)
            guard_true(i3) [i2]
                frame 'f' code=0 pc=1 locals=[p4] stack=[]
                virtual p4 = W_Int(intval=i2)
            p5 = new_with_vtable(descr=W_Int)
            setfield_gc(p5, i2, descr=W_Int.intval)
            jump(p5, descr=Loop0)
            """)
        let guardOp = loop.ops.first { $0.opcode == .guardTrue }!
        let guest = FakeGuest(immutable: [world.intval])
        guest.slots[0] = world.box(15)  // as the deoptimizer left it
        guest.pc = 1
        let r = Recorder(guest: guest, options: TracerOptions(), bridgeNumber: 3, from: guardOp, of: loop, failArgValues: [.int(15)],
                         loop: LoopToken(0), loopArity: 1, header: GreenKey(code: code, pc: 0), rootDepth: 1, firstGuardNumber: 10,
                         observer: nil)
        #expect(r.isBridge && r.trace.kind == .bridge(fromGuard: guardOp.guardInfo!.number) && r.trace.number == 3)
        #expect(r.trace.inputArgs.map { r.trace.type(of: $0) } == [.int])
        var d = TracingDomain(recorder: r, heap: world.heap, locals: guest.slots, sp: guest.slots + 1)
        let site = SourceSite(file: #fileID, line: #line)
        let leftAtResume = d.jitMergePoint(code: code, pc: 1, depth: 1)
        let isInt = d.hasType(d.local(0, at: site), world.int.layout, at: site)
        let leftAtHeader = d.jitMergePoint(code: code, pc: 0, depth: 1)  // the loop's header: the bridge closes
        #expect(!leftAtResume && isInt && leftAtHeader)
        #expect(r.outcome == .closed)
        #expect(r.trace.ops.map(\.opcode) == [.newWithVtable, .setfieldGc, .debugMergePoint, .guardClass, .jump])
        let jump = r.trace.ops.last!
        #expect(jump.descr == .loop(LoopToken(0)) && jump.args == [r.trace.ops[0].result])
        #expect(r.trace.ops[3].guardInfo?.number == 10 && r.trace.ops[3].guardInfo?.snapshot.failArgs == [r.trace.ops[0].result])
        let bridge = try IRExecutor(trace: r.trace, heap: world.heap, verifier: TraceVerifier(externalLoops: [LoopToken(0): [.ref]]))
        let exit = try bridge.run([.int(15)])
        guard exit.reason == .jumped(LoopToken(0)), case .ref(let box) = exit.values.first else {
            Issue.record("expected a jump to the loop, got \(exit)")
            return
        }
        #expect(world.unbox(box) == 15)
    }
}
