import ArgumentParser
import MiniPy
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The `metalab` command line (DESIGN §12): run and disassemble MiniPy programs.
@main
struct Metalab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "metalab",
        abstract: "An educational, step-through meta-tracing JIT for MiniPy, a Python subset.",
        version: "metalab 0.1.0",
        subcommands: [Run.self, Dis.self]
    )
}

/// Which JIT runs the program.
enum JitMode: String, ExpressibleByArgument, CaseIterable {
    case off
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
    static let configuration = CommandConfiguration(abstract: "Run a MiniPy program (prints exactly what python3 prints).")

    @Option(name: .long, help: "Execution mode: off (the plain interpreter).")
    var jit: JitMode = .off

    @Option(name: .customLong("max-heap"), help: "Largest live heap before MemoryError, e.g. 512m, 2g (default 4g).")
    var maxHeap: HeapSize?

    @Argument(help: "The program to run.")
    var file: String

    @Argument(parsing: .captureForPassthrough, help: "Arguments for the program (sys.argv[1:]).")
    var arguments: [String] = []

    func run() throws {
        var options = Program.Options()
        if let maxHeap { options.maxHeapBytes = maxHeap.bytes }
        let status = runOnLargeStack { Program.run(path: file, arguments: arguments, options: options) }
        throw ExitCode(status)
    }
}

struct Dis: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Disassemble every code object of a MiniPy program.")

    @Argument(help: "The program to disassemble.")
    var file: String

    func run() throws {
        guard let data = FileManager.default.contents(atPath: file), let source = String(data: data, encoding: .utf8) else {
            FileHandle.standardError.write("metalab: can't open file '\(file)': [Errno 2] No such file or directory\n".data(using: .utf8)!)
            throw ExitCode(2)
        }
        do {
            print(disassemble(try compileModule(source: source, filename: file)), terminator: "")
        } catch let e as SourceError {
            FileHandle.standardError.write(e.formatted().data(using: .utf8)!)
            throw ExitCode(1)
        }
    }
}

/// Runs `body` on a thread with a 1 GiB stack (the interpreter never recurses per guest call, but built-ins that
/// call back into guest code do), with Ctrl-C turned into KeyboardInterrupt.
func runOnLargeStack(_ body: @escaping () -> Int32) -> Int32 {
    signal(SIGINT) { _ in Runtime.interruptRequested = 1 }
    final class Box: @unchecked Sendable { var body: () -> Int32; var status: Int32 = 0; init(_ b: @escaping () -> Int32) { body = b } }
    let box = Box(body)
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 1 << 30)
    var thread = pthread_t()
    let unmanaged = Unmanaged.passRetained(box)
    let created = pthread_create(&thread, &attributes, { raw in
        let box = Unmanaged<Box>.fromOpaque(raw!).takeRetainedValue()
        box.status = box.body()
        return nil
    }, unmanaged.toOpaque())
    guard created == 0 else { unmanaged.release(); return body() }
    pthread_join(thread, nil)
    return box.status
}
