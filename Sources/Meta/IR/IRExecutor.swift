/// Runs a trace operation by operation on real values (DESIGN §5): the reference the x86-64 backend is tested
/// against, and what runs compiled traces until it exists (`--backend ir`).
///
/// References are real heap pointers; fields and array items are read and written in memory exactly as
/// `ConcreteDomain` does, `new_with_vtable` allocates through `Heap.allocate`, residual calls go through their C
/// function pointers. A loop runs until a guard fails, a `finish`, or a `jump` to another trace. Each `label` is a
/// safepoint: when the heap asks for a collection, the executor collects, with its registers marked as roots
/// (they are roots during residual calls too; reference registers that do not point into the heap, such as a
/// guest frame's slot array, are left alone).
///
/// Values live in a flat register file of 64-bit words indexed by variable number, constants loaded once.
public final class IRExecutor {
    public let trace: Trace
    public let heap: Heap
    /// Set when an assumption the trace was compiled under no longer holds: from then on its (and its bridges')
    /// `guard_not_invalidated` guards fail (checked when reached, so a residual call may set it mid-run).
    public var isInvalidated = false {
        didSet { for b in bridges.values { b.isInvalidated = isInvalidated } }
    }
    private let program: ExecutorProgram
    /// The bridges attached to this loop's guards and to its bridges' guards, by the guard they leave from.
    private var bridges: [Int: IRExecutor] = [:]

    /// Prepares `trace` after checking it with `verifier` (bridges pass the loops they jump to as its
    /// `externalLoops`); throws the first `IRVerificationError`.
    public init(trace: Trace, heap: Heap, verifier: TraceVerifier = TraceVerifier()) throws {
        try verifier.verify(trace)
        self.trace = trace
        self.heap = heap
        self.program = ExecutorProgram(trace)
    }

    /// Runs the trace from its first operation with `inputs` as its input arguments, and on through its bridges:
    /// a failing guard with a bridge continues in the bridge, a bridge's `jump` to a label of this trace continues
    /// there. Each run has its own registers, so a residual call may run the same trace again.
    public func run(_ inputs: [ConcreteValue]) throws -> TraceExit {
        var exit = try runAlone(inputs, from: 0)
        var iterations = exit.iterations
        while true {
            switch exit.reason {
            case .guardFailed(_, let number) where bridges[number] != nil:
                exit = try bridges[number]!.runAlone(exit.values, from: 0)
            case .jumped(let token) where program.labels[token] != nil:
                exit = try runAlone(exit.values, from: program.labels[token]!)
            default:
                exit.iterations = iterations
                return exit
            }
            iterations += exit.iterations
        }
    }

    /// Attaches `bridge` (a `.bridge(fromGuard:)` trace taking that guard's fail arguments, ending with a `jump` to
    /// a label of this trace) to its guard, which is this trace's or an attached bridge's: from now on runs
    /// continue in it where they left through that guard.
    public func attachBridge(_ bridge: Trace) throws {
        guard case .bridge(let number) = bridge.kind else { throw IRExecutionError("trace \(bridge.number) is a loop, not a bridge") }
        guard let source = trace(containingGuard: number) else {
            throw IRExecutionError("no guard numbered \(number) in loop \(trace.number) or its bridges")
        }
        guard bridges[number] == nil else { throw IRExecutionError("guard \(number) already has a bridge") }
        let g = source.ops.first { $0.guardInfo?.number == number }!
        let failTypes = g.guardInfo!.snapshot.failArgs.map { source.type(of: $0) }
        let inputTypes = bridge.inputArgs.map { bridge.type(of: $0) }
        guard failTypes == inputTypes else {
            throw IRExecutionError("the bridge takes \(inputTypes.map(\.description).joined()), guard \(number) leaves with \(failTypes.map(\.description).joined())")
        }
        var loops: [LoopToken: [IRType]] = [:]
        for op in trace.ops where op.opcode == .label {
            if case .loop(let token) = op.descr { loops[token] = op.args.map { trace.type(of: $0) } }
        }
        let executor = try IRExecutor(trace: bridge, heap: heap, verifier: TraceVerifier(externalLoops: loops))
        executor.isInvalidated = isInvalidated
        bridges[number] = executor
    }

    /// The trace (this loop or one of its bridges) holding the guard numbered `number`.
    public func trace(containingGuard number: Int) -> Trace? {
        if trace.ops.contains(where: { $0.guardInfo?.number == number }) { return trace }
        return bridges.values.first { b in b.trace.ops.contains { $0.guardInfo?.number == number } }?.trace
    }

    /// Runs this trace alone from op `start` (0, or a label whose arguments `inputs` are) until it leaves.
    private func runAlone(_ inputs: [ConcreteValue], from start: Int) throws -> TraceExit {
        let (registers, types) = start == 0 ? (program.inputRegisters, program.inputTypes) : program.labelArguments(at: start)
        guard inputs.count == registers.count else {
            throw IRExecutionError("the trace takes \(registers.count) input arguments, got \(inputs.count)")
        }
        for (i, v) in inputs.enumerated() where v.type != types[i] {
            throw IRExecutionError("input argument \(i + 1) must be \(types[i]), got \(v.type)")
        }
        let file = UnsafeMutablePointer<UInt64>.allocate(capacity: max(program.registerCount, 1))
        let moves = UnsafeMutablePointer<UInt64>.allocate(capacity: max(program.maxJumpArity, 1))
        defer {
            file.deallocate()
            moves.deallocate()
        }
        program.initialRegisters.withUnsafeBufferPointer { initial in
            if let base = initial.baseAddress { file.initialize(from: base, count: initial.count) }
        }
        for (i, v) in inputs.enumerated() { file[Int(registers[i])] = v.word }
        let refRegisters = program.refRegisters
        return heap.withExtraRoots({ heap in
            for r in refRegisters {
                let bits = UInt(file[Int(r)])
                if bits != 0 && heap.contains(Ref(bits: bits)) { heap.markRoot(Ref(bits: bits)) }
            }
        }, { execute(file, moves, from: start) })
    }

    private typealias Function1 = @convention(c) (UInt) -> UInt
    private typealias Function2 = @convention(c) (UInt, UInt) -> UInt
    private typealias Function3 = @convention(c) (UInt, UInt, UInt) -> UInt

    /// The dispatch loop.
    private func execute(_ r: UnsafeMutablePointer<UInt64>, _ moves: UnsafeMutablePointer<UInt64>, from start: Int) -> TraceExit {
        var overflow = false
        var iterations = 0
        return program.code.withUnsafeBufferPointer { code in
            program.lists.withUnsafeBufferPointer { lists in
                var pc = start
                @inline(__always) func int(_ slot: Int32) -> Int { Int(Int64(bitPattern: r[Int(slot)])) }
                @inline(__always) func float(_ slot: Int32) -> Double { Double(bitPattern: r[Int(slot)]) }
                @inline(__always) func setInt(_ slot: Int32, _ v: Int) { r[Int(slot)] = UInt64(bitPattern: Int64(v)) }
                @inline(__always) func setFloat(_ slot: Int32, _ v: Double) { r[Int(slot)] = v.bitPattern }
                @inline(__always) func setBool(_ slot: Int32, _ v: Bool) { r[Int(slot)] = v ? 1 : 0 }
                @inline(__always) func pointer(_ slot: Int32) -> UnsafeMutableRawPointer {
                    UnsafeMutableRawPointer(bitPattern: UInt(r[Int(slot)])).unsafelyUnwrapped
                }
                while true {
                    let ins = code[pc]
                    var guardHolds = true
                    switch ins.opcode {
                    case .label:
                        iterations &+= 1
                        if heap.collectRequested { heap.collect() }
                    case .jump:
                        let n = Int(ins.count), from = Int(ins.list)
                        for k in 0..<n { moves[k] = r[Int(lists[from + k])] }
                        if ins.imm < 0 {
                            let token: LoopToken
                            if case .loop(let t) = trace.ops[pc].descr { token = t } else { token = LoopToken(-1) }
                            return exit(iterations, .jumped(token), ins, moves)
                        }
                        let to = ins.imm2
                        for k in 0..<n { r[Int(lists[to + k])] = moves[k] }
                        pc = ins.imm
                        continue
                    case .finish:
                        return exit(iterations, .finished(opIndex: pc), ins, r)
                    case .debugMergePoint:
                        break
                    case .intAdd: setInt(ins.dst, int(ins.a) &+ int(ins.b))
                    case .intSub: setInt(ins.dst, int(ins.a) &- int(ins.b))
                    case .intMul: setInt(ins.dst, int(ins.a) &* int(ins.b))
                    case .intAnd: setInt(ins.dst, int(ins.a) & int(ins.b))
                    case .intOr: setInt(ins.dst, int(ins.a) | int(ins.b))
                    case .intXor: setInt(ins.dst, int(ins.a) ^ int(ins.b))
                    case .intLshift: setInt(ins.dst, int(ins.a) << int(ins.b))
                    case .intRshift: setInt(ins.dst, int(ins.a) >> int(ins.b))
                    case .intPyFloordiv: setInt(ins.dst, IntSemantics.floorDiv(int(ins.a), int(ins.b)))
                    case .intPyMod: setInt(ins.dst, IntSemantics.mod(int(ins.a), int(ins.b)))
                    case .intAddOvf:
                        let (v, o) = int(ins.a).addingReportingOverflow(int(ins.b))
                        setInt(ins.dst, v); overflow = o
                    case .intSubOvf:
                        let (v, o) = int(ins.a).subtractingReportingOverflow(int(ins.b))
                        setInt(ins.dst, v); overflow = o
                    case .intMulOvf:
                        let (v, o) = int(ins.a).multipliedReportingOverflow(by: int(ins.b))
                        setInt(ins.dst, v); overflow = o
                    case .intLshiftOvf:
                        let (v, o) = IntSemantics.lshiftReportingOverflow(int(ins.a), int(ins.b))
                        setInt(ins.dst, v); overflow = o
                    case .intLt: setBool(ins.dst, int(ins.a) < int(ins.b))
                    case .intLe: setBool(ins.dst, int(ins.a) <= int(ins.b))
                    case .intEq: setBool(ins.dst, int(ins.a) == int(ins.b))
                    case .intNe: setBool(ins.dst, int(ins.a) != int(ins.b))
                    case .intGt: setBool(ins.dst, int(ins.a) > int(ins.b))
                    case .intGe: setBool(ins.dst, int(ins.a) >= int(ins.b))
                    case .intIsTrue: setBool(ins.dst, int(ins.a) != 0)
                    case .intIsZero: setBool(ins.dst, int(ins.a) == 0)
                    case .intNeg: setInt(ins.dst, 0 &- int(ins.a))
                    case .floatAdd: setFloat(ins.dst, float(ins.a) + float(ins.b))
                    case .floatSub: setFloat(ins.dst, float(ins.a) - float(ins.b))
                    case .floatMul: setFloat(ins.dst, float(ins.a) * float(ins.b))
                    case .floatTruediv: setFloat(ins.dst, float(ins.a) / float(ins.b))
                    case .floatNeg: setFloat(ins.dst, -float(ins.a))
                    case .floatLt: setBool(ins.dst, float(ins.a) < float(ins.b))
                    case .floatLe: setBool(ins.dst, float(ins.a) <= float(ins.b))
                    case .floatEq: setBool(ins.dst, float(ins.a) == float(ins.b))
                    case .floatNe: setBool(ins.dst, float(ins.a) != float(ins.b))
                    case .floatGt: setBool(ins.dst, float(ins.a) > float(ins.b))
                    case .floatGe: setBool(ins.dst, float(ins.a) >= float(ins.b))
                    case .castIntToFloat: setFloat(ins.dst, Double(int(ins.a)))
                    case .ptrEq: setBool(ins.dst, r[Int(ins.a)] == r[Int(ins.b)])
                    case .ptrNe: setBool(ins.dst, r[Int(ins.a)] != r[Int(ins.b)])
                    case .getfieldGcI, .getfieldGcR, .getfieldGcF:
                        r[Int(ins.dst)] = pointer(ins.a).load(fromByteOffset: ins.imm, as: UInt64.self)
                    case .getfieldRawI:
                        setInt(ins.dst, RawFieldDescriptor.load(UInt(bitPattern: ins.imm),
                                                                RawFieldDescriptor.Width(rawValue: ins.imm2).unsafelyUnwrapped))
                    case .setfieldGc:
                        pointer(ins.a).storeBytes(of: r[Int(ins.b)], toByteOffset: ins.imm, as: UInt64.self)
                    case .getarrayitemGcI, .getarrayitemGcR:
                        r[Int(ins.dst)] = pointer(ins.a).load(fromByteOffset: ins.imm &+ 8 &* int(ins.b), as: UInt64.self)
                    case .setarrayitemGc:
                        pointer(ins.a).storeBytes(of: r[Int(ins.dst)], toByteOffset: ins.imm &+ 8 &* int(ins.b), as: UInt64.self)
                    case .newWithVtable:
                        let object = heap.allocate(typeID: UInt32(ins.imm), size: ins.imm2)
                        if object.isNull { var e = TraceExit(reason: .outOfMemory(opIndex: pc), values: [])
                            e.iterations = iterations
                            return e }
                        r[Int(ins.dst)] = UInt64(object.bits)
                    case .callI, .callR, .callF, .callN:
                        let from = Int(ins.list)
                        @inline(__always) func arg(_ k: Int) -> UInt { UInt(r[Int(lists[from + k])]) }
                        let result: UInt
                        switch ins.count {
                        case 1: result = unsafeBitCast(ins.imm, to: Function1.self)(arg(0))
                        case 2: result = unsafeBitCast(ins.imm, to: Function2.self)(arg(0), arg(1))
                        default: result = unsafeBitCast(ins.imm, to: Function3.self)(arg(0), arg(1), arg(2))
                        }
                        if ins.opcode != .callN { r[Int(ins.dst)] = UInt64(result) }
                    case .sameAsI, .sameAsR, .sameAsF: r[Int(ins.dst)] = r[Int(ins.a)]
                    case .guardTrue: guardHolds = r[Int(ins.a)] != 0
                    case .guardFalse: guardHolds = r[Int(ins.a)] == 0
                    case .guardClass:
                        let bits = UInt(r[Int(ins.a)])
                        guardHolds = bits != 0 && Heap.typeID(of: Ref(bits: bits)) == UInt32(ins.imm)
                    case .guardValue: guardHolds = r[Int(ins.a)] == r[Int(ins.b)]
                    case .guardNonnull: guardHolds = r[Int(ins.a)] != 0
                    case .guardIsnull: guardHolds = r[Int(ins.a)] == 0
                    case .guardNoOverflow: guardHolds = !overflow
                    case .guardOverflow: guardHolds = overflow
                    case .guardNotInvalidated: guardHolds = !isInvalidated
                    }
                    if !guardHolds {
                        let number = trace.ops[pc].guardInfo?.number ?? -1
                        return exit(iterations, .guardFailed(opIndex: pc, guardNumber: number), ins, r)
                    }
                    pc &+= 1
                }
            }
        }
    }

    /// The exit through `ins`, with the values of its register list (`words` is the register file, or for a jump
    /// the move buffer holding its arguments in order).
    private func exit(_ iterations: Int, _ reason: TraceExit.Reason, _ ins: ExecutorProgram.Instruction, _ words: UnsafeMutablePointer<UInt64>) -> TraceExit {
        let fromMoves = ins.opcode == .jump
        var values: [ConcreteValue] = []
        values.reserveCapacity(Int(ins.count))
        for k in 0..<Int(ins.count) {
            let index = Int(ins.list) + k
            let word = fromMoves ? words[k] : words[Int(program.lists[index])]
            values.append(ConcreteValue(word: word, type: program.listTypes[index]))
        }
        var result = TraceExit(reason: reason, values: values)
        result.iterations = iterations
        return result
    }
}

/// Integer operations whose semantics need more than one Swift operator (shared with anything that folds them).
enum IntSemantics {
    /// Python's `//`, wrapping on `min // -1`; 0 for a zero divisor (the recorder guards the divisor first).
    static func floorDiv(_ a: Int, _ b: Int) -> Int {
        if b == 0 { return 0 }
        if b == -1 { return 0 &- a }
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// Python's `%` (the sign of `b`); 0 for a zero divisor (the recorder guards the divisor first).
    static func mod(_ a: Int, _ b: Int) -> Int {
        if b == 0 || b == -1 { return 0 }
        let r = a % b
        return (r != 0 && (r < 0) != (b < 0)) ? r + b : r
    }

    /// `a << b` and whether it overflowed, as `ConcreteDomain.intLshiftOvf` decides it.
    static func lshiftReportingOverflow(_ a: Int, _ b: Int) -> (Int, Bool) {
        if b < 0 || b >= 64 { return (0, !(a == 0 && b >= 0)) }
        let r = a << b
        return (r, r >> b != a)
    }
}
