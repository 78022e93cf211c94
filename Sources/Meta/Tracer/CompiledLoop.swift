/// A closed loop trace ready to run: the trace, its executor, how each of its guards resumes, and counters.
public final class CompiledLoop {
    public let key: GreenKey
    public let trace: Trace
    /// Nil for a trace that is recorded and shown but not run (a non-virtualizable frame's trace).
    public let executor: IRExecutor?
    public let resumeModes: [Int: ResumeMode]
    /// Merge points (bytecodes) before each op index: bytecodes run in the loop up to that op.
    private let bytecodesBefore: [Int]
    public var entries = 0
    public var guardFailures = 0

    public init(key: GreenKey, recorder: Recorder, heap: Heap, runnable: Bool) throws {
        self.key = key
        trace = recorder.trace
        resumeModes = recorder.resumeModes
        executor = runnable ? try IRExecutor(trace: trace, heap: heap) : nil
        var counts: [Int] = []
        var n = 0
        for op in trace.ops {
            counts.append(n)
            if op.opcode == .debugMergePoint { n += 1 }
        }
        counts.append(n)
        bytecodesBefore = counts
    }

    /// Bytecodes in one full iteration.
    public var bytecodesPerIteration: Int { bytecodesBefore.last ?? 0 }

    /// Bytecodes executed by a run that passed its label `iterations` times and left at op `opIndex` (the
    /// bytecode of a failing guard is not counted: the interpreter re-executes it).
    public func bytecodesRun(iterations: Int, exitAt opIndex: Int) -> Int {
        max(iterations - 1, 0) * bytecodesPerIteration + bytecodesBefore[min(opIndex, bytecodesBefore.count - 1)] - (opIndex > 0 ? 1 : 0)
    }
}
