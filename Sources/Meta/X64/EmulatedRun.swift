extension X64 {
    /// A machine register the emulator models: a general-purpose register or an xmm register.
    public enum MachineRegister: Hashable, Sendable {
        case gpr(GPR)
        case xmm(XMM)

        public var name: String {
            switch self {
            case .gpr(let r): r.name(.qword)
            case .xmm(let x): x.name
            }
        }
    }

    /// A register one instruction changed: its value before and after (an xmm register's two 64-bit lanes).
    public struct RegisterChange: Hashable, Sendable {
        public let register: MachineRegister
        public let old: SIMD2<UInt64>
        public let new: SIMD2<UInt64>
    }

    /// One instruction executed by an `EmulatedCall`: which, and what it changed.
    public struct ExecutedInstruction {
        /// The code the instruction is in (the trace's own code or an attached bridge's).
        public let code: ExecutableCode
        public let record: InstructionRecord
        public let changes: [RegisterChange]
        public let flagsBefore: CPUFlags, flagsAfter: CPUFlags
        public let undefinedFlagsBefore: CPUFlags, undefinedFlagsAfter: CPUFlags
    }

    /// A run of a compiled trace's entry function in the `Emulator`, in progress: the very bytes installed (the
    /// trace's code and its bridges' code), one instruction at a time. Residual calls are real native calls.
    public final class EmulatedCall {
        public let emulator: Emulator
        /// The run's frame area (what the entry function receives in rdi).
        public let frame: UnsafeMutableRawBufferPointer
        /// rsp when the entry function began (the return address is at it).
        public let entryStackPointer: UInt64
        /// Set when the entry function has returned (rax is then the exit index).
        public private(set) var hasReturned = false

        init(emulator: Emulator, frame: UnsafeMutablePointer<UInt64>, words: Int) {
            self.emulator = emulator
            self.frame = UnsafeMutableRawBufferPointer(start: UnsafeMutableRawPointer(frame), count: words * 8)
            entryStackPointer = emulator.registers[Int(GPR.rsp.rawValue)]
        }

        /// The instruction about to execute (nil once the function returned).
        public var next: (code: ExecutableCode, record: InstructionRecord)? {
            hasReturned ? nil : emulator.currentInstruction
        }

        /// Executes one instruction; nil when the function had already returned. Throws `EmulatorError`.
        public func step() throws -> ExecutedInstruction? {
            guard !hasReturned, let (code, record) = emulator.currentInstruction else {
                if hasReturned { return nil }
                throw EmulatorError.notAnInstruction(address: emulator.pc)
            }
            let registers = emulator.registers, xmm = emulator.xmm
            let flags = emulator.flags, undefined = emulator.undefinedFlags
            hasReturned = try emulator.step() == .returned
            var changes: [RegisterChange] = []
            for r in GPR.allCases where registers[Int(r.rawValue)] != emulator.registers[Int(r.rawValue)] {
                changes.append(RegisterChange(register: .gpr(r), old: SIMD2(registers[Int(r.rawValue)], 0),
                                              new: SIMD2(emulator.registers[Int(r.rawValue)], 0)))
            }
            for x in XMM.allCases where xmm[Int(x.rawValue)] != emulator.xmm[Int(x.rawValue)] {
                changes.append(RegisterChange(register: .xmm(x), old: xmm[Int(x.rawValue)], new: emulator.xmm[Int(x.rawValue)]))
            }
            return ExecutedInstruction(code: code, record: record, changes: changes, flagsBefore: flags,
                                       flagsAfter: emulator.flags, undefinedFlagsBefore: undefined,
                                       undefinedFlagsAfter: emulator.undefinedFlags)
        }

        /// Executes instructions until the function returns.
        func finish() throws {
            while !hasReturned { _ = try step() }
        }
    }
}

extension X64.CompiledTrace {
    /// Runs the code like `run`, but in the emulator: `body` gets the call stopped at the entry function's first
    /// instruction and may step it as far as it likes (it may run guest code meanwhile, the Lab's command loop
    /// for one); then the rest runs to the function's return, and the exit is read as after a native run.
    public func runEmulated(_ inputs: [ConcreteValue], _ body: (X64.EmulatedCall) throws -> Void) throws -> TraceExit {
        let emulator = try X64.Emulator(codes: [code] + bridges.map(\.code))
        return try run(inputs) { frame in
            emulator.prepareCall(code.address, integers: [UInt64(UInt(bitPattern: frame))])
            let call = X64.EmulatedCall(emulator: emulator, frame: frame, words: frameWords)
            try body(call)
            try call.finish()
            return Int(truncatingIfNeeded: emulator.registers[Int(X64.GPR.rax.rawValue)])
        }
    }
}
