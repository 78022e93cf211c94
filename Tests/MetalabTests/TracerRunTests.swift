import Foundation
import Testing

/// `metalab run --jit trace`: programs whose loops deoptimize (type changes, other branches, polymorphic calls,
/// exceptions in residual calls, guards failing inside inlined calls) print exactly what `--jit off` prints, and
/// the statistics and logs say what happened.
struct TracerRunTests {
    func program(_ source: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("metalab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("prog.py")
        try source.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func run(_ file: URL, _ options: [String]) throws -> ProcessResult {
        try runProcess(Corpus.binary, ["run", file.lastPathComponent] + options, in: file.deletingLastPathComponent())
    }

    /// The `--stats` block as a dictionary.
    func stats(_ stderr: String) -> [String: Int] {
        var result: [String: Int] = [:]
        for line in stderr.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            if parts.count == 2, let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) { result[String(parts[0])] = n }
        }
        return result
    }

    /// Runs `source` both ways; expects identical output and status, at least one compiled loop and at least
    /// `guardFailures` guard failures. Returns the tracer's statistics.
    @discardableResult
    func expectSameAsInterpreter(_ source: String, guardFailures: Int = 1, parameters: String = "threshold=3",
                                 sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Int] {
        let file = try program(source)
        let plain = try run(file, ["--jit", "off"])
        let traced = try run(file, ["--jit", "trace", "--jit-param", parameters, "--stats"])
        #expect(plain.status == 0, "\(plain.stderr)", sourceLocation: sourceLocation)
        #expect(traced.stdout == plain.stdout, sourceLocation: sourceLocation)
        #expect(traced.status == plain.status, "\(traced.stderr.suffix(600))", sourceLocation: sourceLocation)
        let s = stats(traced.stderr)
        #expect((s["loops"] ?? 0) >= 1, "no loop compiled: \(traced.stderr)", sourceLocation: sourceLocation)
        #expect((s["guard failures"] ?? 0) >= guardFailures, sourceLocation: sourceLocation)
        #expect((s["bytecodes in jit"] ?? 0) > 0, sourceLocation: sourceLocation)
        return s
    }

    @Test func intTurnsIntoFloatMidLoop() throws {
        try expectSameAsInterpreter("""
        def f(n):
            x = 0
            i = 0
            while i < n:
                if i == 50:
                    x = x + 0.5
                x = x + 1
                i += 1
            return x
        print(f(100), f(10))
        """)
    }

    @Test func otherBranchAfterManyIterations() throws {
        try expectSameAsInterpreter("""
        def f(n):
            small = big = 0
            for i in range(n):
                if i < 70:
                    small += i
                else:
                    big -= i
            return small, big
        print(f(100))
        """)
    }

    @Test func polymorphicMethodCalls() throws {
        try expectSameAsInterpreter("""
        class Square:
            def __init__(self, s):
                self.s = s
            def area(self):
                return self.s * self.s
        class Rect(Square):
            def __init__(self, w, h):
                self.s = w
                self.h = h
            def area(self):
                return self.s * self.h
        shapes = [Square(i) for i in range(40)] + [Rect(i, 2) for i in range(40)] + [Square(3), Rect(1, 1)] * 10
        total = 0
        for sh in shapes:
            total += sh.area()
        print(total)
        """)
    }

    /// A guard fails inside an inlined call: deoptimization rebuilds the callee's frame under the caller's.
    @Test func guardFailsInsideAnInlinedCall() throws {
        try expectSameAsInterpreter("""
        def step(v, k):
            return v + k
        def f(n):
            s = 0
            for i in range(n):
                if i == 60:
                    s = float(s)
                s = step(s, i)
            return s
        print(f(100))
        """)
    }

    /// Overflow to a big int leaves the trace through guard_no_overflow.
    @Test func overflowLeavesTheTrace() throws {
        try expectSameAsInterpreter("""
        x = 1
        for i in range(80):
            x = x * 3 + 1
        print(x)
        """)
    }

    /// A residual call raising in compiled code raises at its bytecode, once, caught by the program.
    @Test func exceptionInAResidualCallInsideATrace() throws {
        try expectSameAsInterpreter("""
        def total(d, keys):
            t = 0
            try:
                for k in keys:
                    t += d[k]
            except KeyError as e:
                print("missing", e)
            return t
        d = {i: i * i for i in range(50)}
        print(total(d, list(range(50)) + [99, 3]))
        """)
    }

    /// Recursion: calls past the inlining depth become residual; the program's output is unchanged.
    @Test func recursionInsideALoop() throws {
        try expectSameAsInterpreter("""
        def fib(n):
            return n if n < 2 else fib(n - 1) + fib(n - 2)
        out = []
        for i in range(15):
            out.append(fib(i))
        print(out)
        """, guardFailures: 0)
    }

    @Test func statsKeysArePresentAndConsistent() throws {
        let file = try program("""
        def run(a, n):
            b = 0
            i = 0
            while i < n:
                b += a
                i += 1
            return b
        print(run(3, 1000))
        """)
        let r = try run(file, ["--jit", "trace", "--jit-param", "threshold=5", "--passes", "none", "--stats"])
        #expect(r.stdout == "3000\n")
        let s = stats(r.stderr)
        for key in ["loops", "bridges", "aborts", "guard failures", "ops recorded", "ops after optimization", "bytecodes interpreted",
                    "bytecodes in jit", "bytecodes traced"] {
            #expect(s[key] != nil, "missing \(key)")
        }
        #expect(s["loops"] == 1)
        #expect(s["aborts"] == 0)
        #expect(s["guard failures"] == 1)  // the loop's exit
        #expect((s["ops recorded"] ?? 0) > 20)
        #expect(s["ops after optimization"] == s["ops recorded"])
        // Per category, the counts add up to the totals; the optimizer (on by default) removes the boxes'
        // allocations (the peeled loop's preamble keeps its own copy of the guards, so guards are not compared).
        let categories = ["guard", "int", "float", "memory", "allocation", "call", "control", "debug"]
        #expect(categories.map { s["ops recorded \($0)"] ?? -1 }.reduce(0, +) == s["ops recorded"])
        let o = stats(try run(file, ["--jit", "trace", "--jit-param", "threshold=5", "--stats"]).stderr)
        #expect(categories.map { o["ops after optimization \($0)"] ?? -1 }.reduce(0, +) == o["ops after optimization"])
        #expect(o["ops recorded allocation"] == 2)
        #expect((o["ops after optimization allocation"] ?? 99) < 2)
        // 13 bytecodes per iteration; the iterations before the loop was hot and the exit's bytecode are not in it.
        #expect((s["bytecodes in jit"] ?? 0) > 12_000 && (s["bytecodes in jit"] ?? 0) < 13_000)
        // Every bytecode the plain interpreter runs is run once: interpreted, traced or in the loop.
        let plain = stats(try run(file, ["--jit", "off", "--stats"]).stderr)
        #expect(plain["bytecodes in jit"] == 0 && plain["loops"] == 0)
        #expect((s["bytecodes interpreted"] ?? 0) + (s["bytecodes traced"] ?? 0) + (s["bytecodes in jit"] ?? 0) == plain["bytecodes interpreted"])
    }

    @Test func logCategoriesGoToStderrOrAFile() throws {
        let file = try program("s = 0\nfor i in range(10):\n    s += i\nprint(s)\n")
        let r = try run(file, ["--jit", "trace", "--jit-param", "threshold=2", "--log", "jit-log-noopt,jit-summary"])
        #expect(r.stdout == "45\n")
        #expect(r.stderr.contains("{jit-log-noopt\n# Loop 0 (<module>:2 #"))
        #expect(r.stderr.contains("int_add_ovf"))
        #expect(r.stderr.contains("jit-log-noopt}\n{jit-summary\nloops: 1\n"))
        let logFile = file.deletingLastPathComponent().appendingPathComponent("jit.log")
        let f = try run(file, ["--jit", "trace", "--jit-param", "threshold=2", "--log", "jit-log-noopt", "--log-file", logFile.path])
        #expect(f.stdout == "45\n")
        #expect(f.stderr.isEmpty)
        #expect(try String(contentsOf: logFile, encoding: .utf8).hasPrefix("{jit-log-noopt\n# Loop 0"))
    }

    /// `--passes` runs the optimizer; `--log jit-log-opt` prints what it made of each loop.
    @Test func optimizedLoopsPrintTheSameAndAreLogged() throws {
        let file = try program("def f(n):\n    s = 0\n    i = 0\n    while i < n:\n        s += i * 2\n        i += 1\n    return s\nprint(f(1000))\n")
        let plain = try run(file, ["--jit", "off"])
        let optimized = try run(file, ["--jit", "trace", "--jit-param", "threshold=3", "--passes", "all", "--log", "jit-log-opt", "--stats"])
        #expect(optimized.stdout == plain.stdout && optimized.status == 0)
        #expect(optimized.stderr.contains("{jit-log-opt\n# Loop 0"))
        #expect(optimized.stderr.contains("descr=Loop1000)"))
        #expect(!optimized.stderr.contains("new_with_vtable"))
        let s = stats(optimized.stderr)
        #expect((s["loops"] ?? 0) == 1 && (s["bytecodes in jit"] ?? 0) > 0)
    }

    @Test func badOptionsAreClearErrors() throws {
        let file = try program("print(1)\n")
        let category = try run(file, ["--jit", "trace", "--log", "jit-bogus"])
        #expect(category.status != 0)
        #expect(category.stderr.contains("unknown log category 'jit-bogus'"))
        let passes = try run(file, ["--jit", "trace", "--passes", "fold,cse"])
        #expect(passes.status != 0)
        #expect(passes.stderr.contains("unknown optimization pass 'cse' (valid passes: peel, virtuals, heap, guards, fold, intbounds, dce)"))
        let param = try run(file, ["--jit", "trace", "--jit-param", "threshold=zero"])
        #expect(param.status != 0)
        #expect(param.stderr.contains("threshold must be a positive integer, got 'zero'"))
        let name = try run(file, ["--jit", "trace", "--jit-param", "treshold=2"])
        #expect(name.stderr.contains("unknown JIT parameter 'treshold'"))
    }

    /// Collections while loops are traced and run: the recorder's and the executor's references are roots.
    @Test func collectionsDuringTracedLoops() throws {
        let file = try program("""
        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y
        total = 0
        for i in range(200000):
            p = Point(i, [i, i + 1])
            total += p.y[1] - p.x
        print(total)
        """)
        let r = try run(file, ["--jit", "trace", "--jit-param", "threshold=2", "--max-heap", "8m", "--stats"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "200000\n")
        #expect((stats(r.stderr)["loops"] ?? 0) >= 1)
    }

    /// Past `--max-heap` inside a compiled loop, MemoryError is raised at the loop's safepoint and caught.
    @Test func memoryErrorInsideACompiledLoop() throws {
        let file = try program("""
        chunks = []
        try:
            while True:
                chunks.append([0] * 10000)
        except MemoryError:
            n = len(chunks)
            chunks = None
            print('caught MemoryError', n > 10)
        """)
        let r = try run(file, ["--jit", "trace", "--jit-param", "threshold=2", "--max-heap", "16m", "--stats"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "caught MemoryError True\n")
        #expect((stats(r.stderr)["loops"] ?? 0) >= 1)
    }

    /// Ctrl-C reaches a program spinning in a compiled loop.
    @Test func interruptReachesACompiledLoop() throws {
        let file = try program("print('ready')\ntry:\n    i = 0\n    while True:\n        i += 1\nexcept KeyboardInterrupt:\n    print('interrupted', i > 0)\n")
        let process = Process()
        process.executableURL = Corpus.binary
        process.arguments = ["run", file.path, "--jit", "trace", "--jit-param", "threshold=2", "--stats"]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        usleep(700_000)
        process.interrupt()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(stdout == "ready\ninterrupted True\n")
        #expect(stats(stderr)["loops"] == 1)
        #expect((stats(stderr)["bytecodes in jit"] ?? 0) > 1000)
    }

    /// A loop whose guard fails on every other iteration and cannot get a bridge (the naive frame: bridges need a
    /// virtualizable one) is dropped after a while, and the program's output is unchanged.
    @Test func unprofitableLoopsAreDropped() throws {
        let s = try expectSameAsInterpreter("""
        h = 0
        for i in range(5000):
            if i & 1:
                h += 1
            else:
                h -= 3
        print(h)
        """, parameters: "threshold=3,virtualizable=off")
        #expect(s["loops dropped"] == 1)
        #expect(s["bridges"] == 0)
        #expect((s["loop entries"] ?? 0) < 1500)
    }

    /// Loops inside callbacks (a key function run by `sorted`, a function `map` calls inside a residual call of a
    /// traced loop) trace and run in their own dispatch loops without running past them.
    @Test func loopsInsideCallbacks() throws {
        try expectSameAsInterpreter("""
        def weight(s):
            w = 0
            for ch in s:
                w += len(ch) * 3 + (1 if ch in "aeiou" else 0)
            return w
        words = ["pear", "fig", "banana", "kiwi"] * 20
        print(sorted(words, key=weight)[:5])
        total = 0
        for i in range(40):
            total += sum(map(weight, words[i % 4:]))
        print(total)
        """, guardFailures: 0)
    }
}
