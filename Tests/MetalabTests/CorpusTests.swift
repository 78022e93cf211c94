import Foundation
import Testing

/// The conformance corpus (Tests/Corpus): every program's stdout, exit status and last stderr line must match
/// what CPython produced (the committed `.out` and `.status` files). Programs run in the real `metalab` binary,
/// one process each, so a crash fails only its own program.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpus")

    static var programs: [String] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return files.filter { $0.hasSuffix(".py") && $0 != "regen.py" && $0 != "compare.py" }.sorted()
    }

    /// The `metalab` executable built beside the test bundle.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("metalab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return root.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/metalab")
    }
}

/// The result of running one process.
struct ProcessResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs `executable` with `arguments` in `directory`, with a timeout.
func runProcess(_ executable: URL, _ arguments: [String], in directory: URL, timeout: TimeInterval = 60) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = directory
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    var outData = Data(), errData = Data()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    group.enter()
    DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(10_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    group.wait()
    return ProcessResult(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                         status: process.terminationStatus)
}

/// The JIT modes the corpus runs in: the plain interpreter, and the meta-tracer with a threshold so low that nearly
/// every loop is traced and a trace_eagerness so low that nearly every failing guard gets a bridge (and the
/// checks-then-acts assertion of the recorder runs over the corpus in debug builds).
enum CorpusMode: String, CaseIterable, CustomTestStringConvertible {
    case interpreter
    case tracer
    /// The tracer with a non-virtualizable frame: every slot access is memory traffic in the trace.
    case tracerNaiveFrame
    /// The tracer with its loops run by the IR executor instead of machine code.
    case tracerIRBackend
    /// The tracer without the optimizer (loops run as recorded), both frame kinds.
    case tracerUnoptimized
    case tracerUnoptimizedNaiveFrame

    var options: [String] {
        switch self {
        case .interpreter: ["--jit", "off"]
        case .tracer: ["--jit", "trace", "--jit-param", "threshold=2,trace_eagerness=2", "--stats"]
        case .tracerNaiveFrame: ["--jit", "trace", "--jit-param", "threshold=2,virtualizable=off", "--stats"]
        case .tracerIRBackend: ["--jit", "trace", "--backend", "ir", "--jit-param", "threshold=2,trace_eagerness=2", "--stats"]
        case .tracerUnoptimized: ["--jit", "trace", "--jit-param", "threshold=2,trace_eagerness=2", "--passes", "none", "--stats"]
        case .tracerUnoptimizedNaiveFrame: ["--jit", "trace", "--jit-param", "threshold=2,virtualizable=off", "--passes", "none", "--stats"]
        }
    }

    var testDescription: String { rawValue }
}

/// Programs whose hot loops the tracer must compile (a guard against traces that abort everywhere).
let programsThatCompileLoops: Set<String> = [
    "ctrl_loops.py", "prog_sieve.py", "prog_mandelbrot.py", "prog_life.py", "prog_matrix.py", "prog_nqueens.py",
    "prog_sorting.py", "prog_brainfuck.py", "prog_bst.py", "float_math.py", "list_comprehension.py", "class_basics.py",
]

/// The `--stats` keys, which end stderr in tracer mode.
let statsKeys: Set<String> = Set(["loops", "loops dropped", "loops invalidated", "bridges", "aborts", "traces started", "guard failures", "deopts", "loop entries",
                              "ops recorded", "ops after optimization", "bytecodes traced", "bytecodes interpreted",
                              "bytecodes in jit"]).union(["guard", "int", "float", "memory", "allocation", "call", "control", "debug"].flatMap {
    ["ops recorded \($0)", "ops after optimization \($0)"]
})

@Test(arguments: Corpus.programs, CorpusMode.allCases)
func corpusProgramMatchesCPython(_ program: String, _ mode: CorpusMode) throws {
    let dir = Corpus.root
    let stem = String(program.dropLast(3))
    let expectedOut = try String(contentsOf: dir.appendingPathComponent(stem + ".out"), encoding: .utf8)
    let statusLines = try String(contentsOf: dir.appendingPathComponent(stem + ".status"), encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let expectedStatus = Int32(statusLines[0]) ?? -1
    let expectedLastLine = statusLines.count > 1 ? statusLines[1] : ""
    var args = ["run"] + mode.options + [program]
    let argsFile = dir.appendingPathComponent(stem + ".args")
    if let extra = try? String(contentsOf: argsFile, encoding: .utf8) {
        args += extra.split(separator: "\n").map(String.init)
    }
    let result = try runProcess(Corpus.binary, args, in: dir)
    #expect(result.stdout == expectedOut, "stdout of \(program) differs")
    #expect(result.status == expectedStatus, "exit status of \(program): \(result.stderr.suffix(400))")
    var stderrLines = result.stderr.split(separator: "\n").map(String.init)
    var stats: [String: Int] = [:]
    if mode != .interpreter {
        while let line = stderrLines.last, let colon = line.firstIndex(of: ":"), statsKeys.contains(String(line[..<colon])) {
            stats[String(line[..<colon])] = Int(line[line.index(colon, offsetBy: 2)...])
            stderrLines.removeLast()
        }
        #expect(stats["loops"] != nil, "no --stats block after \(program)")
        if programsThatCompileLoops.contains(program) {
            #expect((stats["loops"] ?? 0) > 0, "\(program) compiled no loop")
            #expect((stats["bytecodes in jit"] ?? 0) > 0, "\(program) ran no bytecode in compiled loops")
        }
    }
    #expect((stderrLines.last ?? "") == expectedLastLine, "last stderr line of \(program)")
}
