import Testing
@testable import Meta

/// `getfield_raw_i`: a word outside the heap at a fixed address (a safepoint's request flags), read afresh every
/// time by every backend and never folded, merged or hoisted by the optimizer. Serialized: the tests write the
/// shared words.
@Suite(.serialized) struct RawFieldTests {
    /// A loop that polls `Test.flag` (fused into its guard in machine code) and adds `Test.count` (a real load).
    static let pollingLoop = """
        [i0]
        label(i0, descr=Loop0)
        i1 = getfield_raw_i(descr=Test.flag)
        guard_false(i1) [i0]
        i2 = getfield_raw_i(descr=Test.count)
        i3 = int_add(i0, i2)
        i4 = int_lt(i3, 1000)
        guard_true(i4) [i3]
        jump(i3, descr=Loop0)
        """

    /// Runs `body` with the test words set to `flag` and `count`.
    func with<T>(flag: UInt8, count: UInt32, _ body: () throws -> T) rethrows -> T {
        TestRawWords.lock.lock()
        defer { TestRawWords.flag.pointee = 0; TestRawWords.count.pointee = 0; TestRawWords.lock.unlock() }
        TestRawWords.flag.pointee = flag
        TestRawWords.count.pointee = count
        return try body()
    }

    @Test func textRoundTripsByName() throws {
        let w = IRTestWorld()
        let trace = try w.parse(Self.pollingLoop)
        #expect(trace.ops[1].descr == .rawField(TestRawWords.fields[0]))
        #expect(w.printer().print(trace).contains("i1 = getfield_raw_i(descr=Test.flag)"))
        #expect(throws: TraceParseError.self) { try w.parse("[]\ni0 = getfield_raw_i(descr=Test.nothing)\nfinish(i0)") }
        #expect(throws: IRVerificationError.self) {
            try TraceVerifier().verify(try w.parse("[p0]\ni1 = getfield_raw_i(p0, descr=Test.flag)\nfinish(i1)"))
        }
    }

    @Test func bothBackendsReadTheWordAtEveryIteration() throws {
        let clear = try with(flag: 0, count: 7) { try DifferentialRun(Self.pollingLoop, inputs: [.int(0)]).check() }
        #expect(clear == TraceExit(reason: .guardFailed(opIndex: 6, guardNumber: 1), values: [.int(1001)]))
        #expect(clear.iterations == 143)
        let set = try with(flag: 1, count: 7) { try DifferentialRun(Self.pollingLoop, inputs: [.int(5)]).check() }
        #expect(set == TraceExit(reason: .guardFailed(opIndex: 2, guardNumber: 0), values: [.int(5)]))
        // A dword is zero-extended.
        let wide = try with(flag: 0, count: .max) {
            try DifferentialRun("[]\ni0 = getfield_raw_i(descr=Test.count)\nfinish(i0)", inputs: []).check()
        }
        #expect(wide.values == [.int(Int(UInt32.max))])
    }

    @Test func theEmulatorReadsItAsTheCPUDoes() throws {
        try with(flag: 0, count: 3) {
            let run = DifferentialRun(Self.pollingLoop, inputs: [.int(0)])
            let (native, _, _) = try run.outcome(.x64)
            let (emulated, _, _) = try run.outcome(.x64, emulating: { _ in })
            #expect(emulated == native)
            #expect(native.iterations == 334)
        }
    }

    /// A call in between may change the word: both reads stay, in the preamble and in the peeled loop.
    @Test func readsAreNeverMergedOrHoisted() throws {
        let loop = """
            [p0, i1]
            label(p0, i1, descr=Loop0)
            i2 = getfield_raw_i(descr=Test.flag)
            guard_false(i2) [p0, i1]
            i3 = call_i(ConstClass(unbox_ro), p0)
            i4 = getfield_raw_i(descr=Test.flag)
            guard_false(i4) [p0, i1]
            i5 = int_add(i1, i3)
            jump(p0, i5, descr=Loop0)
            """
        let optimized = try optimizedText(loop, passes: nil)
        let reads = optimized.split(separator: "\n").filter { $0.contains("getfield_raw_i(descr=Test.flag)") }
        #expect(reads.count == 4, "\(optimized)")
        #expect(optimized.split(separator: "\n").filter { $0.hasPrefix("guard_false") }.count == 4, "\(optimized)")
    }
}
