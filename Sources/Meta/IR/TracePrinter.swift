/// Prints traces in the text form of PyPy's `jit-log-opt` (DESIGN §6), deterministically (no addresses):
///
/// ```
/// # Loop 0 (run:5 #12 LOAD_FAST) : loop with 7 ops
/// [p0, i1, i2]
/// label(p0, i1, i2, descr=Loop0)
/// guard_class(p5, W_Int) [p0, i1, p5]
/// i6 = getfield_gc_i(p5, descr=W_Int.intval)
/// ```
///
/// Constants print as `42`, `1.5`, `ConstClass(name)` for references the caller can name, and otherwise
/// `ConstPtr(ptrN)`, numbered by first appearance (`ConstPtr(null)` for null). Residual calls print their function
/// as the first argument: `p7 = call_r(ConstClass(add), p5, p6)`. Array descriptors print their layout's name, or
/// `<Array layout=ID base=OFFSET>` when the items do not follow a registered layout. `TraceParser` reads all of it
/// back.
///
/// With `Options.snapshots`, each guard is followed by its resume snapshot, one indented line per frame
/// (outermost first) and per virtual object:
///
/// ```
/// guard_true(i6) [p0, i3]
///     frame 'run' code=1 pc=21 locals=[p0, ConstPtr(null)] stack=[p9]
///     virtual p9 = W_Int(intval=i3)
/// ```
public struct TracePrinter {
    /// What to print beyond the plain `jit-log-opt` form.
    public struct Options: Hashable, Sendable {
        /// Each operation's cross-layer annotation as a trailing comment:
        /// `# run:5 #12 LOAD_FAST @ MiniPy/Interpreter.swift:320`.
        public var annotations = false
        /// Each guard's resume snapshot, on indented lines after it (`frame ...`, `virtual ...`).
        public var snapshots = false
        /// Each guard's number, as its descriptor: `guard_true(i5, descr=<Guard3>)`.
        public var guardNumbers = false

        public init(annotations: Bool = false, snapshots: Bool = false, guardNumbers: Bool = false) {
            self.annotations = annotations
            self.snapshots = snapshots
            self.guardNumbers = guardNumbers
        }
    }

    public let registry: TypeRegistry
    public var options: Options
    /// A readable name for a reference constant (a class, a builtin object), printed `ConstClass(name)`; nil for
    /// none.
    public var refName: (Ref) -> String?

    public init(registry: TypeRegistry, options: Options = Options(), refName: @escaping (Ref) -> String? = { _ in nil }) {
        self.registry = registry
        self.options = options
        self.refName = refName
    }

    /// The full text of `trace`: header, input arguments, one line per operation (plus snapshot lines).
    public func print(_ trace: Trace) -> String {
        var state = PrintState(printer: self, trace: trace)
        return state.traceText()
    }

    /// The text of each operation of `trace`, as `print` writes it (with its snapshot lines, if the option is on),
    /// without the header: what a diff of two traces shows line by line.
    public func operationTexts(_ trace: Trace) -> [String] {
        var state = PrintState(printer: self, trace: trace)
        return trace.ops.map { op in
            state.out = ""
            state.operation(op)
            return String(state.out.dropLast())
        }
    }

    /// The values of a guard's snapshot as its frames and virtuals print (see `Options.snapshots`): each frame's
    /// locals and stack, and each virtual object as `p9 = W_Int(intval=i3)`, with pointer constants numbered as in
    /// `print`. Nil when op `opIndex` of `trace` is not a guard.
    public func snapshotTexts(_ trace: Trace, guardAt opIndex: Int) -> SnapshotTexts? {
        guard trace.ops.indices.contains(opIndex), let g = trace.ops[opIndex].guardInfo else { return nil }
        var state = PrintState(printer: self, trace: trace)
        for op in trace.ops[...opIndex] { state.operation(op) }
        let frames = g.snapshot.frames.map { f in
            SnapshotTexts.Frame(locals: f.locals.map { state.name($0) }, stack: f.stack.map { state.name($0) })
        }
        return SnapshotTexts(frames: frames, virtuals: g.snapshot.virtuals.map { state.virtualText($0) })
    }

    /// A snapshot's values as text (`snapshotTexts`): frames outermost first, as the snapshot lists them.
    public struct SnapshotTexts: Hashable, Sendable {
        public struct Frame: Hashable, Sendable {
            public let locals: [String]
            public let stack: [String]
        }
        public let frames: [Frame]
        public let virtuals: [String]
    }

    /// The name of a layout, as descriptors print it.
    func layoutName(_ layout: Layout) -> String {
        let i = Int(layout.id)
        return i < registry.descriptors.count ? registry.descriptors[i].name : "<layout \(layout.id)>"
    }

    /// The name of an array descriptor: its layout's name, or, for item arrays that are not a registered layout
    /// (a guest frame's slot array), `<Array layout=ID base=OFFSET>`.
    func arrayName(_ layout: Layout) -> String {
        let i = Int(layout.id)
        if i < registry.descriptors.count, registry.descriptors[i].fixedSize == layout.fixedSize { return registry.descriptors[i].name }
        return "<Array layout=\(layout.id) base=\(layout.fixedSize)>"
    }

    /// The name of a field (`W_Int.intval`).
    func fieldName(_ field: FieldDescriptor) -> String {
        let i = Int(field.typeID)
        guard i < registry.descriptors.count, Int(field.index) < registry.descriptors[i].fieldNames.count else {
            return "<field \(field.typeID).\(field.index)>"
        }
        return registry.name(of: field)
    }
}

/// The printer's state while it prints one trace: the numbering of unnamed pointer constants.
private struct PrintState {
    let printer: TracePrinter
    let trace: Trace
    var pointerNumbers: [Ref: Int] = [:]
    var out = ""

    init(printer: TracePrinter, trace: Trace) {
        self.printer = printer
        self.trace = trace
    }

    mutating func traceText() -> String {
        switch trace.kind {
        case .loop:
            let name = trace.name.isEmpty ? "" : " (\(trace.name))"
            line("# Loop \(trace.number)\(name) : loop with \(trace.ops.count) ops")
        case .bridge(let guardNumber):
            line("# bridge out of Guard \(guardNumber) with \(trace.ops.count) ops")
        }
        line("[" + trace.inputArgs.map { name($0) }.joined(separator: ", ") + "]")
        for op in trace.ops { operation(op) }
        return out
    }

    mutating func line(_ text: String) {
        out += text
        out += "\n"
    }

    mutating func name(_ v: IRValue) -> String {
        if v.isVariable { return "\(trace.type(of: v).namePrefix)\(v.variableNumber)" }
        guard let c = trace.constantValue(v) else { return v.isNone ? "none" : "<bad constant>" }
        switch c {
        case .int(let i): return String(i)
        case .float(let d): return IRFloatText.format(d)
        case .ref(let r):
            if r.isNull { return "ConstPtr(null)" }
            if let n = printer.refName(r) { return "ConstClass(\(n))" }
            if let k = pointerNumbers[r] { return "ConstPtr(ptr\(k))" }
            let k = pointerNumbers.count
            pointerNumbers[r] = k
            return "ConstPtr(ptr\(k))"
        }
    }

    mutating func list(_ values: [IRValue]) -> String { "[" + values.map { name($0) }.joined(separator: ", ") + "]" }

    mutating func operation(_ op: Operation) {
        var items: [String] = []
        switch op.descr {
        case .call(let c): items.append("ConstClass(\(c.name))")
        default: break
        }
        for a in op.args { items.append(name(a)) }
        switch op.descr {
        case .none, .call: break
        case .field(let f): items.append("descr=" + printer.fieldName(f))
        case .rawField(let f): items.append("descr=\(f)")
        case .array(let l): items.append("descr=" + printer.arrayName(l))
        case .size(let l): items.append(op.opcode == .guardClass ? printer.layoutName(l) : "descr=" + printer.layoutName(l))
        case .loop(let token): items.append("descr=\(token)")
        case .text(let t): items.append(TraceText.quote(t))
        }
        if printer.options.guardNumbers, let g = op.guardInfo { items.append("descr=<Guard\(g.number)>") }
        var text = op.result.isNone ? "" : name(op.result) + " = "
        text += op.opcode.name + "(" + items.joined(separator: ", ") + ")"
        if let g = op.guardInfo { text += " " + list(g.snapshot.failArgs) }
        if printer.options.annotations, let a = op.annotation, let comment = TraceText.comment(a) {
            let pad = max(2, 56 - text.count)
            text += String(repeating: " ", count: pad) + "# " + comment
        }
        line(text)
        if printer.options.snapshots, let g = op.guardInfo { snapshot(g.snapshot) }
    }

    mutating func snapshot(_ s: Snapshot) {
        for f in s.frames {
            line("    frame \(TraceText.quote(f.codeName)) code=\(f.codeID) pc=\(f.pc) locals=\(list(f.locals)) stack=\(list(f.stack))")
        }
        for v in s.virtuals { line("    virtual " + virtualText(v)) }
    }

    /// `p9 = W_Int(intval=i3)`.
    mutating func virtualText(_ v: VirtualObject) -> String {
        let fields = v.fields.map { f -> String in
            let fieldName = printer.fieldName(f.field)
            let short = fieldName.split(separator: ".").last.map(String.init) ?? fieldName
            return "\(short)=\(name(f.value))"
        }
        return "\(name(v.value)) = \(printer.layoutName(v.layout))(\(fields.joined(separator: ", ")))"
    }
}

/// The pieces of the text form that the printer writes and the parser reads: quoted strings and annotation
/// comments.
enum TraceText {
    /// `'text'`, with `\` and `'` escaped by a backslash.
    static func quote(_ s: String) -> String {
        var r = "'"
        for c in s {
            if c == "\\" || c == "'" { r.append("\\") }
            if c == "\n" { r += "\\n"; continue }
            r.append(c)
        }
        return r + "'"
    }

    /// `run:5 #12 LOAD_FAST @ MiniPy/Interpreter.swift:320` (either half may be missing), or nil if there is
    /// nothing to say.
    static func comment(_ a: Annotation) -> String? {
        var parts: [String] = []
        if let g = a.guest { parts.append("\(g.function):\(g.line) #\(g.pc) \(g.bytecode)") }
        if let i = a.interpreter { parts.append("@ \(i.file):\(i.line)") }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
