/// A closed loop trace ready to run: the trace, what runs it (machine code or the IR executor, per
/// `TracerOptions.backend`), how each of its guards resumes, and counters.
public final class CompiledLoop {
    public let key: GreenKey
    public let trace: Trace
    public let runner: any TraceRunner
    public let resumeModes: [Int: ResumeMode]
    /// The stack depth of each snapshot frame, by guard number (see `Recorder.stackDepths`).
    public let stackDepths: [Int: [Int]]
    /// Whether the guest frame was virtualizable: the input arguments are its slots (else its slot array).
    public let virtualizable: Bool
    /// Merge points (bytecodes) before each op index: bytecodes run in the loop up to that op.
    private let bytecodesBefore: [Int]
    public var entries = 0
    public var guardFailures = 0
    /// Iterations begun over all entries.
    public var iterations = 0

    /// Prepares the loop `recorder` closed for `recorder.options.backend` (machine code goes into `memory`), as
    /// recorded or, given `optimized`, as the optimizer left it (guards the optimizer copied resume like the
    /// recorded guard they copy).
    public init(key: GreenKey, recorder: Recorder, heap: Heap, memory: X64.CodeMemory,
                optimized: OptimizationResult? = nil) throws {
        self.key = key
        trace = optimized?.trace ?? recorder.trace
        var modes: [Int: ResumeMode] = [:], depths: [Int: [Int]] = [:]
        for op in trace.ops {
            guard let number = op.guardInfo?.number else { continue }
            let recorded = optimized?.context.recordedGuard(number) ?? number
            modes[number] = recorder.resumeModes[recorded]
            depths[number] = recorder.stackDepths[recorded]
        }
        resumeModes = modes
        stackDepths = depths
        virtualizable = recorder.options.virtualizable
        runner = try recorder.options.backend.prepare(trace, heap: heap, memory: memory)
        // Counted from the last label: a peeled loop's preamble and body hold the same merge points.
        var counts: [Int] = []
        var n = 0
        for op in trace.ops {
            if op.opcode == .label { n = 0 }
            counts.append(n)
            if op.opcode == .debugMergePoint { n += 1 }
        }
        counts.append(n)
        bytecodesBefore = counts
    }

    /// Whether the loop leaves so soon after each entry that interpreting it would be cheaper: after
    /// `minimumEntries` entries, fewer than `minimumIterations` iterations per entry on average. (Until bridges
    /// exist, a guard that fails on every other iteration sends each iteration through deoptimization.)
    public func isUnprofitable(minimumEntries: Int = 1000, minimumIterations: Int = 4) -> Bool {
        entries >= minimumEntries && iterations < entries * minimumIterations
    }

    /// Bytecodes in one full iteration.
    public var bytecodesPerIteration: Int { bytecodesBefore.last ?? 0 }

    /// Bytecodes executed by a run that passed its label `iterations` times and left at op `opIndex` (the
    /// bytecode of a failing guard is not counted: the interpreter re-executes it).
    public func bytecodesRun(iterations: Int, exitAt opIndex: Int) -> Int {
        max(iterations - 1, 0) * bytecodesPerIteration + bytecodesBefore[min(opIndex, bytecodesBefore.count - 1)] - (opIndex > 0 ? 1 : 0)
    }
}
