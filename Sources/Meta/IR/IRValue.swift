/// An operand of an IR operation: a small integer naming either a *variable* (an input argument or an operation's
/// result, numbered in the trace; printed `i5`, `p3`, `f2`) or an interned *constant* of the trace's constant pool.
///
/// Encoding: `raw >= 0` is variable number `raw`; `raw < 0` is constant index `-raw - 1`; `Int32.min` is `none`
/// (the result of an operation that has none). Values are plain integers so that passes and the executor can index
/// flat arrays with them.
@frozen public struct IRValue: Hashable, Sendable, Comparable {
    public let raw: Int32

    @inlinable public init(raw: Int32) { self.raw = raw }
    /// Variable number `number`.
    @inlinable public static func variable(_ number: Int) -> IRValue { IRValue(raw: Int32(number)) }
    /// Constant pool entry `index`.
    @inlinable public static func constant(_ index: Int) -> IRValue { IRValue(raw: -Int32(index) - 1) }
    /// No value (the result of a void operation).
    public static let none = IRValue(raw: .min)

    @inlinable public var isNone: Bool { raw == .min }
    @inlinable public var isVariable: Bool { raw >= 0 }
    @inlinable public var isConstant: Bool { raw < 0 && raw != .min }
    /// The variable number (only for variables).
    @inlinable public var variableNumber: Int { Int(raw) }
    /// The constant pool index (only for constants).
    @inlinable public var constantIndex: Int { Int(-(raw + 1)) }

    @inlinable public static func < (a: IRValue, b: IRValue) -> Bool { a.raw < b.raw }
}

/// A concrete value of one of the IR's types: a constant of a trace, an input or fail argument of the executor.
/// Equality and hashing of floats go by bit pattern, so that interning keeps `0.0` and `-0.0` apart and finds NaN.
public enum ConcreteValue: Hashable, Sendable, CustomStringConvertible {
    case int(Int)
    case ref(Ref)
    case float(Double)

    public var type: IRType {
        switch self {
        case .int: return .int
        case .ref: return .ref
        case .float: return .float
        }
    }

    /// The value as the 64-bit word the executor and machine code hold (ints and refs as is, floats by bits).
    @inlinable public var word: UInt64 {
        switch self {
        case .int(let v): return UInt64(bitPattern: Int64(v))
        case .ref(let r): return UInt64(r.bits)
        case .float(let d): return d.bitPattern
        }
    }

    /// The value of type `type` held in `word`.
    @inlinable public init(word: UInt64, type: IRType) {
        switch type {
        case .int, .void: self = .int(Int(Int64(bitPattern: word)))
        case .ref: self = .ref(Ref(bits: UInt(word)))
        case .float: self = .float(Double(bitPattern: word))
        }
    }

    public static func == (a: ConcreteValue, b: ConcreteValue) -> Bool { a.type == b.type && a.word == b.word }
    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(word)
    }

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .ref(let r): return r.isNull ? "null" : "0x" + String(r.bits, radix: 16)
        case .float(let d): return IRFloatText.format(d)
        }
    }
}

/// The text of float constants in traces: Swift's shortest round-trip form (`1.5`, `1e-10`, `inf`, `nan`), which
/// the parser reads back bit-exactly (except NaN payloads).
enum IRFloatText {
    static func format(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        return d.description
    }
}
