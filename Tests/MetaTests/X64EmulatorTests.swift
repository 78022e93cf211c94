import Testing
@testable import Meta

/// The emulator runs the same installed code as the CPU and must agree with it exactly: on the shared test
/// programs over many inputs, and on randomly generated straight-line programs over every data form.
@Suite struct X64EmulatorTests {
    let memory: X64.CodeMemory

    init() throws { memory = try X64.CodeMemory(capacity: 64 << 20) }

    private func install(_ body: (X64.Assembler) -> Void) throws -> X64.ExecutableCode {
        let assembler = X64.Assembler()
        body(assembler)
        return try memory.install(try assembler.finish())
    }

    private func function<F>(_ code: X64.ExecutableCode, as type: F.Type) -> F { unsafeBitCast(code.address, to: type) }

    private func bits(_ value: Int) -> UInt64 { UInt64(bitPattern: Int64(value)) }

    // MARK: - The shared programs, native against emulated

    @Test func integerProgramsAgree() throws {
        var random = SplitMix64(seed: 1)
        let sum = try install(TestPrograms.sumToN), sumEmulator = try X64.Emulator(codes: [sum])
        for n in Array(0...200) + [10_000] {
            let native = function(sum, as: (@convention(c) (Int) -> Int).self)(n)
            #expect(try sumEmulator.call(sum.address, integers: [bits(n)]).rax == bits(native))
        }
        let weighted = try install(TestPrograms.weightedSum), weightedEmulator = try X64.Emulator(codes: [weighted])
        let f = function(weighted, as: (@convention(c) (Int, Int, Int, Int, Int, Int, Int, Int) -> Int).self)
        for _ in 0..<200 {
            let args = (0..<8).map { _ in random.int() }
            let native = f(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7])
            #expect(try weightedEmulator.call(weighted.address, integers: args.map(bits)).rax == bits(native))
        }
        let shifty = try install(TestPrograms.shifty), shiftyEmulator = try X64.Emulator(codes: [shifty])
        let g = function(shifty, as: (@convention(c) (Int, Int) -> Int).self)
        for _ in 0..<300 {
            let x = random.int(), n = Int(random.next() % 64)
            #expect(try shiftyEmulator.call(shifty.address, integers: [bits(x), bits(n)]).rax == bits(g(x, n)))
        }
        let divmod = try install(TestPrograms.divmod), divmodEmulator = try X64.Emulator(codes: [divmod])
        let d = function(divmod, as: (@convention(c) (Int, Int, UnsafeMutablePointer<Int>) -> Int).self)
        for k in 0..<300 {
            let x = random.int() >> (k % 60), y = random.int() >> (k % 63)
            guard y != 0, !(x == .min && y == -1) else { continue }
            var nativeOut = [0, 0], emulatedOut = [0, 0]
            let native = d(x, y, &nativeOut)
            let emulated = try emulatedOut.withUnsafeMutableBufferPointer {
                try divmodEmulator.call(divmod.address, integers: [bits(x), bits(y),
                                                                   UInt64(UInt(bitPattern: $0.baseAddress!))]).rax
            }
            #expect(emulated == bits(native))
            #expect(emulatedOut == nativeOut)
        }
        let fib = try install(TestPrograms.recursiveFibonacci), fibEmulator = try X64.Emulator(codes: [fib])
        for n in 0...15 {
            let native = function(fib, as: (@convention(c) (Int) -> Int).self)(n)
            #expect(try fibEmulator.call(fib.address, integers: [bits(n)]).rax == bits(native))
        }
    }

    @Test func nativeCallsFromEmulatedCodeAgree() throws {
        var random = SplitMix64(seed: 2)
        let code = try install(TestPrograms.callThrough), emulator = try X64.Emulator(codes: [code])
        let g = function(code, as: (@convention(c) (Int, Int) -> Int).self)
        for _ in 0..<100 {
            let x = random.int(), y = random.int()
            #expect(try emulator.call(code.address, integers: [bits(x), bits(y)]).rax == bits(g(x, y)))
        }
    }

    @Test func doubleProgramsAgreeBitForBit() throws {
        var random = SplitMix64(seed: 3)
        let hypotenuse = try install(TestPrograms.hypotenuse), emulator = try X64.Emulator(codes: [hypotenuse])
        let h = function(hypotenuse, as: (@convention(c) (Double, Double, Int) -> Double).self)
        for _ in 0..<300 {
            let x = random.double(), y = random.double(), n = random.int()
            let emulated = try emulator.call(hypotenuse.address, integers: [bits(n)], doubles: [x, y]).xmm0
            #expect(emulated.bitPattern == h(x, y, n).bitPattern)
        }
        let sumAbove = try install(TestPrograms.sumAbove), sumEmulator = try X64.Emulator(codes: [sumAbove])
        let s = function(sumAbove, as: (@convention(c) (UnsafePointer<Double>, Int, Double, UnsafeMutablePointer<Double>)
            -> Int).self)
        for _ in 0..<100 {
            let values = (0..<Int(random.next() % 20)).map { _ in random.double() / 1e300 }
            let limit = random.double() / 1e300
            var nativeStored = 0.0, emulatedStored = 0.0
            let native = values.withUnsafeBufferPointer { s($0.baseAddress!, $0.count, limit, &nativeStored) }
            let emulated = try values.withUnsafeBufferPointer { buffer in
                try withUnsafeMutablePointer(to: &emulatedStored) { out in
                    try sumEmulator.call(sumAbove.address,
                                         integers: [UInt64(UInt(bitPattern: buffer.baseAddress)), UInt64(values.count),
                                                    UInt64(UInt(bitPattern: out))],
                                         doubles: [limit]).rax
                }
            }
            #expect(emulated == bits(native))
            #expect(emulatedStored.bitPattern == nativeStored.bitPattern)
        }
    }

    // MARK: - Random programs

    @Test func randomProgramsAgree() throws {
        var random = SplitMix64(seed: 0x5EED)
        var compared = 0, undefinedFlagReads = 0
        for _ in 0..<1000 {
            let program = RandomProgram(random: &random, length: 40)
            let code = try install(program.build)
            defer { try? memory.release(code) }
            let emulator = try X64.Emulator(codes: [code])
            let emulatedState: [UInt8]
            do {
                emulatedState = try program.run {
                    _ = try emulator.call(code.address, integers: [UInt64(UInt(bitPattern: $0))])
                }
            } catch X64.EmulatorError.undefinedFlagRead {
                undefinedFlagReads += 1
                continue
            }
            let nativeState = program.run {
                function(code, as: (@convention(c) (UnsafeMutableRawPointer) -> Void).self)($0)
            }
            compared += 1
            if nativeState != emulatedState {
                let differences = RandomProgram.describeDifferences(native: nativeState, emulated: emulatedState)
                let listing = code.instructions.map(\.text).joined(separator: "\n")
                Issue.record("native and emulated differ (\(differences)) after:\n\(listing)")
                return
            }
        }
        #expect(compared >= 650, "only \(compared) programs compared, \(undefinedFlagReads) read undefined flags")
    }

    // MARK: - Flags, one operation at a time

    /// After each flag-writing operation on boundary operands, every flag the emulator considers defined has the
    /// value the CPU gives (read natively with seto/setb/sete/sets/setp), and the results agree.
    @Test func flagsAgreeWithTheCPU() throws {
        var random = SplitMix64(seed: 4)
        var operations: [X64.Instruction] = []
        for size in X64.OperandSize.allCases {
            for op in X64.ALUOp.allCases { operations.append(.alu(op, size, .reg(.rax), .rcx)) }
            for op in X64.UnaryOp.allCases where op != .div && op != .idiv { operations.append(.unary(op, size, .reg(.rax))) }
            for op in X64.ShiftOp.allCases {
                operations.append(.shift(op, size, .reg(.rax), .cl))
                for count: UInt8 in [1, 2, 7, 8, 15, 16, 31] { operations.append(.shift(op, size, .reg(.rax), .imm(count))) }
            }
            operations.append(.test(size, .reg(.rax), .rcx))
            if size != .byte { operations.append(.imul(size, .rax, .reg(.rcx))) }
        }
        operations += [.sse(.ucomisd, .xmm0, .xmm(.xmm1)), .sse(.comisd, .xmm0, .xmm(.xmm1))]
        let values: [Int] = [0, 1, -1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fff_ffff, 0x8000_0000,
                             0xffff_ffff, .max, .min]
        let doubles: [Double] = [0, -0.0, 1, -1, .nan, .infinity, 2.5]
        var checked = 0
        for operation in operations {
            let code = try install { a in
                a.emit(.load(.qword, .rax, X64.Memory(.rdi)))
                a.emit(.load(.qword, .rcx, X64.Memory(.rdi, 8)))
                a.emit(.load(.qword, .rdx, X64.Memory(.rdi, 32)))
                a.emit(.movqToXMM(.xmm0, .rax))
                a.emit(.movqToXMM(.xmm1, .rcx))
                a.emit(.unary(.neg, .qword, .reg(.rdx)))       // CF := rdx != 0, the carry adc/sbb read
                a.emit(operation)
                a.emit(.mov(.qword, .mem(X64.Memory(.rdi, 16)), .rax))
                for (k, condition) in [X64.Condition.overflow, .below, .equal, .sign, .parity].enumerated() {
                    a.emit(.setcc(condition, .mem(X64.Memory(.rdi, Int32(24 + k)))))
                }
                a.emit(.ret)
            }
            defer { try? memory.release(code) }
            let emulator = try X64.Emulator(codes: [code])
            let native = function(code, as: (@convention(c) (UnsafeMutablePointer<Int>) -> Void).self)
            let stepsThroughStore = code.instructions.firstIndex { $0.instruction == operation }! + 2
            for k in 0..<60 {
                let isSSE = { if case .sse = operation { return true } else { return false } }()
                let a = isSSE ? Int(bitPattern: UInt(doubles[k % doubles.count].bitPattern)) : values[k % values.count]
                let b = isSSE ? Int(bitPattern: UInt(random.pick(doubles).bitPattern))
                    : k < values.count ? random.pick(values) : random.int()
                var state = [a, b, 0, 0, Int(random.next() % 2)]
                native(&state)
                var emulated = [a, b, 0, 0, state[4]]
                try emulated.withUnsafeMutableBufferPointer { buffer in
                    emulator.prepareCall(code.address, integers: [UInt64(UInt(bitPattern: buffer.baseAddress!))])
                    for _ in 0..<stepsThroughStore { _ = try emulator.step() }
                }
                #expect(emulated[2] == state[2], "\(operation.text()) on \(a), \(b): result")
                let nativeFlags = withUnsafeBytes(of: state[3]) { Array($0.prefix(5)) }
                for (k, flag) in [X64.CPUFlags.overflow, .carry, .zero, .sign, .parity].enumerated()
                where !emulator.undefinedFlags.contains(flag) {
                    #expect(emulator.flags.contains(flag) == (nativeFlags[k] == 1),
                            "\(operation.text()) on \(a), \(b): flag \(flag.rawValue)")
                    checked += 1
                }
            }
        }
        #expect(checked > 10_000)
    }

    // MARK: - Stepping and errors

    @Test func steppingShowsEachInstructionAndTheRegisters() throws {
        let code = try install(TestPrograms.sumToN)
        let emulator = try X64.Emulator(codes: [code])
        emulator.prepareCall(code.address, integers: [2])
        var trace: [String] = []
        var raxAfterEachStep: [UInt64] = []
        while true {
            let (_, record) = try #require(emulator.currentInstruction)
            trace.append(record.text)
            let step = try emulator.step()
            raxAfterEachStep.append(emulator.registers[0])
            if step == .returned { break }
        }
        #expect(trace == ["xor    eax,eax", "test   rdi,rdi", "je     0x13", "add    rax,rdi", "dec    rdi",
                          "jne    0xb", "add    rax,rdi", "dec    rdi", "jne    0xb", "ret"])
        #expect(raxAfterEachStep == [0, 0, 0, 2, 2, 2, 3, 3, 3, 3])
        #expect(emulator.instructionsExecuted == 10)
    }

    @Test func emulationFollowsAPatchedJumpIntoAnotherPieceOfCode() throws {
        var site: X64.PatchSite!
        let code = try install { a in
            let local = a.newLabel()
            site = a.patchableJmp(local)
            a.bind(local)
            a.emit(.movImm(.dword, .reg(.rax), 1))
            a.emit(.ret)
        }
        let bridge = try install { a in
            a.emit(.movImm(.dword, .reg(.rax), 2))
            a.emit(.ret)
        }
        let emulator = try X64.Emulator(codes: [code])
        #expect(try emulator.call(code.address).rax == 1)
        try memory.repoint(site, in: code, to: bridge.address)
        // A jump (not a call) out of the emulated code is refused until the bridge is emulated too.
        #expect(throws: X64.EmulatorError.jumpOutOfCode(address: UInt64(UInt(bitPattern: bridge.address)))) {
            try emulator.call(code.address)
        }
        emulator.add(bridge)
        #expect(try emulator.call(code.address).rax == 2)
        #expect(function(code, as: (@convention(c) () -> Int).self)() == 2)
        try memory.release(bridge)
        #expect(throws: X64.EmulatorError.jumpOutOfCode(address: UInt64(UInt(bitPattern: bridge.address)))) {
            try emulator.call(code.address)
        }
    }

    @Test func faultsTheCPUWouldRaiseAreErrors() throws {
        let divmod = try install(TestPrograms.divmod)
        let emulator = try X64.Emulator(codes: [divmod])
        var out = [0, 0]
        let idivAddress = UInt64(UInt(bitPattern: divmod.address)) + UInt64(divmod.instructions[3].offset)
        out.withUnsafeMutableBufferPointer { buffer in
            let pointer = UInt64(UInt(bitPattern: buffer.baseAddress!))
            #expect(throws: X64.EmulatorError.divideError(address: idivAddress)) {
                try emulator.call(divmod.address, integers: [5, 0, pointer])
            }
            #expect(throws: X64.EmulatorError.divideError(address: idivAddress)) {
                try emulator.call(divmod.address, integers: [bits(.min), bits(-1), pointer])
            }
        }
        // imul leaves ZF undefined: a following sete must not guess.
        let undefined = try install { a in
            a.emit(.imul(.qword, .rdi, .reg(.rsi)))
            a.emit(.setcc(.equal, .reg(.rax)))
            a.emit(.ret)
        }
        #expect(throws: X64.EmulatorError.undefinedFlagRead(address: UInt64(UInt(bitPattern: undefined.address)) + 4,
                                                             flags: X64.CPUFlags.zero.rawValue)) {
            try X64.Emulator(codes: [undefined]).call(undefined.address, integers: [3, 4])
        }
        // A native call with rsp misaligned (no push before it) violates the ABI.
        let misaligned = try install { a in
            a.mov(.rax, immediate: Int64(Int(bitPattern: unsafeBitCast(TestPrograms.callback, to: UnsafeRawPointer.self))))
            a.emit(.callIndirect(.reg(.rax)))
            a.emit(.ret)
        }
        #expect(throws: X64.EmulatorError.misalignedStackAtCall(address: UInt64(UInt(bitPattern: misaligned.address)) + 10)) {
            try X64.Emulator(codes: [misaligned]).call(misaligned.address)
        }
        let spin = try install { a in
            let top = a.newLabel()
            a.bind(top)
            a.jmp(top)
        }
        #expect(throws: X64.EmulatorError.stepLimitExceeded(1000)) {
            try X64.Emulator(codes: [spin]).call(spin.address, stepLimit: 1000)
        }
        let misalignedXorpd = try install { a in
            a.emit(.sse(.xorpd, .xmm0, .mem(X64.Memory(.rdi, 8))))
            a.emit(.ret)
        }
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 32, alignment: 16)
        defer { buffer.deallocate() }
        let base = UInt64(UInt(bitPattern: buffer))
        #expect(throws: X64.EmulatorError.misalignedMemoryOperand(address: UInt64(UInt(bitPattern: misalignedXorpd.address)),
                                                                  operand: base + 8)) {
            try X64.Emulator(codes: [misalignedXorpd]).call(misalignedXorpd.address, integers: [base])
        }
        let trap = try install { $0.emit(.ud2) }
        #expect(throws: X64.EmulatorError.trap(address: UInt64(UInt(bitPattern: trap.address)))) {
            try X64.Emulator(codes: [trap]).call(trap.address)
        }
    }
}

/// A small deterministic generator (SplitMix64), so failures reproduce.
struct SplitMix64 {
    private var state: UInt64
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Integers biased toward boundaries and small values, where flags get interesting.
    mutating func int() -> Int {
        switch next() % 6 {
        case 0: return [0, 1, -1, .max, .min, 127, -128, 255, 65535, Int(Int32.max), Int(Int32.min)][Int(next() % 11)]
        case 1: return Int(Int8(truncatingIfNeeded: next()))
        case 2: return Int(Int32(truncatingIfNeeded: next()))
        default: return Int(bitPattern: UInt(next()))
        }
    }

    /// Doubles including NaN, infinities, signed zeros and subnormals.
    mutating func double() -> Double {
        switch next() % 8 {
        case 0: return [0.0, -0.0, .nan, .infinity, -.infinity, .leastNonzeroMagnitude, 1, -1][Int(next() % 8)]
        case 1: return Double(bitPattern: next())
        case 2: return Double(Int32(truncatingIfNeeded: next()))
        default: return (Double(next() % 2_000_000) - 1_000_000) / 1000
        }
    }

    mutating func pick<T>(_ values: [T]) -> T { values[Int(next() % UInt64(values.count))] }
    mutating func chance(_ percent: UInt64) -> Bool { next() % 100 < percent }
}
