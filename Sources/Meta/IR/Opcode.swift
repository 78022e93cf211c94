/// The statistics category of an operation (DESIGN §11: IR ops by category before and after optimization).
public enum OpCategory: Int, CaseIterable, Sendable, CustomStringConvertible {
    case guardCheck, int, float, memory, allocation, call, control, debug

    public var description: String {
        switch self {
        case .guardCheck: return "guard"
        case .int: return "int"
        case .float: return "float"
        case .memory: return "memory"
        case .allocation: return "allocation"
        case .call: return "call"
        case .control: return "control"
        case .debug: return "debug"
        }
    }
}

/// Which descriptor an opcode takes.
public enum DescriptorKind: Sendable {
    case none, field, rawField, array, size, call, loop, text
}

/// The IR's operations, named after RPython's resoperations. `Opcode.info` gives each one's metadata.
public enum Opcode: UInt8, CaseIterable, Sendable, CustomStringConvertible {
    // control and debug
    case label, jump, finish, debugMergePoint
    // integers
    case intAdd, intSub, intMul, intAnd, intOr, intXor, intLshift, intRshift, intPyFloordiv, intPyMod
    case intAddOvf, intSubOvf, intMulOvf, intLshiftOvf
    case intLt, intLe, intEq, intNe, intGt, intGe, intIsTrue, intIsZero, intNeg
    // floats
    case floatAdd, floatSub, floatMul, floatTruediv, floatNeg
    case floatLt, floatLe, floatEq, floatNe, floatGt, floatGe, castIntToFloat
    // references
    case ptrEq, ptrNe
    // memory
    case getfieldGcI, getfieldGcR, getfieldGcF, setfieldGc, getarrayitemGcI, getarrayitemGcR, setarrayitemGc
    case getfieldRawI
    // allocation
    case newWithVtable
    // residual calls
    case callI, callR, callF, callN
    // copies
    case sameAsI, sameAsR, sameAsF
    // guards
    case guardTrue, guardFalse, guardClass, guardValue, guardNonnull, guardIsnull, guardNoOverflow, guardOverflow
    case guardNotInvalidated

    /// The metadata of this opcode.
    @inlinable public var info: OpInfo { OpInfo.table[Int(rawValue)] }
    /// The resoperation name (`int_add_ovf`).
    public var name: String { info.name }
    public var description: String { info.name }

    /// The opcode called `name`, if any.
    public static func named(_ name: String) -> Opcode? { byName[name] }
    private static let byName: [String: Opcode] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })

    /// Whether this is one of the `*_ovf` operations a `guard_no_overflow`/`guard_overflow` must follow.
    public var isOverflowChecked: Bool {
        switch self {
        case .intAddOvf, .intSubOvf, .intMulOvf, .intLshiftOvf: return true
        default: return false
        }
    }
}

/// What the optimizer, the verifier, the statistics and the backend need to know about an opcode.
public struct OpInfo: Sendable {
    public let name: String
    /// The result type (`void` for none).
    public let result: IRType
    /// The argument types, or `nil` when the arity or the types depend on the descriptor or are free
    /// (`label`, `jump`, `finish`, `setfield_gc`, `setarrayitem_gc`, `guard_value`, `call_*`).
    public let arguments: [IRType]?
    public let descriptor: DescriptorKind
    /// No side effects and the result depends only on the arguments (CSE and constant folding may apply).
    public let isPure: Bool
    public let isGuard: Bool
    /// Writes memory, calls out, or transfers control (may not be removed even if the result is unused).
    public let hasSideEffects: Bool
    /// May allocate and so let the next safepoint collect (allocation and residual calls).
    public let canCollect: Bool
    public let category: OpCategory

    /// The fixed arity, or `nil` when it varies.
    public var arity: Int? { arguments?.count }

    private init(_ name: String, _ result: IRType, _ arguments: [IRType]?, _ category: OpCategory,
                 descr: DescriptorKind = .none, pure: Bool = false, effects: Bool = false, collects: Bool = false) {
        self.name = name
        self.result = result
        self.arguments = arguments
        self.descriptor = descr
        self.isPure = pure
        self.isGuard = category == .guardCheck
        self.hasSideEffects = effects
        self.canCollect = collects
        self.category = category
    }

    private static func intBinary(_ name: String) -> OpInfo { OpInfo(name, .int, [.int, .int], .int, pure: true) }
    private static func floatBinary(_ name: String) -> OpInfo { OpInfo(name, .float, [.float, .float], .float, pure: true) }
    private static func floatCompare(_ name: String) -> OpInfo { OpInfo(name, .int, [.float, .float], .float, pure: true) }
    private static func guardOn(_ name: String, _ arguments: [IRType]?, descr: DescriptorKind = .none) -> OpInfo {
        OpInfo(name, .void, arguments, .guardCheck, descr: descr, effects: true)
    }

    /// Indexed by `Opcode.rawValue`.
    public static let table: [OpInfo] = Opcode.allCases.map { op -> OpInfo in
        switch op {
        case .label: return OpInfo("label", .void, nil, .control, descr: .loop, effects: true)
        case .jump: return OpInfo("jump", .void, nil, .control, descr: .loop, effects: true)
        case .finish: return OpInfo("finish", .void, nil, .control, effects: true)
        case .debugMergePoint: return OpInfo("debug_merge_point", .void, [.int], .debug, descr: .text)
        case .intAdd: return intBinary("int_add")
        case .intSub: return intBinary("int_sub")
        case .intMul: return intBinary("int_mul")
        case .intAnd: return intBinary("int_and")
        case .intOr: return intBinary("int_or")
        case .intXor: return intBinary("int_xor")
        case .intLshift: return intBinary("int_lshift")
        case .intRshift: return intBinary("int_rshift")
        case .intPyFloordiv: return intBinary("int_py_floordiv")
        case .intPyMod: return intBinary("int_py_mod")
        case .intAddOvf: return OpInfo("int_add_ovf", .int, [.int, .int], .int)
        case .intSubOvf: return OpInfo("int_sub_ovf", .int, [.int, .int], .int)
        case .intMulOvf: return OpInfo("int_mul_ovf", .int, [.int, .int], .int)
        case .intLshiftOvf: return OpInfo("int_lshift_ovf", .int, [.int, .int], .int)
        case .intLt: return intBinary("int_lt")
        case .intLe: return intBinary("int_le")
        case .intEq: return intBinary("int_eq")
        case .intNe: return intBinary("int_ne")
        case .intGt: return intBinary("int_gt")
        case .intGe: return intBinary("int_ge")
        case .intIsTrue: return OpInfo("int_is_true", .int, [.int], .int, pure: true)
        case .intIsZero: return OpInfo("int_is_zero", .int, [.int], .int, pure: true)
        case .intNeg: return OpInfo("int_neg", .int, [.int], .int, pure: true)
        case .floatAdd: return floatBinary("float_add")
        case .floatSub: return floatBinary("float_sub")
        case .floatMul: return floatBinary("float_mul")
        case .floatTruediv: return floatBinary("float_truediv")
        case .floatNeg: return OpInfo("float_neg", .float, [.float], .float, pure: true)
        case .floatLt: return floatCompare("float_lt")
        case .floatLe: return floatCompare("float_le")
        case .floatEq: return floatCompare("float_eq")
        case .floatNe: return floatCompare("float_ne")
        case .floatGt: return floatCompare("float_gt")
        case .floatGe: return floatCompare("float_ge")
        case .castIntToFloat: return OpInfo("cast_int_to_float", .float, [.int], .float, pure: true)
        case .ptrEq: return OpInfo("ptr_eq", .int, [.ref, .ref], .int, pure: true)
        case .ptrNe: return OpInfo("ptr_ne", .int, [.ref, .ref], .int, pure: true)
        case .getfieldGcI: return OpInfo("getfield_gc_i", .int, [.ref], .memory, descr: .field)
        case .getfieldGcR: return OpInfo("getfield_gc_r", .ref, [.ref], .memory, descr: .field)
        case .getfieldGcF: return OpInfo("getfield_gc_f", .float, [.ref], .memory, descr: .field)
        case .setfieldGc: return OpInfo("setfield_gc", .void, nil, .memory, descr: .field, effects: true)
        // Not pure: the word changes behind the trace's back (a signal handler, an allocation in a call).
        case .getfieldRawI: return OpInfo("getfield_raw_i", .int, [], .memory, descr: .rawField)
        case .getarrayitemGcI: return OpInfo("getarrayitem_gc_i", .int, [.ref, .int], .memory, descr: .array)
        case .getarrayitemGcR: return OpInfo("getarrayitem_gc_r", .ref, [.ref, .int], .memory, descr: .array)
        case .setarrayitemGc: return OpInfo("setarrayitem_gc", .void, nil, .memory, descr: .array, effects: true)
        case .newWithVtable: return OpInfo("new_with_vtable", .ref, [], .allocation, descr: .size, collects: true)
        case .callI: return OpInfo("call_i", .int, nil, .call, descr: .call, effects: true, collects: true)
        case .callR: return OpInfo("call_r", .ref, nil, .call, descr: .call, effects: true, collects: true)
        case .callF: return OpInfo("call_f", .float, nil, .call, descr: .call, effects: true, collects: true)
        case .callN: return OpInfo("call_n", .void, nil, .call, descr: .call, effects: true, collects: true)
        case .sameAsI: return OpInfo("same_as_i", .int, [.int], .int, pure: true)
        case .sameAsR: return OpInfo("same_as_r", .ref, [.ref], .memory, pure: true)
        case .sameAsF: return OpInfo("same_as_f", .float, [.float], .float, pure: true)
        case .guardTrue: return guardOn("guard_true", [.int])
        case .guardFalse: return guardOn("guard_false", [.int])
        case .guardClass: return guardOn("guard_class", [.ref], descr: .size)
        case .guardValue: return guardOn("guard_value", nil)
        case .guardNonnull: return guardOn("guard_nonnull", [.ref])
        case .guardIsnull: return guardOn("guard_isnull", [.ref])
        case .guardNoOverflow: return guardOn("guard_no_overflow", [])
        case .guardOverflow: return guardOn("guard_overflow", [])
        case .guardNotInvalidated: return guardOn("guard_not_invalidated", [])
        }
    }
}
