import Foundation
import Testing

/// `metalab run --jit trace`: a loop whose folded global is rebound is invalidated, visibly (`--stats`,
/// `--log jit-invalidate`), under both backends, and the program prints what the interpreter prints.
struct InvalidationRunTests {
    let source = """
        def step(x):
            return x + 1
        def run(n):
            t = 0
            for i in range(n):
                t = step(t)
            return t
        print(run(100))
        def step(x):
            return x * 2 % 1009
        print(run(100))
        print(run(100))

        """

    @Test(arguments: ["x64", "ir"]) func aRebindingInvalidatesOnceAndIsLogged(backend: String) throws {
        let runs = TracerRunTests()
        let file = try runs.program(source)
        let plain = try runs.run(file, ["--jit", "off"])
        let traced = try runs.run(file, ["--jit", "trace", "--backend", backend, "--jit-param", "threshold=3", "--stats",
                                         "--log", "jit-invalidate"])
        #expect(traced.status == 0, "\(traced.stderr)")
        #expect(traced.stdout == plain.stdout)
        #expect(traced.stderr.contains("{jit-invalidate\n# Loop 0 (run:5 #"), "\(traced.stderr)")
        #expect(traced.stderr.contains(") invalidated: global 'step' rebound\njit-invalidate}\n"))
        let s = runs.stats(traced.stderr)
        #expect(s["loops invalidated"] == 1)
        #expect(s["loops"] == 2)
    }
}
