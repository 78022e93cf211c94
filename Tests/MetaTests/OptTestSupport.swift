import Testing
@testable import Meta

/// `set_intval(p, v)`: writes `v` into the `intval` of the `W_Int` `p` (a residual call that writes the heap).
let testSetIntval = ResidualFunction2("set_intval", { p, v in
    UnsafeMutableRawPointer(bitPattern: p)!.storeBytes(of: v, toByteOffset: 16, as: UInt.self)
    return 0
})
/// `scale_add` declared `elidable` (same function, so calls of both compute the same).
let testScaleAddPure = CallDescriptor(name: "scale_add_pure", address: CallDescriptor(testScaleAdd).address, arity: 2, effect: .elidable)

/// `unbox` declared `readsOnly` (it reads a field and writes none).
let testUnboxReadOnly = CallDescriptor(name: "unbox_ro", address: CallDescriptor(testUnbox).address, arity: 1, effect: .readsOnly)

extension IRTestWorld {
    /// A parser that knows the optimizer tests' functions too.
    func optParser(pointers: [Int: Ref] = [:]) -> TraceParser {
        TraceParser(resolver: resolver(functions: [CallDescriptor(testSetIntval), testScaleAddPure, testUnboxReadOnly], pointers: pointers))
    }
}

/// An optimizer running exactly `passes` (nil: all of them).
func optimizer(_ passes: [String]?) throws -> Optimizer {
    var o = Optimizer()
    if let passes { try o.setEnabledPasses(passes) }
    return o
}

/// The operations of `text` after `passes`, printed (without the header line).
func optimizedText(_ text: String, passes: [String]?, options: TracePrinter.Options = .init()) throws -> String {
    let w = IRTestWorld(nurseryBytes: 1 << 20)
    let trace = try w.optParser().parse(text)
    let result = try optimizer(passes).run(trace)
    return w.printer(options).print(result.trace).split(separator: "\n").dropFirst().joined(separator: "\n")
}

/// The configurations every differential test runs: no pass, all passes, each pass alone.
let passConfigurations: [[String]?] = [[], nil] + Optimizer().passNames.map { [$0] }

/// What one run of a trace did, as the guest sees it: how it left (finish values, the rebuilt frames of the
/// guard it failed at, or a jump out) and, to compare memory effects, the objects it started from.
struct Observation {
    enum Exit {
        case finished([ConcreteValue])
        case resumed(codeIDs: [Int], pcs: [Int], values: [[ConcreteValue]])
        case jumped(LoopToken, [ConcreteValue])
        case outOfMemory
    }
    let exit: Exit
    let roots: [Ref]
    let heap: Heap
}

/// Runs `trace` (after `passes`) in `world` from `inputs`; `roots` are the objects the inputs consist of.
func observe(_ trace: Trace, passes: [String]?, world: IRTestWorld, inputs: [ConcreteValue], roots: [Ref]) throws -> Observation {
    try observe(trace, optimizer: try optimizer(passes), world: world, inputs: inputs, roots: roots)
}

/// Runs `trace` after `optimizer` in `world` from `inputs`.
func observe(_ trace: Trace, optimizer: Optimizer, world: IRTestWorld, inputs: [ConcreteValue], roots: [Ref]) throws -> Observation {
    world.heap.rootScanners.append { heap in for r in roots { heap.markRoot(r) } }
    let optimized = try optimizer.run(trace).trace
    let exit = try IRExecutor(trace: optimized, heap: world.heap).run(inputs)
    let result: Observation.Exit
    switch exit.reason {
    case .finished: result = .finished(exit.values)
    case .jumped(let token): result = .jumped(token, exit.values)
    case .outOfMemory: result = .outOfMemory
    case .guardFailed:
        let state = try optimized.resumeState(for: exit, heap: world.heap)
        result = .resumed(codeIDs: state.frames.map(\.codeID), pcs: state.frames.map(\.pc),
                          values: state.frames.map { $0.locals + $0.stack })
    }
    return Observation(exit: result, roots: roots, heap: world.heap)
}

/// Compares two observations structurally: objects that existed before the run must correspond one to one (by
/// position in `roots`) and hold equal contents afterwards; objects made during the run (allocated or
/// materialised from virtuals) must have equal layouts and contents, consistently (one object of a run pairs with
/// one of the other).
struct ObservationComparator {
    let a: Observation, b: Observation
    var pairs: [UInt: UInt] = [:], reverse: [UInt: UInt] = [:]
    var pending: [(UInt, UInt)] = []
    var problems: [String] = []

    init(_ a: Observation, _ b: Observation) {
        self.a = a
        self.b = b
        for (x, y) in zip(a.roots, b.roots) { _ = pair(x.bits, y.bits, "input object") }
    }

    mutating func pair(_ x: UInt, _ y: UInt, _ what: String) -> Bool {
        if x == 0 || y == 0 {
            if x != y { problems.append("\(what): null vs non-null") }
            return x == y
        }
        if let p = pairs[x] { if p != y { problems.append("\(what): object identity differs") }; return p == y }
        if reverse[y] != nil { problems.append("\(what): object identity differs"); return false }
        pairs[x] = y
        reverse[y] = x
        pending.append((x, y))
        return true
    }

    mutating func compare(_ x: ConcreteValue, _ y: ConcreteValue, _ what: String) {
        switch (x, y) {
        case (.ref(let r), .ref(let s)): _ = pair(r.bits, s.bits, what)
        default: if x != y { problems.append("\(what): \(x) vs \(y)") }
        }
    }

    mutating func compareLists(_ x: [ConcreteValue], _ y: [ConcreteValue], _ what: String) {
        guard x.count == y.count else { problems.append("\(what): \(x.count) values vs \(y.count)"); return }
        for (k, (u, v)) in zip(x, y).enumerated() { compare(u, v, "\(what) #\(k)") }
    }

    /// Compares the contents of every paired object (transitively).
    mutating func drain() {
        while let (x, y) = pending.popLast() {
            let rx = Ref(bits: x), ry = Ref(bits: y)
            guard Heap.typeID(of: rx) == Heap.typeID(of: ry) else { problems.append("objects of different layouts"); continue }
            let d = a.heap.descriptor(of: rx)
            for (f, name) in zip(d.fields, d.fieldNames) {
                let u = rx.pointer.load(fromByteOffset: Int(f.offset), as: UInt64.self)
                let v = ry.pointer.load(fromByteOffset: Int(f.offset), as: UInt64.self)
                compare(ConcreteValue(word: u, type: IRType(f.kind)), ConcreteValue(word: v, type: IRType(f.kind)), "\(d.name).\(name)")
            }
            if case .refs(let countOffset) = d.tail {
                let n = rx.pointer.load(fromByteOffset: countOffset, as: Int.self)
                for k in 0..<max(0, n) {
                    let u = rx.pointer.load(fromByteOffset: d.fixedSize + 8 * k, as: UInt.self)
                    let v = ry.pointer.load(fromByteOffset: d.fixedSize + 8 * k, as: UInt.self)
                    _ = pair(u, v, "\(d.name)[\(k)]")
                }
            }
        }
    }

    /// Every difference between the observations (empty: equivalent).
    mutating func differences() -> [String] {
        switch (a.exit, b.exit) {
        case (.finished(let x), .finished(let y)): compareLists(x, y, "finish value")
        case (.jumped(let s, let x), .jumped(let t, let y)):
            if s != t { problems.append("jumped to \(s) vs \(t)") }
            compareLists(x, y, "jump value")
        case (.outOfMemory, .outOfMemory): break
        case (.resumed(let c1, let p1, let v1), .resumed(let c2, let p2, let v2)):
            if c1 != c2 || p1 != p2 { problems.append("resumed at code \(c1) pc \(p1) vs code \(c2) pc \(p2)") }
            if v1.count == v2.count { for (k, (x, y)) in zip(v1, v2).enumerated() { compareLists(x, y, "frame \(k)") } }
        default:
            problems.append("left differently: \(a.exit) vs \(b.exit)")
        }
        drain()
        return problems
    }
}

/// Gives every guard of `trace` a one-frame snapshot at pc = its number, so that leaving through different
/// guards is visible in the resume state.
func numberingResumePoints(_ trace: Trace) -> Trace {
    var t = trace
    for k in t.ops.indices {
        guard var g = t.ops[k].guardInfo else { continue }
        for f in g.snapshot.frames.indices { g.snapshot.frames[f].pc = 1000 + g.number }
        t.ops[k].guardInfo = g
    }
    return t
}

/// Runs `text` under every configuration in fresh worlds built by `inputs` and expects every run to be
/// indistinguishable from the unoptimized one. `inputs` returns the input values and the objects they consist of.
func expectEquivalentUnderAllPasses(_ text: String, _ label: String = "",
                                    inputs: (IRTestWorld) -> (values: [ConcreteValue], roots: [Ref]),
                                    sourceLocation: SourceLocation = #_sourceLocation) throws {
    var reference: Observation? = nil
    for passes in passConfigurations {
        let w = IRTestWorld(nurseryBytes: 1 << 20)
        let (values, roots) = inputs(w)
        let trace = numberingResumePoints(try w.optParser().parse(text))
        let o = try observe(trace, passes: passes, world: w, inputs: values, roots: roots)
        guard let ref = reference else { reference = o; continue }
        var c = ObservationComparator(ref, o)
        let d = c.differences()
        #expect(d.isEmpty, "\(label) passes \(passes.map { $0.joined(separator: ",") } ?? "all"): \(d)", sourceLocation: sourceLocation)
    }
}
