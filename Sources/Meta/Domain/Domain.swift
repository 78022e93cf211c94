/// The primitive operations a guest interpreter is written against — the *domain* of DESIGN §1.
///
/// A guest language's interpreter is written once, generic over `Domain`. Reading it with `ConcreteDomain` runs
/// the program (the plain interpreter). Later domains read the same handlers differently: the meta-tracer
/// executes each operation *and* records it as IR; the partial evaluator evaluates it symbolically.
///
/// Binding time is visible in the types: greens (the code object, the pc, the bytecode) are plain Swift values the
/// interpreter reads directly; reds (guest values, frame contents, heap) are the domain's `R`, `I` and `F` and go
/// through these operations. Operations returning `Bool` are *branches on red values*: a tracing domain turns each
/// into a guard on the outcome it observed.
public protocol Domain {
    /// A red reference (a guest object).
    associatedtype R
    /// A red 64-bit integer.
    associatedtype I
    /// A red 64-bit float.
    associatedtype F

    // MARK: constants (green to red)
    func constRef(_ ref: Ref) -> R
    func constInt(_ value: Int) -> I

    // MARK: heap
    func getfieldR(_ object: R, _ field: FieldDescriptor) -> R
    func getfieldI(_ object: R, _ field: FieldDescriptor) -> I
    func getfieldF(_ object: R, _ field: FieldDescriptor) -> F
    func setfieldR(_ object: R, _ field: FieldDescriptor, _ value: R)
    func setfieldI(_ object: R, _ field: FieldDescriptor, _ value: I)
    func setfieldF(_ object: R, _ field: FieldDescriptor, _ value: F)
    /// Item `index` of the reference tail of `object` (whose layout is `type`).
    func getarrayitemR(_ object: R, _ type: Layout, _ index: I) -> R
    func setarrayitemR(_ object: R, _ type: Layout, _ index: I, _ value: R)
    /// A new zeroed object of layout `type` (`new_with_vtable`); `nil` when the heap is exhausted.
    func new(_ type: Layout) -> R?

    // MARK: type checks (branches)
    /// Whether `object`'s layout is `type` (`guard_class` when traced).
    func hasType(_ object: R, _ type: Layout) -> Bool
    /// The layout id of `object`, made green (`guard_class` on the observed id when traced).
    func promoteTypeID(_ object: R) -> UInt32
    /// Whether two references are the same object (`ptr_eq` + guard).
    func isSame(_ a: R, _ b: R) -> Bool
    /// Whether `object` is the null reference (`guard_isnull`/`guard_nonnull`; residual calls return null on error).
    func isNull(_ object: R) -> Bool

    // MARK: integer operations
    /// `a + b`, or `nil` on overflow (`int_add_ovf` + `guard_no_overflow`).
    func intAddOvf(_ a: I, _ b: I) -> I?
    func intSubOvf(_ a: I, _ b: I) -> I?
    func intMulOvf(_ a: I, _ b: I) -> I?
    /// Floor division rounding toward negative infinity (Python's `//`); `nil` when `b` is 0 or the result
    /// overflows.
    func intFloorDiv(_ a: I, _ b: I) -> I?
    /// Modulo with the sign of `b` (Python's `%`); `nil` when `b` is 0.
    func intMod(_ a: I, _ b: I) -> I?
    /// `a << b`; `nil` when `b` is negative or the result overflows.
    func intLshiftOvf(_ a: I, _ b: I) -> I?
    /// Arithmetic `a >> b`; `nil` when `b` is negative.
    func intRshift(_ a: I, _ b: I) -> I?
    func intAnd(_ a: I, _ b: I) -> I
    func intOr(_ a: I, _ b: I) -> I
    func intXor(_ a: I, _ b: I) -> I
    /// Comparisons produce a red 0/1, as RPython's `int_lt` does; branch on it with `isTrue`.
    func intLt(_ a: I, _ b: I) -> I
    func intLe(_ a: I, _ b: I) -> I
    func intEq(_ a: I, _ b: I) -> I
    func intNe(_ a: I, _ b: I) -> I
    func intGt(_ a: I, _ b: I) -> I
    func intGe(_ a: I, _ b: I) -> I
    /// Branch on a red integer (`guard_true`/`guard_false`).
    func isTrue(_ condition: I) -> Bool
    /// Makes a red integer green (`guard_value`).
    func promote(_ value: I) -> Int

    // MARK: float operations
    func floatAdd(_ a: F, _ b: F) -> F
    func floatSub(_ a: F, _ b: F) -> F
    func floatMul(_ a: F, _ b: F) -> F
    func floatTrueDiv(_ a: F, _ b: F) -> F
    func floatLt(_ a: F, _ b: F) -> I
    func floatLe(_ a: F, _ b: F) -> I
    func floatEq(_ a: F, _ b: F) -> I
    func floatNe(_ a: F, _ b: F) -> I
    func floatGt(_ a: F, _ b: F) -> I
    func floatGe(_ a: F, _ b: F) -> I
    func intToFloat(_ a: I) -> F
    /// Whether a red float is zero (branch).
    func floatIsZero(_ a: F) -> Bool

    // MARK: residual calls (`dont_look_inside`: AOT-compiled runtime functions, `call_r` when traced)
    /// Calls a runtime function; by convention a null result means it raised (the exception is pending).
    func callR(_ function: ResidualFunction1, _ a: R) -> R
    func callR(_ function: ResidualFunction2, _ a: R, _ b: R) -> R
    func callR(_ function: ResidualFunction3, _ a: R, _ b: R, _ c: R) -> R

    // MARK: the guest frame (virtualizable): locals and the value stack of the executing frame
    /// Makes the frame whose locals start at `locals` (stack pointer `sp`) the executing one.
    mutating func switchFrame(locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>)
    /// The executing frame's stack pointer in the shared value stack (for calls, GC roots and unwinding).
    var stackTop: UnsafeMutablePointer<Ref> { get set }
    /// Makes a red reference green (`guard_value` when traced): used where the interpreter must know the
    /// object itself, such as the callee of a call.
    func concrete(_ value: R) -> Ref
    func local(_ index: Int) -> R
    mutating func setLocal(_ index: Int, _ value: R)
    mutating func push(_ value: R)
    mutating func pop() -> R
    /// The value `depth` entries below the top (0 is the top).
    func peek(_ depth: Int) -> R
    mutating func poke(_ depth: Int, _ value: R)
}

/// A runtime function with one reference argument, called from interpreted or compiled code: a C-convention
/// function (machine code calls it with the System V ABI) taking and returning references as words, and the name
/// traces print (`call_r(ConstClass(name), ...)`). Plain values: passing one costs no reference counting.
public struct ResidualFunction1: Sendable {
    public let name: StaticString
    public let function: @convention(c) (UInt) -> UInt
    public init(_ name: StaticString, _ function: @convention(c) (UInt) -> UInt) { self.name = name; self.function = function }
}

/// A runtime function with two reference arguments (see `ResidualFunction1`).
public struct ResidualFunction2: Sendable {
    public let name: StaticString
    public let function: @convention(c) (UInt, UInt) -> UInt
    public init(_ name: StaticString, _ function: @convention(c) (UInt, UInt) -> UInt) { self.name = name; self.function = function }
}

/// A runtime function with three reference arguments (see `ResidualFunction1`).
public struct ResidualFunction3: Sendable {
    public let name: StaticString
    public let function: @convention(c) (UInt, UInt, UInt) -> UInt
    public init(_ name: StaticString, _ function: @convention(c) (UInt, UInt, UInt) -> UInt) { self.name = name; self.function = function }
}
