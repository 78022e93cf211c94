/// The type of an IR value: `i` (64-bit integer), `r` (reference to a heap object), `f` (64-bit float), or `void`
/// for operations without a result.
public enum IRType: UInt8, Hashable, Sendable, CustomStringConvertible {
    case int
    case ref
    case float
    case void

    /// The prefix of a value's printed name, as in PyPy's logs: `i5`, `p3`, `f2`.
    public var namePrefix: Character {
        switch self {
        case .int: return "i"
        case .ref: return "p"
        case .float: return "f"
        case .void: return "v"
        }
    }

    /// The type of a heap field of kind `kind`.
    @inlinable public init(_ kind: FieldKind) {
        switch kind {
        case .int: self = .int
        case .ref: self = .ref
        case .float: self = .float
        }
    }

    public var description: String {
        switch self {
        case .int: return "i"
        case .ref: return "r"
        case .float: return "f"
        case .void: return "v"
        }
    }
}
