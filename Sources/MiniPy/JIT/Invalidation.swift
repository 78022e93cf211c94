import Meta

/// Invalidation in the JIT driver (issue 7, item 4): a compiled loop depends on the assumptions its recording made
/// (`Recorder.assumptions`: globals, builtins and class attributes it folded to constants). When one breaks, the
/// loop's runner is marked invalidated at once, so its `guard_not_invalidated` guards fail if it is running; the
/// driver takes it out of use the next time it looks at the loop — when the loop's header is reached again, or
/// when the run that broke the assumption ends — and reports `.loopInvalidated`. Its header then counts up to the
/// threshold again and may be traced afresh, with the new values.
extension JitDriver {
    /// If `loop` was invalidated: removes it from the loop table, counts it and reports it (once). Returns whether
    /// the loop is invalidated.
    @discardableResult
    func dropIfInvalidated(_ loop: CompiledLoop) -> Bool {
        guard let reason = loop.invalidationReason else { return false }
        guard loops[loop.key] === loop else { return true }
        loops[loop.key] = nil
        statistics.loopsInvalidated += 1
        tracer(.loopInvalidated(trace: loop.trace, reason: reason))
        return true
    }
}
