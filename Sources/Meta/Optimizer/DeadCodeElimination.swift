/// `dce`: dead-code elimination. Removes every operation whose result nothing uses — no later operation, no
/// resume snapshot (fail arguments and virtuals' fields), no label or jump — and that has no effect of its own:
/// pure operations, loads, `elidable` calls, allocations whose object is never used. Kept always: guards, stores,
/// other calls, control flow, `debug_merge_point`, and an `*_ovf` operation its overflow guard depends on.
public struct DeadCodeElimination: OptimizationPass {
    public let name = "dce"
    public let summary = "remove operations whose results are never used"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        let ops = input.trace.ops
        var live = Set<IRValue>()
        var keep = [Bool](repeating: true, count: ops.count)
        for k in ops.indices.reversed() {
            let op = ops[k]
            if isRemovable(op, followedBy: k + 1 < ops.count ? ops[k + 1] : nil), !live.contains(op.result) {
                keep[k] = false
                continue
            }
            for a in op.args where a.isVariable { live.insert(a) }
            if let g = op.guardInfo { live.formUnion(g.snapshot.failArgs) }
        }
        var t = input.trace
        t.ops = ops.indices.filter { keep[$0] }.map { ops[$0] }
        return TrackedTrace(trace: t, opIDs: ops.indices.filter { keep[$0] }.map { input.opIDs[$0] })
    }

    private func isRemovable(_ op: Operation, followedBy next: Operation?) -> Bool {
        let info = op.opcode.info
        if info.result == .void || info.isGuard { return false }
        if op.opcode.isOverflowChecked { return !(next?.opcode == .guardNoOverflow || next?.opcode == .guardOverflow) }
        if case .call(let c) = op.descr { return c.effect == .elidable }
        return !info.hasSideEffects
    }
}
