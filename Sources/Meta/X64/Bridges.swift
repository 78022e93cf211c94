extension X64 {
    /// A bridge compiled onto a guard of a `CompiledTrace` (DESIGN §9): its trace, code and register assignment.
    public struct CompiledBridge {
        public let trace: Trace
        public let code: ExecutableCode
        public let assignment: RegisterAssignment
        /// The guard whose exit now continues in this bridge.
        public let guardNumber: Int
        /// The offset where the bridge's out-of-line code begins.
        public let outOfLineStart: Int

        /// The listing as text (see `ExecutableCode.listingText`), ops named by `opText` (op indexes of `trace`).
        public func listingText(opText: (Int) -> String) -> String {
            code.listingText(outOfLineStart: outOfLineStart, opText: opText)
        }
    }
}

extension X64.CompiledTrace {
    /// Compiles `bridge` (a `.bridge(fromGuard:)` trace whose input arguments are that guard's fail arguments, in
    /// order) and attaches it: from now on the guard's exit stub, having stored the fail arguments in the values
    /// area, jumps into the bridge instead of returning. The bridge runs on the same frame; a `jump` to a loop of
    /// this trace moves its arguments to where the loop's label expects them and jumps there (the label's
    /// safepoint runs); its own exits return like the loop's, numbered after them (the runtime finds the trace an
    /// exit's guard belongs to with `trace(containingGuard:)`). Guards of attached bridges may get bridges too.
    @discardableResult
    public func attachBridge(_ bridge: Trace) throws -> X64.CompiledBridge {
        guard case .bridge(let number) = bridge.kind else {
            throw X64.BackendError(opIndex: nil, message: "trace \(bridge.number) is a loop, not a bridge")
        }
        guard let g = guards.first(where: { $0.guardNumber == number }) else {
            throw X64.BackendError(opIndex: nil, message: "no guard numbered \(number) in loop \(trace.number) or its bridges")
        }
        guard !bridges.contains(where: { $0.guardNumber == number }) else {
            throw X64.BackendError(opIndex: nil, message: "guard \(number) already has a bridge")
        }
        let exit = exits[g.exitIndex]
        let inputTypes = bridge.inputArgs.map { bridge.type(of: $0) }
        guard inputTypes == exit.valueTypes else {
            throw X64.BackendError(opIndex: nil, message: "the bridge takes \(inputTypes.map(\.description).joined()), guard \(number) leaves with \(exit.valueTypes.map(\.description).joined())")
        }
        guard activeRuns == 0 else {
            // A run in progress has a frame sized for the code without the bridge.
            throw X64.BackendError(opIndex: nil, message: "cannot attach a bridge while loop \(trace.number) runs")
        }
        var externalLoops: [LoopToken: [IRType]] = [:]
        for op in trace.ops where op.opcode == .label {
            if case .loop(let token) = op.descr { externalLoops[token] = op.args.map { trace.type(of: $0) } }
        }
        try TraceVerifier(externalLoops: externalLoops).verify(bridge)

        var valuesArea = bridge.inputArgs.count
        for op in bridge.ops {
            if let guardInfo = op.guardInfo { valuesArea = max(valuesArea, guardInfo.snapshot.failArgs.count) }
            if op.opcode == .finish || op.opcode == .jump { valuesArea = max(valuesArea, op.args.count) }
        }
        let assignment = X64.RegisterAllocator(trace: bridge, valuesAreaWords: valuesArea).allocate()
        let host = X64.BridgeHost(epilogue: epilogueAddress, loops: loopEntries, exitBase: exits.count, siteBase: gcMaps.count)
        let lowering = X64.TraceLowering(trace: bridge, assignment: assignment, runtime: runtime, role: .bridge(host))
        try lowering.lower()
        let installed = try code.memory.install(try lowering.asm.finish())
        guard let stub = exit.stubBranch else {
            throw X64.BackendError(opIndex: g.opIndex, message: "guard \(number)'s exit has no branch to re-point")
        }
        do {
            try code.memory.repoint(stub, in: exitCodes[g.exitIndex], to: installed.address)
        } catch {
            try? code.memory.release(installed)
            throw error
        }
        exits += lowering.exits
        exitCodes += Array(repeating: installed, count: lowering.exits.count)
        guards += lowering.guards
        gcMaps += lowering.gcMaps
        frameWords = max(frameWords, lowering.nextSlot)
        referenceConstants += Self.references(in: bridge)
        let compiled = X64.CompiledBridge(trace: bridge, code: installed, assignment: assignment, guardNumber: number,
                                          outOfLineStart: lowering.outOfLineStart)
        bridges.append(compiled)
        return compiled
    }

    /// The trace (this loop or one of its bridges) holding the guard numbered `number`: where an exit's
    /// `guardFailed(opIndex:guardNumber:)` op index points, for its resume state.
    public func trace(containingGuard number: Int) -> Trace? {
        if trace.ops.contains(where: { $0.guardInfo?.number == number }) { return trace }
        return bridges.first { b in b.trace.ops.contains { $0.guardInfo?.number == number } }?.trace
    }
}
