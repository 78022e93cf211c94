/// How the interpreter continues after a guard fails, once the frames are rebuilt from the guard's snapshot.
public enum ResumeMode: Hashable, Sendable {
    /// Re-execute the bytecode the guard belongs to (its handler had checked but not yet acted).
    case reexecute
    /// The guard checked a residual call's result for null: the call raised, its exception is pending, and the
    /// bytecode raises it (the call's effects happened exactly once).
    case raisePending
}
