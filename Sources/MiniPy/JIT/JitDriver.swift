import Meta

/// What the dispatch loop does after `can_enter_jit` returned.
enum JitExit {
    /// Nothing happened: go on interpreting.
    case stay
    /// The frames changed (a trace ran and a guard failed, or a trace was recorded): reload from the top frame.
    case resume
    /// The loop's entry frame returned while tracing: the dispatch loop returns this value.
    case returned(Ref)
    /// Reload from the top frame and raise this exception at its instruction (a residual call in a trace raised).
    case raise(PyException)
    /// While tracing, this exception unwound past the loop's entry frame: the dispatch loop lets it out unhandled
    /// (`JitDriver.takeEscaping` recognises it in its unwinder).
    case escape(PyException)
}

/// The JIT driver of `--jit trace` (DESIGN §5, §9, §13): hotness counters at loop headers, recording with the
/// tracing domain on the live frames, closing loops and running them (machine code or the IR executor),
/// deoptimization on guard failure, and bridges: a guard that keeps failing gets a bridge traced from its resume
/// point back to its loop, compiled and attached to it. Installed as `Runtime.jit`; the dispatch loop calls
/// `canEnterJit` at every backward jump.
public final class JitDriver: TracerObserver {
    public let options: TracerOptions
    /// The trace optimizer closed loops and bridges go through before they run; nil runs them as recorded.
    public let optimizer: Optimizer?
    unowned let rt: Runtime
    let guest: MiniPyGuest
    private var counters: HotCounters<GreenKey>
    /// Failures per guard before a bridge is traced (`trace_eagerness`), with back-off on aborted bridges.
    private var guardCounters: HotCounters<GuardKey>
    var loops: [GreenKey: CompiledLoop] = [:]
    /// Every compiled loop, in order.
    public private(set) var compiledLoops: [CompiledLoop] = []
    /// The trace being recorded (one at a time: nested dispatch loops do not start another).
    public private(set) var recorder: Recorder?
    public internal(set) var statistics = JitStatistics()
    /// Who hears the tracer's events (the log writer, the Lab).
    public var observers: [TracerObserver] = []
    /// Runs an entry of a compiled loop in place of its runner when it returns the exit (the Lab's `stepi` runs
    /// the machine code in the emulator); nil, or a nil result, runs the loop's runner.
    public var loopEntry: ((CompiledLoop, [ConcreteValue]) -> TraceExit?)?
    private var nextGuardNumber = 0
    private var bridgeCount = 0
    /// Code whose loops made an inlined call abort a trace: never inlined again (code infos live as long as the
    /// runtime).
    private var loopingCode: Set<ObjectIdentifier> = []
    /// Where compiled loops' machine code lives (reserved on first use).
    private var memory: X64.CodeMemory?
    /// The exception of the last `.escape` exit, until the dispatch loop's unwinder takes it.
    private var escaping = Ref.null

    public init(runtime rt: Runtime, options: TracerOptions, optimizer: Optimizer? = nil) {
        self.rt = rt
        self.options = options
        self.optimizer = optimizer
        guest = MiniPyGuest(rt)
        counters = HotCounters(threshold: options.threshold, maxAborts: options.maxAborts)
        guardCounters = HotCounters(threshold: options.traceEagerness, maxAborts: options.maxAborts)
        rt.heap.rootScanners.append { [unowned self] heap in
            self.guest.markRoots(heap)
            for loop in self.compiledLoops {
                for c in loop.trace.constants { if case .ref(let r) = c { heap.markRoot(r) } }
                for b in loop.bridges {
                    for c in b.trace.constants { if case .ref(let r) = c { heap.markRoot(r) } }
                }
            }
            self.recorder?.markRoots(heap)
        }
    }

    private func codeMemory() throws -> X64.CodeMemory {
        if let memory { return memory }
        let m = try X64.CodeMemory()
        memory = m
        return m
    }

    public func tracer(_ event: TracerEvent) {
        for o in observers { o.tracer(event) }
    }

    /// Whether a call of `code` from frame depth `depth` may be inlined into the trace being recorded.
    func mayInline(_ code: CodeInfo, depth: Int) -> Bool {
        guard let recorder else { return false }
        return depth - recorder.rootDepth < options.inlineDepth && !loopingCode.contains(ObjectIdentifier(code))
    }

    /// A backward jump while recording, in the frame at `depth` running `code`. In an inlined call, it would
    /// unroll the callee's loop into the trace (and every bridge through it): the trace aborts, and from now on
    /// calls of `code` are residual — its loop gets compiled on its own, entered from the interpreter.
    func backwardJumpWhileRecording(depth: Int, code: CodeInfo) {
        guard let recorder, recorder.isRecording, depth > recorder.rootDepth else { return }
        loopingCode.insert(ObjectIdentifier(code))
        recorder.abort("the inlined call of \(code.code.name) loops: it will be called, not inlined")
    }

    /// Whether `exception` is the one an `.escape` exit let out (and forget it).
    func takeEscaping(_ exception: Ref) -> Bool {
        guard !escaping.isNull, escaping == exception else { return false }
        escaping = .null
        return true
    }

    /// `can_enter_jit` at the loop header the executing frame (at `depth`) has just jumped back to (its pc and
    /// stack top are saved in the frame record). Out of line: the dispatch loop only tests for the driver, and
    /// skips headers flagged in `CodeInfo.jitIgnoresHeader`.
    @inline(never)
    func canEnterJit(_ frame: UnsafeMutablePointer<Frame>, depth: Int) -> JitExit {
        let info = frame.pointee.info.takeUnretainedValue()
        let pc = frame.pointee.pc
        let key = GreenKey(code: UnsafeRawPointer(info.instructions), pc: pc)
        if let loop = loops[key] { return leaving { () throws(PyException) in try run(loop, frame, depth: depth) } }
        guard recorder == nil, counters.tick(key) else {
            if counters.isBlacklisted(key) { info.jitIgnoresHeader[pc] = true }
            return .stay
        }
        return leaving { () throws(PyException) in try trace(key, frame, depth: depth) }
    }

    /// `body`'s exit, or, when the guest exception it threw unwound past the frame recording started in, `.escape`.
    private func leaving(_ body: () throws(PyException) -> JitExit) -> JitExit {
        do {
            return try body()
        } catch {
            escaping = error.value
            return .escape(error)
        }
    }

    /// Optimizes the trace `recorder` closed. A bridge's optimizer is told the labels of the loop it jumps to,
    /// and the loop's short preamble, with which it may jump into the loop's body.
    private func optimize(_ recorder: Recorder, jumpingInto loop: CompiledLoop?) throws -> OptimizationResult? {
        guard var optimizer else { return nil }
        let trace = recorder.trace
        // Loop N's token is N; its peeled body's is N + 1000 (`Loop1000` in the log is loop 0's body).
        var context = OptimizationContext(nextGuardNumber: nextGuardNumber, peeledLoopToken: Optimizer.defaultPeeledLoopToken)
        if let loop {
            var labels: [LoopToken: [IRType]] = [:]
            for op in loop.trace.ops where op.opcode == .label {
                if case .loop(let token) = op.descr { labels[token] = op.args.map { loop.trace.type(of: $0) } }
            }
            optimizer.verifier = TraceVerifier(externalLoops: labels)
            if let shortPreamble = loop.shortPreamble, let header = recorder.headerResume {
                context.shortPreambleEntry = ShortPreambleEntry(shortPreamble: shortPreamble, headerSnapshot: header.snapshot,
                                                                headerGuard: header.guardNumber)
            }
        }
        let optimized = try optimizer.run(trace, context: context)
        nextGuardNumber = optimized.context.nextGuardNumber
        return optimized
    }

    /// Records from the loop header with the tracing domain on the same frames, until the loop closes or the
    /// trace aborts; a closed loop is compiled and entered at once.
    private func trace(_ key: GreenKey, _ frame: UnsafeMutablePointer<Frame>, depth: Int) throws(PyException) -> JitExit {
        let recorder = Recorder(guest: guest, options: options, code: key.code, pc: key.pc, depth: depth,
                                token: LoopToken(compiledLoops.count), firstGuardNumber: nextGuardNumber, observer: self)
        if let aborted = try record(recorder) {
            counters.aborted(key)
            return aborted
        }
        let loop: CompiledLoop
        let optimized: OptimizationResult?
        do {
            optimized = try optimize(recorder, jumpingInto: nil)
            loop = try CompiledLoop(key: key, recorder: recorder, heap: rt.heap, memory: try codeMemory(), optimized: optimized)
        } catch {
            // Never run such a trace; never trace here again.
            compileFailed(recorder, error)
            counters.blacklist(key)
            return .resume
        }
        loops[key] = loop
        compiledLoops.append(loop)
        loop.depend(on: recorder.assumptions)
        statistics.loops += 1
        count(recorder.trace, optimized: loop.trace)
        tracer(.loopCompiled(trace: loop.trace, optimization: optimized))
        if let code = loop.runner as? X64.CompiledTrace { tracer(.machineCodeInstalled(trace: loop.trace, code: code)) }
        // The frames stand at the loop header again: enter the loop.
        return try enterAtHeader(loop)
    }

    /// A closed trace the optimizer or the backend refused: a tracer or backend bug, not the program's (debug builds
    /// stop here); counted and reported as an abort.
    private func compileFailed(_ recorder: Recorder, _ error: Error) {
        let what = recorder.isBridge ? "bridge" : "loop"
        assertionFailure("cannot compile the recorded \(what): \(error)\n\(TracePrinter(registry: rt.heap.registry).print(recorder.trace))")
        statistics.aborts += 1
        tracer(.traceAborted(location: recorder.startLocation, reason: "the recorded \(what) cannot be compiled: \(error)"))
    }

    /// Runs the tracing interpreter from the top frame with `recorder` until it closes (nil) or aborts: then the
    /// dispatch loop goes on from the frames, or returns what the frame recording started in returned, if it was
    /// an entry frame.
    private func record(_ recorder: Recorder) throws(PyException) -> JitExit? {
        statistics.tracesStarted += 1
        self.recorder = recorder
        defer { self.recorder = nil }
        let top = rt.frames.current
        var d = TracingDomain(recorder: recorder, heap: rt.heap, locals: top.pointee.base, sp: top.pointee.sp)
        let returned = try Interpreter<TracingDomain>(rt).run(&d)
        nextGuardNumber = recorder.nextGuardNumber
        statistics.bytecodesTraced += recorder.bytecodes
        if recorder.outcome == .closed { return nil }
        statistics.aborts += 1
        return returned.isNull ? .resume : .returned(returned)
    }

    private func count(_ recorded: Trace, optimized: Trace) {
        statistics.opsRecorded += recorded.ops.count
        statistics.opsAfterOptimization += optimized.ops.count
        statistics.opsRecordedByCategory += recorded.categoryCounts
        statistics.opsAfterOptimizationByCategory += optimized.categoryCounts
    }

    /// Enters `loop` from the frames, which stand at its header again after recording.
    private func enterAtHeader(_ loop: CompiledLoop) throws(PyException) -> JitExit {
        let exit = try run(loop, rt.frames.current, depth: rt.frames.depth)
        if case .stay = exit { return .resume }
        return exit
    }

    /// Runs a compiled loop from the frame at its header until a guard without a bridge fails, then rebuilds
    /// the frames; a guard failing often enough gets a bridge traced from there.
    private func run(_ loop: CompiledLoop, _ frame: UnsafeMutablePointer<Frame>, depth: Int) throws(PyException) -> JitExit {
        if dropIfInvalidated(loop) { return .stay }
        var inputs: [ConcreteValue] = []
        if loop.virtualizable {
            var slot = frame.pointee.base
            while slot < frame.pointee.sp {
                inputs.append(.ref(slot.pointee))
                slot += 1
            }
        } else {
            inputs.append(.ref(Ref(bits: UInt(bitPattern: frame.pointee.base))))
        }
        guard inputs.count == loop.trace.inputArgs.count else { return .stay }
        loop.entries += 1
        statistics.loopEntries += 1
        let exit: TraceExit
        do { exit = try loopEntry?(loop, inputs) ?? loop.runner.run(inputs) } catch {
            // Inputs of the wrong shape (checked above) are the only refusal; interpret instead.
            assertionFailure("the \(options.backend) backend refused loop \(loop.trace.number): \(error)")
            return .stay
        }
        switch exit.reason {
        case .guardFailed(let opIndex, let number):
            loop.noteFailure(ofGuard: number)
            loop.iterations += exit.iterations
            statistics.guardFailures += 1
            statistics.bytecodesInJit += loop.bytecodesRun(iterations: exit.iterations, exitThroughGuard: number)
            tracer(.guardFailed(loop: loop.trace.number, guardNumber: number))
            let source = loop.trace(containingGuard: number) ?? loop.trace
            let resume: ResumeState
            do { resume = try source.resumeState(guardAt: opIndex, failArgValues: exit.values, heap: rt.heap) } catch {
                fatalError("cannot resume after guard \(number): \(error)")
            }
            let rebuilt = Deoptimizer(rt: rt, guest: guest).rebuild(resume, stackDepths: loop.virtualizable ? nil : loop.stackDepths[number],
                                                                    rootDepth: depth)
            statistics.deopts += 1
            tracer(.deoptimized(guardNumber: number, frames: rebuilt))
            let invalidated = dropIfInvalidated(loop)
            if loop.resumeModes[number] == .raisePending { return .raise(rt.takePending()) }
            if !invalidated, let key = bridgeKey(loop, guard: source.ops[opIndex], failArgValues: exit.values) {
                return try traceBridge(loop, from: source.ops[opIndex], of: source, key: key, failArgValues: exit.values, rootDepth: depth)
            }
            if !invalidated && loop.isUnprofitable() && loops[loop.key] === loop {
                // Interpreting is cheaper than entering and leaving at once; never trace it again (once: runs of
                // the loop nested in recursive calls end here too).
                loops[loop.key] = nil
                counters.blacklist(loop.key)
                statistics.loopsDropped += 1
                tracer(.loopDropped(trace: loop.trace, reason: "\(loop.iterations) iterations in \(loop.entries) entries"))
            }
            return .resume
        case .outOfMemory:
            rt.fatalMemoryError()
        case .finished, .jumped:
            fatalError("a loop trace left through \(exit.reason)")
        }
    }

    /// Whether the guard `guardOp` of `loop`, which has just failed with `failArgValues`, gets a bridge traced now:
    /// it re-executes its bytecode (an exception a residual call raised resumes by raising it), the frame is
    /// virtualizable, the code can grow (no run of it is in progress further up the stack), and its counter says
    /// so (`trace_eagerness`, backing off after aborted bridges). A `guard_value` counts per failing value when
    /// the value is a fail argument, as RPython does: a bridge specialises on the value it was traced with.
    /// Returns the guard's counter key when it does.
    private func bridgeKey(_ loop: CompiledLoop, guard guardOp: Operation, failArgValues: [ConcreteValue]) -> GuardKey? {
        let number = guardOp.guardInfo!.number
        guard recorder == nil, loop.virtualizable, loop.resumeModes[number] == .reexecute, loop.bridge(fromGuard: number) == nil,
              loop.runner.canAttachBridges else { return nil }
        var key = GuardKey(number: number, value: nil)
        if guardOp.opcode == .guardValue, let k = guardOp.guardInfo!.snapshot.failArgs.firstIndex(of: guardOp.args[0]) {
            key.value = failArgValues[k]
        }
        return guardCounters.tick(key) ? key : nil
    }

    /// Records a bridge from the guard `guardOp` of `source` (the loop or one of its bridges; `key` its counter),
    /// whose frames were just rebuilt, until it reaches the loop's header in the root frame (at `rootDepth`); compiles it, attaches
    /// it, and enters the loop. An aborted bridge backs the guard's counter off.
    private func traceBridge(_ loop: CompiledLoop, from guardOp: Operation, of source: Trace, key: GuardKey,
                             failArgValues: [ConcreteValue], rootDepth: Int) throws(PyException) -> JitExit {
        let number = guardOp.guardInfo!.number
        let recorder = Recorder(guest: guest, options: options, bridgeNumber: bridgeCount, from: guardOp, of: source,
                                failArgValues: failArgValues, loop: loopToken(of: loop.trace), loopArity: loop.trace.inputArgs.count,
                                header: loop.key, rootDepth: rootDepth, firstGuardNumber: nextGuardNumber, observer: self)
        if let aborted = try record(recorder) {
            guardCounters.aborted(key)
            return aborted
        }
        let optimized: OptimizationResult?
        let bridge: CompiledLoop.Bridge
        do {
            optimized = try optimize(recorder, jumpingInto: loop)
            bridge = try loop.attachBridge(recorder: recorder, optimized: optimized)
        } catch {
            // The guard goes on deoptimizing, and backs off.
            compileFailed(recorder, error)
            guardCounters.aborted(key)
            return .resume
        }
        bridgeCount += 1
        statistics.bridges += 1
        loop.depend(on: recorder.assumptions)
        count(recorder.trace, optimized: bridge.trace)
        tracer(.bridgeCompiled(trace: bridge.trace, loop: loop.trace.number, guardNumber: number, optimization: optimized, code: bridge.code))
        return try enterAtHeader(loop)
    }

    /// The token of a loop's first label (the loop as recorded: where bridges jump).
    private func loopToken(of trace: Trace) -> LoopToken {
        for op in trace.ops where op.opcode == .label {
            if case .loop(let token) = op.descr { return token }
        }
        return LoopToken(trace.number)
    }
}

/// What a guard's failures are counted by: its number, and for a `guard_value` the value it failed with.
struct GuardKey: Hashable {
    var number: Int
    var value: ConcreteValue?
}
