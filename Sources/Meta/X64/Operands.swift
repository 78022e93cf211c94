extension X64 {
    /// The scale of an index register in a memory operand.
    public enum Scale: UInt8, Hashable, Sendable {
        case x1 = 0, x2 = 1, x4 = 2, x8 = 3
        public var factor: Int { 1 << Int(rawValue) }
    }

    /// A memory operand: `[base + index*scale + displacement]`, or `[rip + displacement]`.
    ///
    /// The displacement of a RIP-relative operand counts from the end of the instruction, as the CPU does.
    public struct Memory: Hashable, Sendable {
        /// What the address is computed from.
        public enum Base: Hashable, Sendable {
            case register(GPR)
            case rip
        }
        public let base: Base
        public let index: (register: GPR, scale: Scale)?
        public let displacement: Int32

        /// `[base + displacement]`.
        public init(_ base: GPR, _ displacement: Int32 = 0) {
            self.base = .register(base)
            self.index = nil
            self.displacement = displacement
        }

        /// `[base + index*scale + displacement]`; `rsp` cannot be an index (its code means "no index").
        public init(_ base: GPR, index: GPR, scale: Scale = .x1, _ displacement: Int32 = 0) {
            precondition(index != .rsp, "rsp cannot be an index register")
            self.base = .register(base)
            self.index = (index, scale)
            self.displacement = displacement
        }

        private init(ripRelative displacement: Int32) {
            base = .rip
            index = nil
            self.displacement = displacement
        }

        /// `[rip + displacement]`, relative to the end of the instruction.
        public static func rip(_ displacement: Int32) -> Memory { Memory(ripRelative: displacement) }

        public static func == (a: Memory, b: Memory) -> Bool {
            a.base == b.base && a.displacement == b.displacement
                && a.index?.register == b.index?.register && a.index?.scale == b.index?.scale
        }

        public func hash(into hasher: inout Hasher) {
            hasher.combine(base)
            hasher.combine(displacement)
            hasher.combine(index?.register)
            hasher.combine(index?.scale)
        }
    }

    /// An integer r/m operand: a general-purpose register or memory.
    public enum RM: Hashable, Sendable {
        case reg(GPR)
        case mem(Memory)
    }

    /// An SSE r/m operand: an xmm register or memory.
    public enum XMMOrMem: Hashable, Sendable {
        case xmm(XMM)
        case mem(Memory)
    }

    /// The condition of a `jcc`, `setcc` or `cmovcc`, numbered as in the opcode (`70+cc`, `0F 90+cc`, `0F 40+cc`).
    public enum Condition: UInt8, CaseIterable, Hashable, Sendable {
        case overflow = 0, noOverflow, below, aboveOrEqual, equal, notEqual, belowOrEqual, above
        case sign, noSign, parity, noParity, less, greaterOrEqual, lessOrEqual, greater

        /// objdump's suffix for the condition (`jl`, `setge`, `cmovne`, …).
        public var suffix: String {
            ["o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"][Int(rawValue)]
        }

        /// The condition that holds exactly when this one does not.
        public var negated: Condition { Condition(rawValue: rawValue ^ 1)! }
    }
}
