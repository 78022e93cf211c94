import Meta
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Running a whole MiniPy program the way `python3 FILE ARGS...` does: same stdout, same exit status, a
/// CPython-style report of syntax errors and uncaught exceptions on stderr.
public enum Program {
    /// Options of a run.
    public struct Options {
        public var maxHeapBytes = 4 << 30
        /// Run with the meta-tracing JIT (`--jit trace`) and these knobs.
        public var tracing: TracerOptions?
        /// The optimizer traced loops go through (nil: they run as recorded).
        public var optimizer: Optimizer?
        /// Print the JIT's counters to stderr at exit (`--stats`).
        public var stats = false
        /// `--log` categories, written with `writeLog` (stderr unless `--log-file`).
        public var logCategories: Set<JitLogCategory> = []
        public var writeLog: (String) -> Void = { writeStderr($0) }
        /// Receives the trace tree as graphviz DOT when the program ends (`--dot FILE`; needs `tracing`).
        public var writeTraceTreeDot: ((String) -> Void)?
        public init() {}
    }

    /// Runs `path` with `arguments` (sys.argv[1:]); returns the process exit status.
    public static func run(path: String, arguments: [String], options: Options = Options()) -> Int32 {
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            writeStderr("metalab: can't open file '\(path)': [Errno 2] No such file or directory\n")
            return 2
        }
        let code: CodeObject
        switch Result(catching: { () throws(SourceError) -> CodeObject in try compileModule(source: source, filename: path) }) {
        case .success(let c): code = c
        case .failure(let e):
            writeStderr(e.formatted())
            return 1
        }
        let rt = Runtime(maxHeapBytes: options.maxHeapBytes)
        rt.installBuiltins()
        rt.installInterpreterBuiltins()
        rt.argv = [path] + arguments
        rt.searchPath = URL(fileURLWithPath: path).deletingLastPathComponent().path
        rt.sourceLines[path] = source.components(separatedBy: "\n")
        var log: JitLog?
        let dropped = DroppedLoops()
        if let tracing = options.tracing {
            let jit = JitDriver(runtime: rt, options: tracing, optimizer: options.optimizer)
            if !options.logCategories.isEmpty {
                let l = JitLog(categories: options.logCategories, runtime: rt, write: options.writeLog)
                jit.observers.append(l)
                log = l
            }
            if options.writeTraceTreeDot != nil { jit.observers.append(dropped) }
            rt.jit = jit
        }
        let interpreted = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        interpreted.initialize(to: 0)
        defer { interpreted.deallocate() }
        if options.stats || options.logCategories.contains(.summary) { rt.instructionCounter = interpreted }
        let status = rt.runMain(code, path: path)
        rt.stdout.flush()
        let statistics = (rt.jit?.statistics ?? JitStatistics()).lines(bytecodesInterpreted: interpreted.pointee)
        log?.summary(statistics)
        if let writeDot = options.writeTraceTreeDot, let jit = rt.jit { writeDot(jit.traceTree(dropped: dropped.reasons).dot()) }
        if options.stats { writeStderr(statistics.map { $0 + "\n" }.joined()) }
        return status
    }
}

extension Runtime {
    /// The built-ins that belong to the interpreter itself: `super`, whose zero-argument form reads the calling
    /// frame.
    public func installInterpreterBuiltins() {
        dictSetStr(builtinsDict, intern("super"), types.superType)
        // object.__init__ accepts and ignores no arguments (what `super().__init__()` reaches in a plain class).
        defineMethod(types.object, "__init__") { rt, _, _ in rt.none }
        // BaseException.__init__(self, *args) stores args (user exceptions reach it through super().__init__).
        defineMethod(exceptions.BaseException, "__init__") { rt, selfValue, args throws(PyException) in
            let receiver = selfValue.isNull ? (args.count > 0 ? args[0] : Ref.null) : selfValue
            guard !receiver.isNull, rt.isInstance(receiver, rt.exceptions.BaseException) else {
                throw rt.typeError("descriptor '__init__' requires a 'BaseException' object")
            }
            let values = Array(args.positional.dropFirst(selfValue.isNull ? 1 : 0))
            rt.setOwnAttribute(receiver, rt.intern("args"), rt.newTuple(values))
            return rt.none
        }
    }

    /// Runs `code` as the `__main__` module; returns the exit status (reporting an uncaught exception).
    public func runMain(_ code: CodeObject, path: String) -> Int32 {
        do {
            try runAsMain(code, path: path)
            return 0
        } catch {
            return exitStatus(forUncaught: error.value)
        }
    }

    /// Runs `code` as the `__main__` module; an uncaught exception (SystemExit included) is thrown.
    public func runAsMain(_ code: CodeObject, path: String) throws(PyException) {
        let main = newModule("__main__")
        let dict = main.ref(L.moduleDict)
        dictSetStr(dict, intern("__name__"), intern("__main__"))
        dictSetStr(dict, intern("__file__"), newStr(path))
        dictSetStr(dict, intern("__package__"), none)
        dictSetStr(modules, intern("__main__"), main)
        _ = try runCode(code, globals: dict, localsDict: dict)
    }

    /// SystemExit's status, or 1 after printing the traceback of any other exception.
    func exitStatus(forUncaught exc: Ref) -> Int32 {
        let (status, report) = uncaughtOutcome(exc)
        if !report.isEmpty { writeStderr(report) }
        guard isInstance(exc, exceptions.KeyboardInterrupt) else { return status }
        // Like CPython: die by SIGINT so that the parent sees an interrupted process (status 130 in a shell).
        stdout.flush()
        signal(SIGINT, SIG_DFL)
        kill(getpid(), SIGINT)
        return 1
    }
}

/// Runs `body` on a new thread with a 1 GiB stack and waits for it. The interpreter never recurses in Swift per
/// guest call, but built-ins that call back into guest code do, and the dispatch loop's frame is large in debug
/// builds; the default 8 MiB (or a test thread's 512 KiB) is not enough for deep guest recursion.
public func runOnLargeStack<T>(_ body: @escaping () -> T) -> T {
    var result: T?
    let job = ThreadJob { result = body() }
    var attributes = pthread_attr_t()
    pthread_attr_init(&attributes)
    pthread_attr_setstacksize(&attributes, 1 << 30)
    var thread = pthread_t()
    let unmanaged = Unmanaged.passRetained(job)
    let created = pthread_create(&thread, &attributes, { raw in
        Unmanaged<ThreadJob>.fromOpaque(raw!).takeUnretainedValue().work()
        return nil
    }, unmanaged.toOpaque())
    defer { unmanaged.release() }
    guard created == 0 else { return body() }
    pthread_join(thread, nil)
    return result!
}

/// The closure a `runOnLargeStack` thread runs.
final class ThreadJob: @unchecked Sendable {
    let work: () -> Void
    init(_ work: @escaping () -> Void) { self.work = work }
}
