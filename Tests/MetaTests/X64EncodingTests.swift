import Testing
@testable import Meta

/// Every instruction form the assembler emits, over a spread of registers, memory operands and immediates, checked
/// against GNU binutils in both directions: GNU as assembles our listing to exactly our bytes, and objdump
/// disassembles our bytes to exactly our listing (see `Binutils` for the normalisation).
@Suite struct X64EncodingTests {
    typealias I = X64.Instruction

    @Test func integerRegisterForms() throws {
        var batch: [I] = []
        for op in X64.ALUOp.allCases {
            for size in Samples.sizes {
                for dst in Samples.gprs { for src in Samples.gprs { batch.append(.alu(op, size, .reg(dst), src)) } }
                for reg in Samples.gprs {
                    for imm in Samples.immediates(size) { batch.append(.aluImm(op, size, .reg(reg), imm)) }
                }
            }
        }
        for size in Samples.sizes {
            for a in Samples.gprs {
                for b in Samples.gprs {
                    batch.append(.test(size, .reg(a), b))
                    batch.append(.mov(size, .reg(a), b))
                }
                for imm in Samples.immediates(size) {
                    batch.append(.testImm(size, .reg(a), imm))
                    batch.append(.movImm(size, .reg(a), imm))
                }
                for op in X64.UnaryOp.allCases { batch.append(.unary(op, size, .reg(a))) }
                for op in X64.ShiftOp.allCases {
                    batch.append(.shift(op, size, .reg(a), .cl))
                    for count in Samples.shiftCounts { batch.append(.shift(op, size, .reg(a), .imm(count))) }
                }
            }
        }
        for size in Samples.sizes where size != .byte {
            batch.append(.signExtendAccumulator(size))
            for (k, (a, b)) in Samples.registerPairs.enumerated() {
                let immediates = Samples.immediates(size)
                batch.append(.imul(size, a, .reg(b)))
                batch.append(.imulImm(size, a, .reg(b), immediates[k % immediates.count]))
                batch.append(.cmov(Samples.conditions[k % 16], size, a, .reg(b)))
            }
        }
        for condition in Samples.conditions {
            batch.append(.cmov(condition, .qword, .r9, .reg(.rsi)))
            for reg in Samples.gprs { batch.append(.setcc(condition, .reg(reg))) }
        }
        for (a, b) in Samples.registerPairs {
            for (signed, size, from) in Samples.extensions { batch.append(.extend(signed: signed, size, a, .reg(b), from: from)) }
        }
        for reg in Samples.gprs {
            for imm in Samples.wideImmediates { batch.append(.movabs(reg, imm)) }
            batch += [.push(reg), .pop(reg), .callIndirect(.reg(reg)), .jmpIndirect(.reg(reg))]
        }
        batch += [.ret, .nop, .int3, .ud2]
        try verify(batch)
    }

    @Test func integerMemoryForms() throws {
        var batch: [I] = []
        var k = 0
        /// Walks every memory sample, with a register that rotates through all sixteen.
        func eachMemory(_ body: (X64.Memory, X64.GPR, Int) -> Void) {
            for memory in Samples.memories {
                body(memory, Samples.gprs[(k * 5 + 3) % 16], k)
                k += 1
            }
        }
        for size in Samples.sizes {
            let immediates = Samples.immediates(size)
            for op in X64.ALUOp.allCases {
                eachMemory { m, r, k in
                    batch.append(.alu(op, size, .mem(m), r))
                    batch.append(.aluLoad(op, size, r, m))
                    batch.append(.aluImm(op, size, .mem(m), immediates[k % immediates.count]))
                }
            }
            for op in X64.UnaryOp.allCases { eachMemory { m, _, _ in batch.append(.unary(op, size, .mem(m))) } }
            for op in X64.ShiftOp.allCases {
                eachMemory { m, _, k in
                    let count: X64.ShiftCount = k % 4 == 0 ? .cl : .imm(Samples.shiftCounts[k % Samples.shiftCounts.count])
                    batch.append(.shift(op, size, .mem(m), count))
                }
            }
            eachMemory { m, r, k in
                batch.append(.test(size, .mem(m), r))
                batch.append(.testImm(size, .mem(m), immediates[k % immediates.count]))
                batch.append(.mov(size, .mem(m), r))
                batch.append(.load(size, r, m))
                batch.append(.movImm(size, .mem(m), immediates[k % immediates.count]))
            }
            if size != .byte {
                eachMemory { m, r, k in
                    batch.append(.imul(size, r, .mem(m)))
                    batch.append(.imulImm(size, r, .mem(m), immediates[k % immediates.count]))
                    batch.append(.lea(size, r, m))
                    batch.append(.cmov(Samples.conditions[k % 16], size, r, .mem(m)))
                }
            }
        }
        for (signed, size, from) in Samples.extensions {
            eachMemory { m, r, _ in batch.append(.extend(signed: signed, size, r, .mem(m), from: from)) }
        }
        eachMemory { m, _, k in
            batch.append(.setcc(Samples.conditions[k % 16], .mem(m)))
            batch.append(.callIndirect(.mem(m)))
            batch.append(.jmpIndirect(.mem(m)))
        }
        try verify(batch)
    }

    @Test func sseForms() throws {
        var batch: [I] = []
        for op in X64.SSEOp.allCases {
            for a in Samples.xmms { for b in Samples.xmms { batch.append(.sse(op, a, .xmm(b))) } }
            for (k, m) in Samples.memories.enumerated() where !op.readsFullRegister || k % 3 == 0 {
                batch.append(.sse(op, Samples.xmms[k % 16], .mem(m)))
            }
        }
        for (k, m) in Samples.memories.enumerated() {
            let x = Samples.xmms[(k * 7) % 16], r = Samples.gprs[(k * 5) % 16]
            batch.append(.movsdStore(m, x))
            batch.append(.cvtsi2sd(x, k % 2 == 0 ? .qword : .dword, .mem(m)))
            batch.append(.cvttsd2si(k % 2 == 0 ? .qword : .dword, r, .mem(m)))
        }
        for x in Samples.xmms {
            for r in Samples.gprs {
                for size in [X64.OperandSize.dword, .qword] {
                    batch.append(.cvtsi2sd(x, size, .reg(r)))
                    batch.append(.cvttsd2si(size, r, .xmm(x)))
                }
                batch.append(.movqToXMM(x, r))
                batch.append(.movqFromXMM(r, x))
            }
        }
        try verify(batch)
    }

    @Test func relativeBranchForms() throws {
        let assembler = X64.Assembler()
        let shortDistances = [0, 1, -1, 127, -128, -2, 5]
        let nearDistances = [0, 1, -1, 127, 128, -128, -129, 0x1234_5678, -0x1234_5678, Int(Int32.max), Int(Int32.min)]
        for d in shortDistances {
            assembler.emit(.jmp(target: assembler.offset + 2 + d, .rel8))
            for c in Samples.conditions { assembler.emit(.jcc(c, target: assembler.offset + 2 + d, .rel8)) }
        }
        for d in nearDistances {
            assembler.emit(.jmp(target: assembler.offset + 5 + d, .rel32))
            assembler.emit(.call(target: assembler.offset + 5 + d))
            for c in Samples.conditions { assembler.emit(.jcc(c, target: assembler.offset + 6 + d, .rel32)) }
        }
        try verify(try assembler.finish())
    }

    // MARK: - Checking a batch

    private func verify(_ batch: [I], sourceLocation: SourceLocation = #_sourceLocation) throws {
        let assembler = X64.Assembler()
        for instruction in batch { assembler.emit(instruction) }
        try verify(try assembler.finish(), sourceLocation: sourceLocation)
    }

    private func verify(_ code: X64.AssembledCode, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let records = code.instructions
        #expect(records.count > 0, sourceLocation: sourceLocation)
        // (a) GNU as turns our listing into our bytes.
        let gasBytes = try Binutils.assemble(records.map(gasSource))
        if gasBytes != code.bytes {
            let theirs = try Binutils.disassemble(gasBytes)
            var mismatches: [String] = []
            for (index, record) in records.enumerated() {
                let ours = Array(code.bytes(of: record))
                let gas = index < theirs.count ? theirs[index].bytes : []
                if ours != gas { mismatches.append("\(record.text): ours \(hex(ours)), GNU as \(hex(gas))") }
            }
            let examples = mismatches.prefix(25).joined(separator: "\n")
            Issue.record("GNU as encodes \(mismatches.count) of \(records.count) instructions differently:\n\(examples)",
                         sourceLocation: sourceLocation)
        }
        // (b) objdump reads our bytes back as our listing.
        let decoded = try Binutils.disassemble(code.bytes)
        #expect(decoded.count == records.count, "objdump decoded \(decoded.count) instructions, we emitted \(records.count)",
                sourceLocation: sourceLocation)
        var mismatches: [String] = []
        for (record, theirs) in zip(records, decoded) {
            let ours = Binutils.normalise(record.text)
            if theirs.offset != record.offset || theirs.text != ours {
                mismatches.append("at 0x\(String(record.offset, radix: 16)) \(hex(Array(code.bytes(of: record)))): "
                    + "ours '\(ours)', objdump '\(theirs.text)' at 0x\(String(theirs.offset, radix: 16))")
            }
        }
        let examples = mismatches.prefix(25).joined(separator: "\n")
        if !mismatches.isEmpty {
            Issue.record("objdump reads \(mismatches.count) of \(records.count) instructions differently:\n\(examples)",
                         sourceLocation: sourceLocation)
        }
    }

    /// The listing line as GNU as input: branch targets become `base±offset`, and rel32 branches get `{disp32}` so
    /// GNU as does not relax them to rel8.
    private func gasSource(_ record: X64.InstructionRecord) -> String {
        func symbolic(_ target: Int) -> String {
            target < 0 ? "base-0x" + String(-target, radix: 16) : "base+0x" + String(target, radix: 16)
        }
        switch record.instruction {
        case .jmp(let target, let reach): return (reach == .rel32 ? "{disp32} " : "") + "jmp " + symbolic(target)
        case .jcc(let c, let target, let reach):
            return (reach == .rel32 ? "{disp32} " : "") + "j" + c.suffix + " " + symbolic(target)
        case .call(let target): return "call " + symbolic(target)
        default: return record.text
        }
    }

    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
    }
}

/// Operand samples: every register, memory operands covering each ModRM/SIB special case, boundary immediates.
enum Samples {
    static let gprs = X64.GPR.allCases
    static let xmms = X64.XMM.allCases
    static let sizes = X64.OperandSize.allCases
    static let conditions = X64.Condition.allCases
    static let displacements: [Int32] = [0, 1, -1, 127, -128, 128, -129, 0x7fff_ffff, Int32.min, 0x1234]
    static let shiftCounts: [UInt8] = [1, 0, 2, 7, 31, 32, 63]
    static let wideImmediates: [Int64] = [0, 1, -1, Int64.max, Int64.min, 0x1234_5678_9abc_def0, 0x8000_0000]
    /// (signed, to, from) for movzx, movsx and movsxd.
    static let extensions: [(Bool, X64.OperandSize, X64.OperandSize)] = [
        (false, .word, .byte), (false, .dword, .byte), (false, .qword, .byte), (false, .dword, .word),
        (false, .qword, .word), (true, .word, .byte), (true, .dword, .byte), (true, .qword, .byte),
        (true, .dword, .word), (true, .qword, .word), (true, .qword, .dword),
    ]

    /// Every base with every displacement; every index (all but rsp) with rotating bases, scales and
    /// displacements; RIP-relative.
    static let memories: [X64.Memory] = {
        var memories: [X64.Memory] = []
        for base in gprs { for d in displacements { memories.append(X64.Memory(base, d)) } }
        let indexes = gprs.filter { $0 != .rsp }
        let scales: [X64.Scale] = [.x1, .x2, .x4, .x8]
        for (i, base) in gprs.enumerated() {
            for (j, index) in indexes.enumerated() where (i + j) % 3 == 0 {
                memories.append(X64.Memory(base, index: index, scale: scales[(i + j) % 4],
                                           displacements[(i * 3 + j) % displacements.count]))
            }
        }
        for d in displacements { memories.append(.rip(d)) }
        return memories
    }()

    /// Each register against each, in both roles.
    static let registerPairs: [(X64.GPR, X64.GPR)] = gprs.flatMap { a in gprs.map { (a, $0) } }

    /// Boundary immediates valid at `size` (stored sign-extended).
    static func immediates(_ size: X64.OperandSize) -> [Int64] {
        let all: [Int64] = [0, 1, -1, 127, -128, 128, -129, 255, 32767, -32768, 0x7fff_ffff, -0x8000_0000, 0x1234_5678,
                            -65536]
        return all.filter { size.signExtend($0) == $0 }
    }
}
