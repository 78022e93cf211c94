import Meta

/// Which domain the dispatch loops read the interpreter in. It is chosen in one place, `Runtime.runDispatchLoop`,
/// that every loop goes through — the main program, imports, class bodies, built-ins calling back into guest code —
/// so a program observed (or, later, traced) is observed everywhere.
public enum InterpreterMode {
    /// The plain interpreter (`ConcreteDomain`).
    case concrete
    /// Every operation and merge point reported to an observer (`ObservingDomain`): the Lab's stepping.
    case observed(any GuestObserver)
}

/// A `DomainObserver` that also hears the guest-level events only the interpreter knows about, and can make the
/// interpreter abandon the guest program.
public protocol GuestObserver: DomainObserver {
    /// A guest exception was raised in the executing frame (before its handler is looked for).
    func exceptionRaised(_ exception: Ref)
    /// When true, the interpreter abandons the guest program: at its next safepoint (a loop's back-edge, a call;
    /// the observer also sets `Runtime.interruptRequested` to reach it) or exception, it unwinds every frame without
    /// running any handler or `finally` block (the guest cannot catch it), and the outermost dispatch loop throws.
    /// The Lab uses it for `restart`, `load` and `quit` while a program is stopped. (A check at every merge point
    /// would be simpler, but its throw edge slows the concrete interpreter's loop by 4 %, even though it is
    /// compiled away there.)
    var abandonsGuest: Bool { get }
}

extension Runtime {
    /// Runs the dispatch loop from the current top frame (marked `isEntry`, its slots starting at `slot`) until
    /// that frame returns, in the domain `interpreterMode` selects (concretely, the counting domain when instructions are counted for `--stats`).
    func runDispatchLoop(from slot: UnsafeMutablePointer<Ref>) throws(PyException) -> Ref {
        switch interpreterMode {
        case .concrete:
            var d = ConcreteDomain(heap: heap, locals: slot, sp: slot)
            if let instructionCounter {
                var counting = CountingDomain(d, counter: instructionCounter)
                return try Interpreter<CountingDomain>(self).run(&counting)
            }
            return try Interpreter<ConcreteDomain>(self).run(&d)
        case .observed(let observer):
            var d = ObservingDomain(heap: heap, locals: slot, sp: slot, observer: observer)
            return try Interpreter<ObservingDomain>(self).run(&d)
        }
    }

    /// Whether an observer has asked to abandon the guest program (only read by loops in an observing domain).
    var guestAbandoned: Bool {
        if case .observed(let observer) = interpreterMode { return observer.abandonsGuest }
        return false
    }

    /// Tells the observer, if any, that `exception` was raised.
    func reportRaised(_ exception: Ref) {
        if case .observed(let observer) = interpreterMode { observer.exceptionRaised(exception) }
    }

    /// The exception value an abandoned guest unwinds with (never seen by guest code: no handler runs).
    var abandonment: PyException { PyException(none) }

    /// Pops every frame of the dispatch loop that is unwinding, up to and including its entry frame, and returns
    /// what the loop throws to its caller (which unwinds the same way if it is a dispatch loop too).
    func unwindAbandonedGuest() -> PyException {
        while true {
            let finished = frames.current.pointee
            frames.pop()
            if finished.isEntry {
                frames.top = finished.base - 1
                return abandonment
            }
        }
    }
}
