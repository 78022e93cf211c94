import Meta

extension JitDriver {
    /// The code object a snapshot frame of this run's traces runs (its `codeID` numbers a function the tracer saw),
    /// for naming the frame's slots (`code.varnames`, then cell and free variables); nil for the module's frame.
    public func code(ofSnapshotFrame frame: SnapshotFrame) -> CodeObject? {
        guard guest.functions.indices.contains(frame.codeID) else { return nil }
        let function = guest.functions[frame.codeID].function
        guard !function.isNull, function.typeID == rt.L.function.id else { return nil }
        return rt.codeInfo(ofFunction: function).code
    }

    /// The trace tree of the run so far (`TraceTree`), guards printed with the run's constant names; `dropped`
    /// as `TraceTree.init` takes it.
    public func traceTree(dropped: [Int: String] = [:]) -> TraceTree {
        TraceTree(compiledLoops, printer: TracePrinter(registry: rt.heap.registry, refName: { [unowned rt] r in rt.constantName(r) }),
                  dropped: dropped)
    }
}
