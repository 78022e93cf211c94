import BigInt

/// A compile-time constant, kept independent of the heap: the interpreter materialises these into guest objects
/// when a code object is first loaded.
public indirect enum Constant: Equatable, Sendable {
    case none
    case ellipsis
    case bool(Bool)
    case int(Int)
    case bigInt(BigInt)          // only for values outside Int's range
    case float(Double)
    case str(String)
    case tuple([Constant])
    case code(CodeObject)

    public static func == (a: Constant, b: Constant) -> Bool {
        switch (a, b) {
        case (.none, .none), (.ellipsis, .ellipsis): true
        case let (.bool(x), .bool(y)): x == y
        case let (.int(x), .int(y)): x == y
        case let (.bigInt(x), .bigInt(y)): x == y
        case let (.float(x), .float(y)): x.bitPattern == y.bitPattern
        case let (.str(x), .str(y)): x.utf8.elementsEqual(y.utf8)  // by code point, not canonical equivalence
        case let (.tuple(x), .tuple(y)): x == y
        case let (.code(x), .code(y)): x === y
        default: false
        }
    }
}

/// Flags of a code object (CPython's `co_flags` names).
public struct CodeFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }
    /// The function takes `*args` (its tuple is the local right after the positional and kw-only parameters).
    public static let varargs = CodeFlags(rawValue: 0x04)
    /// The function takes `**kwargs` (its dict is the local after `*args`, if any).
    public static let varkeywords = CodeFlags(rawValue: 0x08)
    /// Module or class body: names are looked up and stored through the frame's locals dict (LOAD_NAME/STORE_NAME).
    public static let usesLocalsDict = CodeFlags(rawValue: 0x1000)
}

/// A compiled unit (module, class body, function, lambda or comprehension), like CPython's code object.
///
/// Parameters come first in `varnames`: `argcount` positional ones, then `kwonlyargcount` keyword-only ones, then
/// `*args` and `**kwargs` if the flags say so. A parameter that is also a cell variable is copied into its cell on
/// entry (the interpreter matches `cellvars` names against parameter names).
public final class CodeObject: @unchecked Sendable, CustomStringConvertible {
    public let name: String
    public let qualname: String
    public let filename: String
    public let firstLine: Int
    public let argcount: Int
    public let kwonlyargcount: Int
    public let flags: CodeFlags
    public let varnames: [String]
    public let cellvars: [String]
    public let freevars: [String]
    public let names: [String]
    public let consts: [Constant]
    /// The instructions; stable storage so the dispatch loop can hold a raw pointer to it.
    public let code: UnsafeMutableBufferPointer<Instruction>
    /// Source line of each instruction (1-based).
    public let lines: [Int32]
    /// Source column of each instruction (1-based), for error messages and the Lab's views.
    public let columns: [Int32]
    public let exceptionTable: [ExceptionTableEntry]
    /// Maximum value-stack depth any path through `code` reaches.
    public let stackSize: Int

    /// Per-interpreter cache slot (materialised constants, interned names); owned by the runtime.
    public var runtimeData: AnyObject?

    public init(name: String, qualname: String, filename: String, firstLine: Int,
                argcount: Int, kwonlyargcount: Int, flags: CodeFlags,
                varnames: [String], cellvars: [String], freevars: [String], names: [String],
                consts: [Constant], instructions: [Instruction], lines: [Int32], columns: [Int32],
                exceptionTable: [ExceptionTableEntry], stackSize: Int) {
        precondition(lines.count == instructions.count && columns.count == instructions.count)
        self.name = name
        self.qualname = qualname
        self.filename = filename
        self.firstLine = firstLine
        self.argcount = argcount
        self.kwonlyargcount = kwonlyargcount
        self.flags = flags
        self.varnames = varnames
        self.cellvars = cellvars
        self.freevars = freevars
        self.names = names
        self.consts = consts
        let buffer = UnsafeMutableBufferPointer<Instruction>.allocate(capacity: max(instructions.count, 1))
        _ = buffer.initialize(from: instructions)
        self.code = UnsafeMutableBufferPointer(rebasing: buffer[0..<instructions.count])
        self.lines = lines
        self.columns = columns
        self.exceptionTable = exceptionTable
        self.stackSize = stackSize
    }

    deinit { UnsafeMutableBufferPointer(start: code.baseAddress, count: max(code.count, 1)).deallocate() }

    /// Number of parameters, counting `*args` and `**kwargs`.
    public var totalArgs: Int {
        argcount + kwonlyargcount + (flags.contains(.varargs) ? 1 : 0) + (flags.contains(.varkeywords) ? 1 : 0)
    }

    public var description: String { "<code object \(name), file \"\(filename)\", line \(firstLine)>" }
}
