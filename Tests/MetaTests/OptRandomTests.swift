import Testing
@testable import Meta

/// A random, well-typed trace over the IR test world's objects: a loop (or a straight trace ending in `finish`)
/// with integer and float arithmetic, overflow checks, guards of every kind, loads and stores on boxes and pairs,
/// allocations, pointer comparisons and residual calls that read, write or are elidable. Its inputs are an int
/// counter that bounds the loop, two more ints, a float, two int boxes (sometimes the same object), a pair and a
/// float box.
struct RandomTrace {
    enum Kind { case intBox, floatBox, pair }

    var rng: SplitMix64
    let world: IRTestWorld
    var trace = Trace()
    var ints: [IRValue] = []
    var floats: [IRValue] = []
    var refs: [(IRValue, Kind)] = []
    var guardNumber = 0
    // The inputs' values.
    let counterLimit: Int
    let intInputs: [Int]
    let floatInput: Double
    let boxValues: [Int]
    let aliasedBoxes: Bool
    let isLoop: Bool

    init(seed: UInt64, world: IRTestWorld) {
        var g = SplitMix64(seed: seed)
        self.world = world
        counterLimit = Int.random(in: 0...8, using: &g)
        intInputs = (0..<2).map { _ in [0, 1, -3, 7, 100, Int.max - 2, Int.min + 5][Int.random(in: 0..<7, using: &g)] }
        floatInput = [0.5, -2.0, 1e300][Int.random(in: 0..<3, using: &g)]
        boxValues = (0..<4).map { _ in Int.random(in: -5...50, using: &g) }
        aliasedBoxes = Bool.random(using: &g)
        isLoop = Int.random(in: 0..<5, using: &g) != 0
        rng = g
        build()
    }

    /// The input values for `w` (a world like `world`) and the objects they consist of.
    func inputs(_ w: IRTestWorld) -> (values: [ConcreteValue], roots: [Ref]) {
        let a = w.box(boxValues[0]), b = aliasedBoxes ? a : w.box(boxValues[1])
        let p = w.pair(w.box(boxValues[2]), w.box(boxValues[3]))
        let f = w.boxFloat(floatInput)
        return ([.int(0), .int(intInputs[0]), .int(intInputs[1]), .float(floatInput), .ref(a), .ref(b), .ref(p), .ref(f)], [a, b, p, f])
    }

    mutating func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
    mutating func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &rng) < percent }
    mutating func int() -> IRValue { chance(20) ? trace.constInt(pick([0, 1, 2, -1, 5, 1000])) : pick(ints) }
    mutating func ref(_ kind: Kind) -> IRValue { pick(refs.filter { $0.1 == kind }.map(\.0)) }

    var layouts: [Kind: Layout] { [.intBox: world.int.layout, .floatBox: world.float.layout, .pair: world.pair.layout] }

    mutating func snapshot() -> Snapshot {
        let all = ints + floats + refs.map(\.0)
        var frames: [SnapshotFrame] = []
        for f in 0..<(chance(30) ? 2 : 1) {
            let locals = all.filter { _ in chance(60) }
            frames.append(SnapshotFrame(codeID: f + 1, codeName: "f\(f)", pc: 1000 + guardNumber, locals: locals, stack: chance(50) ? [pick(all)] : []))
        }
        return Snapshot(frames: frames)
    }

    mutating func guardOp(_ opcode: Opcode, _ args: [IRValue], descr: Descriptor = .none) {
        let s = snapshot()
        trace.appendGuard(opcode, args, descr: descr, number: guardNumber, snapshot: s)
        guardNumber += 1
    }

    mutating func build() {
        let counter = trace.addInputArg(.int)
        ints = [counter, trace.addInputArg(.int), trace.addInputArg(.int)]
        floats = [trace.addInputArg(.float)]
        refs = [(trace.addInputArg(.ref), .intBox), (trace.addInputArg(.ref), .intBox), (trace.addInputArg(.ref), .pair), (trace.addInputArg(.ref), .floatBox)]
        let inputs = trace.inputArgs
        if isLoop {
            trace.append(.label, inputs, descr: .loop(LoopToken(0)))
            let c = trace.append(.intLt, [counter, trace.constInt(counterLimit)])
            guardOp(.guardTrue, [c])
        }
        for _ in 0..<Int.random(in: 2...24, using: &rng) { step() }
        if isLoop {
            let next = trace.append(.intAdd, [counter, trace.constInt(1)])
            var args = [next]
            for v in inputs.dropFirst() {
                switch trace.type(of: v) {
                case .int: args.append(int())
                case .float: args.append(pick(floats))
                default: args.append(ref(refs.first { $0.0 == v }!.1))
                }
            }
            trace.append(.jump, args, descr: .loop(LoopToken(0)))
        } else {
            let all = ints + floats + refs.map(\.0)
            trace.append(.finish, all.filter { _ in chance(50) })
        }
    }

    mutating func step() {
        let w = world
        switch Int.random(in: 0..<22, using: &rng) {
        case 0, 1:
            ints.append(trace.append(pick([.intAdd, .intSub, .intMul, .intAnd, .intOr, .intXor]), [int(), int()]))
        case 2, 3:
            let r = trace.append(pick([.intAddOvf, .intSubOvf, .intMulOvf]), [int(), int()])
            guardOp(.guardNoOverflow, [])
            ints.append(r)
        case 4:
            let c = trace.append(pick([.intLt, .intLe, .intEq, .intNe, .intGt, .intGe]), [int(), int()])
            guardOp(chance(50) ? .guardTrue : .guardFalse, [c])
            ints.append(c)
        case 5:
            let x = int()
            let c = trace.append(.intLt, [x, trace.constInt(pick([10, 1000, 1 << 40]))])
            guardOp(.guardTrue, [c])
            if chance(50) { ints.append(trace.append(.intAddOvf, [x, trace.constInt(1)])); guardOp(.guardNoOverflow, []) }
        case 6:
            ints.append(trace.append(pick([.intPyFloordiv, .intPyMod]), [int(), trace.constInt(pick([3, -7, 16]))]))
        case 7, 8:
            ints.append(trace.append(.getfieldGcI, [ref(.intBox)], descr: .field(w.intval)))
        case 9:
            trace.append(.setfieldGc, [ref(.intBox), int()], descr: .field(w.intval))
        case 10, 11:
            let b = trace.append(.newWithVtable, [], descr: .size(w.int.layout))
            trace.append(.setfieldGc, [b, int()], descr: .field(w.intval))
            refs.append((b, .intBox))
        case 12:
            let b = trace.append(.newWithVtable, [], descr: .size(w.float.layout))
            if chance(80) { trace.append(.setfieldGc, [b, pick(floats)], descr: .field(w.floatval)) }
            refs.append((b, .floatBox))
        case 13:
            floats.append(trace.append(.getfieldGcF, [ref(.floatBox)], descr: .field(w.floatval)))
        case 14:
            let p = trace.append(.newWithVtable, [], descr: .size(w.pair.layout))
            trace.append(.setfieldGc, [p, ref(.intBox)], descr: .field(w.pair.field("left")))
            trace.append(.setfieldGc, [p, ref(.intBox)], descr: .field(w.pair.field("right")))
            refs.append((p, .pair))
        case 15:
            refs.append((trace.append(.getfieldGcR, [ref(.pair)], descr: .field(w.pair.field(pick(["left", "right"])))), .intBox))
        case 16:
            trace.append(.setfieldGc, [ref(.pair), ref(.intBox)], descr: .field(w.pair.field(pick(["left", "right"]))))
        case 17:
            let (r, kind) = pick(refs)
            if chance(50) { guardOp(.guardNonnull, [r]) } else { guardOp(.guardClass, [r], descr: .size(layouts[kind]!)) }
        case 18:
            ints.append(trace.append(pick([.ptrEq, .ptrNe]), [pick(refs).0, pick(refs).0]))
        case 19:
            switch Int.random(in: 0..<5, using: &rng) {
            case 4: ints.append(trace.append(.callI, [ref(.intBox)], descr: .call(testUnboxReadOnly)))
            case 0: ints.append(trace.append(.callI, [int(), int()], descr: .call(CallDescriptor(testScaleAdd))))
            case 1: ints.append(trace.append(.callI, [int(), int()], descr: .call(testScaleAddPure)))
            case 2: ints.append(trace.append(.callI, [ref(.intBox)], descr: .call(CallDescriptor(testUnbox))))
            default: trace.append(.callN, [ref(.intBox), int()], descr: .call(CallDescriptor(testSetIntval)))
            }
        case 20:
            if chance(50) {
                floats.append(trace.append(pick([.floatAdd, .floatMul, .floatSub]), [pick(floats), pick(floats)]))
            } else {
                floats.append(trace.append(.castIntToFloat, [int()]))
            }
        default:
            let v = trace.append(.intAnd, [int(), trace.constInt(0)])
            guardOp(.guardValue, [v, trace.constInt(0)])
            ints.append(v)
        }
    }
}

/// Runs random traces `seeds` with each optimizer of `configurations` against no optimization; returns the first
/// difference found (seed, configuration, what differed, the trace) or nil, and counts how the runs ended.
func firstRandomDifference(seeds: ClosedRange<UInt64>, configurations: [(String, Optimizer)], exits: inout [String: Int]) throws -> String? {
    for seed in seeds {
        let w0 = IRTestWorld(nurseryBytes: 1 << 20)
        let g0 = RandomTrace(seed: seed, world: w0)
        let (v0, r0) = g0.inputs(w0)
        let reference = try observe(g0.trace, passes: [], world: w0, inputs: v0, roots: r0)
        switch reference.exit {
        case .finished: exits["finish", default: 0] += 1
        case .resumed(_, let pcs, _):
            let key = pcs.last != 1000 ? "body guard" : (g0.counterLimit > 0 ? "loop end" : "no iteration")
            exits[key, default: 0] += 1
        default: exits["other", default: 0] += 1
        }
        for (name, optimizer) in configurations {
            let w = IRTestWorld(nurseryBytes: 1 << 20)
            let g = RandomTrace(seed: seed, world: w)
            let (values, roots) = g.inputs(w)
            let text = w.printer(.init(snapshots: true)).print(g.trace)
            let o: Observation
            do {
                o = try observe(g.trace, optimizer: optimizer, world: w, inputs: values, roots: roots)
            } catch {
                return "seed \(seed), \(name): \(error)\n\(text)"
            }
            var c = ObservationComparator(reference, o)
            let d = c.differences()
            if !d.isEmpty { return "seed \(seed), \(name): \(d)\n\(text)" }
        }
    }
    return nil
}

/// Random traces run with all passes and with each pass alone: every optimized trace must verify and behave
/// exactly as the recorded one.
@Test func randomTracesBehaveTheSameUnderEveryPassConfiguration() throws {
    let configurations = try passConfigurations.dropFirst().map { ($0?.joined(separator: ",") ?? "all passes", try optimizer($0)) }
    var exits: [String: Int] = [:]
    let difference = try firstRandomDifference(seeds: 1...1000, configurations: configurations, exits: &exits)
    #expect(difference == nil, "\(difference ?? "")")
    // The traces exercise their bodies: many loop until their counter ends them, many leave through a guard in
    // the body, some finish.
    #expect(exits["loop end", default: 0] > 200 && exits["body guard", default: 0] > 200 && exits["finish", default: 0] > 60, "\(exits)")
    // Every pass has work to do on many of them.
    var changed: [String: Int] = [:]
    for seed in UInt64(1)...1000 {
        let w = IRTestWorld(nurseryBytes: 1 << 20)
        for step in try Optimizer().run(RandomTrace(seed: seed, world: w).trace).steps {
            let d = step.diff
            if d.removedCount + d.addedCount + d.changedCount > 0 { changed[step.pass, default: 0] += 1 }
        }
    }
    for pass in Optimizer().passNames { #expect(changed[pass, default: 0] > 50, "\(pass) changed only \(changed[pass, default: 0]) traces") }
}

/// A pass that changes what the trace computes: every `int_mul` becomes `int_add` (the loop counter only adds,
/// so the loops still end).
struct BrokenArithmetic: OptimizationPass {
    let name = "broken"
    let summary = "a wrong pass, for testing the differential test"
    func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var out = input
        for k in out.trace.ops.indices where out.trace.ops[k].opcode == .intMul { out.trace.ops[k].opcode = .intAdd }
        return out
    }
}

/// A pass that drops every store: the heap comparison must notice.
struct BrokenStores: OptimizationPass {
    let name = "nostores"
    let summary = "a wrong pass, for testing the differential test"
    func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var out = input
        let keep = input.trace.ops.indices.filter { input.trace.ops[$0].opcode != .setfieldGc }
        out.trace.ops = keep.map { input.trace.ops[$0] }
        out.opIDs = keep.map { input.opIDs[$0] }
        return out
    }
}

/// The random differential test catches wrong passes.
@Test func randomTracesCatchABrokenPass() throws {
    var exits: [String: Int] = [:]
    for broken in [BrokenArithmetic() as any OptimizationPass, BrokenStores()] {
        let difference = try firstRandomDifference(seeds: 1...200, configurations: [(broken.name, Optimizer(passes: [broken]))], exits: &exits)
        #expect(difference != nil, "\(broken.name) went unnoticed")
    }
}
