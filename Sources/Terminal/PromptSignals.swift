#if canImport(Glibc)
import Glibc
#endif

/// What signals do while `LineEditor` waits for input.
///
/// Outside `readLine` the program's own handlers are in force: the executable's SIGINT handler sets
/// `Runtime.interruptRequested`, so Ctrl-C stops a running guest program. While the editor waits for a key, a
/// SIGINT must instead discard the line being typed. libedit's own signal support (`EL_SIGNAL`) does not fit:
/// it re-sends each signal to the whole process group with `kill(0, …)` so that the previous handler runs —
/// which would set the guest's interrupt flag — and it is racy (a signal arriving between installing its
/// handler and blocking in `read` is only noticed at the next key). So `EL_SIGNAL` is off and this type takes
/// its place for the duration of one `readLine`:
///
/// - `begin` blocks SIGINT, SIGWINCH, SIGCONT and the job-control/termination signals on the reading thread and
///   installs a handler that only records the signal in a flag.
/// - The editor's character reader (libedit's `EL_GETCFN`) waits for input with `pselect`, which unblocks those
///   signals atomically for the wait alone. A signal therefore either arrives before the wait and is seen
///   in its flag, or interrupts the wait; it is never lost and never interrupts libedit halfway through
///   redrawing. The reader acts on the flags in ordinary code, not in the handler:
///   SIGINT discards the line and shows a fresh prompt; SIGWINCH resizes; SIGCONT puts the terminal back into
///   editing mode and redraws; SIGTSTP, SIGTERM, SIGHUP and SIGQUIT are passed on (`passOn`) with the terminal
///   restored, so Ctrl-Z suspends and `kill` terminates exactly as they would without the editor.
/// - A process-directed signal may be delivered to another thread (the main thread waiting for a worker, say);
///   the handler then forwards it to the reading thread with `pthread_kill`, so the wait still ends.
/// - `end` restores the caller's handlers and mask. Pending stop/termination signals go to the caller's
///   handlers; a SIGINT that arrives after the line was accepted is dropped, so it cannot interrupt the
///   command the user just typed before it starts.
enum PromptSignals {
    /// Signals that change the line being edited.
    static let editing: [Int32] = [SIGINT, SIGWINCH, SIGCONT]
    /// Signals whose usual effect (suspend, terminate) must take place with the terminal out of editing mode.
    static let passedOn: [Int32] = [SIGTSTP, SIGTERM, SIGHUP, SIGQUIT]

    @exclusivity(unchecked) nonisolated(unsafe) static var interrupted: sig_atomic_t = 0
    @exclusivity(unchecked) nonisolated(unsafe) static var resized: sig_atomic_t = 0
    @exclusivity(unchecked) nonisolated(unsafe) static var continued: sig_atomic_t = 0
    /// The last passed-on signal received and not yet acted on (0 if none).
    @exclusivity(unchecked) nonisolated(unsafe) static var deferred: sig_atomic_t = 0
    /// The thread blocked in `readLine`.
    @exclusivity(unchecked) nonisolated(unsafe) static var reader = pthread_t()

    /// The caller's signal state, saved by `begin` and restored by `end`.
    struct Scope {
        fileprivate var callerMask = sigset_t()
        fileprivate var callerActions: [Int32: sigaction] = [:]
        /// The mask to wait for input with: the caller's, with every signal handled here let through.
        var waitMask = sigset_t()
    }

    /// Takes over the signals for one `readLine` on the calling thread.
    static func begin() -> Scope {
        interrupted = 0
        resized = 0
        continued = 0
        deferred = 0
        reader = pthread_self()
        var scope = Scope()
        var handled = sigset_t()
        sigemptyset(&handled)
        for signal in editing + passedOn { sigaddset(&handled, signal) }
        pthread_sigmask(SIG_BLOCK, &handled, &scope.callerMask)
        scope.waitMask = scope.callerMask
        for signal in editing + passedOn { sigdelset(&scope.waitMask, signal) }

        var record = sigaction()
        record.__sigaction_handler.sa_handler = { signal in
            switch signal {
            case SIGINT: PromptSignals.interrupted = 1
            case SIGWINCH: PromptSignals.resized = 1
            case SIGCONT: PromptSignals.continued = 1
            default: PromptSignals.deferred = signal
            }
            if pthread_equal(pthread_self(), PromptSignals.reader) == 0 { pthread_kill(PromptSignals.reader, signal) }
        }
        sigemptyset(&record.sa_mask)
        record.sa_flags = 0
        for signal in editing + passedOn {
            var previous = sigaction()
            sigaction(signal, &record, &previous)
            // A signal the caller ignores (a background job's SIGTSTP, `nohup`'s SIGHUP) stays ignored.
            if passedOn.contains(signal) && isIgnored(previous) {
                sigaction(signal, &previous, nil)
            } else {
                scope.callerActions[signal] = previous
            }
        }
        return scope
    }

    /// Gives the signals back to the caller.
    static func end(_ scope: Scope) {
        // Stop/termination signals still pending (or recorded but not yet acted on) reach the caller's handlers.
        for signal in passedOn { restore(signal, scope) }
        if deferred != 0 { pthread_kill(pthread_self(), deferred) }
        var mask = scope.callerMask
        pthread_sigmask(SIG_SETMASK, &mask, nil)
        // A pending SIGINT was delivered to the recording handler just now and is dropped with it.
        for signal in editing { restore(signal, scope) }
    }

    /// Lets `signal` have the effect it would have had without the editor — suspend until SIGCONT, terminate,
    /// or run the caller's handler — then takes it back. The caller puts the terminal out of editing mode first.
    static func passOn(_ signal: Int32, _ scope: Scope) {
        guard var caller = scope.callerActions[signal] else { return }
        var recording = sigaction()
        sigaction(signal, &caller, &recording)
        pthread_kill(pthread_self(), signal)
        var only = sigset_t()
        sigemptyset(&only)
        sigaddset(&only, signal)
        pthread_sigmask(SIG_UNBLOCK, &only, nil)
        pthread_sigmask(SIG_BLOCK, &only, nil)
        sigaction(signal, &recording, nil)
    }

    private static func isIgnored(_ action: sigaction) -> Bool {
        unsafeBitCast(action.__sigaction_handler.sa_handler, to: Int.self) == unsafeBitCast(SIG_IGN, to: Int.self)
    }

    private static func restore(_ signal: Int32, _ scope: Scope) {
        guard var caller = scope.callerActions[signal] else { return }
        sigaction(signal, &caller, nil)
    }
}
