import Testing
@testable import MiniPy

@Test func instructionIsOneWord() {
    #expect(MemoryLayout<Instruction>.stride == 8)
}
