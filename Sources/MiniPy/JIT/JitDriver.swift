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

/// The JIT driver of `--jit trace` (DESIGN §5, §13): hotness counters at loop headers, recording with the tracing
/// domain on the live frames, closing loops and running them in the IR executor, and deoptimization on guard
/// failure. Installed as `Runtime.jit`; the dispatch loop calls `canEnterJit` at every backward jump.
public final class JitDriver: TracerObserver {
    public let options: TracerOptions
    /// The trace optimizer closed loops go through before they run; nil runs them as recorded.
    public let optimizer: Optimizer?
    unowned let rt: Runtime
    let guest: MiniPyGuest
    private var counters: HotCounters
    private var loops: [GreenKey: CompiledLoop] = [:]
    /// Every compiled loop, in order.
    public private(set) var compiledLoops: [CompiledLoop] = []
    /// The trace being recorded (one at a time: nested dispatch loops do not start another).
    public private(set) var recorder: Recorder?
    public private(set) var statistics = JitStatistics()
    /// Who hears the tracer's events (the log writer, the Lab).
    public var observers: [TracerObserver] = []
    /// Runs an entry of a compiled loop in place of its runner when it returns the exit (the Lab's `stepi` runs
    /// the machine code in the emulator); nil, or a nil result, runs the loop's runner.
    public var loopEntry: ((CompiledLoop, [ConcreteValue]) -> TraceExit?)?
    private var nextGuardNumber = 0
    /// Where compiled loops' machine code lives (reserved on first use).
    private var memory: X64.CodeMemory?
    /// The exception of the last `.escape` exit, until the dispatch loop's unwinder takes it.
    private var escaping = Ref.null

    public init(runtime rt: Runtime, options: TracerOptions, optimizer: Optimizer? = nil) {
        self.rt = rt
        self.options = options
        self.optimizer = optimizer
        guest = MiniPyGuest(rt)
        counters = HotCounters(options: options)
        rt.heap.rootScanners.append { [unowned self] heap in
            self.guest.markRoots(heap)
            for loop in self.compiledLoops {
                for c in loop.trace.constants { if case .ref(let r) = c { heap.markRoot(r) } }
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

    /// Whether a call from frame depth `depth` may be inlined into the trace being recorded.
    func mayInline(depth: Int) -> Bool {
        guard let recorder else { return false }
        return depth - recorder.rootDepth < options.inlineDepth
    }

    /// Whether `exception` is the one an `.escape` exit let out (and forget it).
    func takeEscaping(_ exception: Ref) -> Bool {
        guard !escaping.isNull, escaping == exception else { return false }
        escaping = .null
        return true
    }

    /// `can_enter_jit` at the loop header the executing frame (at `depth`) has just jumped back to (its pc and
    /// stack top are saved in the frame record). Out of line: the dispatch loop only tests for the driver.
    @inline(never)
    func canEnterJit(_ frame: UnsafeMutablePointer<Frame>, depth: Int) -> JitExit {
        let key = GreenKey(code: UnsafeRawPointer(frame.pointee.info.takeUnretainedValue().instructions), pc: frame.pointee.pc)
        if let loop = loops[key] { return run(loop, frame, depth: depth) }
        guard recorder == nil, counters.tick(key) else { return .stay }
        do {
            return try trace(key, frame, depth: depth)
        } catch {
            escaping = error.value
            return .escape(error)
        }
    }

    /// Records from the loop header with the tracing domain on the same frames, until the loop closes or the
    /// trace aborts; a closed loop is compiled and entered at once.
    private func trace(_ key: GreenKey, _ frame: UnsafeMutablePointer<Frame>, depth: Int) throws(PyException) -> JitExit {
        let recorder = Recorder(guest: guest, options: options, code: key.code, pc: key.pc, depth: depth,
                                token: LoopToken(compiledLoops.count), firstGuardNumber: nextGuardNumber, observer: self)
        statistics.tracesStarted += 1
        self.recorder = recorder
        defer { self.recorder = nil }
        var d = TracingDomain(recorder: recorder, heap: rt.heap, locals: frame.pointee.base, sp: frame.pointee.sp)
        let returned = try Interpreter<TracingDomain>(rt).run(&d)
        nextGuardNumber = recorder.nextGuardNumber
        statistics.bytecodesTraced += recorder.bytecodes
        if recorder.outcome == .closed {
            let loop: CompiledLoop
            let optimized: OptimizationResult?
            do {
                let context = OptimizationContext(nextGuardNumber: nextGuardNumber, peeledLoopToken: Optimizer.defaultPeeledLoopToken)
                optimized = try optimizer?.run(recorder.trace, context: context)
                if let optimized { nextGuardNumber = optimized.context.nextGuardNumber }
                loop = try CompiledLoop(key: key, recorder: recorder, heap: rt.heap, memory: try codeMemory(), optimized: optimized)
            } catch {
                // A tracer or backend bug, not the program's: never run such a trace (debug builds stop here).
                assertionFailure("cannot compile the recorded loop: \(error)\n\(TracePrinter(registry: rt.heap.registry).print(recorder.trace))")
                statistics.aborts += 1
                counters.blacklist(key)
                tracer(.traceAborted(location: recorder.startLocation, reason: "the recorded loop cannot be compiled: \(error)"))
                return .resume
            }
            loops[key] = loop
            compiledLoops.append(loop)
            statistics.loops += 1
            statistics.opsRecorded += recorder.trace.ops.count
            statistics.opsAfterOptimization += loop.trace.ops.count
            statistics.opsRecordedByCategory += recorder.trace.categoryCounts
            statistics.opsAfterOptimizationByCategory += loop.trace.categoryCounts
            tracer(.loopCompiled(trace: loop.trace, optimization: optimized))
            if let code = loop.runner as? X64.CompiledTrace { tracer(.machineCodeInstalled(trace: loop.trace, code: code)) }
            // The frames stand at the loop header again: enter the loop.
            let current = rt.frames.current
            let exit = run(loop, current, depth: rt.frames.depth)
            if case .stay = exit { return .resume }
            return exit
        }
        statistics.aborts += 1
        counters.aborted(key)
        return returned.isNull ? .resume : .returned(returned)
    }

    /// Runs a compiled loop from the frame at its header until a guard fails, then rebuilds the frames.
    private func run(_ loop: CompiledLoop, _ frame: UnsafeMutablePointer<Frame>, depth: Int) -> JitExit {
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
            loop.guardFailures += 1
            loop.iterations += exit.iterations
            statistics.guardFailures += 1
            statistics.bytecodesInJit += loop.bytecodesRun(iterations: exit.iterations, exitAt: opIndex)
            tracer(.guardFailed(loop: loop.trace.number, guardNumber: number))
            let resume: ResumeState
            do { resume = try loop.trace.resumeState(for: exit, heap: rt.heap) } catch {
                fatalError("cannot resume after guard \(number): \(error)")
            }
            let rebuilt = Deoptimizer(rt: rt, guest: guest).rebuild(resume, stackDepths: loop.virtualizable ? nil : loop.stackDepths[number],
                                                                    rootDepth: depth)
            statistics.deopts += 1
            tracer(.deoptimized(guardNumber: number, frames: rebuilt))
            if loop.isUnprofitable() {
                // Interpreting is cheaper than entering and leaving at once; never trace it again.
                loops[loop.key] = nil
                counters.blacklist(loop.key)
                statistics.loopsDropped += 1
                tracer(.loopDropped(trace: loop.trace, reason: "\(loop.iterations) iterations in \(loop.entries) entries"))
            }
            if loop.resumeModes[number] == .raisePending { return .raise(rt.takePending()) }
            return .resume
        case .outOfMemory:
            rt.fatalMemoryError()
        case .finished, .jumped:
            fatalError("a loop trace left through \(exit.reason)")
        }
    }
}
