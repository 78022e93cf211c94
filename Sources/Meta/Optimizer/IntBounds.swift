/// `intbounds`: integer range analysis. Each integer value gets a range from constants, from the operations that
/// compute it and from the guards it passed (`guard_true(int_lt(i, 100))` bounds `i` by 99 after the guard), and
/// the ranges
/// - turn an `*_ovf` operation that cannot overflow into the plain operation and remove its `guard_no_overflow`;
/// - fold comparisons (and `int_is_true`/`int_is_zero`) the ranges decide, and remove guards they prove;
/// - make a value known to be one number (`guard_true(int_eq(i, 3))`, `guard_value(i, 3)`) that constant.
///
/// Not done: ranges of floats, relations between two variables beyond the one a comparison states, and anything
/// across a label (the loop body starts with unknown ranges).
public struct IntBounds: OptimizationPass {
    public let name = "intbounds"
    public let summary = "integer ranges: remove overflow checks and guards they prove, fold comparisons"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var state = BoundsState(rw: TraceRewriter(input))
        let ops = input.trace.ops
        var k = 0
        while k < ops.count {
            k += state.visit(k, ops, &context)
        }
        return state.rw.finish()
    }
}

/// The ranges known at one point of the trace, and the rewriter.
private struct BoundsState {
    var rw: TraceRewriter
    var ranges: [IRValue: IntRange] = [:]
    /// The comparison that computed a 0/1 value: `(opcode, left, right)`.
    var comparisons: [IRValue: (Opcode, IRValue, IRValue)] = [:]

    init(rw: TraceRewriter) { self.rw = rw }

    func range(_ v: IRValue) -> IntRange {
        let v = rw.resolve(v)
        if case .int(let c)? = rw.constantValue(v) { return .exactly(c) }
        return ranges[v] ?? .full
    }

    mutating func narrow(_ v: IRValue, to r: IntRange) {
        let v = rw.resolve(v)
        guard v.isVariable, let n = range(v).intersection(r) else { return }
        if let c = n.constant {
            rw.replace(v, with: rw.constant(.int(c)))
        } else {
            ranges[v] = n
        }
    }

    /// Handles input operation `k`; returns how many input operations it consumed.
    mutating func visit(_ k: Int, _ ops: [Operation], _ context: inout OptimizationContext) -> Int {
        let op = rw.rewritten(ops[k])
        switch op.opcode {
        case .label:
            ranges = [:]
            comparisons = [:]
            rw.emitLabel(k, context: &context)
            return 1
        case .intAddOvf, .intSubOvf, .intMulOvf, .intLshiftOvf:
            let a = range(op.args[0]), b = range(op.args[1])
            let result: IntRange? = switch op.opcode {
            case .intAddOvf: IntRange.add(a, b)
            case .intSubOvf: IntRange.sub(a, b)
            case .intMulOvf: IntRange.mul(a, b)
            default: IntRange.lshift(a, b)
            }
            if let result, k + 1 < ops.count, ops[k + 1].opcode == .guardNoOverflow, let plain = OpEvaluation.unchecked(op.opcode) {
                var p = op
                p.opcode = plain
                rw.emit(p, id: rw.input.opIDs[k])
                ranges[op.result] = result
                return 2
            }
            rw.keep(k)
            return 1
        case .guardTrue, .guardFalse:
            let truth = op.opcode == .guardTrue
            let r = range(op.args[0])
            if truth ? !r.contains(0) : r.constant == 0 { return 1 }
            rw.keep(k)
            learn(op.args[0], isTrue: truth)
            return 1
        case .guardValue where rw.type(of: op.args[0]) == .int:
            if case .int(let c)? = rw.constantValue(op.args[1]) {
                if range(op.args[0]).constant == c { return 1 }
                rw.keep(k)
                narrow(op.args[0], to: .exactly(c))
            } else {
                rw.keep(k)
            }
            return 1
        default:
            break
        }
        if op.opcode.info.result == .int, let r = resultRange(op) {
            if let c = r.constant, op.opcode.info.isPure {
                rw.replace(op.result, with: rw.constant(.int(c)))
                return 1
            }
            ranges[op.result] = r
        }
        switch op.opcode {
        case .intLt, .intLe, .intGt, .intGe, .intEq, .intNe:
            comparisons[op.result] = (op.opcode, op.args[0], op.args[1])
        case .intIsTrue:
            comparisons[op.result] = (.intNe, op.args[0], rw.constant(.int(0)))
        case .intIsZero:
            comparisons[op.result] = (.intEq, op.args[0], rw.constant(.int(0)))
        default:
            break
        }
        rw.keep(k)
        return 1
    }

    /// The range of the result of a non-guard `op`, or nil when nothing is known.
    func resultRange(_ op: Operation) -> IntRange? {
        func arg(_ k: Int) -> IntRange { range(op.args[k]) }
        switch op.opcode {
        case .intAdd: return IntRange.add(arg(0), arg(1))
        case .intSub: return IntRange.sub(arg(0), arg(1))
        case .intMul: return IntRange.mul(arg(0), arg(1))
        case .intNeg: return IntRange.sub(.exactly(0), arg(0))
        case .intAnd:
            let a = arg(0), b = arg(1)
            if a.isNonNegative && b.isNonNegative { return IntRange(lo: 0, hi: min(a.hi, b.hi)) }
            if a.isNonNegative { return IntRange(lo: 0, hi: a.hi) }
            if b.isNonNegative { return IntRange(lo: 0, hi: b.hi) }
            return nil
        case .intRshift:
            let a = arg(0), b = arg(1)
            guard let s = b.constant, s >= 0, s < 64 else { return nil }
            return IntRange(lo: a.lo >> s, hi: a.hi >> s)
        case .intPyMod:
            guard let m = arg(1).constant, m != 0, m != -1 else { return nil }
            return m > 0 ? IntRange(lo: 0, hi: m - 1) : IntRange(lo: m + 1, hi: 0)
        case .intLt, .intLe, .intGt, .intGe, .intEq, .intNe:
            return decide(op.opcode, arg(0), arg(1)).map { .exactly($0 ? 1 : 0) } ?? .boolean
        case .intIsTrue:
            return decide(.intNe, arg(0), .exactly(0)).map { .exactly($0 ? 1 : 0) } ?? .boolean
        case .intIsZero:
            return decide(.intEq, arg(0), .exactly(0)).map { .exactly($0 ? 1 : 0) } ?? .boolean
        case .ptrEq, .ptrNe, .floatLt, .floatLe, .floatEq, .floatNe, .floatGt, .floatGe:
            return .boolean
        default:
            return nil
        }
    }

    /// The outcome of comparing values in `a` and `b`, when the ranges decide it.
    func decide(_ opcode: Opcode, _ a: IntRange, _ b: IntRange) -> Bool? {
        switch opcode {
        case .intLt: return a.hi < b.lo ? true : (a.lo >= b.hi ? false : nil)
        case .intLe: return a.hi <= b.lo ? true : (a.lo > b.hi ? false : nil)
        case .intGt: return decide(.intLt, b, a)
        case .intGe: return decide(.intLe, b, a)
        case .intEq:
            if let x = a.constant, let y = b.constant { return x == y }
            return a.intersection(b) == nil ? false : nil
        case .intNe: return decide(.intEq, a, b).map { !$0 }
        default: return nil
        }
    }

    /// What passing `guard_true(v)` (or `guard_false(v)`) tells about `v` and the operands of its comparison.
    mutating func learn(_ v: IRValue, isTrue: Bool) {
        let v = rw.resolve(v)
        if isTrue {
            let r = range(v)
            if r.lo == 0 { narrow(v, to: IntRange(lo: 1, hi: .max)) } else if r.hi == 0 { narrow(v, to: IntRange(lo: .min, hi: -1)) }
        } else {
            narrow(v, to: .exactly(0))
        }
        guard let (opcode, a, b) = comparisons[v] else { return }
        let holds: Opcode = isTrue ? opcode : negated(opcode)
        let ra = range(a), rb = range(b)
        switch holds {
        case .intLt:
            if rb.hi > .min { narrow(a, to: IntRange(lo: .min, hi: rb.hi - 1)) }
            if ra.lo < .max { narrow(b, to: IntRange(lo: ra.lo + 1, hi: .max)) }
        case .intLe:
            narrow(a, to: IntRange(lo: .min, hi: rb.hi))
            narrow(b, to: IntRange(lo: ra.lo, hi: .max))
        case .intGt:
            if ra.hi > .min { narrow(b, to: IntRange(lo: .min, hi: ra.hi - 1)) }
            if rb.lo < .max { narrow(a, to: IntRange(lo: rb.lo + 1, hi: .max)) }
        case .intGe:
            narrow(b, to: IntRange(lo: .min, hi: ra.hi))
            narrow(a, to: IntRange(lo: rb.lo, hi: .max))
        case .intEq:
            narrow(a, to: rb)
            narrow(b, to: ra)
        case .intNe:
            if let c = rb.constant { exclude(c, from: a) }
            if let c = ra.constant { exclude(c, from: b) }
        default:
            break
        }
    }

    /// Narrows `v`'s range when `c` is one of its ends.
    mutating func exclude(_ c: Int, from v: IRValue) {
        let r = range(v)
        if r.lo == c, c < .max { narrow(v, to: IntRange(lo: c + 1, hi: .max)) } else if r.hi == c, c > .min { narrow(v, to: IntRange(lo: .min, hi: c - 1)) }
    }

    func negated(_ opcode: Opcode) -> Opcode {
        switch opcode {
        case .intLt: return .intGe
        case .intLe: return .intGt
        case .intGt: return .intLe
        case .intGe: return .intLt
        case .intEq: return .intNe
        default: return .intEq
        }
    }
}
