/// MiniPy's stack bytecode, in the style of CPython 3.10 (separate `BINARY_*`/`INPLACE_*` opcodes, as on the
/// seed talk's slides) with CPython 3.11's exception table instead of a block stack.
///
/// Conventions used in the comments below: the stack is written bottom → top, `TOS` is the top, `TOS1` the one
/// below. Every jump argument is an **absolute instruction index** (the disassembler shows it as a byte offset,
/// `index * 2`, like CPython's wordcode). `names[i]`, `consts[i]`, `varnames[i]` index the code object's tables;
/// `deref i` indexes `cellvars + freevars`.
public enum Opcode: UInt8, CaseIterable, Sendable {
    // MARK: stack manipulation
    case NOP
    case POP_TOP            // [a] -> []
    case ROT_TWO            // [a b] -> [b a]
    case ROT_THREE          // [a b c] -> [c a b]
    case ROT_FOUR           // [a b c d] -> [d a b c]
    case DUP_TOP            // [a] -> [a a]
    case DUP_TOP_TWO        // [a b] -> [a b a b]

    // MARK: names
    case LOAD_CONST         // arg: consts index. [] -> [v]
    case LOAD_FAST          // arg: varnames index. Raises UnboundLocalError if unset.
    case STORE_FAST         // arg: varnames index. [v] -> []
    case DELETE_FAST        // arg: varnames index
    case LOAD_DEREF         // arg: deref index (cellvars + freevars). NameError/UnboundLocalError if empty.
    case STORE_DEREF        // arg: deref index. [v] -> []
    case DELETE_DEREF       // arg: deref index
    case LOAD_CLOSURE       // arg: deref index. Pushes the cell object itself (for MAKE_FUNCTION's closure tuple).
    case LOAD_GLOBAL        // arg: names index. Module globals, then builtins. NameError if neither.
    case STORE_GLOBAL       // arg: names index
    case DELETE_GLOBAL      // arg: names index
    case LOAD_NAME          // arg: names index. Frame's locals dict (module/class body), then globals, then builtins.
    case STORE_NAME         // arg: names index. Into the frame's locals dict.
    case DELETE_NAME        // arg: names index
    case LOAD_ATTR          // arg: names index. [obj] -> [obj.name]
    case STORE_ATTR         // arg: names index. [v obj] -> []   (obj.name = v)
    case DELETE_ATTR        // arg: names index. [obj] -> []
    case LOAD_METHOD        // arg: names index. [obj] -> [func obj] when `name` is a plain function found on
                            // type(obj) (unbound method + self), else [NULL boundvalue].
    case CALL_METHOD        // arg: argc. [func-or-NULL self-or-callable a1..an] -> [result]

    // MARK: operators
    case UNARY_POSITIVE     // [a] -> [+a]
    case UNARY_NEGATIVE     // [a] -> [-a]
    case UNARY_NOT          // [a] -> [not a]
    case UNARY_INVERT       // [a] -> [~a]
    case BINARY_ADD         // [a b] -> [a + b]   (and likewise for every BINARY_* / INPLACE_* below)
    case BINARY_SUBTRACT
    case BINARY_MULTIPLY
    case BINARY_TRUE_DIVIDE
    case BINARY_FLOOR_DIVIDE
    case BINARY_MODULO
    case BINARY_POWER
    case BINARY_LSHIFT
    case BINARY_RSHIFT
    case BINARY_AND
    case BINARY_OR
    case BINARY_XOR
    case INPLACE_ADD        // [a b] -> [a += b]: tries __iadd__ (lists extend in place), then falls back to +
    case INPLACE_SUBTRACT
    case INPLACE_MULTIPLY
    case INPLACE_TRUE_DIVIDE
    case INPLACE_FLOOR_DIVIDE
    case INPLACE_MODULO
    case INPLACE_POWER
    case INPLACE_LSHIFT
    case INPLACE_RSHIFT
    case INPLACE_AND
    case INPLACE_OR
    case INPLACE_XOR
    case BINARY_SUBSCR      // [a i] -> [a[i]]
    case STORE_SUBSCR       // [v a i] -> []   (a[i] = v)
    case DELETE_SUBSCR      // [a i] -> []
    case BUILD_SLICE        // arg: 2 or 3. [lo hi] or [lo hi step] -> [slice]
    case COMPARE_OP         // arg: CompareOp.rawValue. [a b] -> [a op b]
    case IS_OP              // arg: 0 `is`, 1 `is not`. [a b] -> [bool]
    case CONTAINS_OP        // arg: 0 `in`, 1 `not in`. [a b] -> [a in b]

    // MARK: control flow (all targets are absolute instruction indices)
    case JUMP_FORWARD       // arg: target (> this index)
    case JUMP_BACKWARD      // arg: target (<= this index). The loop back-edge: the `can_enter_jit` point.
    case POP_JUMP_IF_FALSE  // arg: target. [c] -> []
    case POP_JUMP_IF_TRUE   // arg: target. [c] -> []
    case JUMP_IF_FALSE_OR_POP // arg: target. [c] -> [c] and jump if falsy, else [] and fall through
    case JUMP_IF_TRUE_OR_POP  // arg: target. [c] -> [c] and jump if truthy, else []
    case GET_ITER           // [x] -> [iter(x)]
    case FOR_ITER           // arg: target. [it] -> [it next] ; when exhausted: [] and jump to target

    // MARK: building values
    case BUILD_TUPLE        // arg: n. [a1..an] -> [(a1..an)]
    case BUILD_LIST         // arg: n
    case BUILD_SET          // arg: n
    case BUILD_MAP          // arg: n pairs. [k1 v1 .. kn vn] -> [dict]
    case LIST_APPEND        // arg: i. [.. list(at depth i) .. v] -> pops v, list.append(v); list is at stack[-i] after the pop
    case SET_ADD            // arg: i. like LIST_APPEND for sets
    case MAP_ADD            // arg: i. [.. dict .. k v] -> pops k, v; dict[k] = v; dict at stack[-i] after the pops
    case LIST_EXTEND        // arg: i. pops iterable, extends the list at stack[-i]
    case LIST_TO_TUPLE      // [list] -> [tuple]
    case DICT_MERGE         // arg: i. pops mapping, merges into dict at stack[-i] (TypeError on duplicate keys: call **kwargs)
    case DICT_UPDATE        // arg: i. pops mapping, updates dict at stack[-i] (display `{**a}`)
    case UNPACK_SEQUENCE    // arg: n. [seq] -> [vn .. v1]  (v1 on top). ValueError on wrong length.
    case UNPACK_EX          // arg: before | (after << 8). `a, *b, c = seq`: pushes after-items, the list, then before-items, first on top.
    case FORMAT_VALUE       // arg: conversion (0 none, 1 str, 2 repr, 3 ascii) | 0x04 if a format spec is on the stack.
                            // [v] or [v spec] -> [formatted str]
    case BUILD_STRING       // arg: n. concatenates n strs

    // MARK: functions, classes, modules
    case MAKE_FUNCTION      // arg: flags 0x01 defaults tuple, 0x02 kw-only defaults dict, 0x08 closure tuple.
                            // [defaults? kwdefaults? closure? code] -> [function]  (qualname comes from the code object)
    case CALL_FUNCTION      // arg: argc. [f a1..an] -> [result]
    case CALL_FUNCTION_KW   // arg: argc (positional + keyword values). [f a1..an kwnames-tuple] -> [result]; the
                            // last len(kwnames) values are the keyword arguments.
    case CALL_FUNCTION_EX   // arg: 0x01 if a kwargs dict is on the stack. [f argstuple kwargs?] -> [result]
    case RETURN_VALUE       // [v] -> returns v
    case LOAD_BUILD_CLASS   // [] -> [__build_class__]; called as __build_class__(body_function, name, *bases)
    case IMPORT_NAME        // arg: names index (dotted name). [level fromlist] -> [module]: the top-level package
                            // when fromlist is None, else the named (sub)module itself.
    case IMPORT_FROM        // arg: names index. [module] -> [module module.name] (ImportError if missing)
    case IMPORT_STAR        // [module] -> []  (copies public names into the frame's locals dict)

    // MARK: exceptions (see ExceptionTableEntry)
    case RAISE_VARARGS      // arg: 0 (re-raise the exception being handled), 1 [exc], 2 [exc cause]
    case LOAD_ASSERTION_ERROR // [] -> [AssertionError]
    case PUSH_EXC_INFO      // [exc] -> [prev exc]; the handled exception becomes exc (prev: the one handled before, or None)
    case POP_EXCEPT         // [prev] -> []; the handled exception becomes prev again
    case JUMP_IF_NOT_EXC_MATCH // arg: target. [exc type-or-tuple] -> []; jumps unless isinstance(exc, type)
    case RERAISE            // [exc] -> raises exc again (keeps its traceback)
}

/// The comparison selected by `COMPARE_OP`'s argument.
public enum CompareOp: Int32, Sendable {
    case lt = 0, le, eq, ne, gt, ge

    /// The comparison of a `COMPARE_OP` argument the compiler wrote. Always inlined: the dispatch loop is too
    /// large for the optimizer to inline the synthesized `init(rawValue:)` there.
    @inline(__always) init(operand: Int32) { self = CompareOp(rawValue: operand).unsafelyUnwrapped }

    /// The operator as written in source (`<`, `<=`, ...).
    public var symbol: String {
        switch self {
        case .lt: "<"
        case .le: "<="
        case .eq: "=="
        case .ne: "!="
        case .gt: ">"
        case .ge: ">="
        }
    }
}

extension Opcode {
    /// For a `BINARY_*` or `INPLACE_*` opcode: its operator, and whether it is the in-place form. Always inlined:
    /// the dispatch loop is too large for the optimizer to inline the synthesized `rawValue` and
    /// `BinaryOp.init(rawValue:)` there (the calls were 3 % of a call-heavy benchmark), so neither is used.
    @inline(__always) var binaryOperation: (op: BinaryOp, inplace: Bool) {
        let inplace = rawValue >= Opcode.INPLACE_ADD.rawValue
        let first = inplace ? Opcode.INPLACE_ADD : Opcode.BINARY_ADD
        // `BinaryOp`'s cases are numbered in declaration order, as its raw values are: the byte is the case.
        return (unsafeBitCast(rawValue &- first.rawValue, to: BinaryOp.self), inplace)
    }
}

/// One instruction: an opcode and its (already resolved) argument. 8 bytes, so that dispatch reads one word.
@frozen public struct Instruction: Equatable, Sendable {
    public var opcode: Opcode
    public var arg: Int32

    @inlinable public init(_ opcode: Opcode, _ arg: Int32 = 0) {
        self.opcode = opcode
        self.arg = arg
    }
}

/// One row of a code object's exception table (CPython 3.11 style, no block stack at run time).
///
/// If an exception is raised by an instruction whose index is in `start..<end`, the interpreter pops the value
/// stack down to `depth` entries, pushes the exception object and continues at `handler`. The innermost
/// (first matching in table order) entry wins, so the compiler lists nested regions before enclosing ones.
///
/// The shapes the compiler emits:
/// ```
/// try/except:                               try/finally:
///   body            [start,end) -> H, D       body            [start,end) -> F, D
///   JUMP_FORWARD else                          <finally body>
/// H: PUSH_EXC_INFO  [H+1,C) -> C, D+1          JUMP_FORWARD end
///    DUP_TOP; <type>; JUMP_IF_NOT_EXC_MATCH N  F: <finally body>      ([exc] stays on the stack)
///    STORE_FAST e (or POP_TOP)                   RERAISE
///    <handler body>; POP_EXCEPT; JUMP_FORWARD end
/// N: ... next clause ...; RERAISE (no clause matched)
/// C: ROT_TWO; POP_EXCEPT; RERAISE   (an exception inside a handler restores the handled exception, then propagates)
/// ```
public struct ExceptionTableEntry: Equatable, Sendable {
    public var start: Int32
    public var end: Int32
    public var handler: Int32
    public var depth: Int32

    public init(start: Int32, end: Int32, handler: Int32, depth: Int32) {
        self.start = start
        self.end = end
        self.handler = handler
        self.depth = depth
    }
}
