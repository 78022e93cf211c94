extension X64 {
    /// A small piece of generated code through which the emulator calls native functions per the System V ABI:
    /// `trampoline(state, target)` loads rdi, rsi, rdx, rcx, r8, r9, rax (the vector-register count of a variadic
    /// call) and xmm0–xmm7 from `state`, calls `target`, and stores rax, rdx, xmm0 and xmm1 back.
    ///
    /// Only register arguments pass: a native callee that takes stack arguments would read the trampoline's frame.
    final class NativeCallTrampoline {
        /// `state` layout: the sixteen GPRs by number (8 bytes each), then the low doubles of xmm0–xmm7.
        static let gprOffset = 0
        static let xmmOffset = 16 * 8
        static let stateBytes = xmmOffset + 8 * SystemV.doubleArguments.count

        private let code: ExecutableCode
        private let entry: @convention(c) (UnsafeMutableRawPointer, UnsafeRawPointer) -> Void

        init(memory: CodeMemory) throws {
            let a = Assembler()
            let state = GPR.rbx
            func slot(_ register: GPR) -> Memory { Memory(state, Int32(Self.gprOffset + 8 * Int(register.rawValue))) }
            func slot(_ register: XMM) -> Memory { Memory(state, Int32(Self.xmmOffset + 8 * Int(register.rawValue))) }
            a.emit(.push(state))                                 // callee-saved, and aligns rsp to 16 for the call
            a.emit(.mov(.qword, .reg(state), .rdi))
            a.emit(.mov(.qword, .reg(.r11), .rsi))
            for x in SystemV.doubleArguments { a.emit(.sse(.movsd, x, .mem(slot(x)))) }
            for r in SystemV.integerArguments + [.rax] { a.emit(.load(.qword, r, slot(r))) }
            a.emit(.callIndirect(.reg(.r11)))
            a.emit(.mov(.qword, .mem(slot(.rax)), .rax))
            a.emit(.mov(.qword, .mem(slot(.rdx)), .rdx))
            a.emit(.movsdStore(slot(.xmm0), .xmm0))
            a.emit(.movsdStore(slot(.xmm1), .xmm1))
            a.emit(.pop(state))
            a.emit(.ret)
            code = try memory.install(try a.finish())
            entry = unsafeBitCast(code.address, to: (@convention(c) (UnsafeMutableRawPointer, UnsafeRawPointer)
                -> Void).self)
        }

        deinit { try? code.memory.release(code) }

        func call(_ target: UnsafeRawPointer, state: UnsafeMutableRawPointer) { entry(state, target) }
    }
}
