/// How a run of a trace in the IR executor ended, with the concrete values that leave it.
public struct TraceExit: Hashable, Sendable {
    public enum Reason: Hashable, Sendable {
        /// The guard at `opIndex` (numbered `guardNumber`) failed; `values` are its fail arguments, in the order
        /// of `Snapshot.failArgs`.
        case guardFailed(opIndex: Int, guardNumber: Int)
        /// A `finish` was reached; `values` are its arguments.
        case finished(opIndex: Int)
        /// A `jump` to a loop of another trace (a bridge's end); `values` are the target label's arguments.
        case jumped(LoopToken)
        /// `new_with_vtable` at `opIndex` found the heap past its hard limit (the runtime raises `MemoryError`).
        case outOfMemory(opIndex: Int)
    }

    public let reason: Reason
    public let values: [ConcreteValue]
    /// How many times the run passed a `label` (loop iterations begun, the first included). A statistic: exits
    /// compare by reason and values alone.
    public internal(set) var iterations = 0

    public static func == (a: TraceExit, b: TraceExit) -> Bool { a.reason == b.reason && a.values == b.values }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(reason)
        hasher.combine(values)
    }

    public init(reason: Reason, values: [ConcreteValue]) {
        self.reason = reason
        self.values = values
    }
}

/// A trace the executor cannot run with the given inputs, or resume data it cannot rebuild.
public struct IRExecutionError: Error, Hashable, Sendable, CustomStringConvertible {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
