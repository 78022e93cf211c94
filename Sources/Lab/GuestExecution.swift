import Meta
import MiniPy

/// Why a stopped guest program is abandoned (unwound without running its handlers).
enum Abandonment {
    /// Start again, stopping first where the condition says.
    case restart(any StopCondition)
    case load
    case quit
}

/// One run of the loaded program: its runtime (fresh for each run), the monitor observing it, and where it is
/// stopped, if it is.
final class GuestExecution {
    let program: LoadedProgram
    let runtime: Runtime
    let monitor: Monitor
    /// Where the program is stopped while the session's command loop runs inside it.
    var stop: Stop?
    /// `stepi`'s emulated loop entries (nil with the JIT off).
    private(set) var machineStepping: MachineStepping?
    private(set) var abandonment: Abandonment?

    var isStopped: Bool { stop != nil }

    init(program loaded: LoadedProgram, session: Session, condition: any StopCondition) {
        // Code objects cache their runtime's data: each run compiles its own (the source compiled at `load`).
        let program = loaded.recompiled()
        self.program = program
        let rt = Runtime()
        rt.installBuiltins()
        rt.installInterpreterBuiltins()
        rt.argv = [program.displayName]
        rt.searchPath = program.directory
        rt.sourceLines[program.displayName] = program.lines
        runtime = rt
        monitor = Monitor(session: session, runtime: rt, condition: condition)
        rt.interpreterMode = .observed(monitor)
        session.jitHistory = nil
        if let driver = session.settings.jit.makeDriver(for: rt) {
            let history = JitHistory(session: session, runtime: rt)
            driver.observers.append(history)
            rt.jit = driver
            let stepping = MachineStepping(session: session, runtime: rt)
            driver.loopEntry = { [unowned stepping] loop, inputs in stepping.enter(loop, inputs) }
            machineStepping = stepping
            session.jitHistory = history
        }
        // The guest's output goes to the session (interleaved with the views, and visible to `expect`).
        rt.stdout.capture = { [unowned session, unowned monitor] text in
            if !monitor.abandonsGuest { session.write(text) }
        }
    }

    /// How a run ended.
    enum Outcome {
        /// The program returned or raised: its exit status and what it printed on the way out (a traceback).
        case finished(status: Int32, report: String)
        case abandoned(Abandonment)
    }

    /// Runs the program from its first instruction (stops happen inside, through the monitor).
    func run() -> Outcome {
        Runtime.interruptRequested = 0
        defer {
            runtime.interpreterMode = .concrete
            Runtime.interruptRequested = 0
        }
        do {
            try runtime.runAsMain(program.code, path: program.displayName)
            return abandonment.map { .abandoned($0) } ?? .finished(status: 0, report: "")
        } catch {
            if let abandonment { return .abandoned(abandonment) }
            monitor.suspended += 1  // formatting the traceback may run guest code (__str__)
            defer { monitor.suspended -= 1 }
            let (status, report) = runtime.uncaughtOutcome(error.value)
            return .finished(status: status, report: report)
        }
    }

    /// Asks the interpreter to unwind the whole guest program (no handler or `finally` runs).
    func abandon(_ reason: Abandonment) {
        if abandonment == nil { abandonment = reason }
        monitor.abandonsGuest = true
        Runtime.interruptRequested = 1  // reaches the interpreter's next safepoint, which unwinds the guest
    }
}
