/// PyPy's *short preamble*: what a bridge that reaches a peeled loop's header must compute to jump into the
/// loop's body (the peeled label, `Loop1000`) rather than into its preamble (`Loop0`), so that the values the body
/// keeps unboxed stay unboxed across the bridge — no boxes allocated at the bridge's end for the preamble to take
/// apart again.
///
/// The peeled body relies on what the preamble established, and on nothing else (every pass after `virtuals`
/// forgets what it knew at the label):
/// - the label's extra arguments: results of the loop-invariant operations `peel` hoisted into the preamble;
/// - the guards `peel` hoisted with them (a class checked once, in the preamble, not in the body);
/// - for each label argument `virtuals` exploded, that the value is a virtual of a given shape, passed as its fields.
///
/// `LoopPeeling` records the first two (`ops`: the hoisted operations, over the preamble label's arguments
/// `inputs`), `Virtuals` the third (`shapes`). A bridge ending at the header (see `ShortPreambleEntry`) runs `ops`
/// on its own values — each guard among them resuming at the header — and jumps to the body, when each exploded
/// argument is a virtual of that shape in the bridge too. Otherwise it jumps to the preamble as before: a real
/// object passed as its fields would come back as a copy, another object.
public struct ShortPreamble: Sendable {
    /// The loop's first label (the preamble's) and the peeled body's.
    public let preamble: LoopToken
    public let body: LoopToken
    /// The preamble label's arguments: the loop header's slots.
    let inputs: [IRValue]
    /// The hoisted operations, in order, over `inputs`, constants and their own results.
    let ops: [Operation]
    /// The body label's arguments before `virtuals` exploded any: `inputs`, slot for slot, then the hoisted
    /// results the body uses.
    let arguments: [IRValue]
    /// Types of `inputs` and of the results of `ops`.
    let types: [IRValue: IRType]
    /// Values of the constants `ops` and `shapes` name.
    private(set) var constants: [IRValue: ConcreteValue]
    /// The shape of each exploded argument (by position in `arguments`).
    private(set) var shapes: [Int: ExplodedVirtual] = [:]

    /// Records `ops` (operations of `trace`) as what the body labelled `body` needs, with `arguments`.
    init(preamble: LoopToken, body: LoopToken, inputs: [IRValue], ops: [Operation], arguments: [IRValue], in trace: Trace) {
        self.preamble = preamble
        self.body = body
        self.inputs = inputs
        self.ops = ops
        self.arguments = arguments
        var types: [IRValue: IRType] = [:], constants: [IRValue: ConcreteValue] = [:]
        for v in inputs { types[v] = trace.type(of: v) }
        for op in ops {
            if !op.result.isNone { types[op.result] = trace.type(of: op.result) }
            for a in op.args { if let c = trace.constantValue(a) { constants[a] = c } }
        }
        self.types = types
        self.constants = constants
    }

    /// Records the shapes `virtuals` exploded the body label's arguments to (constants of `trace`).
    mutating func record(shapes: [Int: ExplodedVirtual], in trace: Trace) {
        self.shapes = shapes
        func collect(_ e: ExplodedVirtual) {
            for (_, value) in e.fields {
                switch value {
                case .passed: break
                case .constant(let c): constants[c] = trace.constantValue(c)
                case .nested(let n): collect(n)
                }
            }
        }
        shapes.values.forEach(collect)
    }

    /// How many operations a bridge runs before entering the body (before the bridge's optimizer folds them).
    public var operationCount: Int { ops.count + shapes.count }
}

/// What a bridge's optimizer needs to end the bridge with a short preamble: the target loop's `ShortPreamble` and
/// the bridge's resume state at the loop header — its final jump's arguments as the root frame's slots — for the
/// guards the short preamble holds (copies of the recorded guard `headerGuard`, which the recorder reserved for
/// that state: a failing one resumes the interpreter at the header).
public struct ShortPreambleEntry: Sendable {
    public let shortPreamble: ShortPreamble
    public let headerSnapshot: Snapshot
    public let headerGuard: Int

    public init(shortPreamble: ShortPreamble, headerSnapshot: Snapshot, headerGuard: Int) {
        self.shortPreamble = shortPreamble
        self.headerSnapshot = headerSnapshot
        self.headerGuard = headerGuard
    }

    /// The short preamble's operations instantiated for a bridge whose jump passes `slots` (one per input):
    /// fresh result variables from `newVariable`, constants interned by `constant`, each guard numbered by
    /// `newGuard` and resuming with `headerSnapshot`. Returns the operations and the body label's arguments
    /// (before explosion) in the bridge's names.
    func instantiate(slots: [IRValue], newVariable: (IRType) -> IRValue, constant: (ConcreteValue) -> IRValue,
                     newGuard: () -> Int) -> (ops: [Operation], arguments: [IRValue]) {
        let sp = shortPreamble
        var names: [IRValue: IRValue] = [:]
        for (x, v) in zip(sp.inputs, slots) { names[x] = v }
        func name(_ v: IRValue) -> IRValue {
            if let c = sp.constants[v] { return constant(c) }
            return names[v]!
        }
        var ops: [Operation] = []
        for original in sp.ops {
            var op = original
            op.args = op.args.map(name)
            if !op.result.isNone {
                let fresh = newVariable(sp.types[op.result]!)
                names[op.result] = fresh
                op.result = fresh
            }
            if op.guardInfo != nil { op.guardInfo = GuardInfo(number: newGuard(), snapshot: headerSnapshot) }
            ops.append(op)
        }
        return (ops, sp.arguments.map(name))
    }
}
