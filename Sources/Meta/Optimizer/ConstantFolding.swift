/// `fold`: constant folding, algebraic simplification and common-subexpression elimination of pure operations.
///
/// - A pure operation on constants becomes its constant (computed as the executor computes it); `x + 0`,
///   `x * 1`, `x - x`, `x == x`, `same_as(x)`, `int_is_true` of a comparison and the like become their operand
///   or constant.
/// - An `*_ovf` operation that provably does not overflow (constant operands, or adding zero, multiplying by one)
///   becomes its value and its `guard_no_overflow` goes.
/// - A pure operation (or an `elidable` residual call) equal to an earlier one reuses its result; so does an
///   `*_ovf` operation equal to an earlier one whose `guard_no_overflow` passed, with its guard.
/// - A guard on constants that always holds goes (`guard_true(1)`, `guard_value(5, 5)`).
///
/// Not done: floating-point identities (NaN and -0.0 make most of them wrong), reassociation, folding calls.
/// Knowledge ends at a label: the loop body is a new iteration.
public struct ConstantFolding: OptimizationPass {
    public let name = "fold"
    public let summary = "constant folding, algebraic identities and CSE of pure operations"
    public init() {}

    /// An operation as CSE compares it.
    private struct Key: Hashable {
        let opcode: Opcode
        let args: [IRValue]
        let descr: Descriptor
    }

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var rw = TraceRewriter(input)
        var available: [Key: IRValue] = [:]
        var booleans = Set<IRValue>()
        let ops = input.trace.ops
        var k = 0
        while k < ops.count {
            let op = rw.rewritten(ops[k])
            let info = op.opcode.info
            let followedByNoOverflowGuard = k + 1 < ops.count && ops[k + 1].opcode == .guardNoOverflow
            if op.opcode == .label {
                available = [:]
                booleans = []
                rw.emitLabel(k, context: &context)
            } else if info.isPure || isElidableCall(op) {
                if let r = simplified(op, &rw, booleans: booleans) {
                    rw.replace(op.result, with: r)
                } else {
                    let key = Key(opcode: op.opcode, args: canonicalArgs(op), descr: op.descr)
                    if let r = available[key] {
                        rw.replace(op.result, with: r)
                    } else {
                        available[key] = op.result
                        if isComparison(op.opcode) { booleans.insert(op.result) }
                        rw.keep(k)
                    }
                }
            } else if op.opcode.isOverflowChecked, followedByNoOverflowGuard {
                let key = Key(opcode: op.opcode, args: canonicalArgs(op), descr: op.descr)
                if let r = overflowFree(op, &rw) ?? available[key] {
                    rw.replace(op.result, with: r)
                    k += 2
                    continue
                }
                available[key] = op.result
                rw.keep(k)
            } else if info.isGuard, let holds = guardOnConstants(op, rw), holds {
                // Always holds: nothing to check.
            } else {
                rw.keep(k)
            }
            k += 1
        }
        return rw.finish()
    }

    private func isElidableCall(_ op: Operation) -> Bool {
        if case .call(let c) = op.descr, c.effect == .elidable, op.opcode != .callN { return true }
        return false
    }

    private func canonicalArgs(_ op: Operation) -> [IRValue] {
        switch op.opcode {
        case .intAdd, .intMul, .intAnd, .intOr, .intXor, .intEq, .intNe, .ptrEq, .ptrNe,
             .intAddOvf, .intMulOvf:
            return op.args.sorted()
        default:
            return op.args
        }
    }

    /// Whether the guard `op` holds, when its arguments are constants that decide it.
    private func guardOnConstants(_ op: Operation, _ rw: TraceRewriter) -> Bool? {
        let values = op.args.compactMap { rw.constantValue($0) }
        guard values.count == op.args.count, !values.isEmpty else { return nil }
        return OpEvaluation.guardHolds(op.opcode, values)
    }

    /// The value of `op` if it is a constant or one of its operands.
    private func simplified(_ op: Operation, _ rw: inout TraceRewriter, booleans: Set<IRValue>) -> IRValue? {
        let consts = op.args.map { rw.constantValue($0) }
        if !op.args.isEmpty, consts.allSatisfy({ $0 != nil }), let v = OpEvaluation.pure(op.opcode, consts.map { $0! }) {
            return rw.constant(v)
        }
        func int(_ k: Int) -> Int? { if case .int(let v)? = consts[k] { return v } else { return nil } }
        let same = op.args.count == 2 && op.args[0] == op.args[1]
        switch op.opcode {
        case .sameAsI, .sameAsR, .sameAsF:
            return op.args[0]
        case .intAdd, .intOr, .intXor:
            if same && op.opcode == .intXor { return rw.constant(.int(0)) }
            if same && op.opcode == .intOr { return op.args[0] }
            if int(1) == 0 { return op.args[0] }
            if int(0) == 0 { return op.args[1] }
        case .intSub:
            if same { return rw.constant(.int(0)) }
            if int(1) == 0 { return op.args[0] }
        case .intMul:
            if int(1) == 1 { return op.args[0] }
            if int(0) == 1 { return op.args[1] }
            if int(0) == 0 || int(1) == 0 { return rw.constant(.int(0)) }
        case .intAnd:
            if same { return op.args[0] }
            if int(0) == 0 || int(1) == 0 { return rw.constant(.int(0)) }
            if int(1) == -1 { return op.args[0] }
            if int(0) == -1 { return op.args[1] }
        case .intLshift, .intRshift:
            if int(1) == 0 { return op.args[0] }
        case .intEq, .intLe, .intGe, .ptrEq:
            if same { return rw.constant(.int(1)) }
        case .intNe, .intLt, .intGt, .ptrNe:
            if same { return rw.constant(.int(0)) }
        case .intIsTrue:
            if booleans.contains(op.args[0]) { return op.args[0] }
        default:
            break
        }
        return nil
    }

    /// The value of the `*_ovf` operation `op` when it cannot overflow.
    private func overflowFree(_ op: Operation, _ rw: inout TraceRewriter) -> IRValue? {
        let a = rw.constantValue(op.args[0]), b = rw.constantValue(op.args[1])
        if case .int(let x)? = a, case .int(let y)? = b {
            guard let (v, overflow) = OpEvaluation.overflowChecked(op.opcode, x, y), !overflow else { return nil }
            return rw.constant(.int(v))
        }
        switch (op.opcode, a, b) {
        case (.intAddOvf, _, .int(0)?), (.intSubOvf, _, .int(0)?), (.intMulOvf, _, .int(1)?), (.intLshiftOvf, _, .int(0)?):
            return op.args[0]
        case (.intAddOvf, .int(0)?, _), (.intMulOvf, .int(1)?, _):
            return op.args[1]
        default:
            return nil
        }
    }

    /// Whether `opcode` computes 0 or 1.
    private func isComparison(_ opcode: Opcode) -> Bool {
        switch opcode {
        case .intLt, .intLe, .intEq, .intNe, .intGt, .intGe, .intIsTrue, .intIsZero, .ptrEq, .ptrNe,
             .floatLt, .floatLe, .floatEq, .floatNe, .floatGt, .floatGe:
            return true
        default:
            return false
        }
    }
}
