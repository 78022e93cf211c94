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
/// - across the back edge of a peeled loop, a label argument that is virtual on entry and at the jump with the
///   same shape (layout and fields, and the same shape for each field that is itself virtual) is passed as its
///   non-virtual fields instead, depth first, so objects that flow around the loop — a `Point` and the int boxes
///   in its fields — are never allocated (PyPy's virtual state at the loop label). A virtual reachable twice (two
///   label arguments, two fields, a label argument and a field) keeps its identity: it is not exploded.
///
/// Not done: virtual arrays (the IR has no array allocation).
public struct Virtuals: OptimizationPass {
    public let name = "virtuals"
    public let summary = "allocation removal: virtual objects, materialised in resume data, forced on escape"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var state = VirtualsState(rw: TraceRewriter(input))
        let ops = input.trace.ops
        guard let loop = LoopShape(input.trace), loop.label > 0 else {
            for k in ops.indices.dropLast() { state.visit(k, &context) }
            if let last = ops.indices.last, !state.jumpsIntoPeeledBody(last, &context) { state.visit(last, &context) }
            return state.rw.finish()
        }
        for k in 0..<loop.label { state.visit(k, &context) }
        // Explode the label arguments that stay virtual all the way around, with their constant fields kept
        // constant; where the jump passes other constants, pass those fields too; drop what still fails and retry.
        var exploding = state.explodableLabelArguments(ops[loop.label].args)
        var passingConstants = Set<Int>()
        while true {
            var attempt = state
            var attemptContext = context
            let how = Explosion(positions: exploding, passingConstants: passingConstants)
            let shapes = attempt.emitExplodedLabel(loop.label, how, &attemptContext)
            for k in (loop.label + 1)..<loop.jump { attempt.visit(k, &attemptContext) }
            let failed = attempt.emitExplodedJump(loop.jump, how, entry: state, &attemptContext)
            if failed.isEmpty {
                context = attemptContext
                if case .loop(let token) = ops[loop.label].descr, context.shortPreamble?.body == token {
                    context.shortPreamble?.record(shapes: shapes, in: attempt.rw.output)
                }
                return attempt.rw.finish()
            }
            for j in failed {
                if passingConstants.insert(j).inserted { continue }
                exploding.remove(j)
            }
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

/// Which label arguments are exploded, and which of those pass their constant fields through the label too.
private struct Explosion {
    var positions: Set<Int>
    var passingConstants: Set<Int>
}

/// A virtual label argument as it is exploded: its layout and annotation, and each field's value — a leaf passed
/// through the label, a constant (the same at the loop's entry and at its jump: not passed), or a nested virtual,
/// exploded in turn.
struct ExplodedVirtual: Sendable {
    enum Value {
        case passed
        case constant(IRValue)
        case nested(ExplodedVirtual)
    }
    var layout: Layout
    var annotation: Annotation?
    var fields: [(field: FieldDescriptor, value: Value)]

    /// Same layout, fields and constants, recursively.
    func hasShape(of other: ExplodedVirtual) -> Bool {
        layout == other.layout && fields.count == other.fields.count
            && zip(fields, other.fields).allSatisfy { a, b in
                guard a.field == b.field else { return false }
                switch (a.value, b.value) {
                case (.passed, .passed): return true
                case (.constant(let x), .constant(let y)): return x == y
                case (.nested(let x), .nested(let y)): return x.hasShape(of: y)
                default: return false
                }
            }
    }
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
        visit(rw.input.trace.ops[k], id: rw.input.opIDs[k], at: k, &context)
    }

    /// Rewrites `input` (input operation `k`, or one the pass made, then `k` is nil).
    mutating func visit(_ input: Operation, id: OpID, at k: Int?, _ context: inout OptimizationContext) {
        let op = rw.rewritten(input)
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
            rw.emitLabel(k!, context: &context)
            return
        default:
            break
        }
        rw.emit(escaping(input, &context), id: id)
    }

    /// How many times each virtual is reachable from `args` (label or jump arguments) and the fields of virtuals.
    func referenceCounts(_ args: [IRValue]) -> [IRValue: Int] {
        var counts: [IRValue: Int] = [:]
        for v in args.map({ rw.resolve($0) }) + virtuals.values.flatMap({ $0.fields.values.map { rw.resolve($0.value) } })
            where virtuals[v] != nil {
            counts[v, default: 0] += 1
        }
        return counts
    }

    /// `v` as an exploded virtual, if it and every virtual nested in it are reachable once only (per `counts`);
    /// its constant fields kept constant unless `passingConstants`.
    func exploded(_ v: IRValue, counts: [IRValue: Int], passingConstants: Bool) -> ExplodedVirtual? {
        let v = rw.resolve(v)
        guard let info = virtuals[v], counts[v] == 1 else { return nil }
        var result = ExplodedVirtual(layout: info.layout, annotation: info.annotation, fields: [])
        for f in info.sortedFields {
            let value = rw.resolve(info.fields[f]!.value)
            if virtuals[value] != nil {
                guard let nested = exploded(value, counts: counts, passingConstants: passingConstants) else { return nil }
                result.fields.append((f, .nested(nested)))
            } else if value.isConstant && !passingConstants {
                result.fields.append((f, .constant(value)))
            } else {
                result.fields.append((f, .passed))
            }
        }
        return result
    }

    /// The values the exploded virtual `v` (of shape `e`) passes through a label or jump: its passed fields,
    /// depth first.
    func leaves(_ v: IRValue, _ e: ExplodedVirtual) -> [IRValue] {
        let info = virtuals[rw.resolve(v)]!
        return e.fields.flatMap { f, value -> [IRValue] in
            let field = rw.resolve(info.fields[f]!.value)
            switch value {
            case .passed: return [field]
            case .constant: return []
            case .nested(let n): return leaves(field, n)
            }
        }
    }

    /// The positions of label arguments `args` that are virtual here and can be exploded.
    func explodableLabelArguments(_ args: [IRValue]) -> Set<Int> {
        let counts = referenceCounts(args)
        return Set(args.indices.filter { exploded(args[$0], counts: counts, passingConstants: false) != nil })
    }

    /// Recreates the exploded virtual `e` under the name `v`, its leaves taken from `labelArgs` at `position`.
    mutating func recreate(_ e: ExplodedVirtual, as v: IRValue, labelArgs: [IRValue], position: inout Int,
                           _ context: inout OptimizationContext) {
        var info = VirtualInfo(layout: e.layout, allocation: context.newOpID(), annotation: e.annotation)
        for (f, value) in e.fields {
            switch value {
            case .passed:
                info.fields[f] = (labelArgs[position], nil)
                position += 1
            case .constant(let c):
                info.fields[f] = (c, nil)
            case .nested(let nested):
                let name = rw.newVariable(.ref)
                recreate(nested, as: name, labelArgs: labelArgs, position: &position, &context)
                info.fields[f] = (name, nil)
            }
        }
        virtuals[v] = info
    }


    /// Emits the loop's label with the exploded arguments passed as their fields; in the loop body those
    /// arguments are virtuals again, whose fields are the label's new arguments (and the kept constants).
    /// Returns the shape of each exploded argument, by position.
    mutating func emitExplodedLabel(_ k: Int, _ how: Explosion, _ context: inout OptimizationContext) -> [Int: ExplodedVirtual] {
        let args = rw.input.trace.ops[k].args
        let counts = referenceCounts(args)
        var values: [IRValue] = []
        var entries: [(j: Int, v: IRValue, exploded: ExplodedVirtual)] = []
        for (j, a) in args.enumerated() {
            if how.positions.contains(j), let e = exploded(a, counts: counts, passingConstants: how.passingConstants.contains(j)) {
                values += leaves(a, e)
                entries.append((j, rw.resolve(a), e))
            } else {
                force(a, &context)
                values.append(a)
            }
        }
        let labelArgs = rw.emitLabel(k, arguments: values, context: &context)
        virtuals = [:]
        var position = 0
        for (j, _) in args.enumerated() {
            guard let entry = entries.first(where: { $0.j == j }) else { position += 1; continue }
            recreate(entry.exploded, as: entry.v, labelArgs: labelArgs, position: &position, &context)
        }
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.j, $0.exploded) })
    }

    /// Rewrites a bridge's final jump to a peeled loop's preamble (input operation `k`) into the loop's short
    /// preamble (`context.shortPreambleEntry`) and a jump into the loop's body, passing the fields of the
    /// arguments the body takes exploded — when each of those is a virtual of the same shape here. Returns false,
    /// having emitted nothing, when it cannot (the jump then goes to the preamble).
    mutating func jumpsIntoPeeledBody(_ k: Int, _ context: inout OptimizationContext) -> Bool {
        let jump = rw.input.trace.ops[k]
        guard jump.opcode == .jump, let entry = context.shortPreambleEntry,
              jump.descr == .loop(entry.shortPreamble.preamble), jump.args.count == entry.shortPreamble.inputs.count
        else { return false }
        var attempt = self
        var attemptContext = context
        let (ops, arguments) = entry.instantiate(
            slots: jump.args, newVariable: { attempt.rw.newVariable($0) }, constant: { attempt.rw.constant($0) },
            newGuard: { attemptContext.newGuardNumber(copying: entry.headerGuard) })
        for op in ops { attempt.visit(op, id: attemptContext.newOpID(), at: nil, &attemptContext) }
        let shapes = entry.shortPreamble.shapes
        for (j, a) in arguments.enumerated() where shapes[j] == nil { attempt.force(a, &attemptContext) }
        let counts = attempt.referenceCounts(arguments)
        var values: [IRValue] = []
        for (j, a) in arguments.enumerated() {
            guard let shape = shapes[j] else {
                values.append(attempt.rw.resolve(a))
                continue
            }
            guard attempt.fits(a, shape, counts: counts, constants: entry.shortPreamble.constants) else { return false }
            // A leaf the body takes as a reference may be a virtual here (a new box in a field): it is allocated.
            for leaf in attempt.leaves(a, shape) {
                attempt.force(leaf, &attemptContext)
                values.append(attempt.rw.resolve(leaf))
            }
        }
        var op = jump
        op.args = values
        op.descr = .loop(entry.shortPreamble.body)
        attempt.rw.emit(op, id: rw.input.opIDs[k])
        self = attempt
        context = attemptContext
        return true
    }

    /// Whether `v` is a virtual of shape `shape` — the same layout and fields, constant fields holding the
    /// constants `shape` names (values in `constants`), nested virtuals fitting in turn — reachable once per `counts`.
    /// A field `shape` passes may hold anything (a virtual there is forced: the body takes a real object).
    func fits(_ v: IRValue, _ shape: ExplodedVirtual, counts: [IRValue: Int], constants: [IRValue: ConcreteValue]) -> Bool {
        let v = rw.resolve(v)
        guard let info = virtuals[v], counts[v] == 1, info.layout == shape.layout, info.fields.count == shape.fields.count
        else { return false }
        return shape.fields.allSatisfy { f, expected in
            guard let value = info.fields[f].map({ rw.resolve($0.value) }) else { return false }
            switch expected {
            case .passed: return true
            case .constant(let c): return rw.constantValue(value) == constants[c]
            case .nested(let n): return fits(value, n, counts: counts, constants: constants)
            }
        }
    }

    /// Emits the final jump with the exploded arguments passed as their fields. Returns the positions where that
    /// is impossible (the value is not a virtual of the entry's shape, or is shared); the attempt is then discarded.
    mutating func emitExplodedJump(_ k: Int, _ how: Explosion, entry: VirtualsState, _ context: inout OptimizationContext) -> Set<Int> {
        let jump = rw.input.trace.ops[k]
        let labelArgs = rw.input.trace.ops.last { $0.opcode == .label && $0.descr == jump.descr }!.args
        for (j, a) in jump.args.enumerated() where !how.positions.contains(j) { force(a, &context) }
        let counts = referenceCounts(jump.args), entryCounts = entry.referenceCounts(labelArgs)
        var failed = Set<Int>()
        var shapes: [Int: ExplodedVirtual] = [:]
        for j in how.positions {
            let passing = how.passingConstants.contains(j)
            guard let entryShape = entry.exploded(labelArgs[j], counts: entryCounts, passingConstants: passing),
                  let shape = exploded(jump.args[j], counts: counts, passingConstants: passing), shape.hasShape(of: entryShape) else {
                failed.insert(j)
                continue
            }
            shapes[j] = shape
        }
        guard failed.isEmpty else { return failed }
        var values: [IRValue] = []
        for (j, a) in jump.args.enumerated() {
            values += shapes[j].map { leaves(a, $0) } ?? [rw.resolve(a)]
        }
        var op = jump
        op.args = values
        rw.emit(op, id: rw.input.opIDs[k])
        return []
    }
}
