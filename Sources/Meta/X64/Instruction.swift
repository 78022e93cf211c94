extension X64 {
    /// The two-operand integer ALU operations, numbered as their ModRM `/digit` (and `op*8` opcode base).
    public enum ALUOp: UInt8, CaseIterable, Hashable, Sendable {
        case add = 0, or, adc, sbb, and, sub, xor, cmp
        public var mnemonic: String { ["add", "or", "adc", "sbb", "and", "sub", "xor", "cmp"][Int(rawValue)] }
    }

    /// One-operand integer operations on an r/m operand (`F6/F7 /digit`, and `FE/FF /0,/1` for inc/dec).
    public enum UnaryOp: CaseIterable, Hashable, Sendable {
        case not, neg, inc, dec
        /// Unsigned divide of `rdx:rax` (at the operand size) by the operand: quotient to `rax`, remainder to `rdx`.
        case div
        /// Signed divide of `rdx:rax` by the operand, truncating: quotient to `rax`, remainder to `rdx`.
        case idiv
        public var mnemonic: String {
            switch self {
            case .not: return "not"
            case .neg: return "neg"
            case .inc: return "inc"
            case .dec: return "dec"
            case .div: return "div"
            case .idiv: return "idiv"
            }
        }
    }

    /// Shifts, numbered as their ModRM `/digit`.
    public enum ShiftOp: UInt8, CaseIterable, Hashable, Sendable {
        case shl = 4, shr = 5, sar = 7
        public var mnemonic: String { self == .shl ? "shl" : self == .shr ? "shr" : "sar" }
    }

    /// A shift count: an immediate (masked by the CPU to 6 bits for 64-bit shifts, 5 otherwise) or `cl`.
    public enum ShiftCount: Hashable, Sendable {
        case imm(UInt8)
        case cl
    }

    /// The SSE2 operations of the form `op xmm, xmm/mem` (scalar double unless the name says `pd`).
    public enum SSEOp: CaseIterable, Hashable, Sendable {
        /// `movsd xmm, xmm/m64`: a register source replaces the low lane only; a memory source zeroes the high lane.
        case movsd
        /// `movapd xmm, xmm/m128`: a full register copy (the memory form needs 16-byte alignment).
        case movapd
        case addsd, subsd, mulsd, divsd, sqrtsd, minsd, maxsd
        /// Unordered compare of the low doubles, setting ZF/PF/CF (PF=1 when unordered).
        case ucomisd
        /// Ordered compare; the flags are the same as `ucomisd` (it only differs in signalling on quiet NaNs).
        case comisd
        /// Bitwise and/xor of the full 128 bits (the memory form needs 16-byte alignment).
        case andpd, xorpd

        public var mnemonic: String {
            switch self {
            case .movsd: return "movsd"
            case .movapd: return "movapd"
            case .addsd: return "addsd"
            case .subsd: return "subsd"
            case .mulsd: return "mulsd"
            case .divsd: return "divsd"
            case .sqrtsd: return "sqrtsd"
            case .minsd: return "minsd"
            case .maxsd: return "maxsd"
            case .ucomisd: return "ucomisd"
            case .comisd: return "comisd"
            case .andpd: return "andpd"
            case .xorpd: return "xorpd"
            }
        }

        /// The mandatory prefix and the opcode byte after `0F`.
        var encoding: (prefix: UInt8, opcode: UInt8) {
            switch self {
            case .movsd: return (0xF2, 0x10)
            case .movapd: return (0x66, 0x28)
            case .addsd: return (0xF2, 0x58)
            case .subsd: return (0xF2, 0x5C)
            case .mulsd: return (0xF2, 0x59)
            case .divsd: return (0xF2, 0x5E)
            case .sqrtsd: return (0xF2, 0x51)
            case .minsd: return (0xF2, 0x5D)
            case .maxsd: return (0xF2, 0x5F)
            case .ucomisd: return (0x66, 0x2E)
            case .comisd: return (0x66, 0x2F)
            case .andpd: return (0x66, 0x54)
            case .xorpd: return (0x66, 0x57)
            }
        }

        /// Whether a memory operand is the whole 128-bit register (`XMMWORD PTR`) rather than one double.
        var readsFullRegister: Bool { self == .movapd || self == .andpd || self == .xorpd }
    }

    /// Whether a relative branch carries an 8-bit or a 32-bit displacement.
    public enum Reach: Hashable, Sendable {
        case rel8, rel32
    }

    /// One x86-64 instruction of the forms the backend emits.
    ///
    /// Immediates are stored sign-extended from the operand size (so `and eax, 0xffff0000` holds -65536); branch
    /// and call targets are offsets from the start of the code they belong to.
    public enum Instruction: Hashable, Sendable {
        /// `op r/m, reg` (opcode `op*8+1`, or `+0` for bytes); also the register–register form, as GNU as emits it.
        case alu(ALUOp, OperandSize, RM, GPR)
        /// `op reg, mem` (opcode `op*8+3`).
        case aluLoad(ALUOp, OperandSize, GPR, Memory)
        /// `op r/m, imm`: `83 /op ib` when the value fits a signed byte, else the accumulator short form for
        /// al/ax/eax/rax, else `81 /op` with an imm16/32 (bytes: `80 /op ib` or `04+op*8`).
        case aluImm(ALUOp, OperandSize, RM, Int64)
        /// `test r/m, reg`.
        case test(OperandSize, RM, GPR)
        /// `test r/m, imm` (`A8/A9` for the accumulator, else `F6/F7 /0`; there is no imm8 form).
        case testImm(OperandSize, RM, Int64)
        /// `imul reg, r/m` (word, dword, qword).
        case imul(OperandSize, GPR, RM)
        /// `imul reg, r/m, imm` (`6B` with an imm8 when it fits, else `69`).
        case imulImm(OperandSize, GPR, RM, Int64)
        case unary(UnaryOp, OperandSize, RM)
        case shift(ShiftOp, OperandSize, RM, ShiftCount)
        /// Sign-extends the accumulator into rdx: `cqo` (qword), `cdq` (dword), `cwd` (word).
        case signExtendAccumulator(OperandSize)
        /// `mov r/m, reg` (also the register–register form).
        case mov(OperandSize, RM, GPR)
        /// `mov reg, mem`.
        case load(OperandSize, GPR, Memory)
        /// `mov r/m, imm` (a qword immediate is sign-extended from 32 bits; a register destination below qword
        /// uses the short `B0+r`/`B8+r` form).
        case movImm(OperandSize, RM, Int64)
        /// `movabs reg, imm64`.
        case movabs(GPR, Int64)
        /// `movzx`/`movsx reg, r/m` from a byte or word, and `movsxd reg, r/m32` (signed, from dword, to qword).
        case extend(signed: Bool, OperandSize, GPR, RM, from: OperandSize)
        case lea(OperandSize, GPR, Memory)
        /// `setcc r/m8`.
        case setcc(Condition, RM)
        case cmov(Condition, OperandSize, GPR, RM)
        case push(GPR)
        case pop(GPR)
        /// `call rel32`.
        case call(target: Int)
        case callIndirect(RM)
        case jmpIndirect(RM)
        case jmp(target: Int, Reach)
        case jcc(Condition, target: Int, Reach)
        case ret, nop, int3, ud2
        /// `op xmm, xmm/mem` for the SSE2 operations.
        case sse(SSEOp, XMM, XMMOrMem)
        /// `movsd m64, xmm`.
        case movsdStore(Memory, XMM)
        /// `cvtsi2sd xmm, r/m` from a dword or qword integer.
        case cvtsi2sd(XMM, OperandSize, RM)
        /// `cvttsd2si reg, xmm/m64` to a dword or qword integer (truncating; out of range gives the minimum value).
        case cvttsd2si(OperandSize, GPR, XMMOrMem)
        /// `movq xmm, r64`: the bits of a register into the low lane, zeroing the high lane.
        case movqToXMM(XMM, GPR)
        /// `movq r64, xmm`: the bits of the low lane.
        case movqFromXMM(GPR, XMM)

        /// The same instruction with its relative target replaced.
        func retargeted(_ newTarget: Int) -> Instruction {
            switch self {
            case .call: return .call(target: newTarget)
            case .jmp(_, let reach): return .jmp(target: newTarget, reach)
            case .jcc(let condition, _, let reach): return .jcc(condition, target: newTarget, reach)
            default: preconditionFailure("\(self) has no relative target")
            }
        }
    }
}
