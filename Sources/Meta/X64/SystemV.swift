extension X64 {
    /// The System V AMD64 calling convention, as generated code and the Swift runtime meet at `@convention(c)`.
    public enum SystemV {
        /// Integer and pointer arguments, in order; further ones go on the stack.
        public static let integerArguments: [GPR] = [.rdi, .rsi, .rdx, .rcx, .r8, .r9]
        /// Double arguments, in order.
        public static let doubleArguments: [XMM] = Array(XMM.allCases.prefix(8))
        /// Registers a callee must preserve (with rsp); every other GPR and all xmm registers are caller-saved.
        public static let calleeSaved: [GPR] = [.rbx, .rbp, .r12, .r13, .r14, .r15]
        /// Integer results come back in rax (and rdx), doubles in xmm0 (and xmm1). rsp must be 16-byte aligned at
        /// a call, so it is 8 off alignment at a function's first instruction.
        public static let stackAlignment = 16
    }
}
