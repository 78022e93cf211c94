/// The meta-tracer's knobs, named after RPython's JIT parameters where there is one.
public struct TracerOptions: Hashable, Sendable {
    /// Backward jumps a loop header must see before it is traced (RPython's `threshold`; PyPy uses 1039).
    public var threshold = 1039
    /// Operations a trace may hold before it is aborted (RPython's `trace_limit`).
    public var traceLimit = 6000
    /// Guest calls inlined into one another while tracing before a call becomes residual (RPython's
    /// `max_unroll_recursion` plays this role for recursion).
    public var inlineDepth = 8
    /// Aborts at one location before it is never traced again; each abort doubles its threshold.
    public var maxAborts = 5
    /// Failures of one guard before a bridge is traced from it (RPython's `trace_eagerness`; until then, and
    /// between aborted bridge attempts, each failure deoptimizes to the interpreter).
    public var traceEagerness = 200
    /// Whether the guest frame is virtualizable: its locals and value stack live in IR values. Off, every frame
    /// slot access is recorded as `getarrayitem_gc_r`/`setarrayitem_gc` on the frame (the seed slide's naive
    /// trace), whose slot array is the trace's one input argument.
    public var virtualizable = true
    /// What runs closed loops: machine code (`x64`) or the IR executor (`ir`), as `--backend` chooses.
    public var backend = TraceBackend.x64

    public init() {}

    /// The parameter names `set` accepts
    /// (`threshold=N,trace_limit=N,inline_depth=N,max_aborts=N,trace_eagerness=N,virtualizable=on|off`).
    public static let parameterNames = ["threshold", "trace_limit", "inline_depth", "max_aborts", "trace_eagerness", "virtualizable"]

    /// Sets the parameter `name` from its text; returns a message saying what was expected when it does not fit.
    public mutating func set(_ name: String, _ text: String) -> String? {
        func positive() -> Int? { Int(text).flatMap { $0 > 0 ? $0 : nil } }
        switch name {
        case "threshold":
            guard let n = positive() else { return "threshold must be a positive integer, got '\(text)'" }
            threshold = n
        case "trace_limit":
            guard let n = positive() else { return "trace_limit must be a positive integer, got '\(text)'" }
            traceLimit = n
        case "inline_depth":
            guard let n = Int(text), n >= 0 else { return "inline_depth must be a non-negative integer, got '\(text)'" }
            inlineDepth = n
        case "max_aborts":
            guard let n = positive() else { return "max_aborts must be a positive integer, got '\(text)'" }
            maxAborts = n
        case "trace_eagerness":
            guard let n = positive() else { return "trace_eagerness must be a positive integer, got '\(text)'" }
            traceEagerness = n
        case "virtualizable":
            switch text {
            case "on", "true", "1": virtualizable = true
            case "off", "false", "0": virtualizable = false
            default: return "virtualizable must be on or off, got '\(text)'"
            }
        default:
            return "unknown JIT parameter '\(name)' (expected one of \(TracerOptions.parameterNames.joined(separator: ", ")))"
        }
        return nil
    }
}
