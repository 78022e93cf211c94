extension X64 {
    /// The r/m half of a ModRM byte: a register number (0–15, GPR or XMM) or a memory operand.
    enum ModRMTarget {
        case register(UInt8)
        case memory(Memory)

        init(_ rm: RM) {
            switch rm {
            case .reg(let r): self = .register(r.rawValue)
            case .mem(let m): self = .memory(m)
            }
        }

        init(_ operand: XMMOrMem) {
            switch operand {
            case .xmm(let x): self = .register(x.rawValue)
            case .mem(let m): self = .memory(m)
            }
        }
    }

    /// Builds the bytes of one instruction: legacy prefixes, REX, opcode, ModRM, SIB, displacement, immediate.
    struct ByteWriter {
        var bytes: [UInt8] = []

        mutating func append(_ byte: UInt8) { bytes.append(byte) }

        /// Appends `value` little-endian in `count` bytes.
        mutating func append(littleEndian value: Int64, count: Int) {
            for i in 0..<count { bytes.append(UInt8(truncatingIfNeeded: value >> (8 * Int64(i)))) }
        }

        /// Appends a REX prefix when any of its bits is needed (or `force`, for spl/bpl/sil/dil).
        mutating func rex(w: Bool, r: Bool = false, x: Bool = false, b: Bool = false, force: Bool = false) {
            let value: UInt8 = 0x40 | (w ? 8 : 0) | (r ? 4 : 0) | (x ? 2 : 0) | (b ? 1 : 0)
            if value != 0x40 || force { bytes.append(value) }
        }

        /// Appends `[prefixes] [REX] opcode ModRM [SIB] [disp]` for an instruction whose ModRM reg field holds
        /// `reg` (a register number or an opcode extension).
        mutating func modRM(prefixes: [UInt8] = [], w: Bool, forceREX: Bool = false, opcode: [UInt8], reg: UInt8,
                            rm: ModRMTarget) {
            bytes.append(contentsOf: prefixes)
            switch rm {
            case .register(let r):
                rex(w: w, r: reg >= 8, b: r >= 8, force: forceREX)
                bytes.append(contentsOf: opcode)
                bytes.append(0xC0 | (reg & 7) << 3 | (r & 7))
            case .memory(let m):
                let indexCode = m.index?.register.rawValue ?? 4
                var baseCode: UInt8 = 5
                if case .register(let b) = m.base { baseCode = b.rawValue }
                let isRIP = m.base == .rip
                rex(w: w, r: reg >= 8, x: indexCode >= 8, b: !isRIP && baseCode >= 8, force: forceREX)
                bytes.append(contentsOf: opcode)
                let regBits = (reg & 7) << 3
                if isRIP {
                    bytes.append(regBits | 0b101)
                    append(littleEndian: Int64(m.displacement), count: 4)
                    return
                }
                // rbp/r13 as a base with mod=00 would mean "no base, disp32" (or RIP), so they need a displacement.
                let mod: UInt8
                if m.displacement == 0 && baseCode & 7 != 5 { mod = 0 }
                else if Int8(exactly: m.displacement) != nil { mod = 1 }
                else { mod = 2 }
                // rsp/r12 as a base and any index need a SIB byte (r/m = 100 means "SIB follows").
                if m.index != nil || baseCode & 7 == 4 {
                    bytes.append(mod << 6 | regBits | 0b100)
                    bytes.append((m.index?.scale.rawValue ?? 0) << 6 | (indexCode & 7) << 3 | (baseCode & 7))
                } else {
                    bytes.append(mod << 6 | regBits | (baseCode & 7))
                }
                if mod == 1 { append(littleEndian: Int64(m.displacement), count: 1) }
                if mod == 2 { append(littleEndian: Int64(m.displacement), count: 4) }
            }
        }
    }
}

extension X64.Instruction {
    /// The instruction's bytes when it starts at `offset` from the start of its code (only relative branches and
    /// calls depend on it).
    public func encode(at offset: Int) -> [UInt8] {
        var out = X64.ByteWriter()
        switch self {
        case .alu(let op, let size, let rm, let reg):
            integer(&out, size, opcode: op.rawValue * 8 + (size == .byte ? 0 : 1), reg: reg, rm: rm)
        case .aluLoad(let op, let size, let reg, let mem):
            integer(&out, size, opcode: op.rawValue * 8 + (size == .byte ? 2 : 3), reg: reg, rm: .mem(mem))
        case .aluImm(let op, let size, let rm, let imm):
            checkImmediate(imm, size)
            if size != .byte, Int8(exactly: imm) != nil {
                integer(&out, size, opcode: 0x83, digit: op.rawValue, rm: rm)
                out.append(littleEndian: imm, count: 1)
            } else if rm == .reg(.rax) {
                accumulatorPrefix(&out, size)
                out.append(op.rawValue * 8 + (size == .byte ? 4 : 5))
                out.append(littleEndian: imm, count: immediateBytes(size))
            } else {
                integer(&out, size, opcode: size == .byte ? 0x80 : 0x81, digit: op.rawValue, rm: rm)
                out.append(littleEndian: imm, count: immediateBytes(size))
            }
        case .test(let size, let rm, let reg):
            integer(&out, size, opcode: size == .byte ? 0x84 : 0x85, reg: reg, rm: rm)
        case .testImm(let size, let rm, let imm):
            checkImmediate(imm, size)
            if rm == .reg(.rax) {
                accumulatorPrefix(&out, size)
                out.append(size == .byte ? 0xA8 : 0xA9)
            } else {
                integer(&out, size, opcode: size == .byte ? 0xF6 : 0xF7, digit: 0, rm: rm)
            }
            out.append(littleEndian: imm, count: immediateBytes(size))
        case .imul(let size, let reg, let rm):
            precondition(size != .byte, "imul reg, r/m has no byte form")
            integer(&out, size, opcodes: [0x0F, 0xAF], reg: reg, rm: rm)
        case .imulImm(let size, let reg, let rm, let imm):
            precondition(size != .byte, "imul reg, r/m, imm has no byte form")
            checkImmediate(imm, size)
            let short = Int8(exactly: imm) != nil
            integer(&out, size, opcode: short ? 0x6B : 0x69, reg: reg, rm: rm)
            out.append(littleEndian: imm, count: short ? 1 : immediateBytes(size))
        case .unary(let op, let size, let rm):
            let (opcode, digit): (UInt8, UInt8)
            switch op {
            case .not: (opcode, digit) = (0xF7, 2)
            case .neg: (opcode, digit) = (0xF7, 3)
            case .div: (opcode, digit) = (0xF7, 6)
            case .idiv: (opcode, digit) = (0xF7, 7)
            case .inc: (opcode, digit) = (0xFF, 0)
            case .dec: (opcode, digit) = (0xFF, 1)
            }
            integer(&out, size, opcode: size == .byte ? opcode - 1 : opcode, digit: digit, rm: rm)
        case .shift(let op, let size, let rm, let count):
            let byteAdjust: UInt8 = size == .byte ? 1 : 0
            switch count {
            case .cl:
                integer(&out, size, opcode: 0xD3 - byteAdjust, digit: op.rawValue, rm: rm)
            case .imm(1):
                integer(&out, size, opcode: 0xD1 - byteAdjust, digit: op.rawValue, rm: rm)
            case .imm(let n):
                integer(&out, size, opcode: 0xC1 - byteAdjust, digit: op.rawValue, rm: rm)
                out.append(n)
            }
        case .signExtendAccumulator(let size):
            precondition(size != .byte, "cwd/cdq/cqo have no byte form")
            accumulatorPrefix(&out, size)
            out.append(0x99)
        case .mov(let size, let rm, let reg):
            integer(&out, size, opcode: size == .byte ? 0x88 : 0x89, reg: reg, rm: rm)
        case .load(let size, let reg, let mem):
            integer(&out, size, opcode: size == .byte ? 0x8A : 0x8B, reg: reg, rm: .mem(mem))
        case .movImm(let size, let rm, let imm):
            checkImmediate(imm, size)
            if case .reg(let r) = rm, size != .qword {
                if size == .word { out.append(0x66) }
                out.rex(w: false, b: r.isExtended, force: size == .byte && r.byteNeedsREX)
                out.append((size == .byte ? 0xB0 : 0xB8) + r.low3)
            } else {
                integer(&out, size, opcode: size == .byte ? 0xC6 : 0xC7, digit: 0, rm: rm)
            }
            out.append(littleEndian: imm, count: immediateBytes(size))
        case .movabs(let reg, let imm):
            out.rex(w: true, b: reg.isExtended)
            out.append(0xB8 + reg.low3)
            out.append(littleEndian: imm, count: 8)
        case .extend(let signed, let size, let reg, let rm, let from):
            precondition(from.rawValue < size.rawValue, "an extension must widen")
            switch from {
            case .byte, .word:
                let opcode: UInt8 = (signed ? 0xBE : 0xB6) + (from == .word ? 1 : 0)
                integer(&out, size, opcodes: [0x0F, opcode], reg: reg, rm: rm, rmSize: from)
            case .dword:
                precondition(signed && size == .qword, "only movsxd extends a dword (zero-extension is a 32-bit mov)")
                integer(&out, size, opcode: 0x63, reg: reg, rm: rm)
            case .qword:
                preconditionFailure("nothing is wider than a qword")
            }
        case .lea(let size, let reg, let mem):
            precondition(size != .byte, "lea has no byte form")
            integer(&out, size, opcode: 0x8D, reg: reg, rm: .mem(mem))
        case .setcc(let condition, let rm):
            integer(&out, .byte, opcodes: [0x0F, 0x90 + condition.rawValue], digit: 0, rm: rm)
        case .cmov(let condition, let size, let reg, let rm):
            precondition(size != .byte, "cmov has no byte form")
            integer(&out, size, opcodes: [0x0F, 0x40 + condition.rawValue], reg: reg, rm: rm)
        case .push(let reg):
            out.rex(w: false, b: reg.isExtended)
            out.append(0x50 + reg.low3)
        case .pop(let reg):
            out.rex(w: false, b: reg.isExtended)
            out.append(0x58 + reg.low3)
        case .call(let target):
            out.append(0xE8)
            out.append(littleEndian: relative(target, from: offset + 5, reach: .rel32), count: 4)
        case .callIndirect(let rm):
            out.modRM(w: false, opcode: [0xFF], reg: 2, rm: X64.ModRMTarget(rm))
        case .jmpIndirect(let rm):
            out.modRM(w: false, opcode: [0xFF], reg: 4, rm: X64.ModRMTarget(rm))
        case .jmp(let target, .rel8):
            out.append(0xEB)
            out.append(littleEndian: relative(target, from: offset + 2, reach: .rel8), count: 1)
        case .jmp(let target, .rel32):
            out.append(0xE9)
            out.append(littleEndian: relative(target, from: offset + 5, reach: .rel32), count: 4)
        case .jcc(let condition, let target, .rel8):
            out.append(0x70 + condition.rawValue)
            out.append(littleEndian: relative(target, from: offset + 2, reach: .rel8), count: 1)
        case .jcc(let condition, let target, .rel32):
            out.append(0x0F)
            out.append(0x80 + condition.rawValue)
            out.append(littleEndian: relative(target, from: offset + 6, reach: .rel32), count: 4)
        case .ret: out.append(0xC3)
        case .nop: out.append(0x90)
        case .int3: out.append(0xCC)
        case .ud2: out.append(0x0F); out.append(0x0B)
        case .sse(let op, let xmm, let source):
            let (prefix, opcode) = op.encoding
            out.modRM(prefixes: [prefix], w: false, opcode: [0x0F, opcode], reg: xmm.rawValue,
                      rm: X64.ModRMTarget(source))
        case .movsdStore(let mem, let xmm):
            out.modRM(prefixes: [0xF2], w: false, opcode: [0x0F, 0x11], reg: xmm.rawValue, rm: .memory(mem))
        case .cvtsi2sd(let xmm, let size, let rm):
            precondition(size == .dword || size == .qword, "cvtsi2sd converts a dword or a qword")
            out.modRM(prefixes: [0xF2], w: size == .qword, opcode: [0x0F, 0x2A], reg: xmm.rawValue,
                      rm: X64.ModRMTarget(rm))
        case .cvttsd2si(let size, let reg, let source):
            precondition(size == .dword || size == .qword, "cvttsd2si produces a dword or a qword")
            out.modRM(prefixes: [0xF2], w: size == .qword, opcode: [0x0F, 0x2C], reg: reg.rawValue,
                      rm: X64.ModRMTarget(source))
        case .movqToXMM(let xmm, let reg):
            out.modRM(prefixes: [0x66], w: true, opcode: [0x0F, 0x6E], reg: xmm.rawValue, rm: .register(reg.rawValue))
        case .movqFromXMM(let reg, let xmm):
            out.modRM(prefixes: [0x66], w: true, opcode: [0x0F, 0x7E], reg: xmm.rawValue, rm: .register(reg.rawValue))
        }
        return out.bytes
    }

    /// An integer instruction at `size` with a register in the ModRM reg field: the 66 prefix for words, REX.W
    /// for qwords, and a bare REX when a byte operand is spl/bpl/sil/dil. `rmSize` is the r/m operand's width when
    /// it differs from the operation's (movzx/movsx).
    private func integer(_ out: inout X64.ByteWriter, _ size: X64.OperandSize, opcode: UInt8, reg: X64.GPR,
                         rm: X64.RM, rmSize: X64.OperandSize? = nil) {
        integer(&out, size, opcodes: [opcode], reg: reg, rm: rm, rmSize: rmSize)
    }

    private func integer(_ out: inout X64.ByteWriter, _ size: X64.OperandSize, opcodes: [UInt8], reg: X64.GPR,
                         rm: X64.RM, rmSize: X64.OperandSize? = nil) {
        emitInteger(&out, size, opcodes: opcodes, reg: reg.rawValue, rm: rm, rmSize: rmSize ?? size,
                    byteRegisterInRegField: size == .byte && reg.byteNeedsREX)
    }

    /// An integer instruction with an opcode extension (`/digit`) in the ModRM reg field.
    private func integer(_ out: inout X64.ByteWriter, _ size: X64.OperandSize, opcode: UInt8, digit: UInt8,
                         rm: X64.RM) {
        integer(&out, size, opcodes: [opcode], digit: digit, rm: rm)
    }

    private func integer(_ out: inout X64.ByteWriter, _ size: X64.OperandSize, opcodes: [UInt8], digit: UInt8,
                         rm: X64.RM) {
        emitInteger(&out, size, opcodes: opcodes, reg: digit, rm: rm, rmSize: size, byteRegisterInRegField: false)
    }

    private func emitInteger(_ out: inout X64.ByteWriter, _ size: X64.OperandSize, opcodes: [UInt8], reg: UInt8,
                             rm: X64.RM, rmSize: X64.OperandSize, byteRegisterInRegField: Bool) {
        var forceREX = byteRegisterInRegField
        if rmSize == .byte, case .reg(let r) = rm, r.byteNeedsREX { forceREX = true }
        out.modRM(prefixes: size == .word ? [0x66] : [], w: size == .qword, forceREX: forceREX, opcode: opcodes,
                  reg: reg, rm: X64.ModRMTarget(rm))
    }

    /// The operand-size prefix or REX.W of an accumulator short form.
    private func accumulatorPrefix(_ out: inout X64.ByteWriter, _ size: X64.OperandSize) {
        if size == .word { out.append(0x66) }
        if size == .qword { out.rex(w: true) }
    }

    /// Bytes of a full-size immediate: 1, 2, or 4 (a qword operation sign-extends an imm32).
    private func immediateBytes(_ size: X64.OperandSize) -> Int { min(size.rawValue, 4) }

    private func checkImmediate(_ imm: Int64, _ size: X64.OperandSize) {
        precondition(size.signExtend(imm) == imm && Int32(exactly: imm) != nil,
                     "immediate \(imm) does not fit a \(size) operation")
    }

    private func relative(_ target: Int, from end: Int, reach: X64.Reach) -> Int64 {
        let distance = Int64(target - end)
        switch reach {
        case .rel8: precondition(Int8(exactly: distance) != nil, "rel8 branch to \(target) out of range")
        case .rel32: precondition(Int32(exactly: distance) != nil, "rel32 branch to \(target) out of range")
        }
        return distance
    }
}
