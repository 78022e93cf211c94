/// What every pass builds its output with: it walks the input operations, and for each one keeps it (with its
/// arguments and resume snapshot rewritten through the replacements made so far), drops it, or emits new
/// operations. Replacing a variable makes every later use refer to the replacement, snapshots included.
///
/// Labels need care: a label's arguments are the registers the loop's `jump` writes, so they must stay distinct
/// variables, and a replacement known before a label (say `i3` is the constant 5) must not leak into the loop body,
/// where `i3` holds a new value each iteration. `emitLabel` keeps both rules.
struct TraceRewriter {
    let input: TrackedTrace
    private(set) var output: Trace
    private(set) var ids: [OpID] = []
    private var replacements: [IRValue: IRValue] = [:]
    private var deleted = Set<Int>()

    init(_ input: TrackedTrace) {
        self.input = input
        output = input.trace
        output.ops = []
        output.ops.reserveCapacity(input.trace.ops.count)
        ids.reserveCapacity(input.trace.ops.count)
    }

    /// What `value` stands for now.
    func resolve(_ value: IRValue) -> IRValue {
        var v = value
        while let w = replacements[v] { v = w }
        return v
    }

    /// From now on, uses of `value` refer to `replacement` (of the same type).
    mutating func replace(_ value: IRValue, with replacement: IRValue) {
        let r = resolve(replacement)
        precondition(output.type(of: value) == output.type(of: r), "replacement of another type")
        if r != value { replacements[value] = r }
    }

    /// A fresh variable of the output trace.
    mutating func newVariable(_ type: IRType) -> IRValue { output.newVariable(type) }

    /// The constant `value`, interned in the output trace.
    mutating func constant(_ value: ConcreteValue) -> IRValue { output.constant(value) }

    func constantValue(_ value: IRValue) -> ConcreteValue? { output.constantValue(resolve(value)) }

    func type(of value: IRValue) -> IRType { output.type(of: value) }

    /// `op` with its arguments and snapshot resolved.
    func rewritten(_ op: Operation) -> Operation {
        // Loops and in-place writes, not `map(resolve)`: a method reference copies the whole rewriter (every
        // trace it holds retained and released again), per operation and per snapshot frame.
        guard !replacements.isEmpty else { return op }
        var op = op
        resolveInPlace(&op.args)
        if var g = op.guardInfo {
            g.snapshot = rewritten(g.snapshot)
            op.guardInfo = g
        }
        return op
    }

    func rewritten(_ s: Snapshot) -> Snapshot {
        guard !replacements.isEmpty else { return s }
        var s = s
        for k in s.frames.indices {
            resolveInPlace(&s.frames[k].locals)
            resolveInPlace(&s.frames[k].stack)
        }
        for k in s.virtuals.indices {
            for j in s.virtuals[k].fields.indices { s.virtuals[k].fields[j].value = resolve(s.virtuals[k].fields[j].value) }
        }
        return s
    }

    /// Resolves each of `values`, writing only those that change.
    private func resolveInPlace(_ values: inout [IRValue]) {
        for i in values.indices {
            let r = resolve(values[i])
            if r != values[i] { values[i] = r }
        }
    }

    /// Appends `op` as it is.
    mutating func emit(_ op: Operation, id: OpID) {
        output.ops.append(op)
        ids.append(id)
    }

    /// Appends input operation `index`, rewritten, with its identity.
    mutating func keep(_ index: Int) { emit(rewritten(input.trace.ops[index]), id: input.opIDs[index]) }

    /// Appends the label `op` (input operation `index`) with arguments that are distinct variables: an argument
    /// that became a constant or repeats another is passed through a fresh `same_as`, and its old name refers to
    /// the label's argument from here on. Returns the label's arguments.
    @discardableResult
    mutating func emitLabel(_ index: Int, arguments: [IRValue]? = nil, context: inout OptimizationContext) -> [IRValue] {
        var op = input.trace.ops[index]
        op.args = labelArguments(for: arguments ?? op.args, context: &context)
        emit(op, id: input.opIDs[index])
        return op.args
    }

    /// Distinct variables standing for `values` at a label (see `emitLabel`), rebinding the input names.
    mutating func labelArguments(for values: [IRValue], context: inout OptimizationContext) -> [IRValue] {
        var seen = Set<IRValue>()
        var args: [IRValue] = []
        for v in values {
            let r = resolve(v)
            if r.isVariable, seen.insert(r).inserted {
                args.append(r)
                continue
            }
            let t = output.newVariable(output.type(of: r))
            let copy: Opcode = switch output.type(of: r) {
            case .int: .sameAsI
            case .ref: .sameAsR
            default: .sameAsF
            }
            emit(Operation(copy, result: t, args: [r], annotation: nil), id: context.newOpID())
            seen.insert(t)
            args.append(t)
            if v.isVariable && v != r { replacements[v] = t }
        }
        return args
    }

    /// The number of operations emitted so far.
    var emittedCount: Int { output.ops.count }

    /// Drops the already emitted operation `k` from the result (a dead store found later).
    mutating func delete(emittedAt k: Int) { deleted.insert(k) }

    /// The output trace.
    func finish() -> TrackedTrace {
        guard !deleted.isEmpty else { return TrackedTrace(trace: output, opIDs: ids) }
        var t = output
        t.ops = output.ops.indices.filter { !deleted.contains($0) }.map { output.ops[$0] }
        return TrackedTrace(trace: t, opIDs: ids.indices.filter { !deleted.contains($0) }.map { ids[$0] })
    }
}
