/// `virtuals`: allocation removal. An object the trace allocates (`new_with_vtable`) stays *virtual* — its
/// fields are tracked as IR values, no memory is allocated — for as long as only its own fields are read and
/// written and its class, nullness and identity are checked:
/// - `getfield` on a virtual becomes the tracked value (0 for a field never written), `setfield` on it goes,
///   `guard_class`/`guard_nonnull` on it go, `ptr_eq` with it is decided (a virtual is no other object);
/// - a guard's resume snapshot describes each virtual it mentions (`virtual p5 = W_Int(intval=i4)`), so a failing
///   guard materialises the object only then;
/// - a virtual *escapes* when anything else uses it (a call, a store into a non-virtual object, an array
///   operation, `finish`, a `jump` out): it is *forced* right there — allocated and its fields stored — and is
///   an ordinary object from then on;
/// - across the back edge of a peeled loop, a label argument that is virtual on entry and at the jump (same
///   layout and fields, fields not virtual themselves) is passed as its fields instead, so boxes that flow around
///   the loop are never allocated (PyPy's virtual state at the loop label).
///
/// Not done: virtual arrays (the IR has no array allocation), virtuals nested in label arguments.
public struct Virtuals: OptimizationPass {
    public let name = "virtuals"
    public let summary = "allocation removal: virtual objects, materialised in resume data, forced on escape"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var state = VirtualsState(rw: TraceRewriter(input))
        let ops = input.trace.ops
        guard let loop = LoopShape(input.trace), loop.label > 0 else {
            for k in ops.indices { state.visit(k, &context) }
            return state.rw.finish()
        }
        for k in 0..<loop.label { state.visit(k, &context) }
        // Explode the label arguments that stay virtual all the way around; drop the ones that do not and retry.
        var exploded = state.explodableLabelArguments(ops[loop.label].args)
        while true {
            var attempt = state
            var attemptContext = context
            attempt.emitExplodedLabel(loop.label, exploding: exploded, &attemptContext)
            for k in (loop.label + 1)..<loop.jump { attempt.visit(k, &attemptContext) }
            let failed = attempt.emitExplodedJump(loop.jump, exploding: exploded, entry: state, &attemptContext)
            if failed.isEmpty {
                context = attemptContext
                return attempt.rw.finish()
            }
            exploded.subtract(failed)
        }
    }
}

/// An object the trace has not allocated: its layout, its fields' values and the operations that would have
/// allocated and stored them (their identities are reused when the object is forced).
private struct VirtualInfo {
    var layout: Layout
    var fields: [FieldDescriptor: (value: IRValue, store: OpID?)] = [:]
    var allocation: OpID
    var annotation: Annotation?

    var sortedFields: [FieldDescriptor] { fields.keys.sorted { $0.offset < $1.offset } }
}

private struct VirtualsState {
    var rw: TraceRewriter
    var virtuals: [IRValue: VirtualInfo] = [:]

    init(rw: TraceRewriter) { self.rw = rw }

    func virtual(_ v: IRValue) -> VirtualInfo? { virtuals[rw.resolve(v)] }

    /// Allocates the virtual `v` (if it is one) here, stores its fields, and makes it an ordinary value.
    mutating func force(_ v: IRValue, _ context: inout OptimizationContext) {
        let v = rw.resolve(v)
        guard let info = virtuals.removeValue(forKey: v) else { return }
        rw.emit(Operation(.newWithVtable, result: v, args: [], descr: .size(info.layout), annotation: info.annotation), id: info.allocation)
        for f in info.sortedFields {
            let (value, store) = info.fields[f]!
            force(value, &context)
            rw.emit(Operation(.setfieldGc, args: [v, rw.resolve(value)], descr: .field(f), annotation: info.annotation),
                    id: store ?? context.newOpID())
        }
    }

    /// `op` rewritten, with every virtual argument forced and virtuals described in its snapshot.
    mutating func escaping(_ op: Operation, _ context: inout OptimizationContext) -> Operation {
        for a in op.args { force(a, &context) }
        var op = rw.rewritten(op)
        if var g = op.guardInfo {
            g.snapshot = describingVirtuals(g.snapshot)
            op.guardInfo = g
        }
        return op
    }

    /// `s` (already rewritten) with a `virtual` entry for each virtual it reaches.
    func describingVirtuals(_ s: Snapshot) -> Snapshot {
        var s = s
        var described = Set(s.virtuals.map(\.value))
        var pending = s.frames.flatMap { $0.locals + $0.stack } + s.virtuals.flatMap { $0.fields.map(\.value) }
        while let v = pending.popLast() {
            guard let info = virtuals[v], described.insert(v).inserted else { continue }
            let fields = info.sortedFields.map { VirtualField(field: $0, value: rw.resolve(info.fields[$0]!.value)) }
            s.virtuals.append(VirtualObject(value: v, layout: info.layout, fields: fields))
            pending.append(contentsOf: fields.map(\.value))
        }
        return s
    }

    mutating func visit(_ k: Int, _ context: inout OptimizationContext) {
        let input = rw.input.trace.ops[k]
        let op = rw.rewritten(input)
        let id = rw.input.opIDs[k]
        switch op.opcode {
        case .newWithVtable:
            if case .size(let layout) = op.descr {
                virtuals[op.result] = VirtualInfo(layout: layout, allocation: id, annotation: op.annotation)
                return
            }
        case .setfieldGc:
            if virtual(op.args[0]) != nil, case .field(let f) = op.descr {
                virtuals[op.args[0]]!.fields[f] = (op.args[1], id)
                return
            }
        case .getfieldGcI, .getfieldGcR, .getfieldGcF:
            if let info = virtual(op.args[0]), case .field(let f) = op.descr {
                let value = info.fields[f]?.value ?? rw.constant(OpEvaluation.zero(op.opcode.info.result))
                rw.replace(op.result, with: value)
                return
            }
        case .guardClass:
            if let info = virtual(op.args[0]), op.descr == .size(info.layout) { return }
        case .guardNonnull:
            if virtual(op.args[0]) != nil { return }
        case .sameAsR:
            if virtual(op.args[0]) != nil {
                rw.replace(op.result, with: op.args[0])
                return
            }
        case .ptrEq, .ptrNe:
            if virtual(op.args[0]) != nil || virtual(op.args[1]) != nil {
                let equal = op.args[0] == op.args[1]
                rw.replace(op.result, with: rw.constant(.int(equal == (op.opcode == .ptrEq) ? 1 : 0)))
                return
            }
        case .label:
            for a in op.args { force(a, &context) }
            virtuals = [:]
            rw.emitLabel(k, context: &context)
            return
        default:
            break
        }
        rw.emit(escaping(input, &context), id: id)
    }

    /// The positions of label arguments `args` that are virtual here, with fields that are not virtual, and that
    /// no other position shares.
    func explodableLabelArguments(_ args: [IRValue]) -> Set<Int> {
        let resolved = args.map(rw.resolve)
        let referenced = Set(virtuals.values.flatMap { $0.fields.values.map { rw.resolve($0.value) } })
        var result = Set<Int>()
        for (k, v) in resolved.enumerated() {
            guard let info = virtuals[v], resolved.filter({ $0 == v }).count == 1, !referenced.contains(v),
                  info.fields.values.allSatisfy({ virtual($0.value) == nil }) else { continue }
            result.insert(k)
        }
        return result
    }

    /// Emits the loop's label with the virtual arguments at positions `exploding` passed as their fields; in the
    /// loop body those arguments are virtuals whose fields are the label's new arguments.
    mutating func emitExplodedLabel(_ k: Int, exploding: Set<Int>, _ context: inout OptimizationContext) {
        let args = rw.input.trace.ops[k].args
        var values: [IRValue] = []
        for (j, a) in args.enumerated() {
            if exploding.contains(j), let info = virtual(a) {
                values += info.sortedFields.map { info.fields[$0]!.value }
            } else {
                force(a, &context)
                values.append(a)
            }
        }
        let entryVirtuals = exploding.sorted().map { (j: $0, v: rw.resolve(args[$0]), info: virtual(args[$0])!) }
        let labelArgs = rw.emitLabel(k, arguments: values, context: &context)
        virtuals = [:]
        var position = 0
        for (j, a) in args.enumerated() {
            guard let entry = entryVirtuals.first(where: { $0.j == j }) else { position += 1; continue }
            var info = VirtualInfo(layout: entry.info.layout, allocation: context.newOpID(), annotation: entry.info.annotation)
            for f in entry.info.sortedFields {
                info.fields[f] = (labelArgs[position], nil)
                position += 1
            }
            virtuals[rw.resolve(a)] = info
        }
    }

    /// Emits the final jump with the arguments at `exploding` passed as their fields. Returns the positions where
    /// that is impossible (the value is not a virtual with the entry's layout and fields, or is shared); the attempt is
    /// then discarded.
    mutating func emitExplodedJump(_ k: Int, exploding: Set<Int>, entry: VirtualsState, _ context: inout OptimizationContext) -> Set<Int> {
        let jump = rw.input.trace.ops[k]
        let labelArgs = rw.input.trace.ops.last { $0.opcode == .label && $0.descr == jump.descr }!.args
        for (j, a) in jump.args.enumerated() where !exploding.contains(j) { force(a, &context) }
        let resolved = jump.args.map(rw.resolve)
        var failed = Set<Int>()
        for j in exploding {
            guard let entryInfo = entry.virtual(labelArgs[j]), let info = virtual(jump.args[j]),
                  info.layout == entryInfo.layout, Set(info.fields.keys) == Set(entryInfo.fields.keys),
                  resolved.filter({ $0 == resolved[j] }).count == 1,
                  info.fields.values.allSatisfy({ virtual($0.value) == nil }) else {
                failed.insert(j)
                continue
            }
        }
        guard failed.isEmpty else { return failed }
        var values: [IRValue] = []
        for (j, a) in jump.args.enumerated() {
            if exploding.contains(j), let info = virtual(a) {
                values += info.sortedFields.map { rw.resolve(info.fields[$0]!.value) }
            } else {
                values.append(rw.resolve(a))
            }
        }
        var op = jump
        op.args = values
        rw.emit(op, id: rw.input.opIDs[k])
        return []
    }
}
