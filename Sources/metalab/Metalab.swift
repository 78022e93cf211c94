import ArgumentParser
import MiniPy
import Meta
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `metalab` command line (DESIGN §12): without a subcommand, the interactive Lab; `run` and `dis` for MiniPy
/// programs; `script` and `lesson` for the Lab's unattended and narrated sessions.
@main
struct Metalab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metalab",
        abstract: "An educational, step-through meta-tracing JIT for MiniPy, a Python subset.",
        discussion: "Without a subcommand, opens the Lab: an interactive session (type 'help').",
        version: "metalab 0.1.0",
        subcommands: [Run.self, Dis.self, Script.self, LessonCommand.self]
    )

    func run() throws {
        throw ExitCode(Repl.run())
    }
}

extension TraceBackend: ExpressibleByArgument {}

/// Which JIT runs the program.
enum JitMode: String, ExpressibleByArgument, CaseIterable {
    case off
    case trace
}

/// `--jit-param threshold=2,trace_limit=500,virtualizable=off`.
struct JitParameters: ExpressibleByArgument {
    var options = TracerOptions()
    var error: String?
    init?(argument: String) {
        for item in argument.split(separator: ",") {
            let parts = item.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else {
                error = "--jit-param expects name=value items separated by commas, got '\(item)'"
                return
            }
            if let message = options.set(String(parts[0]), String(parts[1])) {
                error = message
                return
            }
        }
    }
}

/// A heap size such as `512m`, `2g` or a byte count.
struct HeapSize: ExpressibleByArgument {
    let bytes: Int
    init?(argument: String) {
        let s = argument.lowercased()
        let units: [(String, Int)] = [("k", 1 << 10), ("m", 1 << 20), ("g", 1 << 30)]
        for (suffix, scale) in units where s.hasSuffix(suffix) {
            guard let n = Int(s.dropLast()), n > 0 else { return nil }
            bytes = n * scale
            return
        }
        guard let n = Int(s), n > 0 else { return nil }
        bytes = n
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a MiniPy program (prints exactly what python3 prints).")

    @Option(name: .long, help: "Execution mode: off (the plain interpreter) or trace (the meta-tracing JIT; see --backend).")
    var jit: JitMode = .off

    @Option(name: .long, help: "What runs --jit trace's loops: x64 (machine code, the default) or ir (the IR executor).")
    var backend: TraceBackend = .x64

    @Option(name: .customLong("jit-param"),
            help: "Tracer knobs for --jit trace: threshold=N (default 1039), trace_limit=N (6000), inline_depth=N (8), max_aborts=N (5), trace_eagerness=N (200), virtualizable=on|off.")
    var jitParameters: JitParameters?

    @Option(name: .long, help: "Optimization passes for --jit trace: all (the default), none (loops run as recorded), or a comma-separated list of \(Optimizer().passNames.joined(separator: ", ")).")
    var passes: String?

    @Flag(name: .long, help: "Print the JIT's counters to stderr at exit.")
    var stats = false

    @Option(name: .long, help: "Log categories to write, comma-separated: jit-log-noopt, jit-log-opt, jit-summary, jit-abort.")
    var log: String?

    @Option(name: .customLong("log-file"), help: "Write the log to PATH instead of stderr.")
    var logFile: String?

    @Option(name: .long, help: "Write the trace tree (loops, their failing guards, the bridges off them) as graphviz DOT to FILE when the program ends (needs --jit trace).")
    var dot: String?

    @Option(name: .customLong("max-heap"), help: "Largest live heap before MemoryError, e.g. 512m, 2g (default 4g).")
    var maxHeap: HeapSize?

    @ArgumentParser.Argument(help: "The program to run.")
    var file: String

    @ArgumentParser.Argument(parsing: .allUnrecognized,
                             help: "Arguments for the program (sys.argv[1:]); put them after `--` if they look like metalab's options.")
    var arguments: [String] = []

    func run() throws {
        var options = Program.Options()
        if let maxHeap { options.maxHeapBytes = maxHeap.bytes }
        if let error = jitParameters?.error { throw ValidationError(error) }
        if jit == .trace {
            var tracing = jitParameters?.options ?? TracerOptions()
            tracing.backend = backend
            options.tracing = tracing
        }
        options.stats = stats
        if jit == .trace, passes != "none" {
            var optimizer = Optimizer()
            if let passes, passes != "all" {
                do { try optimizer.setEnabledPasses(passes.split(separator: ",").map(String.init)) } catch {
                    throw ValidationError("\(error)")
                }
            }
            options.optimizer = optimizer
        }
        if let log {
            do { options.logCategories = try JitLogCategory.parse(log) } catch { throw ValidationError(error.description) }
        }
        if let logFile {
            guard let handle = FileManager.default.createFile(atPath: logFile, contents: nil) ? FileHandle(forWritingAtPath: logFile) : nil else {
                throw ValidationError("cannot write the log file '\(logFile)'")
            }
            options.writeLog = { handle.write($0.data(using: .utf8)!) }
        }
        if let dot {
            guard jit == .trace else { throw ValidationError("--dot needs --jit trace (without the JIT there is no trace tree)") }
            guard FileManager.default.createFile(atPath: dot, contents: nil) else {
                throw ValidationError("cannot write the DOT file '\(dot)'")
            }
            options.writeTraceTreeDot = { text in
                if !FileManager.default.createFile(atPath: dot, contents: text.data(using: .utf8)) {
                    writeStderr("metalab: cannot write the DOT file '\(dot)'\n")
                }
            }
        }
        // `--` ends metalab's options; everything after it belongs to the program.
        var arguments = arguments
        if let separator = arguments.firstIndex(of: "--") { arguments.remove(at: separator) }
        // Ctrl-C raises KeyboardInterrupt in the guest.
        catchInterrupts()
        let programArguments = arguments
        let status = runOnLargeStack { Program.run(path: file, arguments: programArguments, options: options) }
        throw ExitCode(status)
    }
}

struct Dis: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "dis", abstract: "Disassemble every code object of a MiniPy program.")

    @ArgumentParser.Argument(help: "The program to disassemble.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file), let source = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write("metalab: can't open file '\(file)': [Errno 2] No such file or directory\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        switch Result(catching: { () throws(SourceError) -> CodeObject in try compileModule(source: source, filename: file) }) {
        case .success(let code):
            print(disassemble(code), terminator: "")
        case .failure(let e):
            FileHandle.standardError.write(e.formatted().data(using: .utf8)!)
            throw ExitCode(1)
        }
    }
}


/// Makes Ctrl-C set `Runtime.interruptRequested` (the interpreter raises KeyboardInterrupt at its next safepoint;
/// the Lab stops the program at its next merge point instead). The parent may have started us with SIGINT blocked
/// or ignored (test runners, some shells' background jobs): take it back.
func catchInterrupts() {
    var unblock = sigset_t()
    sigemptyset(&unblock)
    sigaddset(&unblock, SIGINT)
    sigprocmask(SIG_UNBLOCK, &unblock, nil)
    _ = Runtime.interruptFlag  // initialised here, not in the handler
    signal(SIGINT) { _ in Runtime.interruptRequested = 1 }
}
