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
    func constRef(_ ref: Ref, at site: SourceSite) -> R
    func constInt(_ value: Int, at site: SourceSite) -> I

    // MARK: heap
    func getfieldR(_ object: R, _ field: FieldDescriptor, at site: SourceSite) -> R
    func getfieldI(_ object: R, _ field: FieldDescriptor, at site: SourceSite) -> I
    func getfieldF(_ object: R, _ field: FieldDescriptor, at site: SourceSite) -> F
    /// A word of runtime state outside the heap (`getfield_raw_i`): read again on every execution, never folded.
    func getfieldRawI(_ field: RawFieldDescriptor, at site: SourceSite) -> I
    func setfieldR(_ object: R, _ field: FieldDescriptor, _ value: R, at site: SourceSite)
    func setfieldI(_ object: R, _ field: FieldDescriptor, _ value: I, at site: SourceSite)
    func setfieldF(_ object: R, _ field: FieldDescriptor, _ value: F, at site: SourceSite)
    /// Item `index` of the reference tail of `object` (whose layout is `type`).
    func getarrayitemR(_ object: R, _ type: Layout, _ index: I, at site: SourceSite) -> R
    func setarrayitemR(_ object: R, _ type: Layout, _ index: I, _ value: R, at site: SourceSite)
    /// A new zeroed object of layout `type` (`new_with_vtable`); `nil` when the heap is exhausted.
    func new(_ type: Layout, at site: SourceSite) -> R?

    // MARK: type checks (branches)
    /// Whether `object`'s layout is `type` (`guard_class` when traced).
    func hasType(_ object: R, _ type: Layout, at site: SourceSite) -> Bool
    /// The layout id of `object`, made green (`guard_class` on the observed id when traced).
    func promoteTypeID(_ object: R, at site: SourceSite) -> UInt32
    /// Whether two references are the same object (`ptr_eq` + guard).
    func isSame(_ a: R, _ b: R, at site: SourceSite) -> Bool
    /// Whether `object` is the null reference (`guard_isnull`/`guard_nonnull`; residual calls return null on error).
    func isNull(_ object: R, at site: SourceSite) -> Bool

    // MARK: integer operations
    /// `a + b`, or `nil` on overflow (`int_add_ovf` + `guard_no_overflow`).
    func intAddOvf(_ a: I, _ b: I, at site: SourceSite) -> I?
    func intSubOvf(_ a: I, _ b: I, at site: SourceSite) -> I?
    func intMulOvf(_ a: I, _ b: I, at site: SourceSite) -> I?
    /// Floor division rounding toward negative infinity (Python's `//`); `nil` when `b` is 0 or the result
    /// overflows.
    func intFloorDiv(_ a: I, _ b: I, at site: SourceSite) -> I?
    /// Modulo with the sign of `b` (Python's `%`); `nil` when `b` is 0.
    func intMod(_ a: I, _ b: I, at site: SourceSite) -> I?
    /// `a << b`; `nil` when `b` is negative or the result overflows.
    func intLshiftOvf(_ a: I, _ b: I, at site: SourceSite) -> I?
    /// Arithmetic `a >> b`; `nil` when `b` is negative.
    func intRshift(_ a: I, _ b: I, at site: SourceSite) -> I?
    func intAnd(_ a: I, _ b: I, at site: SourceSite) -> I
    func intOr(_ a: I, _ b: I, at site: SourceSite) -> I
    func intXor(_ a: I, _ b: I, at site: SourceSite) -> I
    /// Comparisons produce a red 0/1, as RPython's `int_lt` does; branch on it with `isTrue`.
    func intLt(_ a: I, _ b: I, at site: SourceSite) -> I
    func intLe(_ a: I, _ b: I, at site: SourceSite) -> I
    func intEq(_ a: I, _ b: I, at site: SourceSite) -> I
    func intNe(_ a: I, _ b: I, at site: SourceSite) -> I
    func intGt(_ a: I, _ b: I, at site: SourceSite) -> I
    func intGe(_ a: I, _ b: I, at site: SourceSite) -> I
    /// Branch on a red integer (`guard_true`/`guard_false`).
    func isTrue(_ condition: I, at site: SourceSite) -> Bool
    /// Makes a red integer green (`guard_value`).
    func promote(_ value: I, at site: SourceSite) -> Int

    // MARK: float operations
    func floatAdd(_ a: F, _ b: F, at site: SourceSite) -> F
    func floatSub(_ a: F, _ b: F, at site: SourceSite) -> F
    func floatMul(_ a: F, _ b: F, at site: SourceSite) -> F
    func floatTrueDiv(_ a: F, _ b: F, at site: SourceSite) -> F
    func floatLt(_ a: F, _ b: F, at site: SourceSite) -> I
    func floatLe(_ a: F, _ b: F, at site: SourceSite) -> I
    func floatEq(_ a: F, _ b: F, at site: SourceSite) -> I
    func floatNe(_ a: F, _ b: F, at site: SourceSite) -> I
    func floatGt(_ a: F, _ b: F, at site: SourceSite) -> I
    func floatGe(_ a: F, _ b: F, at site: SourceSite) -> I
    func intToFloat(_ a: I, at site: SourceSite) -> F
    /// Whether a red float is zero (branch).
    func floatIsZero(_ a: F, at site: SourceSite) -> Bool

    // MARK: residual calls (`dont_look_inside`: AOT-compiled runtime functions, `call_r` when traced)
    /// Calls a runtime function; by convention a null result means it raised (the exception is pending).
    func callR(_ function: ResidualFunction1, _ a: R, at site: SourceSite) -> R
    func callR(_ function: ResidualFunction2, _ a: R, _ b: R, at site: SourceSite) -> R
    func callR(_ function: ResidualFunction3, _ a: R, _ b: R, _ c: R, at site: SourceSite) -> R

    // MARK: JIT hints (RPython's names)
    /// Whether this domain's hints look at the guest frames. When true, the interpreter saves the executing frame's
    /// pc and stack top in its frame record before each hint; the concrete domain says false and its hints are
    /// empty, so that bookkeeping compiles away (DESIGN §14: hints are free only when inlined).
    static var observesFrames: Bool { get }
    /// Whether this domain records a trace. Handlers whose concrete fast path calls the runtime directly (a global
    /// lookup, a method lookup, a call) take an equivalent path through domain operations when this is true; the
    /// concrete domain says false and the test folds away.
    static var isTracing: Bool { get }
    /// Called at the start of every guest instruction; for counting domains (the concrete domain's is empty and
    /// compiles away).
    mutating func instructionStarted()
    /// `jit_merge_point`: the top of the dispatch loop, before each guest instruction. The greens are `code` (the
    /// identity of the guest's code object, opaque to the framework) and `pc`; `depth` is the number of guest frames
    /// (inlined calls and returns change it). Returns true when the dispatch loop must return to the JIT driver
    /// (a trace closed or was aborted) with the frames as they are.
    mutating func jitMergePoint(code: UnsafeRawPointer, pc: Int, depth: Int) -> Bool
    /// The handler is about to do something a trace cannot replay (a direct runtime call, a value computed outside
    /// the domain): a tracing domain aborts the trace with `reason` and keeps executing concretely until the next
    /// merge point. Called before the handler's first effect.
    mutating func notTraceable(_ reason: StaticString)
    /// The handler relies on `assumption` holding (it used a value the assumption guarantees as a constant): a
    /// tracing domain notes it for the trace and records `guard_not_invalidated` unless one was recorded since the
    /// last residual call that may invalidate. Called before the handler's first effect. Other domains do nothing.
    mutating func assume(_ assumption: Assumption, at site: SourceSite)
    /// RPython's `isconstant`: whether a tracing domain knows `value` as a constant of the trace (so that reading
    /// it with `concrete` records no guard). False in domains that do not trace.
    func isConstant(_ value: R) -> Bool
    /// The executing frame (at `depth`) is about to return to its caller.
    mutating func frameReturns(depth: Int)
    /// The interpreter published the stack top for a residual call (the runtime's nested calls start above it).
    /// A tracer whose frame slots live in memory records it, so compiled code publishes it too.
    mutating func stackTopPublished(at site: SourceSite)

    // MARK: the guest frame (virtualizable): locals and the value stack of the executing frame
    /// Makes the frame whose locals start at `locals` (stack pointer `sp`) the executing one.
    mutating func switchFrame(locals: UnsafeMutablePointer<Ref>, sp: UnsafeMutablePointer<Ref>)
    /// The executing frame's stack pointer in the shared value stack (for calls, GC roots and unwinding).
    var stackTop: UnsafeMutablePointer<Ref> { get set }
    /// Makes a red reference green (`guard_value` when traced): used where the interpreter must know the
    /// object itself, such as the callee of a call.
    func concrete(_ value: R, at site: SourceSite) -> Ref
    func local(_ index: Int, at site: SourceSite) -> R
    mutating func setLocal(_ index: Int, _ value: R, at site: SourceSite)
    mutating func push(_ value: R, at site: SourceSite)
    mutating func pop(at site: SourceSite) -> R
    /// The value `depth` entries below the top (0 is the top).
    func peek(_ depth: Int, at site: SourceSite) -> R
    mutating func poke(_ depth: Int, _ value: R, at site: SourceSite)
}

/// The call-site form of every operation: `d.getfieldI(o, f)` in an interpreter handler passes the handler's own
/// `#fileID`/`#line` along, so domains that observe or record (the Lab's stepping, the meta-tracer's cross-layer
/// annotations) know which line of the interpreter's source performed the operation. The concrete domain ignores
/// the site, and once inlined it costs nothing.
extension Domain {
    @inlinable @inline(__always) public func constRef(_ ref: Ref, file: StaticString = #fileID, line: UInt = #line) -> R { constRef(ref, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func constInt(_ value: Int, file: StaticString = #fileID, line: UInt = #line) -> I { constInt(value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func getfieldR(_ object: R, _ field: FieldDescriptor, file: StaticString = #fileID, line: UInt = #line) -> R { getfieldR(object, field, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func getfieldI(_ object: R, _ field: FieldDescriptor, file: StaticString = #fileID, line: UInt = #line) -> I { getfieldI(object, field, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func getfieldF(_ object: R, _ field: FieldDescriptor, file: StaticString = #fileID, line: UInt = #line) -> F { getfieldF(object, field, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func getfieldRawI(_ field: RawFieldDescriptor, file: StaticString = #fileID, line: UInt = #line) -> I { getfieldRawI(field, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func setfieldR(_ object: R, _ field: FieldDescriptor, _ value: R, file: StaticString = #fileID, line: UInt = #line) { setfieldR(object, field, value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func setfieldI(_ object: R, _ field: FieldDescriptor, _ value: I, file: StaticString = #fileID, line: UInt = #line) { setfieldI(object, field, value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func setfieldF(_ object: R, _ field: FieldDescriptor, _ value: F, file: StaticString = #fileID, line: UInt = #line) { setfieldF(object, field, value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func getarrayitemR(_ object: R, _ type: Layout, _ index: I, file: StaticString = #fileID, line: UInt = #line) -> R { getarrayitemR(object, type, index, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func setarrayitemR(_ object: R, _ type: Layout, _ index: I, _ value: R, file: StaticString = #fileID, line: UInt = #line) { setarrayitemR(object, type, index, value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func new(_ type: Layout, file: StaticString = #fileID, line: UInt = #line) -> R? { new(type, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func hasType(_ object: R, _ type: Layout, file: StaticString = #fileID, line: UInt = #line) -> Bool { hasType(object, type, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func promoteTypeID(_ object: R, file: StaticString = #fileID, line: UInt = #line) -> UInt32 { promoteTypeID(object, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func isSame(_ a: R, _ b: R, file: StaticString = #fileID, line: UInt = #line) -> Bool { isSame(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func isNull(_ object: R, file: StaticString = #fileID, line: UInt = #line) -> Bool { isNull(object, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intAddOvf(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intAddOvf(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intSubOvf(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intSubOvf(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intMulOvf(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intMulOvf(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intFloorDiv(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intFloorDiv(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intMod(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intMod(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intLshiftOvf(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intLshiftOvf(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intRshift(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I? { intRshift(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intAnd(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intAnd(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intOr(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intOr(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intXor(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intXor(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intLt(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intLt(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intLe(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intLe(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intEq(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intEq(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intNe(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intNe(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intGt(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intGt(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intGe(_ a: I, _ b: I, file: StaticString = #fileID, line: UInt = #line) -> I { intGe(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func isTrue(_ condition: I, file: StaticString = #fileID, line: UInt = #line) -> Bool { isTrue(condition, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func promote(_ value: I, file: StaticString = #fileID, line: UInt = #line) -> Int { promote(value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatAdd(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> F { floatAdd(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatSub(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> F { floatSub(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatMul(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> F { floatMul(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatTrueDiv(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> F { floatTrueDiv(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatLt(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> I { floatLt(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatLe(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> I { floatLe(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatEq(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> I { floatEq(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatNe(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> I { floatNe(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatGt(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> I { floatGt(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatGe(_ a: F, _ b: F, file: StaticString = #fileID, line: UInt = #line) -> I { floatGe(a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func intToFloat(_ a: I, file: StaticString = #fileID, line: UInt = #line) -> F { intToFloat(a, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func floatIsZero(_ a: F, file: StaticString = #fileID, line: UInt = #line) -> Bool { floatIsZero(a, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func callR(_ function: ResidualFunction1, _ a: R, file: StaticString = #fileID, line: UInt = #line) -> R { callR(function, a, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func callR(_ function: ResidualFunction2, _ a: R, _ b: R, file: StaticString = #fileID, line: UInt = #line) -> R { callR(function, a, b, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func callR(_ function: ResidualFunction3, _ a: R, _ b: R, _ c: R, file: StaticString = #fileID, line: UInt = #line) -> R { callR(function, a, b, c, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public mutating func stackTopPublished(file: StaticString = #fileID, line: UInt = #line) { stackTopPublished(at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public mutating func assume(_ assumption: Assumption, file: StaticString = #fileID, line: UInt = #line) { assume(assumption, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func concrete(_ value: R, file: StaticString = #fileID, line: UInt = #line) -> Ref { concrete(value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func local(_ index: Int, file: StaticString = #fileID, line: UInt = #line) -> R { local(index, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public mutating func setLocal(_ index: Int, _ value: R, file: StaticString = #fileID, line: UInt = #line) { setLocal(index, value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public mutating func push(_ value: R, file: StaticString = #fileID, line: UInt = #line) { push(value, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public mutating func pop(file: StaticString = #fileID, line: UInt = #line) -> R { pop(at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public func peek(_ depth: Int, file: StaticString = #fileID, line: UInt = #line) -> R { peek(depth, at: SourceSite(file: file, line: line)) }
    @inlinable @inline(__always) public mutating func poke(_ depth: Int, _ value: R, file: StaticString = #fileID, line: UInt = #line) { poke(depth, value, at: SourceSite(file: file, line: line)) }
}

/// A place in the interpreter's Swift source: the file (`#fileID`) and line of a domain operation's call.
@frozen public struct SourceSite: Hashable, Sendable, CustomStringConvertible {
    public let file: StaticString
    public let line: UInt
    @inlinable public init(file: StaticString, line: UInt) { self.file = file; self.line = line }
    public var description: String { "\(file):\(line)" }
    public static func == (a: SourceSite, b: SourceSite) -> Bool { a.line == b.line && "\(a.file)" == "\(b.file)" }
    public func hash(into h: inout Hasher) { h.combine(line); h.combine("\(file)") }
}

/// What a residual function may do besides computing its result, for the tracer's "a handler checks, then acts"
/// rule: a guard may follow a call that only reads (re-executing the bytecode after the guard fails repeats no
/// effect), but after a call with effects only its exception check may.
public enum ResidualEffects: Sendable {
    /// Reads the heap, writes nothing, runs no guest code (`elidable` in RPython when also deterministic).
    case readsOnly
    /// May write the heap, allocate visibly, or run guest code.
    case any
}

/// A runtime function with one reference argument, called from interpreted or compiled code: a C-convention
/// function (machine code calls it with the System V ABI) taking and returning references as words, and the name
/// traces print (`call_r(ConstClass(name), ...)`). Plain values: passing one costs no reference counting.
public struct ResidualFunction1: Sendable {
    public let name: StaticString
    public let function: @convention(c) (UInt) -> UInt
    public let effects: ResidualEffects
    public init(_ name: StaticString, effects: ResidualEffects = .any, _ function: @convention(c) (UInt) -> UInt) {
        self.name = name; self.function = function; self.effects = effects
    }
}

/// A runtime function with two reference arguments (see `ResidualFunction1`).
public struct ResidualFunction2: Sendable {
    public let name: StaticString
    public let function: @convention(c) (UInt, UInt) -> UInt
    public let effects: ResidualEffects
    public init(_ name: StaticString, effects: ResidualEffects = .any, _ function: @convention(c) (UInt, UInt) -> UInt) {
        self.name = name; self.function = function; self.effects = effects
    }
}

/// A runtime function with three reference arguments (see `ResidualFunction1`).
public struct ResidualFunction3: Sendable {
    public let name: StaticString
    public let function: @convention(c) (UInt, UInt, UInt) -> UInt
    public let effects: ResidualEffects
    public init(_ name: StaticString, effects: ResidualEffects = .any, _ function: @convention(c) (UInt, UInt, UInt) -> UInt) {
        self.name = name; self.function = function; self.effects = effects
    }
}
