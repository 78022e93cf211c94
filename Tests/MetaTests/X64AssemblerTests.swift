import Testing
@testable import Meta

/// Labels, branch-size selection, tags and listing text of the assembler (the encodings themselves are checked
/// against GNU binutils in `X64EncodingTests`).
@Suite struct X64AssemblerTests {
    @Test func forwardBranchesAreResolvedWhenTheLabelIsBound() throws {
        let a = X64.Assembler()
        let end = a.newLabel()
        a.jmp(end)                       // unknown distance: rel32
        a.jcc(.less, end, reach: .rel8)  // forced short
        a.emit(.nop)
        a.bind(end)
        a.emit(.ret)
        let code = try a.finish()
        #expect(code.bytes == [0xE9, 0x03, 0, 0, 0, 0x7C, 0x01, 0x90, 0xC3])
        #expect(code.instructions.map(\.text) == ["jmp    0x8", "jl     0x8", "nop", "ret"])
        #expect(code.labelOffsets[end] == 8)
    }

    @Test func backwardBranchesPickTheShortFormWhenItReaches() throws {
        let a = X64.Assembler()
        let near = a.newLabel()
        a.bind(near)
        for _ in 0..<126 { a.emit(.nop) }
        a.jmp(near)                      // end at 128: distance -128, still rel8
        a.jmp(near)                      // distance -130: rel32
        a.jcc(.equal, near)
        let code = try a.finish()
        #expect(code.instructions[126].instruction == .jmp(target: 0, .rel8))
        #expect(code.instructions[127].instruction == .jmp(target: 0, .rel32))
        #expect(code.instructions[128].instruction == .jcc(.equal, target: 0, .rel32))
        #expect(Array(code.bytes[126..<128]) == [0xEB, 0x80])
    }

    @Test func aShortBranchThatCannotReachIsAnError() throws {
        let a = X64.Assembler()
        let far = a.newLabel()
        a.jmp(far, reach: .rel8)
        for _ in 0..<128 { a.emit(.nop) }
        a.bind(far)
        #expect(throws: X64.AssemblerError.shortBranchOutOfRange(offset: 0, distance: 128)) { try a.finish() }

        let b = X64.Assembler()
        let back = b.newLabel()
        b.bind(back)
        for _ in 0..<200 { b.emit(.nop) }
        b.jcc(.above, back, reach: .rel8)
        #expect(throws: X64.AssemblerError.shortBranchOutOfRange(offset: 200, distance: -202)) { try b.finish() }
    }

    @Test func anUnboundLabelIsAnError() throws {
        let a = X64.Assembler()
        let nowhere = a.newLabel()
        a.emit(.nop)
        a.jmp(nowhere)
        a.call(nowhere)
        #expect(throws: X64.AssemblerError.unboundLabel(nowhere, usedAt: [1, 6])) { try a.finish() }
        let error = X64.AssemblerError.unboundLabel(nowhere, usedAt: [1, 6])
        #expect(error.description == "label L0 is used by branches at offsets 0x1, 0x6 but never bound")
    }

    @Test func patchSitesDescribeTheRel32Field() throws {
        let a = X64.Assembler()
        let target = a.newLabel()
        a.emit(.push(.rbp))
        let jump = a.patchableJcc(.notEqual, target)
        let call = a.call(target)
        a.bind(target)
        a.emit(.ret)
        #expect(jump == X64.PatchSite(instructionIndex: 1, offset: 1, length: 6))
        #expect(jump.displacementOffset == 3)
        #expect(call == X64.PatchSite(instructionIndex: 2, offset: 7, length: 5))
        let external = a.jmp(toAddress: UnsafeRawPointer(bitPattern: 0x1234_5678)!)
        let code = try a.finish()
        #expect(Array(code.bytes[1..<7]) == [0x0F, 0x85, 5, 0, 0, 0])
        // Until installed, a branch to an absolute address targets itself.
        #expect(code.externalBranches == [X64.ExternalBranch(instructionIndex: 4, address: 0x1234_5678)])
        #expect(code.instructions[4].instruction == .jmp(target: external.offset, .rel32))
    }

    @Test func instructionsCarryTheTagCurrentWhenEmitted() throws {
        let a = X64.Assembler()
        a.emit(.nop)
        a.tag = 7
        a.emit(.movImm(.qword, .reg(.rax), 1))
        a.emit(.ret)
        a.tag = nil
        a.emit(.int3)
        let code = try a.finish()
        #expect(code.instructions.map(\.tag) == [nil, 7, 7, nil])
        #expect(code.instruction(at: 1)?.text == "mov    rax,0x1")
        #expect(code.instruction(at: 2) == nil)
        #expect(code.instruction(at: 8)?.instruction == .ret)
    }

    @Test func constantsUseTheShortestMov() throws {
        let a = X64.Assembler()
        a.mov(.r9, immediate: -1)
        a.mov(.r9, immediate: 0x8000_0000)
        a.mov(.rax, immediate: Int64.min)
        let code = try a.finish()
        #expect(code.instructions.map(\.text) == [
            "mov    r9,0xffffffffffffffff", "movabs r9,0x80000000", "movabs rax,0x8000000000000000",
        ])
        #expect(code.bytes.count == 7 + 10 + 10)
    }

    @Test func listingSpellsOperandsAsObjdumpDoes() {
        let cases: [(X64.Instruction, String)] = [
            (.load(.qword, .rax, X64.Memory(.rbp)), "mov    rax,QWORD PTR [rbp+0x0]"),
            (.alu(.sub, .dword, .mem(X64.Memory(.r12, index: .r13, scale: .x8, -16)), .r8),
             "sub    DWORD PTR [r12+r13*8-0x10],r8d"),
            (.lea(.qword, .rdi, X64.Memory(.rsp, 0)), "lea    rdi,[rsp]"),
            (.sse(.xorpd, .xmm15, .mem(.rip(-8))), "xorpd  xmm15,XMMWORD PTR [rip+0xfffffffffffffff8]"),
            (.setcc(.greaterOrEqual, .reg(.rsi)), "setge  sil"),
            (.shift(.sar, .word, .reg(.r10), .imm(1)), "sar    r10w,1"),
            (.cvttsd2si(.qword, .r14, .xmm(.xmm3)), "cvttsd2si r14,xmm3"),
            (.extend(signed: true, .qword, .rax, .reg(.rbx), from: .dword), "movsxd rax,ebx"),
        ]
        for (instruction, text) in cases { #expect(instruction.text() == text) }
        #expect(X64.Instruction.jmp(target: 0x10, .rel8).text(origin: 0x4000) == "jmp    0x4010")
    }
}
