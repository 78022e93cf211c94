extension X64.Instruction {
    /// The instruction as one Intel-syntax line, spelled as GNU `objdump -d -M intel` prints it: the mnemonic padded
    /// to six columns, then the operands separated by commas without spaces, immediates in hex at the operand size
    /// (`0xffffffffffffffff` for -1 in a qword operation), memory operands with their size keyword, and branch
    /// targets as addresses. `origin` is the address of the start of the code, added to branch targets.
    public func text(origin: UInt64 = 0) -> String {
        let (mnemonic, operands) = parts(origin: origin)
        if operands.isEmpty { return mnemonic }
        let padding = String(repeating: " ", count: max(0, 6 - mnemonic.count))
        return mnemonic + padding + " " + operands.joined(separator: ",")
    }

    /// The mnemonic and the operand texts.
    func parts(origin: UInt64) -> (String, [String]) {
        typealias L = X64.Listing
        switch self {
        case .alu(let op, let size, let rm, let reg):
            return (op.mnemonic, [L.rm(rm, size), reg.name(size)])
        case .aluLoad(let op, let size, let reg, let mem):
            return (op.mnemonic, [reg.name(size), L.memory(mem, size)])
        case .aluImm(let op, let size, let rm, let imm):
            return (op.mnemonic, [L.rm(rm, size), L.immediate(imm, size)])
        case .test(let size, let rm, let reg):
            return ("test", [L.rm(rm, size), reg.name(size)])
        case .testImm(let size, let rm, let imm):
            return ("test", [L.rm(rm, size), L.immediate(imm, size)])
        case .imul(let size, let reg, let rm):
            return ("imul", [reg.name(size), L.rm(rm, size)])
        case .imulImm(let size, let reg, let rm, let imm):
            return ("imul", [reg.name(size), L.rm(rm, size), L.immediate(imm, size)])
        case .unary(let op, let size, let rm):
            return (op.mnemonic, [L.rm(rm, size)])
        case .shift(let op, let size, let rm, let count):
            let countText: String
            switch count {
            case .cl: countText = "cl"
            case .imm(1): countText = "1"
            case .imm(let n): countText = L.hex(UInt64(n))
            }
            return (op.mnemonic, [L.rm(rm, size), countText])
        case .signExtendAccumulator(let size):
            return (size == .qword ? "cqo" : size == .dword ? "cdq" : "cwd", [])
        case .mov(let size, let rm, let reg):
            return ("mov", [L.rm(rm, size), reg.name(size)])
        case .load(let size, let reg, let mem):
            return ("mov", [reg.name(size), L.memory(mem, size)])
        case .movImm(let size, let rm, let imm):
            return ("mov", [L.rm(rm, size), L.immediate(imm, size)])
        case .movabs(let reg, let imm):
            return ("movabs", [reg.name(.qword), L.hex(UInt64(bitPattern: imm))])
        case .extend(let signed, let size, let reg, let rm, let from):
            let mnemonic = from == .dword ? "movsxd" : signed ? "movsx" : "movzx"
            return (mnemonic, [reg.name(size), L.rm(rm, from)])
        case .lea(let size, let reg, let mem):
            return ("lea", [reg.name(size), L.address(mem)])
        case .setcc(let condition, let rm):
            return ("set" + condition.suffix, [L.rm(rm, .byte)])
        case .cmov(let condition, let size, let reg, let rm):
            return ("cmov" + condition.suffix, [reg.name(size), L.rm(rm, size)])
        case .push(let reg):
            return ("push", [reg.name(.qword)])
        case .pop(let reg):
            return ("pop", [reg.name(.qword)])
        case .call(let target):
            return ("call", [L.address(target, origin: origin)])
        case .callIndirect(let rm):
            return ("call", [L.rm(rm, .qword)])
        case .jmpIndirect(let rm):
            return ("jmp", [L.rm(rm, .qword)])
        case .jmp(let target, _):
            return ("jmp", [L.address(target, origin: origin)])
        case .jcc(let condition, let target, _):
            return ("j" + condition.suffix, [L.address(target, origin: origin)])
        case .ret: return ("ret", [])
        case .nop: return ("nop", [])
        case .int3: return ("int3", [])
        case .ud2: return ("ud2", [])
        case .sse(let op, let xmm, let source):
            return (op.mnemonic, [xmm.name, L.xmmOrMem(source, fullRegister: op.readsFullRegister)])
        case .movsdStore(let mem, let xmm):
            return ("movsd", [L.memory(mem, .qword), xmm.name])
        case .cvtsi2sd(let xmm, let size, let rm):
            return ("cvtsi2sd", [xmm.name, L.rm(rm, size)])
        case .cvttsd2si(let size, let reg, let source):
            return ("cvttsd2si", [reg.name(size), L.xmmOrMem(source, fullRegister: false)])
        case .movqToXMM(let xmm, let reg):
            return ("movq", [xmm.name, reg.name(.qword)])
        case .movqFromXMM(let reg, let xmm):
            return ("movq", [reg.name(.qword), xmm.name])
        }
    }
}

extension X64 {
    /// Operand spelling shared by the listing (objdump's Intel flavour).
    enum Listing {
        static func hex(_ value: UInt64) -> String { "0x" + String(value, radix: 16) }

        /// An immediate, shown as the unsigned value of its operand size.
        static func immediate(_ value: Int64, _ size: OperandSize) -> String {
            hex(UInt64(bitPattern: value) & size.mask)
        }

        static func address(_ target: Int, origin: UInt64) -> String {
            hex(origin &+ UInt64(bitPattern: Int64(target)))
        }

        static func rm(_ rm: RM, _ size: OperandSize) -> String {
            switch rm {
            case .reg(let r): return r.name(size)
            case .mem(let m): return memory(m, size)
            }
        }

        static func xmmOrMem(_ operand: XMMOrMem, fullRegister: Bool) -> String {
            switch operand {
            case .xmm(let x): return x.name
            case .mem(let m): return (fullRegister ? "XMMWORD PTR " : "QWORD PTR ") + address(m)
            }
        }

        static func memory(_ m: Memory, _ size: OperandSize) -> String { size.pointerKeyword + " " + address(m) }

        /// `[base+index*scale+disp]`; the displacement is shown whenever the encoding carries one (so `[rbp+0x0]`,
        /// as objdump prints it), negative ones as `-0x…`,
        /// except after `rip`, where objdump shows the 64-bit two's complement.
        static func address(_ m: Memory) -> String {
            var text = "["
            var hasDisplacementField = m.displacement != 0
            switch m.base {
            case .rip:
                text += "rip"
                hasDisplacementField = true
            case .register(let base):
                text += base.name(.qword)
                if base.low3 == 5 { hasDisplacementField = true }
            }
            if let index = m.index {
                text += "+" + index.register.name(.qword) + "*\(index.scale.factor)"
            }
            if m.base == .rip {
                // objdump shows a RIP displacement as an unsigned 64-bit addend: [rip+0xffffffffffffffff] for -1.
                text += "+" + hex(UInt64(bitPattern: Int64(m.displacement)))
            } else if hasDisplacementField {
                let magnitude = UInt64(m.displacement.magnitude)
                text += (m.displacement < 0 ? "-" : "+") + hex(magnitude)
            }
            return text + "]"
        }
    }
}
