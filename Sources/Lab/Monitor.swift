import Meta
import MiniPy

/// Where the guest is at a merge point: the frame, its code and the instruction about to execute.
struct GuestPosition {
    /// Frame depth (1 is the module's frame).
    let depth: Int
    let frame: UnsafeMutablePointer<Frame>
    let code: CodeObject
    let pc: Int
    var line: Int { Int(code.lines[pc]) }
    var file: String { code.filename }
}

/// A moment the Lab can stop at: before an instruction (a merge point), after one primitive operation of the
/// interpreter's handler for the current instruction, or (while the JIT records a trace) after the tracer recorded
/// one IR operation.
enum ObservationPoint {
    case instruction(GuestPosition)
    case operation(ObservedOperation, GuestPosition)
    case recorded(Meta.Operation, GuestPosition)

    var position: GuestPosition {
        switch self {
        case .instruction(let p), .operation(_, let p), .recorded(_, let p): p
        }
    }
}

/// A guest-level event, derived at merge points (calls and returns from the frame depth), reported by the
/// interpreter (exceptions) or by the JIT (deoptimizations: the frames were rebuilt from a guard's snapshot).
enum GuestEvent {
    case call(String)
    case returned(to: String)
    case exception(String)
    case deoptimized(String)

    var text: String {
        switch self {
        case .call(let name): "--call-- \(name)"
        case .returned(let name): "--return-- to \(name)"
        case .exception(let description): "--exception-- \(description)"
        case .deoptimized(let description): "--deopt-- \(description)"
        }
    }
}

/// Why the program stopped.
enum StopReason {
    case step
    case breakpoint(Int)
    case interrupted
    /// A JIT-event breakpoint (`break trace-start`, ...): its number and what happened.
    case jitEvent(Int, String)
}

/// A stop: where, why, the operation just performed (when stopped between operations), and the value stack's top.
struct Stop {
    let position: GuestPosition
    let reason: StopReason
    let operation: ObservedOperation?
    let stackTop: UnsafeMutablePointer<Ref>
    let events: [GuestEvent]
    /// The IR operation just recorded, when stopped while the JIT records a trace.
    var recorded: (op: Meta.Operation, index: Int)? = nil
}

/// The session's observer of a running guest: it sees every merge point (and, when asked, every operation),
/// decides whether to stop — Ctrl-C, a breakpoint, the active stop condition — and hands the stop to the session.
final class Monitor: GuestObserver {
    unowned let session: Session
    unowned let runtime: Runtime
    var condition: any StopCondition
    /// Nonzero while the Lab itself runs guest code (`print`, tracebacks): nothing is observed then.
    var suspended = 0
    var abandonsGuest = false
    /// The position at the last merge point.
    private(set) var position: GuestPosition?
    /// The executing frame's stack top as of the last observation.
    private(set) var stackTop: UnsafeMutablePointer<Ref>?
    /// The operations the current instruction has performed so far, and those of the previous instruction.
    private(set) var operations: [ObservedOperation] = []
    private(set) var previousOperations: [ObservedOperation] = []
    /// Calls and returns at the last merge point.
    private var events: [GuestEvent] = []
    /// Exceptions raised and deoptimizations since the last stop (the latest few).
    private var pending: [GuestEvent] = []
    static let pendingShown = 3

    init(session: Session, runtime: Runtime, condition: any StopCondition) {
        self.session = session
        self.runtime = runtime
        self.condition = condition
    }

    var observesOperations: Bool {
        suspended == 0 && !abandonsGuest && (condition.needsOperations || session.settings.showOperations)
    }

    func mergePoint(code _: UnsafeRawPointer, pc: Int) {
        guard suspended == 0, !abandonsGuest else { return }
        let frame = runtime.frames.current
        let depth = runtime.frames.depth
        let here = GuestPosition(depth: depth, frame: frame, code: frame.pointee.code, pc: pc)
        if let previous = position {
            if depth > previous.depth { events.append(.call(here.code.qualname)) }
            else if depth < previous.depth { events.append(.returned(to: here.code.qualname)) }
        }
        position = here
        stackTop = frame.pointee.sp
        if !operations.isEmpty || !previousOperations.isEmpty {
            previousOperations = operations
            operations.removeAll(keepingCapacity: true)
        }
        var reason: StopReason?
        if Runtime.interruptRequested != 0 {
            Runtime.interruptRequested = 0
            reason = .interrupted
        } else if let number = session.breakpoints.hit(code: here.code, pc: pc) {
            reason = .breakpoint(number)
        } else if condition.shouldStop(at: .instruction(here)) {
            reason = .step
        }
        let happened = pending + events
        events.removeAll()
        if let reason {
            pending.removeAll()
            stop(Stop(position: here, reason: reason, operation: nil, stackTop: frame.pointee.sp, events: happened))
        }
    }

    func performed(_ operation: ObservedOperation, stackTop: UnsafeMutablePointer<Ref>) {
        guard suspended == 0, !abandonsGuest, let position else { return }
        self.stackTop = stackTop
        operations.append(operation)
        if condition.shouldStop(at: .operation(operation, position)) {
            let happened = pending
            pending.removeAll()
            stop(Stop(position: position, reason: .step, operation: operation, stackTop: stackTop, events: happened))
        }
    }

    func exceptionRaised(_ exception: Ref) {
        guard suspended == 0, !abandonsGuest else { return }
        note(.exception(runtime.exceptionSummary(exception)))
    }

    /// The JIT rebuilt `frames` frames from guard `guardNumber`'s snapshot: the next stop says so, and where the
    /// interpreter resumed.
    func noteDeoptimization(guardNumber: Int, frames: Int) {
        guard suspended == 0, !abandonsGuest else { return }
        let here = currentPosition(pc: nil)
        note(.deoptimized("guard \(guardNumber) failed: \(frames) frame\(frames == 1 ? "" : "s") rebuilt from its snapshot; "
            + "the interpreter resumes at \(here.code.qualname) #\(here.pc) \(here.code.code[here.pc].opcode) (line \(here.line))"))
    }

    private func note(_ event: GuestEvent) {
        pending.append(event)
        if pending.count > Monitor.pendingShown { pending.removeFirst() }
    }

    /// The tracer recorded `op` (the trace's op `index`): a step of `step op` while recording. The observing
    /// domain is not active then (the tracing domain executes), so the tracer's events are what the Lab sees.
    func recorded(_ op: Meta.Operation, index: Int) {
        guard suspended == 0, !abandonsGuest else { return }
        let here = currentPosition(pc: op.annotation?.guest?.pc)
        if condition.shouldStop(at: .recorded(op, here)) {
            let happened = pending
            pending.removeAll()
            stop(Stop(position: here, reason: .step, operation: nil, stackTop: runtime.frames.top, events: happened, recorded: (op, index)))
        }
    }

    /// Stops at a JIT event that breakpoint `number` asked for, wherever the guest is.
    func stopAtJitEvent(breakpoint number: Int, _ description: String) {
        guard suspended == 0, !abandonsGuest else { return }
        let happened = pending
        pending.removeAll()
        stop(Stop(position: currentPosition(pc: nil), reason: .jitEvent(number, description), operation: nil,
                  stackTop: runtime.frames.top, events: happened))
    }

    /// The executing frame's position, at `pc` or at the pc its record holds.
    private func currentPosition(pc: Int?) -> GuestPosition {
        let frame = runtime.frames.current
        return GuestPosition(depth: runtime.frames.depth, frame: frame, code: frame.pointee.code, pc: pc ?? frame.pointee.pc)
    }

    private func stop(_ stop: Stop) {
        session.stopped(stop)
        // Whatever the user did while stopped, the guest's value stack is as it was.
        runtime.frames.top = stop.stackTop
    }

    /// Runs `body` (which may run guest code) without observing it. Values the current instruction holds in the
    /// interpreter's Swift locals are only reachable through the operations it performed: they are kept alive as
    /// roots meanwhile.
    func unobserved<T>(_ body: () throws(PyException) -> T) throws(PyException) -> T {
        suspended += 1
        let roots = operations.flatMap { op in (op.operands + [op.result].compactMap { $0 }).compactMap { value -> Ref? in
            if case .ref(let r) = value, !r.isNull { return r }
            return nil
        } }
        runtime.tempRoots.append(contentsOf: roots)
        defer {
            runtime.tempRoots.removeLast(roots.count)
            suspended -= 1
        }
        return try body()
    }
}

extension Runtime {
    /// `ZeroDivisionError: division by zero`, without running guest code (the message is the first argument when it
    /// is a string).
    func exceptionSummary(_ exc: Ref) -> String {
        let name = typeName(exc)
        guard isInstance(exc, exceptions.BaseException) else { return name }
        let args = sequenceItems(exceptionArgs(exc))
        if let first = args.first, !first.isNull, typeName(first) == "str" { return "\(name): \(string(first))" }
        return name
    }
}
