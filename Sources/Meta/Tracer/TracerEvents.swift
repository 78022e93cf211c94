/// What the meta-tracer and the JIT driver report as they work, for the Lab's views and breakpoints and for the
/// log writer (the framework never prints; observers turn events into text).
public enum TracerEvent {
    /// Recording started at a hot loop header (`location` describes it, e.g. `run:5 #12 LOAD_FAST`), or, for a
    /// bridge, at a guard's resume point (`Guard 7 at run:10 #12 COMPARE_OP`).
    case traceStarted(location: String)
    /// The recorder appended `op` at `index` of the trace being recorded (the op, not the trace, so that an
    /// observer keeping events does not make every later append copy the trace).
    case opRecorded(op: Operation, index: Int)
    /// Recording stopped without a loop (`reason` says why).
    case traceAborted(location: String, reason: String)
    /// A loop closed and was compiled: `trace` is what runs; `optimization` (when the optimizer ran) holds the
    /// recorded trace and each pass's step.
    case loopCompiled(trace: Trace, optimization: OptimizationResult?)
    /// A compiled loop's machine code was installed (`--backend x64`): `code` has its listing tied to the trace's ops.
    case machineCodeInstalled(trace: Trace, code: X64.CompiledTrace)
    /// A bridge was compiled and attached to guard `guardNumber` of loop `loop` (or of one of its bridges): `trace`
    /// is what runs, `optimization` (when the optimizer ran) holds the recorded bridge and each pass's step, `code`
    /// its machine code (`--backend x64`).
    case bridgeCompiled(trace: Trace, loop: Int, guardNumber: Int, optimization: OptimizationResult?, code: X64.CompiledBridge?)
    /// A compiled loop is no longer entered (it left too soon after most entries).
    case loopDropped(trace: Trace, reason: String)
    /// A compiled loop was invalidated (an assumption it relied on broke, `reason` says which and how) and taken
    /// out of use; its header may be traced again.
    case loopInvalidated(trace: Trace, reason: String)
    /// A guard of a compiled loop or of one of its bridges failed (and has no bridge: the interpreter resumes).
    case guardFailed(loop: Int, guardNumber: Int)
    /// The guest frames were rebuilt from a guard's resume data (`frames` of them) and the interpreter resumed.
    case deoptimized(guardNumber: Int, frames: Int)
}

/// Receives `TracerEvent`s.
public protocol TracerObserver: AnyObject {
    func tracer(_ event: TracerEvent)
}
