import Foundation
import Testing
@testable import Meta

/// Generated code really runs: functions built with the assembler, installed in W^X code memory, called through
/// `@convention(c)` function types per the System V ABI.
@Suite struct X64ExecutionTests {
    typealias A = X64.Assembler
    let memory: X64.CodeMemory

    init() throws { memory = try X64.CodeMemory(capacity: 16 << 20) }

    private func build(_ body: (A) -> Void) throws -> X64.ExecutableCode {
        let assembler = A()
        body(assembler)
        return try memory.install(try assembler.finish())
    }

    private func function<F>(_ code: X64.ExecutableCode, as type: F.Type) -> F { unsafeBitCast(code.address, to: type) }

    @Test func loopSumsOneToN() throws {
        let code = try build { a in
            let loop = a.newLabel(), done = a.newLabel()
            a.emit(.alu(.xor, .dword, .reg(.rax), .rax))
            a.emit(.test(.qword, .reg(.rdi), .rdi))
            a.jcc(.equal, done)
            a.bind(loop)
            a.emit(.alu(.add, .qword, .reg(.rax), .rdi))
            a.emit(.unary(.dec, .qword, .reg(.rdi)))
            a.jcc(.notEqual, loop)
            a.bind(done)
            a.emit(.ret)
        }
        let sum = function(code, as: (@convention(c) (Int) -> Int).self)
        for n in [0, 1, 2, 10, 1000, 100_000] { #expect(sum(n) == n * (n + 1) / 2) }
        // The backward branch was short, the forward one long (unknown when emitted).
        #expect(code.instructions.map(\.instruction).contains(.jcc(.notEqual, target: 2 + 3 + 6, .rel8)))
        #expect(code.instructions[2].length == 6)
    }

    @Test func systemVArgumentsInRegistersAndOnTheStack() throws {
        // f(a…h) = 1a + 2b + 3c + 4d + 5e + 6f + 7g + 8h; g and h arrive on the stack above the return address.
        let code = try build { a in
            a.emit(.lea(.qword, .rax, X64.Memory(.rdi, index: .rsi, scale: .x2)))
            a.emit(.imulImm(.qword, .rdx, .reg(.rdx), 3))
            a.emit(.alu(.add, .qword, .reg(.rax), .rdx))
            a.emit(.lea(.qword, .rax, X64.Memory(.rax, index: .rcx, scale: .x4)))
            a.emit(.imulImm(.qword, .r8, .reg(.r8), 5))
            a.emit(.alu(.add, .qword, .reg(.rax), .r8))
            a.emit(.imulImm(.qword, .r9, .reg(.r9), 6))
            a.emit(.alu(.add, .qword, .reg(.rax), .r9))
            a.emit(.imulImm(.qword, .r10, .mem(X64.Memory(.rsp, 8)), 7))
            a.emit(.alu(.add, .qword, .reg(.rax), .r10))
            a.emit(.load(.qword, .r11, X64.Memory(.rsp, 16)))
            a.emit(.lea(.qword, .rax, X64.Memory(.rax, index: .r11, scale: .x8)))
            a.emit(.ret)
        }
        let f = function(code, as: (@convention(c) (Int, Int, Int, Int, Int, Int, Int, Int) -> Int).self)
        #expect(f(1, 1, 1, 1, 1, 1, 1, 1) == 36)
        #expect(f(1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000) == 87_654_321)
        #expect(f(-3, 5, -7, 11, -13, 17, -19, 23) == -3 + 10 - 21 + 44 - 65 + 102 - 133 + 184)
    }

    @Test func callsIntoASwiftFunction() throws {
        let callback: @convention(c) (Int, Int) -> Int = { a, b in a &* 10 &+ b }
        // g(x, y) = callback(y, 7) + x, keeping x in callee-saved rbx (whose push also aligns the stack to 16).
        let code = try build { a in
            a.emit(.push(.rbx))
            a.emit(.mov(.qword, .reg(.rbx), .rdi))
            a.emit(.mov(.qword, .reg(.rdi), .rsi))
            a.mov(.rsi, immediate: 7)
            a.mov(.rax, immediate: Int64(Int(bitPattern: unsafeBitCast(callback, to: UnsafeRawPointer.self))))
            a.emit(.callIndirect(.reg(.rax)))
            a.emit(.alu(.add, .qword, .reg(.rax), .rbx))
            a.emit(.pop(.rbx))
            a.emit(.ret)
        }
        let g = function(code, as: (@convention(c) (Int, Int) -> Int).self)
        #expect(g(5, 3) == 42)
        #expect(g(-1000, 12) == -873)
    }

    @Test func scalarDoubleArithmetic() throws {
        // h(x, y, n) = sqrt(x*x + y*y) + n/4 - min(x, y), computed mostly in xmm8–xmm15.
        let code = try build { a in
            a.emit(.sse(.movapd, .xmm8, .xmm(.xmm0)))
            a.emit(.sse(.mulsd, .xmm8, .xmm(.xmm0)))
            a.emit(.sse(.movsd, .xmm9, .xmm(.xmm1)))
            a.emit(.sse(.mulsd, .xmm9, .xmm(.xmm1)))
            a.emit(.sse(.addsd, .xmm8, .xmm(.xmm9)))
            a.emit(.sse(.sqrtsd, .xmm10, .xmm(.xmm8)))
            a.emit(.cvtsi2sd(.xmm11, .qword, .reg(.rdi)))
            a.mov(.rax, immediate: Int64(bitPattern: 4.0.bitPattern))
            a.emit(.movqToXMM(.xmm15, .rax))
            a.emit(.sse(.divsd, .xmm11, .xmm(.xmm15)))
            a.emit(.sse(.addsd, .xmm10, .xmm(.xmm11)))
            a.emit(.sse(.minsd, .xmm0, .xmm(.xmm1)))
            a.emit(.sse(.subsd, .xmm10, .xmm(.xmm0)))
            a.emit(.sse(.movapd, .xmm0, .xmm(.xmm10)))
            a.emit(.ret)
        }
        let h = function(code, as: (@convention(c) (Double, Double, Int) -> Double).self)
        for (x, y, n) in [(3.0, 4.0, 2), (-1.5, 0.25, -7), (1e10, 2e-3, 123_456_789)] {
            #expect(h(x, y, n) == (x * x + y * y).squareRoot() + Double(n) / 4 - Swift.min(x, y))
        }
    }

    @Test func doubleComparisonsConversionsAndMemory() throws {
        // sumAbove(p, n, limit) = Int(truncated sum of p[i] for p[i] > limit), with the array read through
        // [rdi+rcx*8]; NaN compares unordered and is skipped (ucomisd sets PF, `ja` is false).
        let code = try build { a in
            let loop = a.newLabel(), skip = a.newLabel(), done = a.newLabel()
            a.emit(.sse(.xorpd, .xmm1, .xmm(.xmm1)))
            a.emit(.alu(.xor, .dword, .reg(.rcx), .rcx))
            a.bind(loop)
            a.emit(.alu(.cmp, .qword, .reg(.rcx), .rsi))
            a.jcc(.greaterOrEqual, done)
            a.emit(.sse(.movsd, .xmm2, .mem(X64.Memory(.rdi, index: .rcx, scale: .x8))))
            a.emit(.sse(.ucomisd, .xmm2, .xmm(.xmm0)))
            a.jcc(.belowOrEqual, skip)
            a.emit(.sse(.addsd, .xmm1, .mem(X64.Memory(.rdi, index: .rcx, scale: .x8))))
            a.bind(skip)
            a.emit(.unary(.inc, .qword, .reg(.rcx)))
            a.jmp(loop)
            a.bind(done)
            a.emit(.movsdStore(X64.Memory(.rdx), .xmm1))
            a.emit(.cvttsd2si(.qword, .rax, .xmm(.xmm1)))
            a.emit(.ret)
        }
        let f = function(code, as: (@convention(c) (UnsafePointer<Double>, Int, Double, UnsafeMutablePointer<Double>)
            -> Int).self)
        let values: [Double] = [1.5, -2, 7.25, .nan, 100.5, 0.5, 3]
        var stored = 0.0
        let result = values.withUnsafeBufferPointer { f($0.baseAddress!, $0.count, 1.0, &stored) }
        let expected = values.filter { $0 > 1.0 }.reduce(0, +)
        #expect(stored == expected)
        #expect(result == Int(expected))
    }

    @Test func integerDivisionShiftsAndConditionalMoves() throws {
        // divmod(a, b, out) stores a/b and a%b (truncating, as Swift does); returns a<b ? 1 : 0 via setl+movzx.
        let divmod = try build { a in
            a.emit(.mov(.qword, .reg(.r8), .rdx))
            a.emit(.mov(.qword, .reg(.rax), .rdi))
            a.emit(.signExtendAccumulator(.qword))
            a.emit(.unary(.idiv, .qword, .reg(.rsi)))
            a.emit(.mov(.qword, .mem(X64.Memory(.r8)), .rax))
            a.emit(.mov(.qword, .mem(X64.Memory(.r8, 8)), .rdx))
            a.emit(.alu(.cmp, .qword, .reg(.rdi), .rsi))
            a.emit(.setcc(.less, .reg(.rax)))
            a.emit(.extend(signed: false, .dword, .rax, .reg(.rax), from: .byte))
            a.emit(.ret)
        }
        let f = function(divmod, as: (@convention(c) (Int, Int, UnsafeMutablePointer<Int>) -> Int).self)
        var out = [0, 0]
        for (x, y) in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (Int.max, 2), (Int.min, 3)] {
            let less = f(x, y, &out)
            #expect(out == [x / y, x % y])
            #expect(less == (x < y ? 1 : 0))
        }
        // shifty(x, n) = max(x << n, x >>arith n) ^ (x >>logical n), shifting by cl.
        let shifty = try build { a in
            a.emit(.mov(.qword, .reg(.rcx), .rsi))
            a.emit(.mov(.qword, .reg(.rax), .rdi))
            a.emit(.shift(.shl, .qword, .reg(.rax), .cl))
            a.emit(.mov(.qword, .reg(.rdx), .rdi))
            a.emit(.shift(.sar, .qword, .reg(.rdx), .cl))
            a.emit(.alu(.cmp, .qword, .reg(.rax), .rdx))
            a.emit(.cmov(.less, .qword, .rax, .reg(.rdx)))
            a.emit(.shift(.shr, .qword, .reg(.rdi), .cl))
            a.emit(.alu(.xor, .qword, .reg(.rax), .rdi))
            a.emit(.ret)
        }
        let g = function(shifty, as: (@convention(c) (Int, Int) -> Int).self)
        for (x, n) in [(5, 1), (-5, 3), (Int.min, 63), (0x1234_5678, 17), (-1, 0)] {
            let expected = Swift.max(x << n, x >> n) ^ Int(bitPattern: UInt(bitPattern: x) >> UInt(n))
            #expect(g(x, n) == expected)
        }
    }

    @Test func patchingAFinishedJumpChangesBehaviour() throws {
        var site: X64.PatchSite!
        var one: X64.Label!, two: X64.Label!
        let code = try build { a in
            one = a.newLabel()
            two = a.newLabel()
            site = a.patchableJmp(one)
            a.bind(one)
            a.emit(.movImm(.dword, .reg(.rax), 1))
            a.emit(.ret)
            a.bind(two)
            a.emit(.movImm(.dword, .reg(.rax), 2))
            a.emit(.ret)
        }
        let f = function(code, as: (@convention(c) () -> Int).self)
        #expect(f() == 1)
        try memory.repoint(site, in: code, to: code.address(of: two)!)
        #expect(f() == 2)
        #expect(code.instructions[0].instruction == .jmp(target: code.labelOffsets[two]!, .rel32))
        // Across installed pieces of code, as a bridge would be reached.
        let bridge = try build { a in
            a.emit(.movImm(.dword, .reg(.rax), 3))
            a.emit(.ret)
        }
        try memory.repoint(site, in: code, to: bridge.address)
        #expect(f() == 3)
        #expect(code.listing[0] == "jmp    0x" + String(UInt(bitPattern: bridge.address), radix: 16))
        try memory.repoint(site, in: code, to: code.address(of: one)!)
        #expect(f() == 1)
        try assertNoWritableExecutablePages()
    }

    @Test func pagesAreNeverWritableAndExecutable() throws {
        try assertNoWritableExecutablePages()
        var site: X64.PatchSite!
        let code = try build { a in
            let target = a.newLabel()
            site = a.patchableJcc(.equal, target)
            a.bind(target)
            a.emit(.ret)
        }
        #expect(try protection(of: code.address) == "r-x")
        try assertNoWritableExecutablePages()
        try memory.repoint(site, in: code, to: code.address + site.end)
        #expect(try protection(of: code.address) == "r-x")
        try assertNoWritableExecutablePages()
        try memory.release(code)
        #expect(try protection(of: code.address) == "---")
        #expect(throws: X64.CodeMemoryError.released) { try memory.release(code) }
        // Freed pages are reused.
        let again = try build { $0.emit(.ret) }
        #expect(again.address == code.address)
        #expect(memory.bytesInUse == X64.CodeMemory.pageSize)
        try assertNoWritableExecutablePages()
    }

    @Test func exhaustedCodeMemoryIsAnError() throws {
        let small = try X64.CodeMemory(capacity: X64.CodeMemory.pageSize)
        let assembler = A()
        for _ in 0..<(X64.CodeMemory.pageSize + 1) { assembler.emit(.nop) }
        #expect(throws: X64.CodeMemoryError.exhausted(requested: 2 * X64.CodeMemory.pageSize,
                                                      capacity: X64.CodeMemory.pageSize)) {
            try small.install(try assembler.finish())
        }
    }

    // MARK: - /proc/self/maps

    private struct Mapping {
        let range: Range<UInt>
        let permissions: String
    }

    private func mappings() throws -> [Mapping] {
        try String(contentsOfFile: "/proc/self/maps", encoding: .utf8).split(separator: "\n").compactMap { line in
            let fields = line.split(separator: " ")
            let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            guard fields.count >= 2, bounds.count == 2 else { return nil }
            return Mapping(range: bounds[0]..<bounds[1], permissions: String(fields[1].prefix(3)))
        }
    }

    private func protection(of address: UnsafeRawPointer) throws -> String? {
        let value = UInt(bitPattern: address)
        return try mappings().first { $0.range.contains(value) }?.permissions
    }

    /// No page of the code memory's reservation is both writable and executable.
    private func assertNoWritableExecutablePages(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let start = UInt(bitPattern: memory.reservation)
        let reserved = start..<(start + UInt(memory.capacity))
        let inReservation = try mappings().filter { $0.range.overlaps(reserved) }
        #expect(!inReservation.isEmpty, "the reservation is not in /proc/self/maps", sourceLocation: sourceLocation)
        for mapping in inReservation {
            #expect(!(mapping.permissions.contains("w") && mapping.permissions.contains("x")),
                    "W+X mapping \(mapping.range) \(mapping.permissions)", sourceLocation: sourceLocation)
        }
    }
}
