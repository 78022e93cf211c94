/// Static facts about opcodes that the compiler, the stack-depth analysis and the disassembler share.
extension Opcode {
    /// The opcode's name (`COMPARE_OP`), from a table: interpolating the enum itself goes through reflection,
    /// some 20,000 instructions, and the tracer names the bytecode of every merge point it records.
    public var name: String { Opcode.names[Int(rawValue)] }

    private static let names: [String] = {
        var table = [String](repeating: "?", count: 256)
        // `String(reflecting:)` is `MiniPy.Opcode.NAME` for an enum without a description of its own.
        for op in Opcode.allCases { table[Int(op.rawValue)] = String(String(reflecting: op).split(separator: ".").last!) }
        return table
    }()

    /// Whether the instruction's argument means something (CPython's `HAVE_ARGUMENT`); the disassembler prints
    /// it only then.
    public var hasArgument: Bool {
        switch self {
        case .NOP, .POP_TOP, .ROT_TWO, .ROT_THREE, .ROT_FOUR, .DUP_TOP, .DUP_TOP_TWO,
             .UNARY_POSITIVE, .UNARY_NEGATIVE, .UNARY_NOT, .UNARY_INVERT,
             .BINARY_ADD, .BINARY_SUBTRACT, .BINARY_MULTIPLY, .BINARY_TRUE_DIVIDE, .BINARY_FLOOR_DIVIDE,
             .BINARY_MODULO, .BINARY_POWER, .BINARY_LSHIFT, .BINARY_RSHIFT, .BINARY_AND, .BINARY_OR, .BINARY_XOR,
             .INPLACE_ADD, .INPLACE_SUBTRACT, .INPLACE_MULTIPLY, .INPLACE_TRUE_DIVIDE, .INPLACE_FLOOR_DIVIDE,
             .INPLACE_MODULO, .INPLACE_POWER, .INPLACE_LSHIFT, .INPLACE_RSHIFT, .INPLACE_AND, .INPLACE_OR,
             .INPLACE_XOR, .BINARY_SUBSCR, .STORE_SUBSCR, .DELETE_SUBSCR, .GET_ITER, .LIST_TO_TUPLE,
             .RETURN_VALUE, .LOAD_BUILD_CLASS, .IMPORT_STAR, .LOAD_ASSERTION_ERROR, .PUSH_EXC_INFO, .POP_EXCEPT,
             .RERAISE:
            false
        default:
            true
        }
    }

    /// Whether the argument is a jump target (an instruction index).
    public var isJump: Bool {
        switch self {
        case .JUMP_FORWARD, .JUMP_BACKWARD, .POP_JUMP_IF_FALSE, .POP_JUMP_IF_TRUE, .JUMP_IF_FALSE_OR_POP,
             .JUMP_IF_TRUE_OR_POP, .FOR_ITER, .JUMP_IF_NOT_EXC_MATCH:
            true
        default:
            false
        }
    }

    /// Whether execution never continues with the next instruction.
    public var endsBlock: Bool {
        switch self {
        case .JUMP_FORWARD, .JUMP_BACKWARD, .RETURN_VALUE, .RAISE_VARARGS, .RERAISE: true
        default: false
        }
    }

    /// Net change of the stack depth, on the fall-through path (`jump == false`) or when the jump is taken.
    public func stackEffect(_ arg: Int32, jump: Bool) -> Int {
        let n = Int(arg)
        switch self {
        case .NOP, .ROT_TWO, .ROT_THREE, .ROT_FOUR: return 0
        case .POP_TOP: return -1
        case .DUP_TOP: return 1
        case .DUP_TOP_TWO: return 2
        case .LOAD_CONST, .LOAD_FAST, .LOAD_DEREF, .LOAD_CLOSURE, .LOAD_GLOBAL, .LOAD_NAME: return 1
        case .STORE_FAST, .STORE_DEREF, .STORE_GLOBAL, .STORE_NAME: return -1
        case .DELETE_FAST, .DELETE_DEREF, .DELETE_GLOBAL, .DELETE_NAME: return 0
        case .LOAD_ATTR: return 0
        case .STORE_ATTR: return -2
        case .DELETE_ATTR: return -1
        case .LOAD_METHOD: return 1
        case .CALL_METHOD: return -(n + 1)
        case .UNARY_POSITIVE, .UNARY_NEGATIVE, .UNARY_NOT, .UNARY_INVERT: return 0
        case .BINARY_ADD, .BINARY_SUBTRACT, .BINARY_MULTIPLY, .BINARY_TRUE_DIVIDE, .BINARY_FLOOR_DIVIDE,
             .BINARY_MODULO, .BINARY_POWER, .BINARY_LSHIFT, .BINARY_RSHIFT, .BINARY_AND, .BINARY_OR, .BINARY_XOR,
             .INPLACE_ADD, .INPLACE_SUBTRACT, .INPLACE_MULTIPLY, .INPLACE_TRUE_DIVIDE, .INPLACE_FLOOR_DIVIDE,
             .INPLACE_MODULO, .INPLACE_POWER, .INPLACE_LSHIFT, .INPLACE_RSHIFT, .INPLACE_AND, .INPLACE_OR,
             .INPLACE_XOR, .BINARY_SUBSCR, .COMPARE_OP, .IS_OP, .CONTAINS_OP:
            return -1
        case .STORE_SUBSCR: return -3
        case .DELETE_SUBSCR: return -2
        case .BUILD_SLICE: return 1 - n
        case .JUMP_FORWARD, .JUMP_BACKWARD: return 0
        case .POP_JUMP_IF_FALSE, .POP_JUMP_IF_TRUE: return -1
        case .JUMP_IF_FALSE_OR_POP, .JUMP_IF_TRUE_OR_POP: return jump ? 0 : -1
        case .GET_ITER: return 0
        case .FOR_ITER: return jump ? -1 : 1
        case .BUILD_TUPLE, .BUILD_LIST, .BUILD_SET, .BUILD_STRING: return 1 - n
        case .BUILD_MAP: return 1 - 2 * n
        case .LIST_APPEND, .SET_ADD, .LIST_EXTEND, .DICT_MERGE, .DICT_UPDATE: return -1
        case .MAP_ADD: return -2
        case .LIST_TO_TUPLE: return 0
        case .UNPACK_SEQUENCE: return n - 1
        case .UNPACK_EX: return (n & 0xFF) + (n >> 8)
        case .FORMAT_VALUE: return (n & 0x04) != 0 ? -1 : 0
        case .MAKE_FUNCTION: return -((n & 0x01) + (n & 0x02) / 2 + (n & 0x08) / 8)
        case .CALL_FUNCTION: return -n
        case .CALL_FUNCTION_KW: return -(n + 1)
        case .CALL_FUNCTION_EX: return -1 - (n & 0x01)
        case .RETURN_VALUE: return -1
        case .LOAD_BUILD_CLASS: return 1
        case .IMPORT_NAME: return -1
        case .IMPORT_FROM: return 1
        case .IMPORT_STAR: return -1
        case .RAISE_VARARGS: return -n
        case .LOAD_ASSERTION_ERROR: return 1
        case .PUSH_EXC_INFO: return 1
        case .POP_EXCEPT: return -1
        case .JUMP_IF_NOT_EXC_MATCH: return -2
        case .RERAISE: return -1
        }
    }
}

/// The deepest value stack a code object can need, found by following every path (jumps, fall-through, and
/// exception handler entries at `entry.depth + 1`).
///
/// Any inconsistency is a compiler bug and stops the program: a negative depth, two paths reaching an
/// instruction with different depths, an instruction whose depth is below that of the handler protecting it, or
/// a path running off the end of the code.
func maximumStackDepth(_ code: [Instruction], _ table: [ExceptionTableEntry]) -> Int {
    guard !code.isEmpty else { return 0 }
    var depthAt = [Int](repeating: -1, count: code.count)
    var work: [(Int, Int)] = [(0, 0)]
    var maxDepth = 0
    func handler(for index: Int) -> ExceptionTableEntry? {
        table.first { Int($0.start) <= index && index < Int($0.end) }
    }
    while let (start, startDepth) = work.popLast() {
        var i = start
        var depth = startDepth
        while true {
            precondition(i < code.count, "compiler bug: execution runs off the end of the code")
            if depthAt[i] >= 0 {
                precondition(depthAt[i] == depth,
                             "compiler bug: stack depth \(depth) at \(i) differs from \(depthAt[i]) on another path")
                break
            }
            depthAt[i] = depth
            maxDepth = max(maxDepth, depth)
            if let entry = handler(for: i) {
                precondition(depth >= Int(entry.depth), "compiler bug: depth \(depth) at \(i) below its handler's")
                work.append((Int(entry.handler), Int(entry.depth) + 1))
                maxDepth = max(maxDepth, Int(entry.depth) + 1)
            }
            let instruction = code[i]
            let op = instruction.opcode
            if op.isJump {
                let target = depth + op.stackEffect(instruction.arg, jump: true)
                precondition(target >= 0, "compiler bug: negative stack depth at \(i)")
                work.append((Int(instruction.arg), target))
            }
            if op.endsBlock { break }
            depth += op.stackEffect(instruction.arg, jump: false)
            precondition(depth >= 0, "compiler bug: negative stack depth after \(i) (\(op))")
            maxDepth = max(maxDepth, depth)
            i += 1
        }
    }
    return maxDepth
}
