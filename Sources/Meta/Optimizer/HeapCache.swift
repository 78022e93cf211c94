/// `heap`: the heap cache. Remembers what fields and array items hold, from loads and stores, and
/// - forwards a `getfield`/`getarrayitem` whose value is known (stored or loaded before) to that value;
/// - reads the fields of an object this trace allocated and has not written as zero;
/// - removes a store that writes the value the location already holds, and a store that a second store to the
///   same location overwrites with nothing in between that could observe the first (no load of that field, no
///   guard — a failing guard resumes the interpreter on the heap as it is — no call, no label).
///
/// A store invalidates what is known about the same field (or array) of every other object that may alias it
/// (an object the trace allocated is distinct from every other value until a store, call or jump hands it out); a residual call that may write (effect `any`; not `elidable` or
/// `readsOnly`) forgets everything; a label forgets everything. Array items are known by object, index value and layout; stores with
/// two different constant indices do not alias.
///
/// Not done: alias analysis beyond "same value", loads across a label (loop peeling hoists invariant loads).
public struct HeapCache: OptimizationPass {
    public let name = "heap"
    public let summary = "forward loads after stores and loads, remove redundant and dead stores"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var state = HeapState(rw: TraceRewriter(input))
        for k in input.trace.ops.indices { state.visit(k, &context) }
        return state.rw.finish()
    }
}

/// A memory location the cache knows: a field of an object, or an item of an object's array.
private struct Location: Hashable {
    enum Place: Hashable {
        case field(FieldDescriptor)
        case item(Layout, index: IRValue)
    }
    let object: IRValue
    let place: Place

    /// What a store to this location may overwrite: the same field, or any item of the same array layout.
    var aliasClass: AliasClass {
        switch place {
        case .field(let f): return .field(f)
        case .item(let l, _): return .array(l)
        }
    }
}

private enum AliasClass: Hashable {
    case field(FieldDescriptor)
    case array(Layout)
}

private struct HeapState {
    var rw: TraceRewriter
    /// Known contents, with the emitted index of the store that wrote them if it may still be dead.
    var known: [Location: IRValue] = [:]
    /// Stores not yet observed: a later store to the same location makes them dead.
    var pendingStores: [Location: Int] = [:]
    /// Objects this trace allocated, with the alias classes written (anywhere) since: their other fields are 0.
    var fresh: [IRValue: Set<AliasClass>] = [:]
    /// Objects this trace allocated that no store, call or jump has handed out yet: no other value can be them.
    var unescaped = Set<IRValue>()

    init(rw: TraceRewriter) { self.rw = rw }

    mutating func forgetAll() {
        known = [:]
        pendingStores = [:]
        fresh = [:]
        unescaped = []
    }

    func location(_ op: Operation) -> Location? {
        switch op.descr {
        case .field(let f): return Location(object: op.args[0], place: .field(f))
        case .array(let l): return Location(object: op.args[0], place: .item(l, index: op.args[1]))
        default: return nil
        }
    }

    /// Whether a store to `a` may change `b`.
    func mayAlias(_ a: Location, _ b: Location) -> Bool {
        guard a.aliasClass == b.aliasClass else { return false }
        if case .item(_, let i) = a.place, case .item(_, let j) = b.place, i != j,
           rw.constantValue(i) != nil, rw.constantValue(j) != nil {
            return false
        }
        return a.object == b.object || !(unescaped.contains(a.object) || unescaped.contains(b.object))
    }

    mutating func visit(_ k: Int, _ context: inout OptimizationContext) {
        let op = rw.rewritten(rw.input.trace.ops[k])
        switch op.opcode {
        case .label:
            forgetAll()
            rw.emitLabel(k, context: &context)
        case .getfieldGcI, .getfieldGcR, .getfieldGcF, .getarrayitemGcI, .getarrayitemGcR:
            guard let loc = location(op) else { return rw.keep(k) }
            pendingStores = pendingStores.filter { !mayAlias($0.key, loc) }
            if let v = known[loc] {
                rw.replace(op.result, with: v)
            } else if let written = fresh[loc.object], !written.contains(loc.aliasClass), case .field = loc.place {
                rw.replace(op.result, with: rw.constant(OpEvaluation.zero(op.opcode.info.result)))
            } else {
                rw.keep(k)
                known[loc] = op.result
            }
        case .setfieldGc, .setarrayitemGc:
            guard let loc = location(op) else { return rw.keep(k) }
            let value = op.args[op.args.count - 1]
            if known[loc] == value { return }
            if let dead = pendingStores[loc] { rw.delete(emittedAt: dead) }
            known = known.filter { !mayAlias($0.key, loc) }
            pendingStores = pendingStores.filter { !mayAlias($0.key, loc) }
            for object in fresh.keys where mayAlias(Location(object: object, place: loc.place), loc) {
                fresh[object]!.insert(loc.aliasClass)
            }
            unescaped.remove(value)
            pendingStores[loc] = rw.emittedCount
            known[loc] = value
            rw.keep(k)
        case .newWithVtable:
            rw.keep(k)
            fresh[op.result] = []
            unescaped.insert(op.result)
        case .callI, .callR, .callF, .callN:
            for a in op.args { unescaped.remove(a) }
            if case .call(let c) = op.descr, c.effect != .any {
                // It may read what was stored, but writes nothing.
                pendingStores = [:]
            } else {
                forgetAll()
            }
            rw.keep(k)
        default:
            if op.opcode.info.isGuard || op.opcode == .jump || op.opcode == .finish { pendingStores = [:] }
            rw.keep(k)
        }
    }
}
