/// A violation of the IR's rules: which operation (nil for the input arguments) and what was wrong.
public struct IRVerificationError: Error, Hashable, Sendable, CustomStringConvertible {
    public let opIndex: Int?
    public let message: String

    public var description: String {
        guard let i = opIndex else { return "input arguments: \(message)" }
        return "op \(i): \(message)"
    }
}

/// Checks the rules every trace must keep, so that a recorder or pass bug is caught where it happens rather than
/// as a wrong result in the backend:
/// - every variable is defined once, before its uses; after a `label` only the label's arguments (and what
///   follows) are visible;
/// - argument counts and types, result types and descriptor kinds match the opcode;
/// - every guard (and only a guard) has resume data whose values are defined, with at least one frame, and a
///   number no other guard of the trace has;
///   `guard_no_overflow`/`guard_overflow` directly follow an `*_ovf` operation;
/// - a `jump` matches its `label`'s arity and types (the label in this trace, else `externalLoops`);
/// - the trace ends with its only `jump` or `finish`.
public struct TraceVerifier {
    /// The argument types of loops other traces may jump to (a bridge's target), by token.
    public var externalLoops: [LoopToken: [IRType]]

    public init(externalLoops: [LoopToken: [IRType]] = [:]) { self.externalLoops = externalLoops }

    /// Every rule `trace` breaks, in order.
    public func errors(in trace: Trace) -> [IRVerificationError] {
        var run = VerifierRun(trace: trace, externalLoops: externalLoops)
        run.check()
        return run.errors
    }

    /// Throws the first broken rule.
    public func verify(_ trace: Trace) throws {
        if let first = errors(in: trace).first { throw first }
    }
}

/// Where a verification run collects its errors.
private final class ErrorLog {
    var errors: [IRVerificationError] = []
}

/// One verification pass over one trace.
private struct VerifierRun {
    let trace: Trace
    let externalLoops: [LoopToken: [IRType]]
    /// The broken rules found so far (a reference, so that reporting one does not mutate the run).
    let log = ErrorLog()
    var errors: [IRVerificationError] { log.errors }
    /// Variables defined so far, by number.
    var defined: [Bool]
    /// Variables usable at this point (reset at each label).
    var visible: [Bool]
    var labels: [LoopToken: [IRType]] = [:]
    var guardNumbers = Set<Int>()
    var index: Int? = nil

    init(trace: Trace, externalLoops: [LoopToken: [IRType]]) {
        self.trace = trace
        self.externalLoops = externalLoops
        defined = Array(repeating: false, count: trace.variableCount)
        visible = defined
    }

    /// Records a broken rule; `message` is formatted only then (verification of a valid trace builds no strings).
    func fail(_ message: @autoclosure () -> String) { log.errors.append(IRVerificationError(opIndex: index, message: message())) }

    func name(_ v: IRValue) -> String {
        if v.isVariable { return "\(trace.type(of: v).namePrefix)\(v.variableNumber)" }
        if let c = trace.constantValue(v) { return c.description }
        return v.isNone ? "none" : "invalid constant #\(v.constantIndex)"
    }

    mutating func check() {
        for v in trace.inputArgs { define(v, as: nil) }
        var ended = false
        for (i, op) in trace.ops.enumerated() {
            index = i
            if ended { fail("\(op.opcode) after the trace's final jump/finish"); ended = false }
            check(op, at: i)
            if op.opcode == .jump || op.opcode == .finish { ended = true }
        }
        index = trace.ops.isEmpty ? nil : trace.ops.count - 1
        if !ended { fail("the trace does not end with jump or finish") }
    }

    /// Marks `v` defined (and visible); `type` is the type it must have (nil: any non-void).
    mutating func define(_ v: IRValue, as type: IRType?) {
        guard v.isVariable, v.variableNumber < trace.variableCount else { return fail("result \(name(v)) is not a declared variable") }
        let actual = trace.type(of: v)
        if actual == .void { fail("\(name(v)) has no type") }
        if let type, actual != type { fail("result \(name(v)) has type \(actual), expected \(type)") }
        if defined[v.variableNumber] { fail("\(name(v)) is defined twice") }
        defined[v.variableNumber] = true
        visible[v.variableNumber] = true
    }

    /// Checks that `v` may be used here; returns its type (nil if invalid).
    @discardableResult
    func use(_ v: IRValue, _ what: @autoclosure () -> String) -> IRType? {
        if v.isConstant {
            guard let c = trace.constantValue(v) else { fail("\(what()) is \(name(v))"); return nil }
            return c.type
        }
        guard v.isVariable, v.variableNumber < trace.variableCount else { fail("\(what()) is \(name(v))"); return nil }
        if !defined[v.variableNumber] { fail("\(what()) \(name(v)) is used before it is defined"); return nil }
        if !visible[v.variableNumber] { fail("\(what()) \(name(v)) is defined before the label and not passed through it"); return nil }
        return trace.type(of: v)
    }

    func expect(_ v: IRValue, _ type: IRType, _ what: @autoclosure () -> String) {
        if let actual = use(v, what()), actual != type { fail("\(what()) \(name(v)) has type \(actual), expected \(type)") }
    }

    mutating func check(_ op: Operation, at i: Int) {
        let info = op.opcode.info
        func label() -> String { "\(op.opcode)" }
        if op.descr.kind != info.descriptor { fail("\(label()) needs a \(info.descriptor) descriptor, has \(op.descr.kind)") }
        if let types = info.arguments {
            if op.args.count != types.count {
                fail("\(label()) takes \(types.count) argument(s), has \(op.args.count)")
            } else {
                for (k, (a, t)) in zip(op.args, types).enumerated() { expect(a, t, "argument \(k + 1)") }
            }
        } else {
            checkSpecialArguments(op)
        }
        if info.isGuard {
            if let g = op.guardInfo {
                checkSnapshot(g.snapshot)
                if !guardNumbers.insert(g.number).inserted { fail("a second guard numbered \(g.number)") }
            } else {
                fail("\(label()) has no resume snapshot")
            }
            if op.opcode == .guardNoOverflow || op.opcode == .guardOverflow {
                if i == 0 || !trace.ops[i - 1].opcode.isOverflowChecked { fail("\(label()) does not follow an *_ovf operation") }
            }
        } else if op.guardInfo != nil {
            fail("\(label()) is not a guard but has a snapshot")
        }
        if info.result == .void {
            if !op.result.isNone { fail("\(label()) has no result, but defines \(name(op.result))") }
        } else if op.result.isNone {
            fail("\(label()) defines no result")
        } else {
            define(op.result, as: info.result)
        }
    }

    mutating func checkSpecialArguments(_ op: Operation) {
        switch op.opcode {
        case .label:
            var types: [IRType] = []
            for (k, a) in op.args.enumerated() {
                if !a.isVariable { fail("label argument \(k + 1) is \(name(a)), not a variable"); continue }
                types.append(use(a, "label argument \(k + 1)") ?? .void)
            }
            if Set(op.args).count != op.args.count { fail("label arguments repeat a variable") }
            if case .loop(let token) = op.descr {
                if labels[token] != nil { fail("a second label for \(token)") }
                labels[token] = types
            }
            visible = Array(repeating: false, count: trace.variableCount)
            for a in op.args where a.isVariable && a.variableNumber < visible.count { visible[a.variableNumber] = true }
        case .jump:
            let types = op.args.enumerated().map { use($0.element, "jump argument \($0.offset + 1)") ?? .void }
            guard case .loop(let token) = op.descr else { return }
            guard let target = labels[token] ?? externalLoops[token] else { return fail("jump to unknown \(token)") }
            if target.count != types.count {
                fail("jump passes \(types.count) argument(s), \(token)'s label takes \(target.count)")
            } else {
                for (k, (t, u)) in zip(types, target).enumerated() where t != u && t != .void {
                    fail("jump argument \(k + 1) has type \(t), \(token)'s label takes \(u)")
                }
            }
        case .finish:
            for (k, a) in op.args.enumerated() { use(a, "finish argument \(k + 1)") }
        case .setfieldGc:
            guard op.args.count == 2 else { return fail("setfield_gc takes 2 arguments, has \(op.args.count)") }
            expect(op.args[0], .ref, "argument 1")
            if case .field(let f) = op.descr { expect(op.args[1], IRType(f.kind), "argument 2") }
        case .setarrayitemGc:
            guard op.args.count == 3 else { return fail("setarrayitem_gc takes 3 arguments, has \(op.args.count)") }
            expect(op.args[0], .ref, "argument 1")
            expect(op.args[1], .int, "argument 2")
            if let t = use(op.args[2], "argument 3"), t == .float { fail("argument 3 of setarrayitem_gc must be i or r") }
        case .guardValue:
            guard op.args.count == 2 else { return fail("guard_value takes 2 arguments, has \(op.args.count)") }
            let t = use(op.args[0], "argument 1")
            if !op.args[1].isConstant { fail("argument 2 of guard_value must be a constant") }
            if let u = use(op.args[1], "argument 2"), let t, t != u { fail("guard_value compares \(t) with \(u)") }
        case .callI, .callR, .callF, .callN:
            for (k, a) in op.args.enumerated() {
                if let t = use(a, "argument \(k + 1)"), t == .float { fail("call argument \(k + 1) must be i or r (a word)") }
            }
            if case .call(let c) = op.descr {
                if !(1...3).contains(c.arity) { fail("\(c.name) takes \(c.arity) arguments; residual functions take 1 to 3") }
                if c.arity != op.args.count { fail("\(c.name) takes \(c.arity) argument(s), the call passes \(op.args.count)") }
            }
        default:
            fail("\(op.opcode) has no argument rule")
        }
    }

    func checkSnapshot(_ s: Snapshot) {
        if s.frames.isEmpty { fail("the resume snapshot has no frame") }
        // Snapshots describe few virtuals: a linear search beats hashing every value checked.
        let virtualValues = s.virtuals.map(\.value)
        func checkValue(_ v: IRValue, _ what: @autoclosure () -> String) {
            if !virtualValues.isEmpty && virtualValues.contains(v) { return }
            use(v, what())
        }
        for (k, frame) in s.frames.enumerated() {
            for (j, v) in frame.locals.enumerated() { checkValue(v, "snapshot frame \(k) local \(j)") }
            for (j, v) in frame.stack.enumerated() { checkValue(v, "snapshot frame \(k) stack item \(j)") }
        }
        for virtual in s.virtuals {
            if !virtual.value.isVariable || trace.type(of: virtual.value) != .ref {
                fail("virtual \(name(virtual.value)) is not a reference variable")
            }
            for f in virtual.fields {
                if f.field.typeID != virtual.layout.id { fail("virtual \(name(virtual.value)) has a field of another layout") }
                checkValue(f.value, "field of virtual \(name(virtual.value))")
                let t = virtualValues.contains(f.value) ? IRType.ref : trace.type(of: f.value)
                if t != IRType(f.field.kind) { fail("field of virtual \(name(virtual.value)) holds \(name(f.value)), expected \(IRType(f.field.kind))") }
            }
        }
    }
}
