#if canImport(Glibc)
import Glibc
#endif

extension X64 {
    /// The arithmetic flags the emulated instructions define and read (AF is neither read nor modelled).
    public struct CPUFlags: OptionSet, Hashable, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let carry = CPUFlags(rawValue: 1)
        public static let parity = CPUFlags(rawValue: 2)
        public static let zero = CPUFlags(rawValue: 4)
        public static let sign = CPUFlags(rawValue: 8)
        public static let overflow = CPUFlags(rawValue: 16)
        public static let all: CPUFlags = [.carry, .parity, .zero, .sign, .overflow]
    }

    /// Why emulation stopped before the function returned.
    public enum EmulatorError: Error, Equatable, CustomStringConvertible {
        /// Control reached an address that is not an instruction of the emulated code.
        case notAnInstruction(address: UInt64)
        /// A jump (not a call) left the emulated code.
        case jumpOutOfCode(address: UInt64)
        /// `div`/`idiv` by zero or with a quotient that does not fit (the CPU's #DE).
        case divideError(address: UInt64)
        /// A `jcc`/`setcc`/`cmovcc` read a flag the last flag-writing instruction left undefined.
        case undefinedFlagRead(address: UInt64, flags: UInt8)
        /// A native function was called with rsp not 16-byte aligned, which the ABI forbids.
        case misalignedStackAtCall(address: UInt64)
        /// A 128-bit SSE memory operand (movapd, andpd, xorpd) was not 16-byte aligned.
        case misalignedMemoryOperand(address: UInt64, operand: UInt64)
        case stackOverflow(address: UInt64)
        /// `int3` or `ud2` was executed.
        case trap(address: UInt64)
        case stepLimitExceeded(Int)

        public var description: String {
            func at(_ address: UInt64) -> String { "at 0x" + String(address, radix: 16) }
            switch self {
            case .notAnInstruction(let a): return "no emulated instruction \(at(a))"
            case .jumpOutOfCode(let a): return "jump out of the emulated code to 0x" + String(a, radix: 16)
            case .divideError(let a): return "divide error \(at(a))"
            case .undefinedFlagRead(let a, let flags):
                return "condition reads undefined flags (mask 0x\(String(flags, radix: 16))) \(at(a))"
            case .misalignedStackAtCall(let a): return "native call with a misaligned stack \(at(a))"
            case .misalignedMemoryOperand(let a, let operand):
                return "128-bit memory operand 0x\(String(operand, radix: 16)) not 16-byte aligned \(at(a))"
            case .stackOverflow(let a): return "emulated stack overflow \(at(a))"
            case .trap(let a): return "trap instruction \(at(a))"
            case .stepLimitExceeded(let n): return "no return after \(n) instructions"
            }
        }
    }

    /// An emulator of exactly the instruction forms `X64.Instruction` describes, executing installed code from its
    /// own instruction records — the semantics are derived from the same values the encoder and listing use.
    ///
    /// It steps one instruction at a time (for a `stepi` view) with registers, flags, its own stack, and memory
    /// through raw pointers (the same memory native code would touch). A call to an address outside the emulated
    /// code is a real native call through `NativeCallTrampoline` (register arguments only). Flags an instruction
    /// leaves undefined are tracked, and reading one is an error rather than a guess.
    public final class Emulator {
        /// The general-purpose registers, indexed by `GPR.rawValue`.
        public var registers = [UInt64](repeating: 0, count: 16)
        /// Each xmm register as its two 64-bit lanes (lane 0 is the scalar double).
        public var xmm = [SIMD2<UInt64>](repeating: .zero, count: 16)
        public var flags: CPUFlags = []
        public var undefinedFlags: CPUFlags = .all
        /// The address of the next instruction.
        public private(set) var pc: UInt64 = 0
        public private(set) var instructionsExecuted = 0

        /// The code the emulator executes; calls to anything else are native calls.
        public private(set) var codes: [ExecutableCode]
        private var instructionIndexes: [ObjectIdentifier: [Int: Int]] = [:]
        private let stack: UnsafeMutableRawPointer
        private let stackBytes: Int
        private let nativeState: UnsafeMutableRawPointer
        private let trampoline: NativeCallTrampoline
        /// The return address the emulated function returns to: the bottom of the emulated stack (never code).
        private var returnSentinel: UInt64 { UInt64(UInt(bitPattern: stack)) }

        /// An emulator for `codes` (all from one `CodeMemory`, where it installs its native-call trampoline).
        public init(codes: [ExecutableCode], stackBytes: Int = 1 << 16) throws {
            precondition(!codes.isEmpty, "nothing to emulate")
            precondition(codes.allSatisfy { $0.memory === codes[0].memory }, "emulated code must share one CodeMemory")
            self.codes = codes
            self.stackBytes = stackBytes
            stack = UnsafeMutableRawPointer.allocate(byteCount: stackBytes, alignment: 16)
            nativeState = UnsafeMutableRawPointer.allocate(byteCount: NativeCallTrampoline.stateBytes, alignment: 16)
            trampoline = try NativeCallTrampoline(memory: codes[0].memory)
        }

        /// Adds code to emulate (a bridge compiled later, say) instead of calling it natively.
        public func add(_ code: ExecutableCode) {
            precondition(code.memory === codes[0].memory, "emulated code must share one CodeMemory")
            codes.append(code)
        }

        deinit {
            stack.deallocate()
            nativeState.deallocate()
        }

        /// Sets up a System V call of `function`: the first six integers in rdi, rsi, rdx, rcx, r8, r9, the rest on
        /// the stack, doubles in xmm0–xmm7; then `step` until `.returned`, or use `run`.
        public func prepareCall(_ function: UnsafeRawPointer, integers: [UInt64] = [], doubles: [Double] = []) {
            precondition(doubles.count <= SystemV.doubleArguments.count, "only register double arguments are supported")
            registers = [UInt64](repeating: 0, count: 16)
            xmm = [SIMD2<UInt64>](repeating: .zero, count: 16)
            for (register, value) in zip(SystemV.integerArguments, integers) {
                registers[Int(register.rawValue)] = value
            }
            for (index, value) in doubles.enumerated() { xmm[index] = SIMD2(value.bitPattern, 0) }
            let stackArguments = Array(integers.dropFirst(SystemV.integerArguments.count))
            // At entry rsp+8 is 16-byte aligned, the return address at [rsp], stack arguments above it.
            var top = (UInt64(UInt(bitPattern: stack)) + UInt64(stackBytes)) & ~15
            top -= UInt64((stackArguments.count * 8 + 15) & ~15)
            for (index, value) in stackArguments.enumerated() { store(top + UInt64(8 * index), .qword, value) }
            top -= 8
            store(top, .qword, returnSentinel)
            registers[Int(GPR.rsp.rawValue)] = top
            flags = []
            undefinedFlags = .all
            pc = UInt64(UInt(bitPattern: function))
            instructionsExecuted = 0
        }

        /// The outcome of one step.
        public enum Step: Equatable {
            case continued
            /// The emulated function returned to its caller.
            case returned
        }

        /// Runs a prepared call to its return and gives rax and xmm0's double.
        public func run(stepLimit: Int = 50_000_000) throws -> (rax: UInt64, xmm0: Double) {
            while try step() == .continued {
                if instructionsExecuted >= stepLimit { throw EmulatorError.stepLimitExceeded(stepLimit) }
            }
            return (registers[0], Double(bitPattern: xmm[0][0]))
        }

        /// Calls `function` emulated, as `prepareCall` then `run`.
        public func call(_ function: UnsafeRawPointer, integers: [UInt64] = [], doubles: [Double] = [],
                         stepLimit: Int = 50_000_000) throws -> (rax: UInt64, xmm0: Double) {
            prepareCall(function, integers: integers, doubles: doubles)
            return try run(stepLimit: stepLimit)
        }

        /// The code and instruction record at `pc`, if `pc` is the start of an emulated instruction.
        public var currentInstruction: (code: ExecutableCode, record: InstructionRecord)? {
            guard let (code, index) = locate(pc) else { return nil }
            return (code, code.instructions[index])
        }

        /// Executes the instruction at `pc`.
        public func step() throws -> Step {
            guard let (code, index) = locate(pc) else { throw EmulatorError.notAnInstruction(address: pc) }
            let record = code.instructions[index]
            let base = UInt64(UInt(bitPattern: code.address))
            let here = pc
            let next = base + UInt64(record.end)
            pc = next
            instructionsExecuted += 1
            do {
                try execute(record.instruction, base: base, here: here, next: next)
            } catch let error as EmulatorError {
                pc = here
                throw error
            }
            return pc == returnSentinel ? .returned : .continued
        }

        private func locate(_ address: UInt64) -> (ExecutableCode, Int)? {
            // Released code is inaccessible memory, as on the CPU.
            for code in codes where !code.isReleased {
                let base = UInt64(UInt(bitPattern: code.address))
                guard address >= base, address < base + UInt64(code.byteCount) else { continue }
                let key = ObjectIdentifier(code)
                if instructionIndexes[key] == nil {
                    instructionIndexes[key] = Dictionary(uniqueKeysWithValues: code.instructions.enumerated()
                        .map { ($0.element.offset, $0.offset) })
                }
                return instructionIndexes[key]![Int(address - base)].map { (code, $0) }
            }
            return nil
        }

        private func isEmulated(_ address: UInt64) -> Bool { locate(address) != nil }

        // MARK: - Control flow

        private func execute(_ instruction: Instruction, base: UInt64, here: UInt64, next: UInt64) throws {
            switch instruction {
            case .jmp(let target, _):
                try jump(to: base &+ UInt64(bitPattern: Int64(target)))
            case .jcc(let condition, let target, _):
                if try holds(condition, at: here) { try jump(to: base &+ UInt64(bitPattern: Int64(target))) }
            case .jmpIndirect(let rm):
                try jump(to: read(rm, .qword, next: next))
            case .call(let target):
                try call(base &+ UInt64(bitPattern: Int64(target)), returningTo: next, at: here)
            case .callIndirect(let rm):
                try call(read(rm, .qword, next: next), returningTo: next, at: here)
            case .ret:
                pc = pop()
            case .push(let r):
                try push(registers[Int(r.rawValue)], at: here)
            case .pop(let r):
                let value = pop()
                registers[Int(r.rawValue)] = value
            case .int3, .ud2:
                throw EmulatorError.trap(address: here)
            case .nop:
                break
            default:
                try executeData(instruction, next: next, at: here)
            }
        }

        private func jump(to target: UInt64) throws {
            guard isEmulated(target) else { throw EmulatorError.jumpOutOfCode(address: target) }
            pc = target
        }

        /// A call into emulated code pushes the return address and continues there; any other target is called
        /// natively.
        private func call(_ target: UInt64, returningTo next: UInt64, at address: UInt64) throws {
            if isEmulated(target) {
                try push(next, at: address)
                pc = target
            } else {
                try callNative(target, at: address)
            }
        }

        private func push(_ value: UInt64, at address: UInt64) throws {
            let rsp = registers[Int(GPR.rsp.rawValue)] &- 8
            guard rsp >= UInt64(UInt(bitPattern: stack)) else { throw EmulatorError.stackOverflow(address: address) }
            store(rsp, .qword, value)
            registers[Int(GPR.rsp.rawValue)] = rsp
        }

        private func pop() -> UInt64 {
            let rsp = registers[Int(GPR.rsp.rawValue)]
            registers[Int(GPR.rsp.rawValue)] = rsp &+ 8
            return load(rsp, .qword)
        }

        /// A real call of native code: argument registers out, rax/rdx/xmm0/xmm1 back; the flags are undefined
        /// after it, as after any call.
        private func callNative(_ target: UInt64, at address: UInt64) throws {
            guard registers[Int(GPR.rsp.rawValue)] % UInt64(SystemV.stackAlignment) == 0 else {
                throw EmulatorError.misalignedStackAtCall(address: address)
            }
            typealias T = NativeCallTrampoline
            for r in SystemV.integerArguments + [.rax] {
                nativeState.storeBytes(of: registers[Int(r.rawValue)], toByteOffset: T.gprOffset + 8 * Int(r.rawValue),
                                       as: UInt64.self)
            }
            for i in SystemV.doubleArguments.indices { nativeState.storeBytes(of: xmm[i][0], toByteOffset: T.xmmOffset + 8 * i, as: UInt64.self) }
            trampoline.call(UnsafeRawPointer(bitPattern: UInt(target))!, state: nativeState)
            registers[Int(GPR.rax.rawValue)] = nativeState.load(fromByteOffset: T.gprOffset, as: UInt64.self)
            registers[Int(GPR.rdx.rawValue)] = nativeState.load(fromByteOffset: T.gprOffset + 16, as: UInt64.self)
            xmm[0] = SIMD2(nativeState.load(fromByteOffset: T.xmmOffset, as: UInt64.self), 0)
            xmm[1] = SIMD2(nativeState.load(fromByteOffset: T.xmmOffset + 8, as: UInt64.self), 0)
            undefinedFlags = .all
        }

        /// Whether `condition` holds; reading a flag left undefined is an error.
        func holds(_ condition: Condition, at address: UInt64) throws -> Bool {
            let needed: CPUFlags
            switch condition {
            case .overflow, .noOverflow: needed = .overflow
            case .below, .aboveOrEqual: needed = .carry
            case .equal, .notEqual: needed = .zero
            case .belowOrEqual, .above: needed = [.carry, .zero]
            case .sign, .noSign: needed = .sign
            case .parity, .noParity: needed = .parity
            case .less, .greaterOrEqual: needed = [.sign, .overflow]
            case .lessOrEqual, .greater: needed = [.zero, .sign, .overflow]
            }
            guard undefinedFlags.isDisjoint(with: needed) else {
                throw EmulatorError.undefinedFlagRead(address: address,
                                                      flags: undefinedFlags.intersection(needed).rawValue)
            }
            let cf = flags.contains(.carry), zf = flags.contains(.zero), sf = flags.contains(.sign)
            let of = flags.contains(.overflow), pf = flags.contains(.parity)
            let value: Bool
            switch condition.rawValue >> 1 {
            case 0: value = of
            case 1: value = cf
            case 2: value = zf
            case 3: value = cf || zf
            case 4: value = sf
            case 5: value = pf
            case 6: value = sf != of
            default: value = zf || sf != of
            }
            return condition.rawValue & 1 == 0 ? value : !value
        }

        // MARK: - Operands

        func address(_ m: Memory, next: UInt64) -> UInt64 {
            var address: UInt64
            switch m.base {
            case .rip: address = next
            case .register(let r): address = registers[Int(r.rawValue)]
            }
            if let index = m.index {
                address &+= registers[Int(index.register.rawValue)] &* UInt64(index.scale.factor)
            }
            return address &+ UInt64(bitPattern: Int64(m.displacement))
        }

        func load(_ address: UInt64, _ size: OperandSize) -> UInt64 {
            let pointer = UnsafeRawPointer(bitPattern: UInt(address))!
            switch size {
            case .byte: return UInt64(pointer.loadUnaligned(as: UInt8.self))
            case .word: return UInt64(pointer.loadUnaligned(as: UInt16.self))
            case .dword: return UInt64(pointer.loadUnaligned(as: UInt32.self))
            case .qword: return pointer.loadUnaligned(as: UInt64.self)
            }
        }

        func store(_ address: UInt64, _ size: OperandSize, _ value: UInt64) {
            let pointer = UnsafeMutableRawPointer(bitPattern: UInt(address))!
            switch size {
            case .byte: pointer.storeBytes(of: UInt8(truncatingIfNeeded: value), as: UInt8.self)
            case .word: pointer.storeBytes(of: UInt16(truncatingIfNeeded: value), as: UInt16.self)
            case .dword: pointer.storeBytes(of: UInt32(truncatingIfNeeded: value), as: UInt32.self)
            case .qword: pointer.storeBytes(of: value, as: UInt64.self)
            }
        }

        /// The operand's value at `size`, zero-extended.
        func read(_ rm: RM, _ size: OperandSize, next: UInt64) -> UInt64 {
            switch rm {
            case .reg(let r): return registers[Int(r.rawValue)] & size.mask
            case .mem(let m): return load(address(m, next: next), size)
            }
        }

        func write(_ rm: RM, _ size: OperandSize, _ value: UInt64, next: UInt64) {
            switch rm {
            case .reg(let r): setRegister(r, size, value)
            case .mem(let m): store(address(m, next: next), size, value)
            }
        }

        /// Writes a register at `size`: a dword write zero-extends to 64 bits, byte and word writes keep the rest.
        func setRegister(_ r: GPR, _ size: OperandSize, _ value: UInt64) {
            let index = Int(r.rawValue)
            switch size {
            case .qword: registers[index] = value
            case .dword: registers[index] = value & 0xFFFF_FFFF
            case .word, .byte: registers[index] = registers[index] & ~size.mask | value & size.mask
            }
        }

        /// An SSE source; a 128-bit memory operand must be 16-byte aligned (else the CPU raises #GP).
        func readXMM(_ operand: XMMOrMem, fullRegister: Bool, next: UInt64, at instruction: UInt64) throws
            -> SIMD2<UInt64> {
            switch operand {
            case .xmm(let x): return xmm[Int(x.rawValue)]
            case .mem(let m):
                let a = address(m, next: next)
                if fullRegister, a % 16 != 0 {
                    throw EmulatorError.misalignedMemoryOperand(address: instruction, operand: a)
                }
                return SIMD2(load(a, .qword), fullRegister ? load(a + 8, .qword) : 0)
            }
        }
    }
}
