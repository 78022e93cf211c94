/// The recorder's API for appending to a trace: declare input arguments, intern constants, append operations and
/// guards and get their results back. Each call is an array append (no lookups except constant interning).
extension Trace {
    /// A new input argument of type `type`.
    public mutating func addInputArg(_ type: IRType) -> IRValue {
        let v = newVariable(type)
        inputArgs.append(v)
        return v
    }

    /// The interned integer constant `value`.
    public mutating func constInt(_ value: Int) -> IRValue { constant(.int(value)) }
    /// The interned reference constant `ref`.
    public mutating func constRef(_ ref: Ref) -> IRValue { constant(.ref(ref)) }
    /// The interned float constant `value`.
    public mutating func constFloat(_ value: Double) -> IRValue { constant(.float(value)) }

    /// Appends `opcode(args, descr)` and returns its result (`.none` for void opcodes). Use `appendGuard` for
    /// guards.
    @discardableResult
    public mutating func append(_ opcode: Opcode, _ args: [IRValue], descr: Descriptor = .none,
                                annotation: Annotation? = nil) -> IRValue {
        let type = opcode.info.result
        let result = type == .void ? IRValue.none : newVariable(type)
        ops.append(Operation(opcode, result: result, args: args, descr: descr, annotation: annotation))
        return result
    }

    /// Appends the guard `opcode(args, descr)` numbered `number` with its resume snapshot.
    public mutating func appendGuard(_ opcode: Opcode, _ args: [IRValue], descr: Descriptor = .none, number: Int,
                                     snapshot: Snapshot, annotation: Annotation? = nil) {
        ops.append(Operation(opcode, args: args, descr: descr, guardInfo: GuardInfo(number: number, snapshot: snapshot),
                             annotation: annotation))
    }
}
