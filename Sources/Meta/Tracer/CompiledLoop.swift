/// A closed loop trace ready to run, with the bridges grown on its guards (DESIGN §9): the trace, what runs it
/// (machine code or the IR executor, per `TracerOptions.backend`), how each guard of the loop and of its bridges
/// resumes, and counters — the trace tree's data.
public final class CompiledLoop {
    /// A bridge attached to a guard of the loop or of one of its bridges.
    public struct Bridge {
        /// The bridge as it runs (optimized, when the optimizer ran).
        public let trace: Trace
        /// The number of the trace whose guard it leaves from, and whether that trace is a bridge.
        public let sourceTrace: Int
        public let sourceIsBridge: Bool
        /// Its machine code (`--backend x64`).
        public let code: X64.CompiledBridge?
        /// The guard it leaves from.
        public var guardNumber: Int {
            if case .bridge(let n) = trace.kind { return n }
            return -1
        }
    }

    /// One guard of the loop or of a bridge, for the trace tree and the Lab's `guards`.
    public struct GuardSite {
        public let number: Int
        /// The trace holding it (the loop's number, or a bridge's) and its op there.
        public let traceNumber: Int
        public let inBridge: Bool
        public let opIndex: Int
        public let op: Operation
    }

    public let key: GreenKey
    public let trace: Trace
    public let runner: any TraceRunner
    /// How each guard resumes, by guard number.
    public private(set) var resumeModes: [Int: ResumeMode]
    /// The stack depth of each snapshot frame, by guard number (see `Recorder.stackDepths`).
    public let stackDepths: [Int: [Int]]
    /// Whether the guest frame was virtualizable: the input arguments are its slots (else its slot array).
    public let virtualizable: Bool
    /// What a bridge computes to jump into the peeled body instead of the preamble (nil: the loop was not peeled).
    public let shortPreamble: ShortPreamble?
    /// The bridges, in the order they were compiled.
    public private(set) var bridges: [Bridge] = []
    /// The trace (the loop or a bridge) holding each guard, by number: found on every guard failure.
    private var traceOfGuard: [Int: Trace] = [:]
    /// Failures of each guard (by number) that left to the interpreter (a guard with a bridge no longer does).
    public private(set) var failures: [Int: Int] = [:]
    /// Merge points (bytecodes) before each guard, by number, counted from the last label before it in the loop,
    /// from the start of a bridge: what a run leaving there executed since its last label.
    private var bytecodesBeforeGuard: [Int: Int] = [:]
    /// Bytecodes in one full iteration of the loop.
    public let bytecodesPerIteration: Int
    public var entries = 0
    /// Iterations begun over all entries.
    public var iterations = 0
    /// Failures of all guards.
    public var guardFailures: Int { failures.values.reduce(0, +) }
    /// Why the loop was invalidated (an assumption it depended on broke: `Assumption`); nil while they hold.
    public internal(set) var invalidationReason: String?

    /// Prepares the loop `recorder` closed for `recorder.options.backend` (machine code goes into `memory`), as
    /// recorded or, given `optimized`, as the optimizer left it (guards the optimizer copied resume like the
    /// recorded guard they copy).
    public init(key: GreenKey, recorder: Recorder, heap: Heap, memory: X64.CodeMemory,
                optimized: OptimizationResult? = nil) throws {
        self.key = key
        trace = optimized?.trace ?? recorder.trace
        var depths: [Int: [Int]] = [:]
        for op in trace.ops {
            guard let number = op.guardInfo?.number else { continue }
            depths[number] = recorder.stackDepths[optimized?.context.recordedGuard(number) ?? number]
        }
        resumeModes = [:]
        stackDepths = depths
        virtualizable = recorder.options.virtualizable
        shortPreamble = optimized?.context.shortPreamble
        runner = try recorder.options.backend.prepare(trace, heap: heap, memory: memory)
        bytecodesPerIteration = Self.countMergePoints(trace, into: &bytecodesBeforeGuard, fromLastLabel: true)
        noteResumeModes(of: trace, recorder: recorder, optimized: optimized)
        noteGuards(of: trace)
    }

    /// Compiles the bridge `recorder` closed (optimized as `optimized`, when the optimizer ran) and attaches it to
    /// its guard. Throws if the backend cannot.
    @discardableResult
    public func attachBridge(recorder: Recorder, optimized: OptimizationResult?) throws -> Bridge {
        let bridge = optimized?.trace ?? recorder.trace
        guard case .bridge(let number) = bridge.kind, let source = trace(containingGuard: number) else {
            throw IRExecutionError("trace \(bridge.number) is not a bridge from a guard of loop \(trace.number)")
        }
        let code = try runner.attach(bridge: bridge)
        noteResumeModes(of: bridge, recorder: recorder, optimized: optimized)
        noteGuards(of: bridge)
        _ = Self.countMergePoints(bridge, into: &bytecodesBeforeGuard, fromLastLabel: false)
        let record = Bridge(trace: bridge, sourceTrace: source.number, sourceIsBridge: source.kind != .loop,
                            code: code)
        bridges.append(record)
        return record
    }

    private func noteResumeModes(of compiled: Trace, recorder: Recorder, optimized: OptimizationResult?) {
        for op in compiled.ops {
            guard let number = op.guardInfo?.number else { continue }
            resumeModes[number] = recorder.resumeModes[optimized?.context.recordedGuard(number) ?? number]
        }
    }

    /// Counts `debug_merge_point`s before each guard of `trace` into `before`; returns the count at the end.
    private static func countMergePoints(_ trace: Trace, into before: inout [Int: Int], fromLastLabel: Bool) -> Int {
        var n = 0
        for op in trace.ops {
            // A peeled loop's preamble and body hold the same merge points: count from the last label.
            if op.opcode == .label && fromLastLabel { n = 0 }
            if let number = op.guardInfo?.number { before[number] = n }
            if op.opcode == .debugMergePoint { n += 1 }
        }
        return n
    }

    private func noteGuards(of compiled: Trace) {
        for op in compiled.ops { if let number = op.guardInfo?.number { traceOfGuard[number] = compiled } }
    }

    /// The trace (the loop or one of its bridges) holding the guard numbered `number`: the one whose op index a
    /// `guardFailed` exit names, and whose snapshot resumes it.
    public func trace(containingGuard number: Int) -> Trace? { traceOfGuard[number] }

    /// The bridge leaving from guard `number`, if it has one.
    public func bridge(fromGuard number: Int) -> Bridge? { bridges.first { $0.guardNumber == number } }

    /// Every guard of the loop and of its bridges, the loop's first.
    public var guardSites: [GuardSite] {
        func sites(_ t: Trace, inBridge: Bool) -> [GuardSite] {
            t.ops.indices.compactMap { i in
                t.ops[i].guardInfo.map { GuardSite(number: $0.number, traceNumber: t.number, inBridge: inBridge, opIndex: i, op: t.ops[i]) }
            }
        }
        return sites(trace, inBridge: false) + bridges.flatMap { sites($0.trace, inBridge: true) }
    }

    /// Counts a failure of guard `number` that leaves to the interpreter; returns its count.
    @discardableResult
    public func noteFailure(ofGuard number: Int) -> Int {
        failures[number, default: 0] += 1
        return failures[number]!
    }

    /// Whether the loop leaves so soon after each entry that interpreting it would be cheaper: after
    /// `minimumEntries` entries, fewer than `minimumIterations` iterations per entry on average (a guard failing
    /// on almost every iteration, whose bridges could not be compiled).
    public func isUnprofitable(minimumEntries: Int = 1000, minimumIterations: Int = 32) -> Bool {
        entries >= minimumEntries && iterations < entries * minimumIterations
    }

    /// Bytecodes executed by a run that passed a label `iterations` times and left through guard `number` (the
    /// bytecode of a failing guard is not counted: the interpreter re-executes it). An estimate once bridges
    /// exist: an iteration that went through a bridge counts as one iteration of the loop.
    public func bytecodesRun(iterations: Int, exitThroughGuard number: Int) -> Int {
        let before = bytecodesBeforeGuard[number] ?? 0
        return max(iterations - 1, 0) * bytecodesPerIteration + max(before - 1, 0)
    }
}
