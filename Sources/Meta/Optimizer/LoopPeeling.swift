/// `peel`: loop peeling with loop-invariant code motion, in PyPy's shape. A loop
///
/// ```
/// label(x..., descr=Loop0)  body  jump(y..., descr=Loop0)
/// ```
///
/// becomes a *preamble* — the first iteration, unchanged, still under `Loop0`, so whatever enters the loop enters
/// there — that falls into the *peeled loop*:
///
/// ```
/// label(x..., descr=Loop0)  body  label(y..., e..., descr=Loop1000)  body'  jump(y'..., e..., descr=Loop1000)
/// ```
///
/// `body'` is a copy of the body without its loop-invariant operations: pure operations (and `elidable` calls)
/// whose operands are invariant, loads from invariant objects of fields (array layouts) the loop never writes
/// (stores into objects the loop allocates do not count) when it makes no residual call that may write (effect
/// `any`), `*_ovf` operations on invariant operands with their
/// `guard_no_overflow`, and guards on invariant values — each computed and checked once, in the preamble. A value
/// is invariant if it is a constant, a label argument the jump passes back unchanged, or the result of an
/// invariant operation. Invariant results the copy still needs are carried as extra label arguments `e...`.
/// Copied guards get fresh numbers; the peeled loop's token comes from `OptimizationContext.peeledLoopToken`.
///
/// The later passes then see the preamble and the loop body apart (knowledge stops at the second label), except
/// `virtuals`, which passes boxes that flow around the loop as their fields.
///
/// The hoisted operations and the peeled label's arguments are also recorded as the loop's `ShortPreamble`, with
/// which a bridge can jump into the peeled loop.
///
/// Not done: traces with more than one label (already peeled).
public struct LoopPeeling: OptimizationPass {
    public let name = "peel"
    public let summary = "loop peeling: a preamble and a peeled loop body, loop-invariant operations hoisted"
    public init() {}

    public func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        let ops = input.trace.ops
        guard let loop = LoopShape(input.trace), ops.filter({ $0.opcode == .label }).count == 1,
              case .loop(let token) = ops[loop.label].descr else { return input }
        let body = (loop.label + 1)..<loop.jump
        let invariant = invariantOperations(ops, labelAt: loop.label, jumpAt: loop.jump)
        let loopToken = context.peeledLoopToken(token)

        var rw = TraceRewriter(input)
        for k in 0..<loop.jump { rw.keep(k) }

        // The copy's names: label arguments become the peeled label's, invariant results keep their preamble
        // names (carried through the label), everything else is renamed.
        let x = ops[loop.label].args, y = ops[loop.jump].args
        var invariantResults = Set<IRValue>()
        for k in body where invariant.contains(k) && !ops[k].result.isNone { invariantResults.insert(ops[k].result) }
        var needed: [IRValue] = []
        func need(_ v: IRValue) {
            if invariantResults.contains(v), !y.contains(v), !needed.contains(v) { needed.append(v) }
        }
        for k in body where !invariant.contains(k) {
            ops[k].args.forEach(need)
            ops[k].guardInfo?.snapshot.failArgs.forEach(need)
        }
        y.forEach(need)

        // A bridge passes its own slots for the label's first arguments. Where the jump passes a hoisted result
        // for a slot, the body takes that argument for both (on the way from the preamble they are equal): no
        // short preamble then.
        if !y.contains(where: invariantResults.contains) {
            context.shortPreamble = ShortPreamble(preamble: token, body: loopToken, inputs: x,
                                                  ops: body.filter(invariant.contains).map { ops[$0] },
                                                  arguments: x + needed, in: input.trace)
        }
        let labelArgs = rw.labelArguments(for: y + needed, context: &context)
        rw.emit(Operation(.label, args: labelArgs, descr: .loop(loopToken), annotation: ops[loop.label].annotation), id: context.newOpID())
        var rename: [IRValue: IRValue] = [:]
        for (i, v) in x.enumerated() { rename[v] = labelArgs[i] }
        for (i, v) in needed.enumerated() { rename[v] = labelArgs[y.count + i] }
        func renamed(_ v: IRValue) -> IRValue { rename[v] ?? v }

        for k in body where !invariant.contains(k) {
            var op = ops[k]
            op.args = op.args.map(renamed)
            if !op.result.isNone {
                let fresh = rw.newVariable(input.trace.type(of: op.result))
                rename[op.result] = fresh
                op.result = fresh
            }
            if var g = op.guardInfo {
                g.number = context.newGuardNumber(copying: g.number)
                for f in g.snapshot.frames.indices {
                    g.snapshot.frames[f].locals = g.snapshot.frames[f].locals.map(renamed)
                    g.snapshot.frames[f].stack = g.snapshot.frames[f].stack.map(renamed)
                }
                for v in g.snapshot.virtuals.indices {
                    for j in g.snapshot.virtuals[v].fields.indices {
                        g.snapshot.virtuals[v].fields[j].value = renamed(g.snapshot.virtuals[v].fields[j].value)
                    }
                }
                op.guardInfo = g
            }
            rw.emit(op, id: context.newOpID())
        }
        var jump = ops[loop.jump]
        jump.args = y.map(renamed) + needed
        jump.descr = .loop(loopToken)
        rw.emit(jump, id: input.opIDs[loop.jump])
        return rw.finish()
    }

    /// The indices of the body's loop-invariant operations (see the type's documentation).
    private func invariantOperations(_ ops: [Operation], labelAt label: Int, jumpAt jump: Int) -> Set<Int> {
        let x = ops[label].args, y = ops[jump].args
        var values = Set<IRValue>()
        for (i, v) in x.enumerated() where y[i] == v { values.insert(v) }
        var writtenFields = Set<FieldDescriptor>(), writtenArrays = Set<Layout>()
        var writesAnything = false
        // Objects allocated in the body are never an invariant object (which existed before the loop): stores
        // into them do not keep loads from being hoisted.
        var allocated = Set<IRValue>()
        for op in ops[(label + 1)..<jump] {
            switch (op.opcode, op.descr) {
            case (.newWithVtable, _): allocated.insert(op.result)
            case (.setfieldGc, .field(let f)) where !allocated.contains(op.args[0]): writtenFields.insert(f)
            case (.setarrayitemGc, .array(let l)) where !allocated.contains(op.args[0]): writtenArrays.insert(l)
            case (.callI, .call(let c)), (.callR, .call(let c)), (.callF, .call(let c)), (.callN, .call(let c)):
                if c.effect == .any { writesAnything = true }
            default: break
            }
        }
        var result = Set<Int>()
        var k = label + 1
        while k < jump {
            let op = ops[k]
            let operandsInvariant = op.args.allSatisfy { $0.isConstant || values.contains($0) }
            var isInvariant = false
            if operandsInvariant {
                switch (op.opcode, op.descr) {
                case (_, _) where op.opcode.info.isPure:
                    isInvariant = true
                case (.callI, .call(let c)), (.callR, .call(let c)), (.callF, .call(let c)):
                    isInvariant = c.effect == .elidable
                case (.getfieldGcI, .field(let f)), (.getfieldGcR, .field(let f)), (.getfieldGcF, .field(let f)):
                    isInvariant = !writesAnything && !writtenFields.contains(f)
                case (.getarrayitemGcI, .array(let l)), (.getarrayitemGcR, .array(let l)):
                    isInvariant = !writesAnything && !writtenArrays.contains(l)
                case (.guardTrue, _), (.guardFalse, _), (.guardClass, _), (.guardValue, _), (.guardNonnull, _), (.guardIsnull, _):
                    isInvariant = true
                case (_, _) where op.opcode.isOverflowChecked:
                    if k + 1 < jump, ops[k + 1].opcode == .guardNoOverflow {
                        result.insert(k + 1)
                        isInvariant = true
                    }
                default:
                    break
                }
            }
            if isInvariant {
                result.insert(k)
                if !op.result.isNone { values.insert(op.result) }
            }
            k += result.contains(k + 1) && op.opcode.isOverflowChecked ? 2 : 1
        }
        return result
    }
}
