/// Something that watches an interpreter run under `ObservingDomain`: the Lab's stepping engine, later anything
/// else that wants to see execution op by op. The framework reports; the observer decides what to do (it may stop
/// and run a command loop inside the callback, then return to let execution go on). Meta itself never prints.
public protocol DomainObserver: AnyObject {
    /// Whether `performed` should be called for every primitive operation. Reporting builds an event per
    /// operation, so observers say no while they only need merge points (running to a breakpoint).
    var observesOperations: Bool { get }
    /// `jit_merge_point`: the interpreter is about to execute instruction `pc` of the guest code `code`; the
    /// executing frame's record holds its pc and stack top.
    func mergePoint(code: UnsafeRawPointer, pc: Int)
    /// A primitive operation has just been performed; `stackTop` is the executing frame's stack pointer after it.
    func performed(_ operation: ObservedOperation, stackTop: UnsafeMutablePointer<Ref>)
}

/// One primitive operation as it executed: its name (the `Domain` method, as the interpreter's source spells it),
/// its operands, its result and the line of the interpreter that performed it.
public struct ObservedOperation {
    public let name: StaticString
    public let operands: [ObservedValue]
    /// Nil for operations without a result (stores, pushes).
    public let result: ObservedValue?
    public let site: SourceSite

    public init(name: StaticString, operands: [ObservedValue], result: ObservedValue?, site: SourceSite) {
        self.name = name
        self.operands = operands
        self.result = result
        self.site = site
    }
}

/// A value an observed operation took or produced. References stay references: only the guest language knows how
/// to describe its objects.
public enum ObservedValue {
    case ref(Ref)
    case int(Int)
    case float(Double)
    case bool(Bool)
    case layout(Layout)
    case field(FieldDescriptor)
    case rawField(RawFieldDescriptor)
    /// A residual (runtime) function, by the name traces print.
    case function(StaticString)
    /// An optional result that was absent: overflow, a zero divisor, an exhausted heap.
    case absent
}
