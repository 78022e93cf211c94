import Foundation
import Testing

/// `--backend x64|ir` under `--jit trace`: machine code and the IR executor give the same output and statistics,
/// and `--log jit-backend` shows the machine code that ran.
struct BackendRunTests {
    let helpers = TracerRunTests()

    static let source = """
        def work(n):
            total = 0
            x = 0.5
            items = []
            i = 0
            while i < n:
                total += i * 3 % 7
                x = x * 1.0001 + 0.25
                if i % 97 == 0:
                    items.append(i)
                i += 1
            return total, round(x, 6), len(items)
        print(work(20000))
        """

    @Test func bothBackendsPrintTheSameAndCountTheSame() throws {
        let file = try helpers.program(Self.source)
        let native = try helpers.run(file, ["--jit", "trace", "--backend", "x64", "--jit-param", "threshold=3", "--stats"])
        let executor = try helpers.run(file, ["--jit", "trace", "--backend", "ir", "--jit-param", "threshold=3", "--stats"])
        let plain = try helpers.run(file, ["--jit", "off"])
        #expect(native.status == 0, "\(native.stderr.suffix(600))")
        #expect(native.stdout == plain.stdout && executor.stdout == plain.stdout)
        let n = helpers.stats(native.stderr), e = helpers.stats(executor.stderr)
        #expect((n["loops"] ?? 0) >= 1)
        for key in ["loops", "guard failures", "deopts", "loop entries", "bytecodes in jit", "bytecodes interpreted"] {
            #expect(n[key] == e[key], "\(key)")
        }
    }

    @Test func theBackendLogShowsEachLoopsMachineCodeUnderItsOps() throws {
        let file = try helpers.program(Self.source)
        let r = try helpers.run(file, ["--jit", "trace", "--jit-param", "threshold=3", "--log", "jit-backend"])
        #expect(r.status == 0)
        let log = r.stderr
        #expect(log.hasPrefix("{jit-backend\n# Loop 0: "))
        #expect(log.contains("jit-backend}\n"))
        #expect(log.contains("# label("))
        #expect(log.contains("# out of line: guard exits and slow paths"))
        // An address, the bytes and the instruction, as objdump prints them.
        #expect(log.split(separator: "\n").contains { $0.hasPrefix("0x") && $0.contains("  55 ") && $0.hasSuffix("push   rbp") })
        let executor = try helpers.run(file, ["--jit", "trace", "--backend", "ir", "--jit-param", "threshold=3", "--log", "jit-backend"])
        #expect(executor.stderr.isEmpty)
    }

    @Test func anUnknownBackendIsAClearError() throws {
        let file = try helpers.program("print(1)\n")
        let r = try helpers.run(file, ["--jit", "trace", "--backend", "arm64"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("--backend"))
    }
}
