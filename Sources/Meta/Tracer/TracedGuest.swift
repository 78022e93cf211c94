/// One guest frame as the recorder sees it: where its slots are and what to call it in snapshots.
public struct GuestFrameView {
    /// Opaque to the framework: the guest names its code objects (and, for inlined calls, the function run).
    public var codeID: Int
    public var codeName: String
    /// The frame's code as the greens of `jitMergePoint` name it.
    public var code: UnsafeRawPointer
    /// The instruction the frame resumes at (for the executing frame, the one being recorded).
    public var pc: Int
    /// The frame's locals (and cells): `localCount` slots from `locals`.
    public var locals: UnsafeMutablePointer<Ref>
    public var localCount: Int
    /// The value stack from `stackBase`; `stackTop` is the stack top saved at the frame's last merge point.
    public var stackBase: UnsafeMutablePointer<Ref>
    public var stackTop: UnsafeMutablePointer<Ref>

    public init(codeID: Int, codeName: String, code: UnsafeRawPointer, pc: Int, locals: UnsafeMutablePointer<Ref>, localCount: Int,
                stackBase: UnsafeMutablePointer<Ref>, stackTop: UnsafeMutablePointer<Ref>) {
        self.codeID = codeID
        self.codeName = codeName
        self.code = code
        self.pc = pc
        self.locals = locals
        self.localCount = localCount
        self.stackBase = stackBase
        self.stackTop = stackTop
    }
}

/// What the recorder asks the guest language: its frames (for input arguments and resume snapshots), how to name
/// a bytecode position, and which data is immutable (reads of it from constants fold away).
public protocol TracedGuest: AnyObject {
    /// The frame at `depth` (1 is the outermost).
    func frame(atDepth depth: Int) -> GuestFrameView
    /// The guest location of instruction `pc` of `code` (the greens of `jitMergePoint`).
    func location(code: UnsafeRawPointer, pc: Int) -> GuestLocation
    /// Whether `field` never changes once its object is built.
    func isImmutable(_ field: FieldDescriptor) -> Bool
    /// Whether the reference tail of objects of `layout` never changes once built (tuples).
    func hasImmutableItems(_ layout: Layout) -> Bool
    /// The runtime function that publishes the stack top (its arguments: the root frame's slot array and the
    /// index of the top slot in it), for traces of non-virtualizable frames.
    var publishStackTop: ResidualFunction2 { get }
}
