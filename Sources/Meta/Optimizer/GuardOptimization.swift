/// `guards`: guard removal and strengthening from what earlier guards established.
///
/// - What a passed guard proves stays known: after `guard_class(p, C)` (or `p = new_with_vtable(C)`) the class
///   of `p` is `C` and `p` is not null, so a later `guard_class(p, C)` or `guard_nonnull(p)` goes; a repeated
///   `guard_true(i)` goes; the class of a constant object is read from its header.
/// - A guard that pins a value makes it a constant for everything after it, resume snapshots included:
///   `guard_value(x, c)` makes `x` the constant `c`, `guard_false(i)` makes `i` 0, `guard_isnull(p)` makes `p`
///   null.
/// - Strengthening: `guard_nonnull(p)` directly followed (with only pure operations between) by
///   `guard_class(p, C)` with the same resume snapshot is dropped: `guard_class` fails on null too, and it fails to
///   the same resume point.
///
/// - `guard_not_invalidated` (an assumption check) repeated with no residual call that may invalidate (one with
///   `.any` effects) since the last one goes. A label starts afresh: code may jump to it from elsewhere (a
///   bridge), so a loop body keeps its own first check.
///
/// Guards are never moved, so none can end up before a side effect it followed. Classes and nullness are
/// properties of values, not of memory, so residual calls do not invalidate them; a label does.
public struct GuardOptimization: OptimizationPass {
    public let name = "guards"
    public let summary = "remove guards earlier guards prove, make guarded values constants, merge null and class checks"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var rw = TraceRewriter(input)
        var classes: [IRValue: UInt32] = [:]
        var nonnull = Set<IRValue>()
        var truthy = Set<IRValue>()
        var invalidationChecked = false
        let ops = input.trace.ops

        func classID(_ v: IRValue) -> UInt32? {
            if case .ref(let r)? = rw.constantValue(v) { return r.isNull ? nil : Heap.typeID(of: r) }
            return classes[v]
        }
        func isNonnull(_ v: IRValue) -> Bool {
            if case .ref(let r)? = rw.constantValue(v) { return !r.isNull }
            return nonnull.contains(v)
        }

        for k in ops.indices {
            let op = rw.rewritten(ops[k])
            let a = op.args.first ?? .none
            switch op.opcode {
            case .label:
                classes = [:]
                nonnull = []
                truthy = []
                invalidationChecked = false
                rw.emitLabel(k, context: &context)
                continue
            case .guardNotInvalidated:
                if invalidationChecked { continue }
                invalidationChecked = true
            case _ where Self.mayInvalidate(op):
                invalidationChecked = false
            case .newWithVtable:
                if case .size(let layout) = op.descr { classes[op.result] = layout.id }
                nonnull.insert(op.result)
            case .guardClass:
                guard case .size(let layout) = op.descr else { break }
                if classID(a) == layout.id { continue }
                classes[a] = layout.id
                nonnull.insert(a)
            case .guardNonnull:
                if isNonnull(a) || isMergedIntoClassGuard(k, ops, rw) { continue }
                nonnull.insert(a)
            case .guardIsnull:
                if case .ref(let r)? = rw.constantValue(a), r.isNull { continue }
                rw.keep(k)
                if a.isVariable { rw.replace(a, with: rw.constant(.ref(.null))) }
                continue
            case .guardValue:
                if let x = rw.constantValue(a), let c = rw.constantValue(op.args[1]), x == c { continue }
                rw.keep(k)
                if a.isVariable { rw.replace(a, with: op.args[1]) }
                continue
            case .guardTrue:
                if truthy.contains(a) { continue }
                if let c = rw.constantValue(a), c.word != 0 { continue }
                truthy.insert(a)
            case .guardFalse:
                if case .int(0)? = rw.constantValue(a) { continue }
                rw.keep(k)
                if a.isVariable { rw.replace(a, with: rw.constant(.int(0))) }
                continue
            default:
                break
            }
            rw.keep(k)
        }
        return rw.finish()
    }

    /// Whether `op` is a residual call that may run code that breaks assumptions.
    private static func mayInvalidate(_ op: Operation) -> Bool {
        if case .call(let f) = op.descr { return f.effect == .any }
        return false
    }

    /// Whether the `guard_nonnull` at `k` is directly followed, across pure operations only, by a `guard_class` on
    /// the same value with the same resume snapshot.
    private func isMergedIntoClassGuard(_ k: Int, _ ops: [Operation], _ rw: TraceRewriter) -> Bool {
        let target = rw.resolve(ops[k].args[0])
        guard let snapshot = ops[k].guardInfo?.snapshot else { return false }
        var j = k + 1
        while j < ops.count, ops[j].opcode.info.isPure || ops[j].opcode == .debugMergePoint { j += 1 }
        guard j < ops.count, ops[j].opcode == .guardClass, rw.resolve(ops[j].args[0]) == target,
              let other = ops[j].guardInfo?.snapshot else { return false }
        return rw.rewritten(snapshot) == rw.rewritten(other)
    }
}
