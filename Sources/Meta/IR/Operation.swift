/// One IR operation: `result = opcode(args, descr=...)`, plus a guard's resume data and the cross-layer
/// annotation. A plain value: passes rewrite traces by building new operation arrays.
public struct Operation: Hashable, Sendable {
    public var opcode: Opcode
    /// The variable this operation defines, or `.none` for void operations.
    public var result: IRValue
    public var args: [IRValue]
    public var descr: Descriptor
    /// Set exactly for guards.
    public var guardInfo: GuardInfo?
    public var annotation: Annotation?

    public init(_ opcode: Opcode, result: IRValue = .none, args: [IRValue], descr: Descriptor = .none,
                guardInfo: GuardInfo? = nil, annotation: Annotation? = nil) {
        self.opcode = opcode
        self.result = result
        self.args = args
        self.descr = descr
        self.guardInfo = guardInfo
        self.annotation = annotation
    }
}
