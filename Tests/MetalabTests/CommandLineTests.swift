import Foundation
import Testing

/// The command line's contract: exit statuses, error reports, heap limits, interrupts (DESIGN §12).
struct CommandLineTests {
    /// Writes `source` to a fresh temporary folder and returns the program's path.
    func program(_ source: String, name: String = "prog.py") throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("metalab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent(name)
        try source.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func run(_ arguments: [String], in dir: URL? = nil, timeout: TimeInterval = 120) throws -> ProcessResult {
        try runProcess(Corpus.binary, arguments, in: dir ?? FileManager.default.temporaryDirectory, timeout: timeout)
    }

    @Test func versionAndHelp() throws {
        let version = try run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("metalab "))
        let help = try run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("run"))
        #expect(help.stdout.contains("dis"))
    }

    @Test func missingFileIsReportedLikeCPython() throws {
        let r = try run(["run", "/nonexistent/x.py"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("can't open file '/nonexistent/x.py'"))
    }

    @Test func syntaxErrorShowsLineAndCaret() throws {
        let file = try program("x = 1\nif x = 2:\n    pass\n")
        let r = try run(["run", file.lastPathComponent], in: file.deletingLastPathComponent())
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        let lines = r.stderr.split(separator: "\n").map(String.init)
        #expect(lines.first == "  File \"prog.py\", line 2")
        #expect(lines.contains("    if x = 2:"))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "^" })
        #expect(lines.last?.hasPrefix("SyntaxError: ") == true)
    }

    @Test func unsupportedFeatureNamesFileLineAndColumn() throws {
        let file = try program("def gen():\n    yield 1\n")
        let r = try run(["run", file.lastPathComponent], in: file.deletingLastPathComponent())
        #expect(r.status == 1)
        #expect(r.stderr.contains("prog.py:2:5"))
        #expect(r.stderr.contains("yield"))
    }

    @Test func uncaughtExceptionPrintsTraceback() throws {
        let file = try program("def f(d):\n    return d['k']\n\nprint('before')\nf({})\n")
        let r = try run(["run", file.lastPathComponent], in: file.deletingLastPathComponent())
        #expect(r.status == 1)
        #expect(r.stdout == "before\n")
        #expect(r.stderr.hasPrefix("Traceback (most recent call last):\n"))
        #expect(r.stderr.contains("  File \"prog.py\", line 5, in <module>\n    f({})\n"))
        #expect(r.stderr.contains("  File \"prog.py\", line 2, in f\n    return d['k']\n"))
        #expect(r.stderr.hasSuffix("KeyError: 'k'\n"))
    }

    @Test func deepRecursionRaisesRecursionErrorNotACrash() throws {
        let file = try program("def f(n):\n    return f(n + 1) + 1\n\ntry:\n    f(0)\nexcept RecursionError as e:\n    print('caught', e)\n")
        let r = try run(["run", file.path])
        #expect(r.status == 0)
        #expect(r.stdout == "caught maximum recursion depth exceeded\n")
    }

    /// Deep guest recursion (past any fixed frame-table size) inside a built-in's callback stays correct.
    @Test func deepRecursionInsideCallbacks() throws {
        let file = try program("""
        import sys
        sys.setrecursionlimit(20000)
        def depth(n):
            return 0 if n == 0 else 1 + depth(n - 1)
        print(depth(5000), sorted([3, 1, 2], key=lambda x: depth(x * 1000)))
        """)
        let r = try run(["run", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "5000 [1, 2, 3]\n")
    }

    /// Short-lived objects are reclaimed: a program that allocates far more than the heap limit, but keeps
    /// little alive, finishes.
    @Test func garbageIsReclaimedUnderAHeapLimit() throws {
        let source = """
        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        total = 0
        for i in range(300000):
            p = Point(i, [i, i + 1])
            total += p.y[1] - p.x
        print(total)
        """
        let file = try program(source)
        let r = try run(["run", "--max-heap", "8m", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "300000\n")
    }

    /// Past `--max-heap`, live data raises a catchable MemoryError.
    @Test func heapLimitRaisesMemoryError() throws {
        let source = """
        chunks = []
        try:
            while True:
                chunks.append([0] * 10000)
        except MemoryError:
            n = len(chunks)
            chunks = None
            print('caught MemoryError', n > 10)
        """
        let file = try program(source)
        let r = try run(["run", "--max-heap", "16m", file.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "caught MemoryError True\n")
    }

    /// Ctrl-C interrupts the guest program with KeyboardInterrupt (which it may catch).
    @Test func interruptRaisesKeyboardInterrupt() throws {
        let file = try program("print('ready')\ntry:\n    while True:\n        pass\nexcept KeyboardInterrupt:\n    print('interrupted')\n")
        let process = Process()
        process.executableURL = Corpus.binary
        process.arguments = ["run", file.path]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = Pipe()
        try process.run()
        usleep(700_000)
        process.interrupt()
        let deadline = Date().addingTimeInterval(30)
        while process.isRunning && Date() < deadline { usleep(10_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0)
        #expect(stdout == "ready\ninterrupted\n")
    }

    @Test func disPrintsEveryCodeObject() throws {
        let file = try program("def add(a, b):\n    return a + b\n\nprint(add(1, 2))\n")
        let r = try run(["dis", file.lastPathComponent], in: file.deletingLastPathComponent())
        #expect(r.status == 0)
        #expect(r.stdout.contains("Disassembly of <code object add, file \"prog.py\", line 1>:"))
        #expect(r.stdout.contains("BINARY_ADD"))
        #expect(r.stdout.contains("RETURN_VALUE"))
    }

    @Test func programArgumentsReachSysArgv() throws {
        let file = try program("import sys\nprint(sys.argv)\n")
        let r = try run(["run", file.lastPathComponent, "a", "--b", "-7", "--", "--jit"], in: file.deletingLastPathComponent())
        #expect(r.status == 0)
        #expect(r.stdout == "['prog.py', 'a', '--b', '-7', '--jit']\n")
    }
}
