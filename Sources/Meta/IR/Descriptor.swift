/// The `descr=` of an operation: what it reads, writes, allocates, calls or jumps to.
public enum Descriptor: Hashable, Sendable {
    case none
    /// A field (`getfield_gc_i`, `setfield_gc`), printed `descr=W_Int.intval`.
    case field(FieldDescriptor)
    /// A word outside the heap at a fixed address (`getfield_raw_i`), printed `descr=Runtime.interruptRequested`.
    case rawField(RawFieldDescriptor)
    /// The layout whose tail of 8-byte items (`Layout.fixedSize` on) an array operation indexes.
    case array(Layout)
    /// The layout that `new_with_vtable` allocates or that `guard_class` checks.
    case size(Layout)
    /// A residual call's function.
    case call(CallDescriptor)
    /// The loop a `label` starts or a `jump` goes to.
    case loop(LoopToken)
    /// The text of a `debug_merge_point` (`'run:5 #21 LOAD_FAST'`).
    case text(String)

    public var kind: DescriptorKind {
        switch self {
        case .none: return .none
        case .field: return .field
        case .rawField: return .rawField
        case .array: return .array
        case .size: return .size
        case .call: return .call
        case .loop: return .loop
        case .text: return .text
        }
    }
}

/// A residual (`dont_look_inside`) function a `call_*` operation calls: its name, the address of its C-convention
/// entry point, how many word arguments it takes (1 to 3, as `ResidualFunction1/2/3`) and what it may do to the
/// heap.
public struct CallDescriptor: Hashable, Sendable, CustomStringConvertible {
    /// What a residual function may do besides returning its result, for the optimizer.
    public enum Effect: Hashable, Sendable {
        /// May read and write any heap field, allocate, or raise (the safe default: nothing moves across it).
        case any
        /// May read the heap, allocate, collect or raise, but writes no field or array item of an existing object
        /// (a safepoint, a type check): what is known about the heap survives it; the call itself stays.
        case readsOnly
        /// RPython's `elidable`: the result depends only on the arguments and the call writes nothing, so equal
        /// calls may share one result and an unused call may be removed.
        case elidable

        /// The effect a residual function declares (`ResidualEffects`, what the tracer checks).
        public init(_ effects: ResidualEffects) {
            switch effects {
            case .readsOnly: self = .readsOnly
            case .any: self = .any
            }
        }
    }

    public let name: String
    /// The address of a `@convention(c)` function taking `arity` words and returning one.
    public let address: UInt
    public let arity: Int
    public let effect: Effect

    public init(name: String, address: UInt, arity: Int, effect: Effect = .any) {
        self.name = name
        self.address = address
        self.arity = arity
        self.effect = effect
    }
    public init(_ f: ResidualFunction1, effect: Effect? = nil) { self.init(name: f.name.description, address: unsafeBitCast(f.function, to: UInt.self), arity: 1, effect: effect ?? Effect(f.effects)) }
    public init(_ f: ResidualFunction2, effect: Effect? = nil) { self.init(name: f.name.description, address: unsafeBitCast(f.function, to: UInt.self), arity: 2, effect: effect ?? Effect(f.effects)) }
    public init(_ f: ResidualFunction3, effect: Effect? = nil) { self.init(name: f.name.description, address: unsafeBitCast(f.function, to: UInt.self), arity: 3, effect: effect ?? Effect(f.effects)) }

    public var description: String { name }
}

/// Names a loop (the target of `label` and `jump`), printed `Loop0`.
public struct LoopToken: Hashable, Sendable, CustomStringConvertible {
    public let number: Int
    public init(_ number: Int) { self.number = number }
    public var description: String { "Loop\(number)" }
}
