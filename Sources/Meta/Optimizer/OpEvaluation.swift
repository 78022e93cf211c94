/// The value of a pure operation on constant arguments, computed exactly as the IR executor computes it (the
/// optimizer folds with these, so folding cannot change a result).
enum OpEvaluation {
    /// The result of pure `opcode` on `args`, or nil if `opcode` is not a foldable pure operation.
    static func pure(_ opcode: Opcode, _ args: [ConcreteValue]) -> ConcreteValue? {
        func i(_ k: Int) -> Int { Int(Int64(bitPattern: args[k].word)) }
        func f(_ k: Int) -> Double { Double(bitPattern: args[k].word) }
        func b(_ v: Bool) -> ConcreteValue { .int(v ? 1 : 0) }
        switch opcode {
        case .intAdd: return .int(i(0) &+ i(1))
        case .intSub: return .int(i(0) &- i(1))
        case .intMul: return .int(i(0) &* i(1))
        case .intAnd: return .int(i(0) & i(1))
        case .intOr: return .int(i(0) | i(1))
        case .intXor: return .int(i(0) ^ i(1))
        case .intLshift: return .int(i(0) << i(1))
        case .intRshift: return .int(i(0) >> i(1))
        case .intPyFloordiv: return .int(IntSemantics.floorDiv(i(0), i(1)))
        case .intPyMod: return .int(IntSemantics.mod(i(0), i(1)))
        case .intLt: return b(i(0) < i(1))
        case .intLe: return b(i(0) <= i(1))
        case .intEq: return b(i(0) == i(1))
        case .intNe: return b(i(0) != i(1))
        case .intGt: return b(i(0) > i(1))
        case .intGe: return b(i(0) >= i(1))
        case .intIsTrue: return b(i(0) != 0)
        case .intIsZero: return b(i(0) == 0)
        case .intNeg: return .int(0 &- i(0))
        case .floatAdd: return .float(f(0) + f(1))
        case .floatSub: return .float(f(0) - f(1))
        case .floatMul: return .float(f(0) * f(1))
        case .floatTruediv: return .float(f(0) / f(1))
        case .floatNeg: return .float(-f(0))
        case .floatLt: return b(f(0) < f(1))
        case .floatLe: return b(f(0) <= f(1))
        case .floatEq: return b(f(0) == f(1))
        case .floatNe: return b(f(0) != f(1))
        case .floatGt: return b(f(0) > f(1))
        case .floatGe: return b(f(0) >= f(1))
        case .castIntToFloat: return .float(Double(i(0)))
        case .ptrEq: return b(args[0].word == args[1].word)
        case .ptrNe: return b(args[0].word != args[1].word)
        case .sameAsI, .sameAsR, .sameAsF: return args[0]
        default: return nil
        }
    }

    /// The result of the overflow-checked `opcode` on `a` and `b` and whether it overflows.
    static func overflowChecked(_ opcode: Opcode, _ a: Int, _ b: Int) -> (value: Int, overflow: Bool)? {
        let r: (Int, Bool)
        switch opcode {
        case .intAddOvf: r = a.addingReportingOverflow(b)
        case .intSubOvf: r = a.subtractingReportingOverflow(b)
        case .intMulOvf: r = a.multipliedReportingOverflow(by: b)
        case .intLshiftOvf: r = IntSemantics.lshiftReportingOverflow(a, b)
        default: return nil
        }
        return (r.0, r.1)
    }

    /// The non-checking operation computing the same value as overflow-checked `opcode` when it does not overflow.
    static func unchecked(_ opcode: Opcode) -> Opcode? {
        switch opcode {
        case .intAddOvf: return .intAdd
        case .intSubOvf: return .intSub
        case .intMulOvf: return .intMul
        case .intLshiftOvf: return .intLshift
        default: return nil
        }
    }

    /// Whether the guard `opcode(args)` holds for these constant arguments (nil when that depends on more than
    /// the arguments, as for `guard_class`, the overflow guards and `guard_not_invalidated`).
    static func guardHolds(_ opcode: Opcode, _ args: [ConcreteValue]) -> Bool? {
        switch opcode {
        case .guardTrue: return args[0].word != 0
        case .guardFalse: return args[0].word == 0
        case .guardValue: return args[0].word == args[1].word
        case .guardNonnull: return args[0].word != 0
        case .guardIsnull: return args[0].word == 0
        default: return nil
        }
    }

    /// The zero of `type`: what a field of a fresh object holds.
    static func zero(_ type: IRType) -> ConcreteValue {
        switch type {
        case .ref: return .ref(.null)
        case .float: return .float(0)
        default: return .int(0)
        }
    }
}
