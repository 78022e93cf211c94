/// A trace prepared for the IR executor: one flat instruction per operation with register numbers and memory
/// offsets resolved, so that running it does no lookups.
///
/// Registers: variable `n` is register `n`; constant `k` is register `variableCount + k`, loaded once.
struct ExecutorProgram {
    /// One operation, resolved.
    struct Instruction {
        var opcode: Opcode
        var dst: Int32 = 0
        var a: Int32 = 0
        var b: Int32 = 0
        /// Start and length of this instruction's register list in `lists` (label/jump/finish/call arguments,
        /// guard fail arguments).
        var list: Int32 = 0
        var count: Int32 = 0
        /// Field offset, raw field address, array fixed size, type id, function address, or jump target (by opcode).
        var imm: Int = 0
        /// `new_with_vtable`'s size; a raw field's width; a jump's target label's list start.
        var imm2: Int = 0
    }

    var code: [Instruction] = []
    var lists: [Int32] = []
    /// The type of each `lists` entry's register.
    var listTypes: [IRType] = []
    var registerCount: Int
    /// The initial register file: constants loaded, everything else zero.
    var initialRegisters: [UInt64]
    /// Registers that may hold references (the GC marks them while the trace runs).
    var refRegisters: [Int32]
    var inputRegisters: [Int32]
    var inputTypes: [IRType]
    /// The longest jump, for the parallel-move buffer.
    var maxJumpArity = 0
    /// The op index of each label, by its loop token (where a bridge's jump enters).
    var labels: [LoopToken: Int] = [:]

    init(_ trace: Trace) {
        let variables = trace.variableCount
        registerCount = variables + trace.constants.count
        initialRegisters = Array(repeating: 0, count: registerCount)
        refRegisters = []
        for n in 0..<variables where trace.variableTypes[n] == .ref { refRegisters.append(Int32(n)) }
        for (k, c) in trace.constants.enumerated() {
            initialRegisters[variables + k] = c.word
            if c.type == .ref && c.word != 0 { refRegisters.append(Int32(variables + k)) }
        }
        func register(_ v: IRValue) -> Int32 {
            v.isVariable ? v.raw : Int32(variables + v.constantIndex)
        }
        inputRegisters = trace.inputArgs.map(register)
        inputTypes = trace.inputArgs.map { trace.type(of: $0) }

        var labelTargets: [LoopToken: (index: Int, list: Int32)] = [:]
        for (index, op) in trace.ops.enumerated() {
            var ins = Instruction(opcode: op.opcode)
            if !op.result.isNone { ins.dst = register(op.result) }
            if op.args.count > 0 { ins.a = register(op.args[0]) }
            if op.args.count > 1 { ins.b = register(op.args[1]) }
            func setList(_ values: [IRValue]) {
                ins.list = Int32(lists.count)
                ins.count = Int32(values.count)
                for v in values {
                    lists.append(register(v))
                    listTypes.append(trace.type(of: v))
                }
            }
            switch op.descr {
            case .field(let f): ins.imm = Int(f.offset)
            case .rawField(let f): ins.imm = Int(bitPattern: f.address); ins.imm2 = f.width.rawValue
            case .array(let l): ins.imm = l.fixedSize
            case .size(let l): ins.imm = Int(l.id); ins.imm2 = l.fixedSize
            case .call(let c): ins.imm = Int(bitPattern: c.address)
            case .none, .loop, .text: break
            }
            switch op.opcode {
            case .label:
                setList(op.args)
                if case .loop(let token) = op.descr {
                    labelTargets[token] = (index, ins.list)
                    labels[token] = index
                }
            case .jump:
                setList(op.args)
                maxJumpArity = max(maxJumpArity, op.args.count)
                if case .loop(let token) = op.descr, let target = labelTargets[token] {
                    ins.imm = target.index
                    ins.imm2 = Int(target.list)
                } else {
                    ins.imm = -1
                }
            case .finish, .callI, .callR, .callF, .callN:
                setList(op.args)
            case .setarrayitemGc:
                ins.dst = register(op.args[2])
            default:
                break
            }
            if let g = op.guardInfo { setList(g.snapshot.failArgs) }
            code.append(ins)
        }
    }

    /// The registers and types of the arguments of the label at op `index`.
    func labelArguments(at index: Int) -> ([Int32], [IRType]) {
        let ins = code[index]
        let range = Int(ins.list)..<Int(ins.list + ins.count)
        return (Array(lists[range]), Array(listTypes[range]))
    }
}
