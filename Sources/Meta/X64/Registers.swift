extension X64 {
    /// A 64-bit general-purpose register, numbered as in the ModRM/REX encoding (`rax` = 0 … `r15` = 15).
    public enum GPR: UInt8, CaseIterable, Hashable, Sendable {
        case rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15

        /// The low three bits that go into ModRM/SIB fields.
        var low3: UInt8 { rawValue & 7 }
        /// Whether the register needs a REX extension bit (r8–r15).
        var isExtended: Bool { rawValue >= 8 }

        /// The register's name when used at `size` (`rax`/`eax`/`ax`/`al`, `r8`/`r8d`/`r8w`/`r8b`).
        public func name(_ size: OperandSize) -> String {
            if isExtended {
                switch size {
                case .qword: return "r\(rawValue)"
                case .dword: return "r\(rawValue)d"
                case .word: return "r\(rawValue)w"
                case .byte: return "r\(rawValue)b"
                }
            }
            let base = ["ax", "cx", "dx", "bx", "sp", "bp", "si", "di"][Int(rawValue)]
            switch size {
            case .qword: return "r" + base
            case .dword: return "e" + base
            case .word: return base
            case .byte: return ["al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil"][Int(rawValue)]
            }
        }

        /// As a byte register, spl/bpl/sil/dil exist only with a REX prefix (without one the codes mean ah–bh).
        var byteNeedsREX: Bool { (4...7).contains(rawValue) }
    }

    /// An SSE register (`xmm0` … `xmm15`).
    public enum XMM: UInt8, CaseIterable, Hashable, Sendable {
        case xmm0, xmm1, xmm2, xmm3, xmm4, xmm5, xmm6, xmm7, xmm8, xmm9, xmm10, xmm11, xmm12, xmm13, xmm14, xmm15

        var low3: UInt8 { rawValue & 7 }
        var isExtended: Bool { rawValue >= 8 }
        public var name: String { "xmm\(rawValue)" }
    }

    /// The width of an integer operation or memory access.
    public enum OperandSize: Int, CaseIterable, Hashable, Sendable {
        case byte = 1, word = 2, dword = 4, qword = 8

        public var bits: Int { rawValue * 8 }
        /// objdump's size keyword for a memory operand of this width (`QWORD PTR`).
        var pointerKeyword: String {
            switch self {
            case .byte: return "BYTE PTR"
            case .word: return "WORD PTR"
            case .dword: return "DWORD PTR"
            case .qword: return "QWORD PTR"
            }
        }
        /// Truncates a value to this width and sign-extends it back to 64 bits.
        public func signExtend(_ value: Int64) -> Int64 {
            switch self {
            case .byte: return Int64(Int8(truncatingIfNeeded: value))
            case .word: return Int64(Int16(truncatingIfNeeded: value))
            case .dword: return Int64(Int32(truncatingIfNeeded: value))
            case .qword: return value
            }
        }
        /// The all-ones mask of this width.
        public var mask: UInt64 { self == .qword ? ~0 : (1 << UInt64(bits)) - 1 }
    }
}
