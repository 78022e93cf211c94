extension X64 {
    /// Where a trace variable lives in compiled code. A variable keeps one location for its whole life (no interval
    /// splitting): a register, or a word of the frame area (`[rbp + 8 * n]`).
    public enum Location: Hashable, Sendable, CustomStringConvertible {
        case gpr(GPR)
        case xmm(XMM)
        case slot(Int)

        public var description: String {
            switch self {
            case .gpr(let r): return r.name(.qword)
            case .xmm(let x): return x.name
            case .slot(let n): return "[rbp+\(8 * n)]"
            }
        }

        var isRegister: Bool { if case .slot = self { return false } else { return true } }
    }

    /// The register conventions of compiled traces (System V ABI underneath).
    ///
    /// `rbp` holds the frame area for the whole run; `rsp` is the native stack. `rax`, `rcx`, `rdx` and `r11`, and
    /// `xmm14`/`xmm15`, are scratch registers the lowering of a single op may clobber (division, shifts, moves between
    /// memory words); `rbx` counts iterations (`iterationCounter`); the rest are allocated. Of the allocated general
    /// registers, `r12`–`r15` survive calls (callee-saved); `rsi`, `rdi`, `r8`–`r10` and every XMM register do not.
    enum Registers {
        /// `SystemV.calleeSaved` without `rbp`, which holds the frame.
        static let calleeSaved: [GPR] = SystemV.calleeSaved.filter { $0 != .rbp }
        /// Counts the labels passed during one entry; the epilogue stores it in `FrameLayout.iterationsWord`. A
        /// register rather than that word, so that counting puts no memory round trip on every iteration's path.
        static let iterationCounter: GPR = .rbx
        /// The callee-saved registers the allocator hands out.
        static let allocatableCalleeSaved: [GPR] = calleeSaved.filter { $0 != iterationCounter }
        static let callerSaved: [GPR] = [.rsi, .rdi, .r8, .r9, .r10]
        static let xmm: [XMM] = (0...13).map { XMM(rawValue: UInt8($0))! }
        static let scratchXMM: XMM = .xmm15
        static let scratchXMM2: XMM = .xmm14

        static func survivesCalls(_ location: Location) -> Bool {
            if case .gpr(let r) = location { return calleeSaved.contains(r) }
            return false
        }
    }

    /// The frame area a compiled trace runs on, in 64-bit words from `rbp`: the GC map index of the call in
    /// progress, the heap, the iteration counter, the values area (input arguments on entry, the exit's values on
    /// exit), then spill and save slots.
    public enum FrameLayout {
        /// Word holding the index of the GC map of the collecting call in progress (`CompiledTrace.gcMaps`).
        public static let siteWord = 0
        /// Word holding the `Heap` (an unretained object pointer) for the runtime entry points.
        public static let heapWord = 1
        /// The labels passed (`TraceExit.iterations`), stored on the way out (`Registers.iterationCounter`).
        public static let iterationsWord = 2
        /// The first word of the values area.
        public static let valuesStart = 3
    }

    /// The lifetime of one variable in op positions: inputs are defined at position 0, op `i` is at position
    /// `i + 1`. `end` is the last position that reads the variable (for a loop's label arguments: the jump).
    public struct LiveInterval: Hashable, Sendable {
        public let variable: IRValue
        public let type: IRType
        public let start: Int
        public var end: Int
        /// Whether a call happens strictly inside the interval (the value must survive it).
        public var crossesCall: Bool
    }

    /// The outcome of linear-scan register allocation over one trace: every variable's location and the frame
    /// slots spilled variables took.
    public struct RegisterAssignment: Sendable {
        public let intervals: [LiveInterval]
        /// By variable number; nil for numbers the trace does not define.
        public let locations: [Location?]
        /// The first frame word after the values area and the spill slots (further save slots go from here).
        public let firstFreeSlot: Int
        /// How many variables did not get a register.
        public let spillCount: Int

        public func location(of v: IRValue) -> Location { locations[v.variableNumber]! }
    }

    /// Linear-scan register allocation (Poletto and Sarkar) over a trace's op order.
    ///
    /// Intervals are visited by start; those ended before the current start give their register back (so an op's
    /// result never shares a register with its own arguments, and lowering may write it before reading them all).
    /// Values whose interval crosses a call prefer callee-saved registers, others prefer caller-saved ones. When a
    /// class runs out, the interval that ends last (the current one or an active one) goes to a frame slot for its
    /// whole life.
    struct RegisterAllocator {
        let trace: Trace
        let valuesAreaWords: Int

        /// Whether op `op` calls out (so caller-saved registers do not survive it).
        static func isCall(_ op: Operation) -> Bool {
            switch op.opcode {
            case .callI, .callR, .callF, .callN, .newWithVtable: return true
            default: return false
            }
        }

        func intervals() -> [LiveInterval] {
            var start = [Int](repeating: -1, count: trace.variableCount)
            var end = [Int](repeating: -1, count: trace.variableCount)
            func use(_ v: IRValue, at position: Int) {
                if v.isVariable { end[v.variableNumber] = max(end[v.variableNumber], position) }
            }
            for v in trace.inputArgs { start[v.variableNumber] = 0; end[v.variableNumber] = 0 }
            var labelArgs: [LoopToken: [IRValue]] = [:]
            var callPositions: [Int] = []
            for (i, op) in trace.ops.enumerated() {
                let position = i + 1
                for a in op.args { use(a, at: position) }
                if let g = op.guardInfo { for a in g.snapshot.failArgs { use(a, at: position) } }
                if !op.result.isNone {
                    start[op.result.variableNumber] = position
                    end[op.result.variableNumber] = max(end[op.result.variableNumber], position)
                }
                if op.opcode == .label, case .loop(let token) = op.descr { labelArgs[token] = op.args }
                if op.opcode == .jump, case .loop(let token) = op.descr, let args = labelArgs[token] {
                    // The back-edge writes the label's arguments: they stay live around the whole loop.
                    for a in args { use(a, at: position) }
                }
                if RegisterAllocator.isCall(op) { callPositions.append(position) }
            }
            var result: [LiveInterval] = []
            for n in 0..<trace.variableCount where start[n] >= 0 {
                let crosses = callPositions.contains { $0 > start[n] && $0 < end[n] }
                result.append(LiveInterval(variable: .variable(n), type: trace.variableTypes[n], start: start[n],
                                           end: end[n], crossesCall: crosses))
            }
            return result.sorted { ($0.start, $0.variable.raw) < ($1.start, $1.variable.raw) }
        }

        func allocate() -> RegisterAssignment {
            let all = intervals()
            var locations = [Location?](repeating: nil, count: trace.variableCount)
            var active: [LiveInterval] = []
            var freeGPR = Set(Registers.allocatableCalleeSaved + Registers.callerSaved)
            var freeXMM = Set(Registers.xmm)
            var nextSlot = FrameLayout.valuesStart + valuesAreaWords
            var spills = 0
            func spill(_ interval: LiveInterval) {
                locations[interval.variable.variableNumber] = .slot(nextSlot)
                nextSlot += 1
                spills += 1
            }
            for current in all {
                active.removeAll { old in
                    guard old.end < current.start else { return false }
                    switch locations[old.variable.variableNumber]! {
                    case .gpr(let r): freeGPR.insert(r)
                    case .xmm(let x): freeXMM.insert(x)
                    case .slot: break
                    }
                    return true
                }
                let isFloat = current.type == .float
                var chosen: Location?
                if isFloat {
                    if let x = Registers.xmm.first(where: freeXMM.contains) { freeXMM.remove(x); chosen = .xmm(x) }
                } else {
                    let order = current.crossesCall ? Registers.allocatableCalleeSaved + Registers.callerSaved
                                                    : Registers.callerSaved + Registers.allocatableCalleeSaved
                    if let r = order.first(where: freeGPR.contains) { freeGPR.remove(r); chosen = .gpr(r) }
                }
                if chosen == nil {
                    // Spill whichever of the same register class lives longest.
                    let victimIndex = active.indices
                        .filter { (active[$0].type == .float) == isFloat && locations[active[$0].variable.variableNumber]!.isRegister }
                        .max { active[$0].end < active[$1].end }
                    if let vi = victimIndex, active[vi].end > current.end {
                        let victim = active[vi]
                        chosen = locations[victim.variable.variableNumber]
                        spill(victim)
                    } else {
                        spill(current)
                        active.append(current)
                        continue
                    }
                }
                locations[current.variable.variableNumber] = chosen
                active.append(current)
            }
            return RegisterAssignment(intervals: all, locations: locations, firstFreeSlot: nextSlot, spillCount: spills)
        }
    }
}
