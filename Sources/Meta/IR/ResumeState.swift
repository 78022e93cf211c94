/// One guest frame to rebuild after a guard failed, with concrete contents (see `SnapshotFrame`).
public struct ResumeFrame: Hashable, Sendable {
    public let codeID: Int
    public let codeName: String
    public let pc: Int
    public let locals: [ConcreteValue]
    public let stack: [ConcreteValue]
}

/// What the guest needs to resume after a guard failed: its snapshot's frames (outermost first) with every IR value
/// replaced by its concrete value and every virtual object allocated and filled in.
///
/// The objects materialised for virtuals are referenced only from here until the guest stores the frames: rebuild
/// them before the next safepoint.
public struct ResumeState: Hashable, Sendable {
    public let guardNumber: Int
    public let frames: [ResumeFrame]
}

extension Trace {
    /// The resume state of the guard at `opIndex`, given the concrete values of its fail arguments (from the IR
    /// executor or from machine code), materialising virtuals in `heap`. Throws if the values do not fit the
    /// snapshot or the heap is full.
    public func resumeState(guardAt opIndex: Int, failArgValues: [ConcreteValue], heap: Heap) throws -> ResumeState {
        guard ops.indices.contains(opIndex), let g = ops[opIndex].guardInfo else {
            throw IRExecutionError("op \(opIndex) is not a guard")
        }
        let failArgs = g.snapshot.failArgs
        guard failArgs.count == failArgValues.count else {
            throw IRExecutionError("guard \(g.number) has \(failArgs.count) fail arguments, got \(failArgValues.count) values")
        }
        var resolver = SnapshotResolver(trace: self, snapshot: g.snapshot, heap: heap)
        for (v, c) in zip(failArgs, failArgValues) {
            guard c.type == type(of: v) else { throw IRExecutionError("fail argument v\(v.variableNumber) of guard \(g.number) is \(type(of: v)), got \(c.type)") }
            resolver.known[v.variableNumber] = c
        }
        let frames = try g.snapshot.frames.map { f in
            ResumeFrame(codeID: f.codeID, codeName: f.codeName, pc: f.pc,
                        locals: try f.locals.map { try resolver.value($0) }, stack: try f.stack.map { try resolver.value($0) })
        }
        return ResumeState(guardNumber: g.number, frames: frames)
    }

    /// The resume state for an executor exit through a guard (see `resumeState(guardAt:failArgValues:heap:)`).
    public func resumeState(for exit: TraceExit, heap: Heap) throws -> ResumeState {
        guard case .guardFailed(let opIndex, _) = exit.reason else { throw IRExecutionError("the trace did not leave through a guard") }
        return try resumeState(guardAt: opIndex, failArgValues: exit.values, heap: heap)
    }
}

/// Resolves a snapshot's values, allocating each virtual once (so shared and cyclic virtuals stay so). Values are
/// kept by variable number: deoptimization is on the path of every guard failure, and hashing cost more than the
/// rest of it.
private struct SnapshotResolver {
    let trace: Trace
    let snapshot: Snapshot
    let heap: Heap
    var known: [ConcreteValue?]

    init(trace: Trace, snapshot: Snapshot, heap: Heap) {
        self.trace = trace
        self.snapshot = snapshot
        self.heap = heap
        known = Array(repeating: nil, count: trace.variableCount)
    }

    mutating func value(_ v: IRValue) throws -> ConcreteValue {
        if let c = trace.constantValue(v) { return c }
        guard v.isVariable, v.variableNumber < known.count else { throw IRExecutionError("snapshot value \(v) is not a variable of the trace") }
        if let c = known[v.variableNumber] { return c }
        guard let virtual = snapshot.virtual(for: v) else { throw IRExecutionError("snapshot value v\(v.variableNumber) has no value") }
        let object = heap.allocate(typeID: virtual.layout.id, size: virtual.layout.fixedSize)
        if object.isNull { throw IRExecutionError("the heap is full: cannot materialise a virtual object") }
        known[v.variableNumber] = .ref(object)
        for f in virtual.fields {
            object.pointer.storeBytes(of: try value(f.value).word, toByteOffset: Int(f.field.offset), as: UInt64.self)
        }
        return .ref(object)
    }
}
