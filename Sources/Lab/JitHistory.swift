import Meta
import MiniPy

/// A JIT event the Lab can stop at (`break trace-start`, ...), reported by the tracer's framework events.
enum JitEventKind: String, CaseIterable {
    case traceStart = "trace-start"
    case traceAbort = "trace-abort"
    case loopCompiled = "loop-compiled"
    case guardFail = "guard-fail"
    case deopt = "deopt"
    case bridge = "bridge"
    case loopInvalidated = "loop-invalidated"

    init?(_ event: TracerEvent) {
        switch event {
        case .traceStarted: self = .traceStart
        case .traceAborted: self = .traceAbort
        case .loopCompiled: self = .loopCompiled
        case .guardFailed: self = .guardFail
        case .deoptimized: self = .deopt
        case .bridgeCompiled: self = .bridge
        case .loopInvalidated: self = .loopInvalidated
        case .opRecorded, .machineCodeInstalled, .loopDropped: return nil
        }
    }

    /// Whether `break KIND ID` may name a guard: its events belong to one.
    var concernsAGuard: Bool { self == .guardFail || self == .deopt || self == .bridge }
}

extension TracerEvent {
    /// The guard a guard failure, a deoptimization or a bridge belongs to.
    var guardNumber: Int? {
        switch self {
        case .guardFailed(_, let n), .deoptimized(let n, _), .bridgeCompiled(_, _, let n, _, _): n
        default: nil
        }
    }
}

/// One trace the JIT compiled in the session's run, a loop or a bridge: what it recorded, what the optimizer made
/// of it (pass by pass) and, with the x64 backend, its machine code.
final class JitCompiled {
    /// How the views name it: `Loop 0`, `Bridge 2`.
    let title: String
    /// The trace that runs (the optimized one when the optimizer ran).
    let trace: Trace
    let optimization: OptimizationResult?
    /// Its machine code and where the out-of-line part starts (nil under the IR backend).
    let machineCode: (code: X64.ExecutableCode, outOfLineStart: Int)?
    /// How many of the optimizer's steps `opt` has shown.
    var passesShown = 0

    init(title: String, trace: Trace, optimization: OptimizationResult?, machineCode: (code: X64.ExecutableCode, outOfLineStart: Int)?) {
        self.title = title
        self.trace = trace
        self.optimization = optimization
        self.machineCode = machineCode
    }

    var recorded: Trace { optimization?.original.trace ?? trace }
    /// `title` within a sentence (`loop 0`).
    var name: String { title.prefix(1).lowercased() + title.dropFirst() }
}

/// The Lab's observer of the tracer (the framework reports, the Lab keeps and shows): the loops compiled so far,
/// the trace being recorded, and stops at JIT-event breakpoints.
final class JitHistory: TracerObserver {
    unowned let session: Session
    /// Kept alive after the run, so that traces' constants can still be named.
    let runtime: Runtime
    private(set) var loops: [JitCompiled] = []
    /// The bridges compiled so far, by their number (`bridge N` in the views).
    private(set) var bridges: [JitCompiled] = []
    /// Where the recording in progress started.
    private(set) var recordingLocation = ""
    /// Why the driver stopped entering each loop it dropped.
    let droppedLoops = DroppedLoops()
    /// Whether a trace is being recorded (from its start to its abort or its loop's compilation).
    private(set) var isRecording = false

    init(session: Session, runtime: Runtime) {
        self.session = session
        self.runtime = runtime
    }

    func tracer(_ event: TracerEvent) {
        switch event {
        case .traceStarted(let location):
            recordingLocation = location
            isRecording = true
        case .traceAborted:
            isRecording = false
        case .bridgeCompiled(let trace, let loop, let guardNumber, let optimization, let code):
            isRecording = false
            let title = "Bridge \(trace.number) (out of guard \(guardNumber) of loop \(loopIndex(number: loop).map(String.init) ?? "?"))"
            bridges.append(JitCompiled(title: title, trace: trace, optimization: optimization,
                                       machineCode: code.map { ($0.code, $0.outOfLineStart) }))
        case .loopCompiled(let trace, let optimization):
            isRecording = false
            // The driver has the loop before it reports it: its runner is the machine code, under the x64 backend.
            let compiled = (runtime.jit?.compiledLoops.last { $0.trace.number == trace.number })?.runner as? X64.CompiledTrace
            loops.append(JitCompiled(title: "Loop \(loops.count)", trace: trace, optimization: optimization,
                                     machineCode: compiled.map { ($0.code, $0.outOfLineStart) }))
        case .loopDropped, .loopInvalidated:
            droppedLoops.tracer(event)
        case .opRecorded, .machineCodeInstalled, .guardFailed, .deoptimized:
            break
        }
        if let kind = JitEventKind(event), let number = session.breakpoints.hit(event: kind, guardNumber: event.guardNumber) {
            session.execution?.monitor.stopAtJitEvent(breakpoint: number, ([describe(event)] + details(event)).joined(separator: "\n"))
        } else if case .deoptimized(let guardNumber, let frames) = event {
            // A step, or a stop later on, says that the interpreter's frames came from a guard's snapshot.
            session.execution?.monitor.noteDeoptimization(guardNumber: guardNumber, frames: frames)
        }
        if case .opRecorded(let op, let index) = event { session.execution?.monitor.recorded(op, index: index) }
    }

    /// What a stop at `event` says happened.
    func describe(_ event: TracerEvent) -> String {
        switch event {
        case .traceStarted(let location): "tracing started at \(location)"
        case .traceAborted(let location, let reason): "trace from \(location) aborted: \(reason)"
        case .loopCompiled(let trace, let optimization):
            "loop \(loops.count - 1) compiled (\(trace.name), \(optimization?.original.trace.ops.count ?? trace.ops.count) ops recorded"
                + (optimization.map { ", \($0.trace.ops.count) after optimization" } ?? "") + ")"
        case .guardFailed(let loop, let guardNumber): "guard \(guardNumber) of loop \(loopIndex(number: loop).map(String.init) ?? "?") failed"
        case .deoptimized(let guardNumber, let frames): "deoptimized at guard \(guardNumber): \(frames) frame\(frames == 1 ? "" : "s") rebuilt"
        case .bridgeCompiled(let trace, let loop, let guardNumber, _, _):
            "bridge \(trace.number) compiled from guard \(guardNumber) of loop \(loopIndex(number: loop).map(String.init) ?? "?") (\(trace.ops.count) ops)"
        case .loopInvalidated(let trace, let reason): "loop \(loopIndex(number: trace.number).map(String.init) ?? "?") (\(trace.name)) invalidated: \(reason)"
        case .opRecorded, .machineCodeInstalled, .loopDropped: ""
        }
    }

    /// Stops observing the run's driver (which holds its observers): the history, its runtime and the driver can
    /// then be freed together.
    func detach() {
        runtime.jit?.observers.removeAll { $0 === self }
    }

    /// The trace being recorded, as far as it goes (nil when the JIT is not recording).
    var recording: Trace? { isRecording ? runtime.jit?.recorder?.trace : nil }

    /// The text of op `index` of the trace being recorded.
    func recordedText(_ index: Int) -> String? {
        guard let trace = recording, index < trace.ops.count else { return nil }
        var prefix = trace
        prefix.ops = Array(trace.ops[...index])
        return printer.operationTexts(prefix).last
    }

    /// The Lab's number (0, 1, ...) of the loop whose trace has `number`.
    func loopIndex(number: Int) -> Int? { loops.firstIndex { $0.trace.number == number } }

    /// What a view's arguments name: `N` (loop N), `bridge N`, or nothing (the latest loop).
    func compiled(_ words: [String], usage: String) throws(CommandError) -> JitCompiled {
        guard words.first == "bridge" else {
            guard words.count <= 1 else { throw CommandError("expected a loop number or 'bridge N'", hint: "usage: \(usage)") }
            return try loop(words.first, usage: usage).1
        }
        guard !bridges.isEmpty else {
            throw CommandError("no bridge has been compiled yet", hint: "a guard gets a bridge after 'trace_eagerness' failures")
        }
        guard words.count == 2 else { throw CommandError("expected one bridge number after 'bridge'", hint: "usage: \(usage)") }
        guard let n = Int(words[1]), let bridge = bridges.first(where: { $0.trace.number == n }) else {
            throw CommandError("no bridge \(words[1]) (bridges 0 to \(bridges.count - 1) were compiled)", hint: "usage: \(usage)")
        }
        return bridge
    }

    /// Loop `word` (an index as `trace` lists them), or the latest when nil.
    func loop(_ word: String?, usage: String) throws(CommandError) -> (Int, JitCompiled) {
        guard !loops.isEmpty else {
            throw CommandError("no loop has been compiled yet", hint: session.settings.jit.enabled
                ? "run the program further (a loop is traced after 'threshold' backward jumps)" : "'set jit trace', then run the program")
        }
        guard let word else { return (loops.count - 1, loops[loops.count - 1]) }
        guard let n = Int(word), loops.indices.contains(n) else {
            throw CommandError("no loop \(word) (loops 0 to \(loops.count - 1) were compiled)", hint: "usage: \(usage)")
        }
        return (n, loops[n])
    }

    /// A printer naming the run's constants, with guard numbers.
    var printer: TracePrinter {
        TracePrinter(registry: runtime.heap.registry, options: TracePrinter.Options(guardNumbers: true),
                     refName: { [runtime] r in runtime.constantName(r) })
    }
}
