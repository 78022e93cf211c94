/// The identity of an operation across optimization passes: a pass that keeps an operation (perhaps with rewritten
/// arguments) keeps its id, an operation a pass creates gets a fresh one. `TraceDiff` compares traces by it.
public struct OpID: Hashable, Sendable, Comparable, CustomStringConvertible {
    public let raw: Int
    public init(_ raw: Int) { self.raw = raw }
    public static func < (a: OpID, b: OpID) -> Bool { a.raw < b.raw }
    public var description: String { "#\(raw)" }
}

/// A trace with the identity of each of its operations (`opIDs[k]` belongs to `trace.ops[k]`).
public struct TrackedTrace: Sendable {
    public var trace: Trace
    public var opIDs: [OpID]

    public init(trace: Trace, opIDs: [OpID]) {
        precondition(trace.ops.count == opIDs.count, "one id per operation")
        self.trace = trace
        self.opIDs = opIDs
    }
}

/// What passes share while one pipeline runs: fresh operation ids, fresh guard numbers (a guard a pass copies
/// needs a number no other guard of the run has) and the token of the loop a peeled trace gets.
public struct OptimizationContext: Sendable {
    public var nextOpID: Int
    /// The next free guard number (the tracer's counter; by default one more than the largest in the trace).
    public var nextGuardNumber: Int
    /// The token of the peeled loop made from the loop `original` (the preamble keeps `original`).
    public var peeledLoopToken: @Sendable (LoopToken) -> LoopToken
    /// For each guard a pass copied, the number of the guard it is a copy of (resume data keyed by recorded guard
    /// numbers applies to the copy too).
    public private(set) var guardOrigins: [Int: Int] = [:]
    /// Set by `peel` (and completed by `virtuals`) when it peels a loop: what bridges need to jump into the body.
    public var shortPreamble: ShortPreamble?
    /// For a bridge to a peeled loop: the loop's short preamble and the bridge's state at the header, with which
    /// `virtuals` ends the bridge in the loop's body when it can.
    public var shortPreambleEntry: ShortPreambleEntry?

    public init(nextOpID: Int = 0, nextGuardNumber: Int, peeledLoopToken: @escaping @Sendable (LoopToken) -> LoopToken) {
        self.nextOpID = nextOpID
        self.nextGuardNumber = nextGuardNumber
        self.peeledLoopToken = peeledLoopToken
    }

    public mutating func newOpID() -> OpID {
        nextOpID += 1
        return OpID(nextOpID - 1)
    }

    /// A fresh number for a copy of the guard numbered `original`.
    public mutating func newGuardNumber(copying original: Int) -> Int {
        let n = nextGuardNumber
        nextGuardNumber += 1
        guardOrigins[n] = guardOrigins[original] ?? original
        return n
    }

    /// The recorded guard that guard `number` is, or is a copy of.
    public func recordedGuard(_ number: Int) -> Int { guardOrigins[number] ?? number }
}

/// One optimization pass: a named rewrite of a trace that computes exactly what its input computes.
public protocol OptimizationPass: Sendable {
    /// The name `set passes` and `Optimizer.enable/disable` use (`fold`, `heap`, ...).
    var name: String { get }
    /// One line on what the pass does, for `help` and listings.
    var summary: String { get }
    func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace
}
