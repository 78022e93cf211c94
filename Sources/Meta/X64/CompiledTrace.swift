extension X64 {
    /// A trace compiled to x86-64 machine code and installed in code memory: the backend's counterpart of
    /// `IRExecutor`, with the same `run(inputs) -> TraceExit` (see `TraceRunner`).
    ///
    /// The code is one C-ABI function `(frame) -> exit index`. The frame area (see `FrameLayout`) holds the input
    /// arguments on entry; an exit's stub writes the exit's values there and returns the exit's index in `exits`
    /// (for a guard, `guards` gives its op, number and patch sites). While the code runs, the frame is a GC root
    /// source: at each call that can collect, the code publishes the call site's GC map (which frame slots hold
    /// live references) in the frame's site word, and the root scanner marks those slots.
    ///
    /// Safepoints: each `label` polls the heap's collect-requested byte and calls `Heap.collect` out of line when it
    /// is set (as the IR executor does at labels), so allocating loops collect. Ctrl-C and `MemoryError` reach a
    /// compiled loop the way the guest records them: MiniPy's back-edge reads its interrupt flag and the heap's
    /// collect-requested byte (`getfield_raw_i`, a compare with zero fused into the guard) and guards that both are
    /// clear; the guard resumes the back-edge in the interpreter, which runs the real safepoint.
    public final class CompiledTrace {
        public let trace: Trace
        public let heap: Heap
        public let code: ExecutableCode
        public let assignment: RegisterAssignment
        /// Every exit, the attached bridges' included (the entry function returns an index into it).
        public internal(set) var exits: [ExitRecord]
        /// Every guard, the attached bridges' included.
        public internal(set) var guards: [GuardRecord]
        /// Per collecting call site (the bridges' included), the frame words holding live references.
        public internal(set) var gcMaps: [[Int]]
        /// Words of the frame area a run needs (enough for the attached bridges too).
        public internal(set) var frameWords: Int
        /// The offset where the out-of-line code (guard exit stubs, slow paths, the epilogue) begins.
        public let outOfLineStart: Int
        /// The bridges attached to guards of this code (or of its bridges), in the order they were attached.
        public internal(set) var bridges: [CompiledBridge] = []
        let runtime: RuntimeAddresses
        /// Where each loop of the trace starts and where its label's arguments live (what a bridge jumps to).
        let loopEntries: [LoopToken: (address: UnsafeRawPointer, locations: [Location])]
        let epilogueAddress: UnsafeRawPointer
        /// The code holding each exit's stub (this code or a bridge's).
        var exitCodes: [ExecutableCode]
        private let invalidatedFlag: UnsafeMutablePointer<UInt8>
        var referenceConstants: [Ref]
        /// Runs in progress (nested runs through residual calls count too).
        var activeRuns = 0

        /// Set when an assumption the trace was compiled under no longer holds: from then on its
        /// `guard_not_invalidated` guards fail (a byte the code polls, so a residual call may set it mid-run).
        public var isInvalidated: Bool {
            get { invalidatedFlag.pointee != 0 }
            set { invalidatedFlag.pointee = newValue ? 1 : 0 }
        }

        /// Compiles `trace` after checking it with `verifier` (bridges pass the loops they jump to as its
        /// `externalLoops`) and installs the code in `memory`. Throws the first `IRVerificationError`, a
        /// `BackendError`, an `AssemblerError` or a `CodeMemoryError`.
        public init(trace: Trace, heap: Heap, memory: CodeMemory, verifier: TraceVerifier = TraceVerifier()) throws {
            try verifier.verify(trace)
            self.trace = trace
            self.heap = heap
            invalidatedFlag = .allocate(capacity: 1)
            invalidatedFlag.initialize(to: 0)
            var valuesArea = trace.inputArgs.count
            for op in trace.ops {
                if let g = op.guardInfo { valuesArea = max(valuesArea, g.snapshot.failArgs.count) }
                if op.opcode == .finish || op.opcode == .jump { valuesArea = max(valuesArea, op.args.count) }
            }
            let assignment = RegisterAllocator(trace: trace, valuesAreaWords: valuesArea).allocate()
            let runtime = RuntimeAddresses(
                allocate: unsafeBitCast(BackendRuntime.allocate, to: UInt.self),
                safepoint: unsafeBitCast(BackendRuntime.safepoint, to: UInt.self),
                collectFlag: UInt(bitPattern: heap.collectRequestedFlag),
                freeHeads: UInt(bitPattern: heap.freeHeads),
                allocationCounters: UInt(bitPattern: heap.allocationCounters),
                invalidatedFlag: UInt(bitPattern: invalidatedFlag))
            let lowering = TraceLowering(trace: trace, assignment: assignment, runtime: runtime)
            do {
                try lowering.lower()
                code = try memory.install(try lowering.asm.finish())
            } catch {
                invalidatedFlag.deallocate()
                throw error
            }
            self.assignment = assignment
            self.runtime = runtime
            exits = lowering.exits
            exitCodes = Array(repeating: code, count: lowering.exits.count)
            guards = lowering.guards
            gcMaps = lowering.gcMaps
            frameWords = lowering.nextSlot
            outOfLineStart = lowering.outOfLineStart
            epilogueAddress = code.address(of: lowering.epilogue)!
            var entries: [LoopToken: (address: UnsafeRawPointer, locations: [Location])] = [:]
            for op in trace.ops where op.opcode == .label {
                guard case .loop(let token) = op.descr, let label = lowering.loopLabels[token] else { continue }
                entries[token] = (code.address(of: label)!, op.args.map { assignment.location(of: $0) })
            }
            loopEntries = entries
            referenceConstants = Self.references(in: trace)
        }

        static func references(in trace: Trace) -> [Ref] {
            trace.constants.compactMap { c in
                if case .ref(let r) = c, !r.isNull { return r } else { return nil }
            }
        }

        deinit {
            invalidatedFlag.deallocate()
            if !code.isReleased { try? code.memory.release(code) }
            for b in bridges where !b.code.isReleased { try? b.code.memory.release(b.code) }
        }

        private typealias Entry = @convention(c) (UnsafeMutablePointer<UInt64>) -> Int

        /// Runs the machine code from its first operation with `inputs` as its input arguments, until an exit. Each
        /// run has its own frame, so a residual call may run the same trace again.
        public func run(_ inputs: [ConcreteValue]) throws -> TraceExit {
            let entry = unsafeBitCast(code.address, to: Entry.self)
            return try run(inputs) { frame in entry(frame) }
        }

        /// Runs the code with `inputs` through `execute`, which calls the entry function with the frame it is
        /// given and returns the exit index the call returned (natively, or in `Emulator`): the frame's setup, its
        /// GC roots while the code runs, and reading the exit are the same for both.
        func run(_ inputs: [ConcreteValue], execute: (UnsafeMutablePointer<UInt64>) throws -> Int) throws -> TraceExit {
            guard inputs.count == trace.inputArgs.count else {
                throw IRExecutionError("the trace takes \(trace.inputArgs.count) input arguments, got \(inputs.count)")
            }
            for (i, v) in inputs.enumerated() where v.type != trace.type(of: trace.inputArgs[i]) {
                throw IRExecutionError("input argument \(i + 1) must be \(trace.type(of: trace.inputArgs[i])), got \(v.type)")
            }
            let frame = UnsafeMutablePointer<UInt64>.allocate(capacity: frameWords)
            defer { frame.deallocate() }
            frame.initialize(repeating: 0, count: frameWords)
            frame[FrameLayout.siteWord] = UInt64.max
            frame[FrameLayout.iterationsWord] = 0
            frame[FrameLayout.heapWord] = UInt64(UInt(bitPattern: Unmanaged.passUnretained(heap).toOpaque()))
            for (i, v) in inputs.enumerated() { frame[FrameLayout.valuesStart + i] = v.word }
            activeRuns += 1
            defer { activeRuns -= 1 }
            // References that do not point into the heap (a guest frame's slot array, which a trace may treat as
            // a reference) are left alone, as the IR executor does.
            let index = try heap.withExtraRoots({ [unowned self] heap in
                for r in self.referenceConstants where heap.contains(r) { heap.markRoot(r) }
                let site = frame[FrameLayout.siteWord]
                guard site < UInt64(self.gcMaps.count) else { return }
                for slot in self.gcMaps[Int(site)] {
                    let r = Ref(bits: UInt(frame[slot]))
                    if !r.isNull && heap.contains(r) { heap.markRoot(r) }
                }
            }, { try execute(frame) })
            guard exits.indices.contains(index) else {
                throw IRExecutionError("the code returned \(index), which is not an exit index")
            }
            let exit = exits[index]
            let values = exit.valueTypes.enumerated().map { k, type in
                ConcreteValue(word: frame[FrameLayout.valuesStart + k], type: type)
            }
            var result = TraceExit(reason: exit.reason, values: values)
            result.iterations = Int(frame[FrameLayout.iterationsWord])
            return result
        }

        /// The machine code as listing lines, each tied to the IR op it came from (nil for the prologue and the
        /// epilogue), branch targets at the code's real addresses.
        public var listing: [ListingLine] { code.listingLines }

        /// The listing as text (see `ExecutableCode.listingText`).
        public func listingText(opText: (Int) -> String) -> String {
            code.listingText(outOfLineStart: outOfLineStart, opText: opText)
        }
    }

    /// One line of a compiled trace's listing.
    public struct ListingLine: Hashable, Sendable {
        public let offset: Int
        public let length: Int
        public let text: String
        public let opIndex: Int?
    }

    /// The C-convention entry points compiled code calls. Each takes the frame area first; its heap word names
    /// the heap.
    enum BackendRuntime {
        static func heap(_ frame: UnsafeMutablePointer<UInt64>) -> Heap {
            Unmanaged<Heap>.fromOpaque(UnsafeRawPointer(bitPattern: UInt(frame[FrameLayout.heapWord]))!).takeUnretainedValue()
        }

        /// `new_with_vtable`'s slow path: `Heap.allocate` (0 when the heap is full).
        static let allocate: @convention(c) (UnsafeMutablePointer<UInt64>, UInt, UInt) -> UInt = { frame, typeID, size in
            heap(frame).allocate(typeID: UInt32(typeID), size: Int(size)).bits
        }

        /// A label's safepoint: collects when the heap asked for it.
        static let safepoint: @convention(c) (UnsafeMutablePointer<UInt64>) -> Void = { frame in
            let h = heap(frame)
            if h.collectRequested { h.collect() }
        }
    }
}
