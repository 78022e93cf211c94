/// Something that runs a prepared trace: the IR executor or compiled machine code. Both leave through the same
/// `TraceExit`s, so the runtime deoptimizes from either the same way.
public protocol TraceRunner: AnyObject {
    var trace: Trace { get }
    /// Makes the trace's `guard_not_invalidated` guards fail from now on.
    var isInvalidated: Bool { get set }
    func run(_ inputs: [ConcreteValue]) throws -> TraceExit
}

extension IRExecutor: TraceRunner {}
extension X64.CompiledTrace: TraceRunner {}

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
