/// Something that runs a prepared trace: the IR executor or compiled machine code. Both leave through the same
/// `TraceExit`s, so the runtime deoptimizes from either the same way.
public protocol TraceRunner: AnyObject {
    var trace: Trace { get }
    /// Makes the trace's `guard_not_invalidated` guards fail from now on.
    var isInvalidated: Bool { get set }
    /// Runs the trace, and the bridges attached to it, until an exit.
    func run(_ inputs: [ConcreteValue]) throws -> TraceExit
    /// Compiles `bridge` (a `.bridge(fromGuard:)` trace taking the guard's fail arguments) and makes the guard —
    /// of this trace or of a bridge attached before — continue in it; machine code returns its listing.
    func attach(bridge: Trace) throws -> X64.CompiledBridge?
    /// Whether `attach(bridge:)` can work now (machine code cannot grow while a run of it is in progress, as in a
    /// recursive call of the loop's function).
    var canAttachBridges: Bool { get }
    /// The trace (the loop or one of its bridges) holding the guard numbered `number`: the one whose op index a
    /// `guardFailed` exit names, and whose snapshot resumes it.
    func trace(containingGuard number: Int) -> Trace?
}

extension IRExecutor: TraceRunner {
    public var canAttachBridges: Bool { true }
    public func attach(bridge: Trace) throws -> X64.CompiledBridge? {
        try attachBridge(bridge)
        return nil
    }
}

extension X64.CompiledTrace: TraceRunner {
    public var canAttachBridges: Bool { activeRuns == 0 }
    public func attach(bridge: Trace) throws -> X64.CompiledBridge? { try attachBridge(bridge) }
}

/// Which backend runs traces (`--backend ir|x64`): the one line the runtime switches on.
public enum TraceBackend: String, CaseIterable, Sendable {
    case ir
    case x64

    /// Prepares `trace` for running: an `IRExecutor`, or machine code installed in `memory`.
    public func prepare(_ trace: Trace, heap: Heap, memory: X64.CodeMemory, verifier: TraceVerifier = TraceVerifier())
        throws -> any TraceRunner {
        switch self {
        case .ir: return try IRExecutor(trace: trace, heap: heap, verifier: verifier)
        case .x64: return try X64.CompiledTrace(trace: trace, heap: heap, memory: memory, verifier: verifier)
        }
    }
}
