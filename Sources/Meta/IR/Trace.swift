/// A linear trace: its input arguments, its operations in order, the type of every variable and the interned
/// constants its operations use.
///
/// A loop starts with (or, once peeled, contains) a `label` and ends with a `jump` back to it; a bridge starts at
/// a failing guard of another trace and ends with a `jump` to a loop or a `finish`. Variables are numbered in one
/// sequence per trace (input arguments first); after a pass removes operations the numbering may have gaps.
public struct Trace: Sendable {
    /// What a trace is.
    public enum Kind: Hashable, Sendable {
        case loop
        /// A bridge attached to the guard numbered `fromGuard`.
        case bridge(fromGuard: Int)
    }

    public var kind: Kind
    /// The loop's number (`# Loop 3`), or the bridge's.
    public var number: Int
    /// Where the trace starts, for its header (`run:5 #12 LOAD_FAST`); empty when unknown.
    public var name: String
    public var inputArgs: [IRValue]
    public var ops: [Operation]
    /// The type of every variable number (`void` for numbers no longer defined).
    public private(set) var variableTypes: [IRType]
    /// The constant pool; `IRValue.constant(i)` is `constants[i]`.
    public private(set) var constants: [ConcreteValue]
    private var constantIndex: [ConcreteValue: Int32]

    public init(kind: Kind = .loop, number: Int = 0, name: String = "") {
        self.kind = kind
        self.number = number
        self.name = name
        self.inputArgs = []
        self.ops = []
        self.variableTypes = []
        self.constants = []
        self.constantIndex = [:]
    }

    /// The type of `value` (`void` for `.none`).
    @inlinable public func type(of value: IRValue) -> IRType {
        if value.isVariable {
            return value.variableNumber < variableTypes.count ? variableTypes[value.variableNumber] : .void
        }
        if value.isConstant { return value.constantIndex < constants.count ? constants[value.constantIndex].type : .void }
        return .void
    }

    /// The constant `value` stands for, if it is one.
    public func constantValue(_ value: IRValue) -> ConcreteValue? {
        value.isConstant && value.constantIndex < constants.count ? constants[value.constantIndex] : nil
    }

    /// The interned constant `value`.
    public mutating func constant(_ value: ConcreteValue) -> IRValue {
        if let i = constantIndex[value] { return IRValue(raw: -i - 1) }
        let i = Int32(constants.count)
        constants.append(value)
        constantIndex[value] = i
        return IRValue(raw: -i - 1)
    }

    /// A fresh variable of type `type` (not yet defined by any operation).
    public mutating func newVariable(_ type: IRType) -> IRValue {
        variableTypes.append(type)
        return .variable(variableTypes.count - 1)
    }

    /// Declares variable `number` with `type` (the parser keeps the numbers of the text). Returns false if the
    /// number is already declared.
    mutating func declareVariable(_ number: Int, _ type: IRType) -> Bool {
        if number < variableTypes.count {
            if variableTypes[number] != .void { return false }
        } else {
            variableTypes.append(contentsOf: repeatElement(.void, count: number + 1 - variableTypes.count))
        }
        variableTypes[number] = type
        return true
    }

    /// How many variable numbers are in use (the size of an executor's register file for variables).
    public var variableCount: Int { variableTypes.count }

    /// How many operations of each category the trace holds.
    public var categoryCounts: OpCategoryCounts {
        var counts = OpCategoryCounts()
        for op in ops { counts.counts[op.opcode.info.category.rawValue] += 1 }
        return counts
    }
}

/// Numbers of operations per `OpCategory`.
public struct OpCategoryCounts: Hashable, Sendable {
    var counts = [Int](repeating: 0, count: OpCategory.allCases.count)
    public init() {}
    public subscript(category: OpCategory) -> Int { counts[category.rawValue] }
    public var total: Int { counts.reduce(0, +) }
    /// Adds another trace's counts (totals over several loops).
    public static func += (a: inout OpCategoryCounts, b: OpCategoryCounts) {
        for i in a.counts.indices { a.counts[i] += b.counts[i] }
    }
}
