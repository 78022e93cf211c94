/// Where in the guest program an operation was recorded: the guest function, bytecode offset, bytecode name and
/// source line.
public struct GuestLocation: Hashable, Sendable {
    public var function: String
    public var pc: Int
    public var bytecode: String
    public var line: Int

    public init(function: String, pc: Int, bytecode: String, line: Int) {
        self.function = function
        self.pc = pc
        self.bytecode = bytecode
        self.line = line
    }
}

/// Where in the interpreter an operation was recorded: the `#fileID` and `#line` of the handler's domain call.
public struct InterpreterLocation: Hashable, Sendable {
    public var file: String
    public var line: Int

    public init(file: String, line: Int) {
        self.file = file
        self.line = line
    }
}

/// The cross-layer annotation of a recorded operation (DESIGN §5): the guest location and the interpreter location
/// it came from, either of which may be unknown.
public struct Annotation: Hashable, Sendable {
    public var guest: GuestLocation?
    public var interpreter: InterpreterLocation?

    public init(guest: GuestLocation? = nil, interpreter: InterpreterLocation? = nil) {
        self.guest = guest
        self.interpreter = interpreter
    }
}
