/// The meta-tracer's recording state for one trace: the trace being built, the shadow of the guest frames (which
/// IR value each frame slot holds), the current guest location, and the "a handler checks, then acts" bookkeeping.
///
/// The `TracingDomain` executes every operation and calls the recorder to append it. A loop is recorded from a loop
/// header (`jitMergePoint` greens `code`/`pc` at frame depth `rootDepth`) with the root frame's slots as input
/// arguments (virtualizable frame), and ends when the same header is reached again at the same depth (the loop
/// closes: `label` … `jump`). A bridge (DESIGN §9) is recorded from a failed guard's resume point, with the guard's
/// fail arguments as input arguments, and ends the same way: at its loop's header, with a `jump` to the loop.
/// Either aborts when something untraceable happens (execution continues concretely until the next merge point).
public final class Recorder {
    /// Where recording stands.
    public enum Outcome: Equatable {
        case recording
        case closed
        case aborted(String)
    }

    public let options: TracerOptions
    public private(set) var trace: Trace
    public private(set) var outcome: Outcome = .recording
    /// The loop the trace's final `jump` goes to: the loop being recorded, or the bridge's loop (its first label).
    public let token: LoopToken
    /// The loop header's greens, where recording closes.
    public let startCode: UnsafeRawPointer
    public let startPC: Int
    public let rootDepth: Int
    /// Where recording started, for messages: the loop header (`run:9 #8 LOAD_FAST`), or for a bridge its guard
    /// and resume point (`Guard 7 at run:10 #12 COMPARE_OP`).
    public let startLocation: String
    /// How each recorded guard resumes, by guard number.
    public private(set) var resumeModes: [Int: ResumeMode] = [:]
    /// The value-stack depth of each frame (outermost first) of each guard's snapshot, by guard number: with a
    /// non-virtualizable frame the slots stay in memory and the snapshot lists none of them.
    public private(set) var stackDepths: [Int: [Int]] = [:]
    /// The next free guard number (guard numbers are unique across the traces of a run).
    public private(set) var nextGuardNumber: Int
    /// A closed bridge's resume state at the loop header (the final jump's arguments as the root frame's slots),
    /// under a guard number reserved for it: the guards of a short preamble the optimizer appends resume there.
    public private(set) var headerResume: (guardNumber: Int, snapshot: Snapshot)?
    /// Bytecodes recorded (merge points passed).
    public private(set) var bytecodes = 0
    /// The concrete values of the input arguments at the start (the root frame's slots or its address; for a
    /// bridge, the guard's fail arguments).
    public private(set) var startInputs: [ConcreteValue] = []
    /// The assumptions the trace relies on (`Domain.assume`), each once, with the version it saw: a loop compiled
    /// from the trace must depend on them (`CompiledLoop.depend(on:)`).
    public private(set) var assumptions: [AssumptionUse] = []

    unowned let guest: TracedGuest
    /// Not weak: a weak reference gives its object a side table, and every retain of the JIT driver (the usual
    /// observer, which outlives its recorders) would take the slow path, at every back-edge.
    unowned(unsafe) var observer: TracerObserver?
    /// The IR value and the concrete value of each frame slot the trace knows, by slot address.
    private var shadow: [UInt: (ir: IRValue, value: Ref)] = [:]
    /// With a non-virtualizable frame: the input argument standing for the root frame's slot array.
    private var frameArray = IRValue.none
    private let rootBase: UnsafeMutablePointer<Ref>
    /// How many arguments the final `jump` passes (the target label's).
    private var jumpArity = 0
    private var guestLocation: GuestLocation?
    private var depth: Int
    /// Slots below this address belong to the current bytecode's resume state: writing one is an effect.
    private var snapshotFloor: UnsafeMutablePointer<Ref>
    /// The first effect of the current bytecode (for the checks-then-acts assertion).
    private var effect: String?
    /// The result of the current bytecode's last residual call (its null check is the exception check).
    private var lastCallResult = IRValue.none
    /// Whether a `guard_not_invalidated` was recorded since the last residual call that may invalidate (one with
    /// `.any` effects: only runtime code run by such a call changes what assumptions assume).
    private var invalidationChecked = false
    /// Why an assumption the trace relies on broke while recording (the first one): the trace cannot close.
    private var brokenAssumption: String?

    public var isRecording: Bool { outcome == .recording }
    /// Whether this records a bridge (else a loop).
    public var isBridge: Bool { if case .bridge = trace.kind { true } else { false } }

    private init(guest: TracedGuest, options: TracerOptions, trace: Trace, token: LoopToken, header: GreenKey,
                 rootDepth: Int, depth: Int, firstGuardNumber: Int, observer: TracerObserver?, startLocation: String) {
        self.guest = guest
        self.options = options
        self.trace = trace
        self.token = token
        self.startCode = header.code
        self.startPC = header.pc
        self.rootDepth = rootDepth
        self.depth = depth
        self.nextGuardNumber = firstGuardNumber
        self.observer = observer
        self.startLocation = startLocation
        rootBase = guest.frame(atDepth: rootDepth).locals
        snapshotFloor = guest.frame(atDepth: depth).stackTop
    }

    /// Starts recording the loop whose header is instruction `pc` of `code`, in the frame at `depth`.
    public convenience init(guest: TracedGuest, options: TracerOptions, code: UnsafeRawPointer, pc: Int, depth: Int,
                            token: LoopToken, firstGuardNumber: Int, observer: TracerObserver?) {
        let location = guest.location(code: code, pc: pc)
        let name = "\(location.function):\(location.line) #\(pc) \(location.bytecode)"
        self.init(guest: guest, options: options, trace: Trace(kind: .loop, number: token.number, name: name), token: token,
                  header: GreenKey(code: code, pc: pc), rootDepth: depth, depth: depth, firstGuardNumber: firstGuardNumber,
                  observer: observer, startLocation: name)
        let root = guest.frame(atDepth: depth)
        if options.virtualizable {
            var slot = root.locals
            while slot < root.stackTop {
                let ir = trace.addInputArg(.ref)
                shadow[UInt(bitPattern: slot)] = (ir, slot.pointee)
                startInputs.append(.ref(slot.pointee))
                slot += 1
            }
        } else {
            frameArray = trace.addInputArg(.ref)
            startInputs.append(.ref(Ref(bits: UInt(bitPattern: root.locals))))
        }
        jumpArity = trace.inputArgs.count
        trace.append(.label, trace.inputArgs, descr: .loop(token))
        observer?.tracer(.traceStarted(location: startLocation))
    }

    /// Starts recording a bridge numbered `number` from the guard `guardOp` of `source` (a loop or a bridge), just
    /// after the guard failed with `failArgValues` and its frames were rebuilt on top of the root frame at
    /// `rootDepth` (virtualizable frames only). The bridge's input arguments are the guard's fail arguments; it
    /// first allocates the snapshot's virtual objects, as deoptimization did, so every frame slot starts as the
    /// IR value the snapshot names. It closes at `header` in the root frame with a jump to the label of `loop`
    /// (taking `loopArity` arguments: the root frame's slots).
    public convenience init(guest: TracedGuest, options: TracerOptions, bridgeNumber number: Int, from guardOp: Operation,
                            of source: Trace, failArgValues: [ConcreteValue], loop: LoopToken, loopArity: Int, header: GreenKey,
                            rootDepth: Int, firstGuardNumber: Int, observer: TracerObserver?) {
        precondition(options.virtualizable, "bridges are recorded on virtualizable frames")
        let info = guardOp.guardInfo!
        let snapshot = info.snapshot
        let depth = rootDepth + snapshot.frames.count - 1
        let location = guest.location(code: guest.frame(atDepth: depth).code, pc: snapshot.frames.last!.pc)
        let name = "Guard \(info.number) at \(location.function):\(location.line) #\(location.pc) \(location.bytecode)"
        self.init(guest: guest, options: options, trace: Trace(kind: .bridge(fromGuard: info.number), number: number, name: name),
                  token: loop, header: header, rootDepth: rootDepth, depth: depth, firstGuardNumber: firstGuardNumber,
                  observer: observer, startLocation: name)
        jumpArity = loopArity
        startInputs = failArgValues
        var bridgeValue: [IRValue: IRValue] = [:]
        for v in snapshot.failArgs { bridgeValue[v] = trace.addInputArg(source.type(of: v)) }
        func value(_ v: IRValue) -> IRValue {
            if let c = source.constantValue(v) { return trace.constant(c) }
            if let b = bridgeValue[v] { return b }
            let virtual = snapshot.virtual(for: v)!
            let object = trace.append(.newWithVtable, [], descr: .size(virtual.layout))
            bridgeValue[v] = object
            for f in virtual.fields { trace.append(.setfieldGc, [object, value(f.value)], descr: .field(f.field)) }
            return object
        }
        for (k, frame) in snapshot.frames.enumerated() {
            let view = guest.frame(atDepth: rootDepth + k)
            for (i, v) in frame.locals.enumerated() { shadow[UInt(bitPattern: view.locals + i)] = (value(v), view.locals[i]) }
            for (i, v) in frame.stack.enumerated() { shadow[UInt(bitPattern: view.stackBase + i)] = (value(v), view.stackBase[i]) }
        }
        observer?.tracer(.traceStarted(location: startLocation))
    }

    // MARK: control

    /// Stops recording; execution goes on concretely and leaves at the next merge point.
    public func abort(_ reason: String) {
        guard isRecording else { return }
        outcome = .aborted(reason)
        observer?.tracer(.traceAborted(location: startLocation, reason: reason))
    }

    /// `jit_merge_point`: a bytecode boundary. Returns true when the dispatch loop must leave (the loop closed or
    /// recording stopped).
    func mergePoint(code: UnsafeRawPointer, pc: Int, depth: Int) -> Bool {
        guard isRecording else { return true }
        if depth < rootDepth {
            abort("the loop's frame returned")
            return true
        }
        if code == startCode && pc == startPC && depth == rootDepth && bytecodes > 0 {
            close()
            return true
        }
        if trace.ops.count >= options.traceLimit {
            abort("trace too long (more than \(options.traceLimit) operations)")
            return true
        }
        bytecodes += 1
        self.depth = depth
        effect = nil
        lastCallResult = .none
        snapshotFloor = guest.frame(atDepth: depth).stackTop
        let location = guest.location(code: code, pc: pc)
        guestLocation = location
        append(.debugMergePoint, [trace.constInt(depth - rootDepth)],
               descr: .text("\(location.function):\(location.line) #\(pc) \(location.bytecode)"), site: nil)
        return false
    }

    /// Ends the trace with the jump to its loop, passing the root frame's slots (the loop header's reds) — or
    /// aborts it when an assumption it relies on broke while recording (the loop would be invalid at once).
    private func close() {
        if let brokenAssumption {
            abort("\(brokenAssumption) while the trace relied on it")
            return
        }
        var args: [IRValue] = []
        if options.virtualizable {
            let root = guest.frame(atDepth: rootDepth)
            var slot = root.locals
            while slot < root.stackTop {
                guard let ir = slotValue(slot) else { return }
                args.append(ir)
                slot += 1
            }
            guard args.count == jumpArity else {
                abort("the loop header's stack depth changed")
                return
            }
        } else {
            args = [frameArray]
        }
        guestLocation = nil
        if isBridge { reserveHeaderResume(args) }
        append(.jump, args, descr: .loop(token), site: nil)
        outcome = .closed
    }

    /// Sets `headerResume` for the header's slots `slots`: resuming there re-executes the header's bytecode.
    private func reserveHeaderResume(_ slots: [IRValue]) {
        let root = guest.frame(atDepth: rootDepth)
        let frame = SnapshotFrame(codeID: root.codeID, codeName: root.codeName, pc: startPC,
                                  locals: Array(slots[..<root.localCount]), stack: Array(slots[root.localCount...]))
        let number = nextGuardNumber
        nextGuardNumber += 1
        resumeModes[number] = .reexecute
        stackDepths[number] = [root.stackTop - root.stackBase]
        headerResume = (number, Snapshot(frames: [frame]))
    }

    // MARK: recording

    /// The interned constant `value`.
    func constant(_ value: ConcreteValue) -> IRValue {
        isRecording ? trace.constant(value) : .none
    }

    /// The constant an IR value stands for, if it is one.
    func constantValue(_ ir: IRValue) -> ConcreteValue? { trace.constantValue(ir) }

    /// Appends an operation (nothing once recording stopped).
    @discardableResult
    func append(_ opcode: Opcode, _ args: [IRValue], descr: Descriptor = .none, site: SourceSite?) -> IRValue {
        guard isRecording else { return .none }
        let annotation = Annotation(guest: guestLocation,
                                    interpreter: site.map { InterpreterLocation(file: "\($0.file)", line: Int($0.line)) })
        let result = trace.append(opcode, args, descr: descr, annotation: annotation)
        observer?.tracer(.opRecorded(op: trace.ops[trace.ops.count - 1], index: trace.ops.count - 1))
        return result
    }

    /// Appends an operation with a side effect (a store, an allocation, a residual call that may write).
    @discardableResult
    func appendEffect(_ opcode: Opcode, _ args: [IRValue], descr: Descriptor, what: String, site: SourceSite) -> IRValue {
        let result = append(opcode, args, descr: descr, site: site)
        if effect == nil && isRecording { effect = what }
        return result
    }

    /// Appends a residual call and remembers its result for the exception check that follows.
    func appendCall(_ opcode: Opcode, _ args: [IRValue], _ function: CallDescriptor, effects: ResidualEffects,
                    site: SourceSite) -> IRValue {
        let result = effects == .any
            ? appendEffect(opcode, args, descr: .call(function), what: "call to \(function.name)", site: site)
            : append(opcode, args, descr: .call(function), site: site)
        lastCallResult = result
        if effects == .any { invalidationChecked = false }
        return result
    }

    /// Notes that an assumption the trace relies on broke (the loop rebinds a global it read, say). Recording goes
    /// on to the end of the iteration, so that the guest sees every such change, then the trace aborts.
    func assumptionBroke(_ reason: String) {
        if isRecording && brokenAssumption == nil { brokenAssumption = reason }
    }

    /// Whether the trace relies on `assumption`.
    public func relies(on assumption: Assumption) -> Bool { assumptions.contains { $0.assumption === assumption } }

    /// Notes that the trace relies on `assumption` and makes sure a `guard_not_invalidated` checks it before the
    /// current bytecode uses it (one guard covers every assumption until the next call that may invalidate).
    func assume(_ assumption: Assumption, site: SourceSite) {
        guard isRecording else { return }
        if !relies(on: assumption) {
            assumptions.append(AssumptionUse(assumption: assumption, version: assumption.version))
            // The recording depends on it too: breaking it now keeps the trace from closing (`invalidate(because:)`).
            assumption.register(self, assumedAt: assumption.version)
        }
        guard !invalidationChecked else { return }
        appendGuard(.guardNotInvalidated, [], site: site)
        invalidationChecked = isRecording
    }

    /// Whether `ir` is the result of the current bytecode's last residual call (whose null check is the call's
    /// exception check).
    func isLastCallResult(_ ir: IRValue) -> Bool { !ir.isNone && ir == lastCallResult }

    /// Appends a guard with the resume snapshot of the current bytecode. A guard after an effect of the same
    /// bytecode would resume by re-executing that effect: the handler broke "check, then act" — an assertion
    /// failure in debug builds, an abort otherwise. Only an exception check may follow its call.
    func appendGuard(_ opcode: Opcode, _ args: [IRValue], descr: Descriptor = .none, mode: ResumeMode = .reexecute,
                     site: SourceSite) {
        guard isRecording else { return }
        if let effect, mode != .raisePending {
            let location = guestLocation.map { "\($0.function):\($0.line) #\($0.pc) \($0.bytecode)" } ?? "?"
            assertionFailure("a guard (\(opcode.name) at \(site)) follows an effect (\(effect)) within \(location): handlers must check, then act")
            abort("a guard follows an effect (\(effect)) within \(location)")
            return
        }
        guard let (snapshot, depths) = currentSnapshot() else { return }
        let number = nextGuardNumber
        nextGuardNumber += 1
        resumeModes[number] = mode
        stackDepths[number] = depths
        let annotation = Annotation(guest: guestLocation, interpreter: InterpreterLocation(file: "\(site.file)", line: Int(site.line)))
        trace.appendGuard(opcode, args, descr: descr, number: number, snapshot: snapshot, annotation: annotation)
        observer?.tracer(.opRecorded(op: trace.ops[trace.ops.count - 1], index: trace.ops.count - 1))
    }

    /// The guest frames from the root frame to the executing one, as IR values (nil after aborting when a slot
    /// is unknown).
    private func currentSnapshot() -> (Snapshot, [Int])? {
        var views = (rootDepth...depth).map { guest.frame(atDepth: $0) }
        views[views.count - 1].stackTop = snapshotFloor
        let stackEnds = views.indices.map { k in k + 1 < views.count ? views[k + 1].locals : views[k].stackTop }
        let depths = views.indices.map { stackEnds[$0] - views[$0].stackBase }
        guard options.virtualizable else {
            // The frame's slots are in memory (every access was recorded): only where to resume is needed.
            return (Snapshot(frames: views.map { v in
                SnapshotFrame(codeID: v.codeID, codeName: v.codeName, pc: v.pc, locals: [], stack: [])
            }), depths)
        }
        var frames: [SnapshotFrame] = []
        for (k, v) in views.enumerated() {
            let stackEnd = stackEnds[k]
            var locals: [IRValue] = [], stack: [IRValue] = []
            // The slots as the bytecode found them: values it popped may since have been overwritten in memory
            // (a residual call's arguments), but resuming writes them all back.
            for i in 0..<v.localCount {
                guard let ir = shadowValue(v.locals + i) else { return nil }
                locals.append(ir)
            }
            var slot = v.stackBase
            while slot < stackEnd {
                guard let ir = shadowValue(slot) else { return nil }
                stack.append(ir)
                slot += 1
            }
            frames.append(SnapshotFrame(codeID: v.codeID, codeName: v.codeName, pc: v.pc, locals: locals, stack: stack))
        }
        return (Snapshot(frames: frames), depths)
    }

    // MARK: frame slots

    /// The IR value of a frame slot, checking that memory still holds what the trace last saw there (a handler
    /// that moved slots behind the domain's back aborts the trace instead of recording a wrong value).
    func slotValue(_ slot: UnsafeMutablePointer<Ref>) -> IRValue? {
        guard isRecording else { return nil }
        guard let known = shadow[UInt(bitPattern: slot)] else {
            abort("a frame slot the trace does not know was read")
            return nil
        }
        guard known.value == slot.pointee else {
            abort("a frame slot changed outside the domain")
            return nil
        }
        return known.ir
    }

    /// The IR value the trace last saw in a frame slot (aborting if it knows none).
    private func shadowValue(_ slot: UnsafeMutablePointer<Ref>) -> IRValue? {
        guard let known = shadow[UInt(bitPattern: slot)] else {
            abort("a frame slot the trace does not know is part of a resume snapshot")
            return nil
        }
        return known.ir
    }

    /// Records the read of a frame slot (a `getarrayitem_gc_r` on the frame when it is not virtualizable).
    func readSlot(_ slot: UnsafeMutablePointer<Ref>, site: SourceSite) -> IRValue {
        guard isRecording else { return .none }
        if !options.virtualizable {
            let ir = append(.getarrayitemGcR, [frameArray, trace.constInt(slot - rootBase)], descr: .array(Recorder.frameLayout), site: site)
            shadow[UInt(bitPattern: slot)] = (ir, slot.pointee)
            return ir
        }
        return slotValue(slot) ?? .none
    }

    /// Records the write of a frame slot (a `setarrayitem_gc` on the frame when it is not virtualizable).
    func writeSlot(_ slot: UnsafeMutablePointer<Ref>, _ value: TracedRef, site: SourceSite) {
        guard isRecording else { return }
        if slot < snapshotFloor && effect == nil { effect = "a write of a frame slot" }
        if !options.virtualizable {
            append(.setarrayitemGc, [frameArray, trace.constInt(slot - rootBase), value.ir], descr: .array(Recorder.frameLayout), site: site)
        }
        shadow[UInt(bitPattern: slot)] = (value.ir, value.value)
    }

    /// With a non-virtualizable frame, records the interpreter publishing the stack top before a residual call
    /// (`call_n(publish_stack_top, frame, index)`): the callee's frames go above it, and in compiled code the
    /// slots are memory too. Re-executing it is harmless, so it is not an effect for the checks-then-acts rule.
    func stackTopPublished(_ sp: UnsafeMutablePointer<Ref>, site: SourceSite) {
        guard isRecording, !options.virtualizable else { return }
        let f = guest.publishStackTop
        append(.callN, [frameArray, trace.constInt(sp - rootBase)], descr: .call(CallDescriptor(f)), site: site)
    }

    /// The refs the recorder holds (constants of the trace, frame slots it knows), for the GC.
    public func markRoots(_ heap: Heap) {
        for c in trace.constants { if case .ref(let r) = c { heap.markRoot(r) } }
        for (_, entry) in shadow { heap.markRoot(entry.value) }
    }

    /// The frame seen as an array of slots (layout id 0: not a heap object) when it is not virtualizable.
    static let frameLayout = Layout(id: 0, fixedSize: 0)
}
