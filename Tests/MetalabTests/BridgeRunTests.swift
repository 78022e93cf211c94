import Foundation
import Testing

/// Bridges (DESIGN §9): guards that keep failing get a bridge, counted exactly; the output never changes, under
/// machine code and the IR executor; a guard failing on every iteration does not thrash.
extension TracerRunTests {
    /// The seed's `max(a, b)`: a loop traced while `a > b`, then both directions, then floats.
    static let seedMax = """
    def max(a, b):
        if a > b:
            return a
        else:
            return b


    def run(xs, b):
        total = 0
        for a in xs:
            total = total + max(a, b)
        return total


    ints = [i % 10 for i in range(600)]
    floats = [x + 0.5 for x in ints]
    print(run(ints, -1))
    print(run(ints, 5))
    print(run(floats, 5))
    """

    /// Four bridges of 20 failures each (trace_eagerness=20): `a <= b` out of the preamble's and out of the peeled
    /// body's `guard_true(a > b)` (the preamble's copy fails on entries from the interpreter, the body's once a
    /// bridge has entered the body), then floats out of `guard_class(a, W_Int)` and on through the float
    /// comparison's truth test.
    /// The five other failures are the exits of the three runs and of the two list comprehensions.
    @Test(arguments: ["x64", "ir"])
    func seedMaxGrowsTheExpectedBridges(backend: String) throws {
        let file = try program(Self.seedMax)
        let plain = try run(file, ["--jit", "off"])
        #expect(plain.stdout == "2700\n3600\n3750.0\n")
        let traced = try run(file, ["--jit", "trace", "--backend", backend, "--jit-param", "threshold=50,trace_eagerness=20", "--stats"])
        #expect(traced.stdout == plain.stdout, "\(traced.stderr)")
        let s = stats(traced.stderr)
        #expect(s["loops"] == 3)
        #expect(s["bridges"] == 4)
        #expect(s["guard failures"] == 4 * 20 + 5)
        #expect(s["aborts"] == 0)
    }

    /// The corpus's `jit_short_preamble.py` under `backend`, with its `jit-log-opt` log: the final `jump` of each
    /// bridge, by the loop it belongs to (loops are numbered in the order they closed, one per function there;
    /// a bridge is printed after its loop).
    func shortPreambleRun(backend: String) throws -> (stdout: String, expected: String, jumps: [Int: [Substring]]) {
        let file = Corpus.root.appendingPathComponent("jit_short_preamble.py")
        let traced = try run(file, ["--jit", "trace", "--backend", backend, "--jit-param", "threshold=50,trace_eagerness=20",
                                    "--log", "jit-log-opt"])
        let expected = try String(contentsOf: Corpus.root.appendingPathComponent("jit_short_preamble.out"), encoding: .utf8)
        var jumps: [Int: [Substring]] = [:], loop = -1, inBridge = false
        for line in traced.stderr.split(separator: "\n") {
            if line.hasPrefix("# Loop ") { loop = Int(line.dropFirst("# Loop ".count).prefix { $0.isNumber }) ?? -1 }
            if line.hasPrefix("# ") { inBridge = line.hasPrefix("# bridge out of Guard ") }
            if inBridge && line.hasPrefix("jump(") { jumps[loop, default: []].append(line) }
        }
        return (traced.stdout, expected, jumps)
    }

    /// Short preambles: a bridge whose new boxes fit the peeled body's virtual state ends with the preamble's
    /// hoisted checks and jumps into the body with unboxed values (`branchy_sum`, loop 0: `s` and `i` pass as
    /// f10 and i13, n's intval, hoisted out of the body, as i17). A bridge that puts a real object where the
    /// body takes a virtual's fields jumps to the loop's start instead: the body would only see a copy, and `is`
    /// must still find the object (`shared_box`, loop 1).
    @Test(arguments: ["x64", "ir"])
    func bridgesEnterThePeeledBodyOnlyWhenTheirValuesFit(backend: String) throws {
        let (stdout, expected, jumps) = try shortPreambleRun(backend: backend)
        #expect(stdout == expected)
        #expect(jumps[0] == ["jump(p0, f10, i13, i17, descr=Loop1000)"], "\(jumps)")
        #expect(jumps[1]?.count == 1 && jumps[1]?.first?.hasSuffix("descr=Loop1)") == true, "\(jumps)")
        // The list and its length change with each bridge run: the short preamble reloads them.
        #expect(jumps[3]?.contains { $0.hasSuffix("descr=Loop1003)") } == true, "\(jumps)")
    }

    /// The log names each bridge's guard as the loop printed it (`descr=<GuardN>`), PyPy's way.
    @Test func bridgeLogNamesItsGuard() throws {
        let file = try program(Self.seedMax)
        let traced = try run(file, ["--jit", "trace", "--jit-param", "threshold=50,trace_eagerness=20", "--log", "jit-log-opt"])
        let log = traced.stderr
        let headers = log.split(separator: "\n").filter { $0.hasPrefix("# bridge out of Guard ") }
        #expect(headers.count == 4)
        for header in headers {
            let number = header.dropFirst("# bridge out of Guard ".count).prefix { $0.isNumber }
            #expect(log.contains("descr=<Guard\(number)>)"), "no guard \(number) in the log")
            #expect(header.hasSuffix(" ops"))
        }
    }

    /// A branch that flips on every iteration: one bridge, a bounded number of failures, and the loop stays in
    /// compiled code (before bridges, it was dropped as unprofitable and interpreted).
    @Test func alternatingBranchDoesNotThrash() throws {
        let file = try program("""
        def mix(n):
            h = 17
            i = 0
            while i < n:
                if i & 1:
                    h ^= i >> 3
                else:
                    h += i // 7
                i += 1
            return h
        print(mix(200000))
        """)
        let plain = try run(file, ["--jit", "off"])
        let traced = try run(file, ["--jit", "trace", "--stats"])
        #expect(traced.stdout == plain.stdout)
        let s = stats(traced.stderr)
        #expect(s["loops dropped"] == 0)
        #expect((s["bridges"] ?? 0) >= 1 && (s["bridges"] ?? 0) <= 3)
        // trace_eagerness (200) failures per bridged guard, at most a few guards, and the loop's exit.
        #expect((s["guard failures"] ?? .max) <= 3 * 200 + 1)
        #expect((s["bytecodes in jit"] ?? 0) > 9 * (s["bytecodes interpreted"] ?? .max))
    }

    /// A bridge that cannot close (the loop exits and its function returns) aborts; the guard backs off and gives
    /// up after `max_aborts` attempts, failing to the interpreter from then on.
    @Test func abortedBridgesBackOff() throws {
        let file = try program("""
        def count_to(k):
            j = 0
            while j < k:
                j += 1
            return j
        total = 0
        for i in range(3000):
            total += count_to(50)
        print(total)
        """)
        let traced = try run(file, ["--jit", "trace", "--jit-param", "threshold=20,trace_eagerness=5,max_aborts=3", "--stats",
                                    "--log", "jit-abort"])
        #expect(traced.stdout == "150000\n")
        let s = stats(traced.stderr)
        let bridgeAborts = traced.stderr.split(separator: "\n").filter { $0.hasPrefix("Guard ") && $0.contains("the loop's frame returned") }
        // Thresholds 5, 10, 20 failures: three attempts, then never again (3000 calls, each failing the guard once).
        #expect(bridgeAborts.count == 3, "\(traced.stderr.suffix(800))")
        #expect((s["guard failures"] ?? 0) >= 2900)
    }
}
