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
        let code = try build(TestPrograms.sumToN)
        let sum = function(code, as: (@convention(c) (Int) -> Int).self)
        for n in [0, 1, 2, 10, 1000, 100_000] { #expect(sum(n) == n * (n + 1) / 2) }
        // The backward branch was short, the forward one long (unknown when emitted).
        #expect(code.instructions.map(\.instruction).contains(.jcc(.notEqual, target: 2 + 3 + 6, .rel8)))
        #expect(code.instructions[2].length == 6)
    }

    @Test func systemVArgumentsInRegistersAndOnTheStack() throws {
        let code = try build(TestPrograms.weightedSum)
        let f = function(code, as: (@convention(c) (Int, Int, Int, Int, Int, Int, Int, Int) -> Int).self)
        #expect(f(1, 1, 1, 1, 1, 1, 1, 1) == 36)
        #expect(f(1, 10, 100, 1000, 10_000, 100_000, 1_000_000, 10_000_000) == 87_654_321)
        #expect(f(-3, 5, -7, 11, -13, 17, -19, 23) == -3 + 10 - 21 + 44 - 65 + 102 - 133 + 184)
    }

    @Test func callsIntoASwiftFunction() throws {
        let code = try build(TestPrograms.callThrough)
        let g = function(code, as: (@convention(c) (Int, Int) -> Int).self)
        #expect(g(5, 3) == 42)
        #expect(g(-1000, 12) == -873)
    }

    @Test func scalarDoubleArithmetic() throws {
        let code = try build(TestPrograms.hypotenuse)
        let h = function(code, as: (@convention(c) (Double, Double, Int) -> Double).self)
        for (x, y, n) in [(3.0, 4.0, 2), (-1.5, 0.25, -7), (1e10, 2e-3, 123_456_789)] {
            #expect(h(x, y, n) == (x * x + y * y).squareRoot() + Double(n) / 4 - Swift.min(x, y))
        }
    }

    @Test func doubleComparisonsConversionsAndMemory() throws {
        let code = try build(TestPrograms.sumAbove)
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
        let divmod = try build(TestPrograms.divmod)
        let f = function(divmod, as: (@convention(c) (Int, Int, UnsafeMutablePointer<Int>) -> Int).self)
        var out = [0, 0]
        for (x, y) in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (Int.max, 2), (Int.min, 3)] {
            let less = f(x, y, &out)
            #expect(out == [x / y, x % y])
            #expect(less == (x < y ? 1 : 0))
        }
        let shifty = try build(TestPrograms.shifty)
        let g = function(shifty, as: (@convention(c) (Int, Int) -> Int).self)
        for (x, n) in [(5, 1), (-5, 3), (Int.min, 63), (0x1234_5678, 17), (-1, 0)] {
            let expected = Swift.max(x << n, x >> n) ^ Int(bitPattern: UInt(bitPattern: x) >> UInt(n))
            #expect(g(x, n) == expected)
        }
    }

    @Test func recursiveCallsToALabel() throws {
        let code = try build(TestPrograms.recursiveFibonacci)
        let fib = function(code, as: (@convention(c) (Int) -> Int).self)
        #expect([0, 1, 2, 3, 10, 20].map(fib) == [0, 1, 1, 2, 55, 6765])
    }

    @Test func branchesToAbsoluteAddressesAreResolvedAtInstall() throws {
        let plus100 = try build { a in
            a.emit(.lea(.qword, .rax, X64.Memory(.rdi, 100)))
            a.emit(.ret)
        }
        let minusOne = try build { a in
            a.mov(.rax, immediate: -1)
            a.emit(.ret)
        }
        // f(x) = x < 0 ? -1 : plus100(plus100(x)), the second as a tail call.
        let code = try build { a in
            a.emit(.test(.qword, .reg(.rdi), .rdi))
            a.jcc(.sign, toAddress: minusOne.address)
            a.emit(.push(.rbx))
            a.call(toAddress: plus100.address)
            a.emit(.pop(.rbx))
            a.emit(.mov(.qword, .reg(.rdi), .rax))
            a.jmp(toAddress: plus100.address)
        }
        let f = function(code, as: (@convention(c) (Int) -> Int).self)
        #expect([0, 5, -3].map(f) == [200, 205, -1])
        let hex = { (code: X64.ExecutableCode) in String(UInt(bitPattern: code.address), radix: 16) }
        #expect(code.listing[1] == "js     0x" + hex(minusOne))
        #expect(code.listing[3] == "call   0x" + hex(plus100))
        #expect(code.listing[6] == "jmp    0x" + hex(plus100))
        // An address beyond rel32 reach of the code memory is an error at install, not a wrong jump.
        let far = X64.Assembler()
        far.call(toAddress: UnsafeRawPointer(bitPattern: 0x1000)!)
        #expect(throws: X64.CodeMemoryError.self) { try memory.install(try far.finish()) }
        let emulator = try X64.Emulator(codes: [code, plus100, minusOne])
        #expect(try [0, 5, -3].map { try emulator.call(code.address, integers: [UInt64(bitPattern: Int64($0))]).rax }
            == [200, 205, UInt64.max])
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
        #expect(code.bytes(of: code.instructions[0]) == [0xE9, 6, 0, 0, 0])
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
