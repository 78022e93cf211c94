@testable import Meta

/// A random straight-line function over every data form the assembler has (and forward branches over some of
/// it), for differential testing of the emulator against the CPU.
///
/// The function takes one pointer, kept in rbp, to a 512-byte, 16-byte-aligned state: bytes 0..<256 are memory the program reads and
/// writes, then the fourteen pool registers' initial values (loaded in the prologue, stored back in the epilogue),
/// then the low doubles of xmm0–xmm15. 72 bytes of zeroed stack scratch at [rsp] are memory too. Division is left
/// out (the CPU would fault on random operands); the directed tests cover it.
struct RandomProgram {
    typealias I = X64.Instruction

    static let pool: [X64.GPR] = [.rax, .rcx, .rdx, .rbx, .rsi, .rdi, .r8, .r9, .r10, .r11, .r12, .r13, .r14, .r15]
    static let registerOffset = 256
    static let xmmOffset = registerOffset + 8 * 16
    static let stateBytes = xmmOffset + 8 * 16
    static let scratchBytes = 72

    private enum Step {
        case instruction(I)
        /// A forward `jcc` (or `jmp` when the condition is nil) over the instructions.
        case skip(X64.Condition?, X64.Reach?, [I])
        case pushPop(X64.GPR, X64.GPR)
    }

    private var steps: [Step]
    /// The program cut to its first `count` steps (for narrowing down a difference).
    func prefix(_ count: Int) -> RandomProgram { var p = self; p.steps = Array(steps.prefix(count)); return p }
    var stepCount: Int { steps.count }
    let initialState: [UInt8]

    init(random: inout SplitMix64, length: Int) {
        var generator = InstructionGenerator(random: random)
        var steps: [Step] = []
        while steps.count < length {
            let roll = generator.random.next() % 100
            if roll < 8 {
                let count = 1 + Int(generator.random.next() % 2)
                let condition: X64.Condition? = generator.random.chance(80) ? generator.random.pick(X64.Condition.allCases) : nil
                let reach: X64.Reach? = generator.random.chance(50) ? .rel8 : nil
                steps.append(.skip(condition, reach, (0..<count).map { _ in generator.instruction() }))
            } else if roll < 14 {
                steps.append(.pushPop(generator.random.pick(Self.pool), generator.random.pick(Self.pool)))
            } else {
                let instruction = generator.instruction()
                steps.append(.instruction(instruction))
                // Mostly redefine the flags that multiplies and shifts leave undefined, so that later flag
                // readers do not make the emulator refuse most programs (refusals are counted, not compared).
                if instruction.leavesFlagsUndefined, generator.random.chance(70) {
                    steps.append(.instruction(generator.flagSetter()))
                }
            }
        }
        var state = [UInt8](repeating: 0, count: Self.stateBytes)
        for i in 0..<Self.registerOffset { state[i] = UInt8(truncatingIfNeeded: generator.random.next()) }
        for i in 0..<16 {
            let value = UInt64(bitPattern: Int64(generator.random.int()))
            for b in 0..<8 { state[Self.registerOffset + 8 * i + b] = UInt8(truncatingIfNeeded: value >> (8 * UInt64(b))) }
            let double = generator.random.double().bitPattern
            for b in 0..<8 { state[Self.xmmOffset + 8 * i + b] = UInt8(truncatingIfNeeded: double >> (8 * UInt64(b))) }
        }
        random = generator.random
        self.steps = steps
        initialState = state
    }

    /// Runs `body` on a 16-byte-aligned copy of the initial state and returns the final state.
    func run(_ body: (UnsafeMutableRawPointer) throws -> Void) rethrows -> [UInt8] {
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: Self.stateBytes, alignment: 16)
        defer { buffer.deallocate() }
        initialState.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
        try body(buffer)
        return Array(UnsafeRawBufferPointer(start: buffer, count: Self.stateBytes))
    }

    func build(_ a: X64.Assembler) {
        let calleeSaved = X64.SystemV.calleeSaved
        for r in calleeSaved { a.emit(.push(r)) }
        a.emit(.aluImm(.sub, .qword, .reg(.rsp), Int64(Self.scratchBytes)))
        for k in 0..<(Self.scratchBytes / 8) { a.emit(.movImm(.qword, .mem(X64.Memory(.rsp, Int32(8 * k))), 0)) }
        a.emit(.mov(.qword, .reg(.rbp), .rdi))
        for (i, r) in Self.pool.enumerated() { a.emit(.load(.qword, r, registerSlot(i))) }
        for x in X64.XMM.allCases { a.emit(.sse(.movsd, x, .mem(xmmSlot(x)))) }
        // The flags of `sub rsp` depend on where the stack is, which differs between CPU and emulator: start the
        // body with flags that depend on the state only.
        a.emit(.alu(.cmp, .qword, .reg(.rax), .rcx))
        for step in steps {
            switch step {
            case .instruction(let instruction):
                a.emit(instruction)
            case .skip(let condition, let reach, let instructions):
                let over = a.newLabel()
                if let condition { a.jcc(condition, over, reach: reach) } else { a.jmp(over, reach: reach) }
                for instruction in instructions { a.emit(instruction) }
                a.bind(over)
            case .pushPop(let pushed, let popped):
                a.emit(.push(pushed))
                a.emit(.pop(popped))
            }
        }
        for (i, r) in Self.pool.enumerated() { a.emit(.mov(.qword, .mem(registerSlot(i)), r)) }
        for x in X64.XMM.allCases { a.emit(.movsdStore(xmmSlot(x), x)) }
        a.emit(.aluImm(.add, .qword, .reg(.rsp), Int64(Self.scratchBytes)))
        for r in calleeSaved.reversed() { a.emit(.pop(r)) }
        a.emit(.ret)
    }

    private func registerSlot(_ index: Int) -> X64.Memory { X64.Memory(.rbp, Int32(Self.registerOffset + 8 * index)) }
    private func xmmSlot(_ x: X64.XMM) -> X64.Memory { X64.Memory(.rbp, Int32(Self.xmmOffset + 8 * Int(x.rawValue))) }

    /// Names the registers, xmm registers and memory bytes whose final values differ.
    static func describeDifferences(native: [UInt8], emulated: [UInt8]) -> String {
        func word(_ bytes: [UInt8], _ offset: Int) -> String {
            "0x" + String((0..<8).reduce(UInt64(0)) { $0 | UInt64(bytes[offset + $1]) << (8 * UInt64($1)) }, radix: 16)
        }
        var names: [String] = []
        for offset in stride(from: 0, to: stateBytes, by: 8) where native[offset..<offset + 8] != emulated[offset..<offset + 8] {
            let name: String
            if offset < registerOffset { name = "memory[\(offset)..<\(offset + 8)]" }
            else if offset < xmmOffset { name = pool[(offset - registerOffset) / 8].name(.qword) }
            else { name = "xmm\((offset - xmmOffset) / 8)" }
            names.append("\(name): native \(word(native, offset)), emulated \(word(emulated, offset))")
        }
        return names.joined(separator: ", ")
    }
}

/// Random instructions over the pool registers, [rbp+d] and [rsp+d] memory, and all xmm registers.
private struct InstructionGenerator {
    typealias I = X64.Instruction
    var random: SplitMix64

    mutating func register() -> X64.GPR { random.pick(RandomProgram.pool) }
    mutating func xmm() -> X64.XMM { random.pick(X64.XMM.allCases) }
    mutating func size() -> X64.OperandSize { random.pick(X64.OperandSize.allCases) }
    mutating func wideSize() -> X64.OperandSize { random.pick([.word, .dword, .qword]) }

    /// Memory the program may touch: the state's first 256 bytes or the stack scratch.
    mutating func memory(width: Int = 8) -> X64.Memory {
        if random.chance(80) { return X64.Memory(.rbp, Int32(random.next() % UInt64(257 - width))) }
        return X64.Memory(.rsp, Int32(random.next() % UInt64(RandomProgram.scratchBytes + 1 - width)))
    }

    /// 16 bytes of that memory, 16-byte aligned (the state and rsp are), for the full-register SSE operations.
    mutating func alignedMemory() -> X64.Memory {
        if random.chance(80) { return X64.Memory(.rbp, Int32(16 * (random.next() % 16))) }
        return X64.Memory(.rsp, Int32(16 * (random.next() % UInt64(RandomProgram.scratchBytes / 16))))
    }

    mutating func rm(_ size: X64.OperandSize) -> X64.RM {
        random.chance(70) ? .reg(register()) : .mem(memory(width: size.rawValue))
    }

    mutating func immediate(_ size: X64.OperandSize) -> Int64 {
        if random.chance(50) { return random.pick(Samples.immediates(size)) }
        return (size == .qword ? X64.OperandSize.dword : size).signExtend(Int64(bitPattern: random.next()))
    }

    /// An ALU operation or test, which defines all the flags.
    mutating func flagSetter() -> I {
        let s = size()
        return random.chance(50) ? .alu(random.pick([.add, .sub, .and, .cmp]), s, .reg(register()), register())
            : .testImm(s, .reg(register()), immediate(s))
    }

    mutating func instruction() -> I {
        switch random.next() % 25 {
        case 0: let s = size(); return .alu(random.pick(X64.ALUOp.allCases), s, rm(s), register())
        case 1: let s = size(); return .aluLoad(random.pick(X64.ALUOp.allCases), s, register(), memory(width: s.rawValue))
        case 2: let s = size(); return .aluImm(random.pick(X64.ALUOp.allCases), s, rm(s), immediate(s))
        case 3: let s = size(); return .test(s, rm(s), register())
        case 4: let s = size(); return .testImm(s, rm(s), immediate(s))
        case 5: let s = wideSize(); return .imul(s, register(), rm(s))
        case 6: let s = wideSize(); return .imulImm(s, register(), rm(s), immediate(s))
        case 7: let s = size(); return .unary(random.pick([.not, .neg, .inc, .dec]), s, rm(s))
        case 8:
            let s = size()
            let count: X64.ShiftCount = random.chance(30) ? .cl : .imm(UInt8(random.next() % 64))
            return .shift(random.pick(X64.ShiftOp.allCases), s, rm(s), count)
        case 9: return .signExtendAccumulator(wideSize())
        case 10: let s = size(); return .mov(s, rm(s), register())
        case 11: let s = size(); return .load(s, register(), memory(width: s.rawValue))
        case 12: let s = size(); return .movImm(s, rm(s), immediate(s))
        case 13: return .movabs(register(), Int64(bitPattern: random.next()))
        case 14:
            let (signed, to, from) = random.pick(Samples.extensions)
            return .extend(signed: signed, to, register(), rm(from), from: from)
        case 15:
            let base = register(), index = register()
            let memory = random.chance(50) ? X64.Memory(base, Int32(truncatingIfNeeded: random.int()))
                : X64.Memory(base, index: index, scale: random.pick([.x1, .x2, .x4, .x8]), Int32(truncatingIfNeeded: random.int()))
            return .lea(wideSize(), register(), memory)
        case 16: return .setcc(random.pick(X64.Condition.allCases), rm(.byte))
        case 17: let s = wideSize(); return .cmov(random.pick(X64.Condition.allCases), s, register(), rm(s))
        case 18: return .sse(random.pick(X64.SSEOp.allCases), xmm(), .xmm(xmm()))
        case 19:
            let op = random.pick(X64.SSEOp.allCases)
            return .sse(op, xmm(), .mem(op.readsFullRegister ? alignedMemory() : memory()))
        case 20: return .movsdStore(memory(), xmm())
        case 21: let s = random.pick([X64.OperandSize.dword, .qword]); return .cvtsi2sd(xmm(), s, rm(s))
        case 22:
            let source: X64.XMMOrMem = random.chance(70) ? .xmm(xmm()) : .mem(memory())
            return .cvttsd2si(random.pick([.dword, .qword]), register(), source)
        case 23: return .movqToXMM(xmm(), register())
        default: return .movqFromXMM(register(), xmm())
        }
    }
}

private extension X64.Instruction {
    /// Multiplies and multi-bit shifts leave some flags undefined (a heuristic for the generator only).
    var leavesFlagsUndefined: Bool {
        switch self {
        case .imul, .imulImm, .shift: return true
        default: return false
        }
    }
}
