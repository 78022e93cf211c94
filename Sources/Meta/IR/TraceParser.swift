/// Reads the text `TracePrinter` writes (and hand-written traces in the same form) back into `Trace`s.
///
/// Variables keep the numbers of their names (`i5` is variable 5, of type `i`). Descriptor, function and constant
/// names are resolved through the caller's `TraceResolver`. A guard's `[fail args]` become a snapshot of one
/// frame (code id 0, pc 0, the fail args as its locals) unless indented `frame`/`virtual` lines follow it (the
/// printer's `snapshots` option), in which case those are the snapshot and the fail args must match it. Guards
/// without `descr=<GuardN>` are numbered from `firstGuardNumber` on. A `# ...` comment after an operation is read
/// as its annotation when it has the printer's form, and otherwise ignored, as are other comment lines.
///
/// The parser checks syntax, names and the types of the variables it declares; the rules of `TraceVerifier`
/// are left to it. Every failure is a `TraceParseError` with line, column and what was expected.
public struct TraceParser {
    public var resolver: any TraceResolver
    public var firstGuardNumber: Int

    public init(resolver: any TraceResolver, firstGuardNumber: Int = 0) {
        self.resolver = resolver
        self.firstGuardNumber = firstGuardNumber
    }

    /// The one trace in `text`.
    public func parse(_ text: String) throws -> Trace {
        let traces = try parseAll(text)
        guard traces.count == 1 else {
            if traces.isEmpty { throw TraceParseError(line: 1, column: 1, message: "expected a trace, found none") }
            throw TraceParseError(line: 1, column: 1, message: "expected one trace, found \(traces.count)")
        }
        return traces[0]
    }

    /// Every trace in `text` (each starts with a `# Loop` or `# bridge` header; the first may omit it).
    public func parseAll(_ text: String) throws -> [Trace] {
        var traces: [Trace] = []
        var reader: TraceReader? = nil
        var nextGuard = firstGuardNumber
        for (n, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var s = LineScanner(rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine, line: n + 1)
            let indented = s.peek == " " || s.peek == "\t"
            s.skipSpaces()
            if s.atEnd { continue }
            if indented, s.take(word: "frame ") || s.take(word: "virtual ") {
                s.pos = 0
                guard reader != nil else { throw s.error("expected a trace before a snapshot line") }
                try reader!.snapshotLine(&s)
                continue
            }
            try reader?.finishSnapshot()
            if s.peek == "#" {
                guard let header = try TraceHeader.parse(&s) else { continue }
                if let r = reader { traces.append(try r.finish()) }
                reader = TraceReader(resolver: resolver, header: header, line: s.line)
                continue
            }
            if reader == nil { reader = TraceReader(resolver: resolver, header: nil, line: s.line) }
            if s.peek == "[" {
                try reader!.inputLine(&s)
            } else {
                try reader!.operationLine(&s, nextGuard: &nextGuard)
            }
        }
        try reader?.finishSnapshot()
        if let r = reader { traces.append(try r.finish()) }
        return traces
    }
}

/// A `# Loop N (name) : loop with M ops` or `# bridge out of Guard N with M ops` line.
struct TraceHeader {
    var kind: Trace.Kind
    var number: Int
    var name: String
    var opCount: Int

    /// The header on this line, or nil if the line is an ordinary comment.
    static func parse(_ s: inout LineScanner) throws -> TraceHeader? {
        _ = s.take("#")
        if s.take(word: "Loop ") {
            let number = try s.integer("the loop number")
            var name = ""
            s.skipSpaces()
            if s.peek == "(" {
                let rest = Substring(s.rest)
                guard let close = rest.lastRange(of: ") :") else { throw s.error("expected ') :' after the loop's name") }
                name = String(rest[rest.index(after: rest.startIndex)..<close.lowerBound])
                s.pos += rest.distance(from: rest.startIndex, to: close.lowerBound) + 1
            }
            try s.expect(":", " after the loop number")
            try s.expect(word: "loop with")
            let count = try s.integer("the number of ops")
            try s.expect(word: "ops")
            try expectEnd(&s)
            return TraceHeader(kind: .loop, number: number, name: name, opCount: count)
        }
        if s.take(word: "bridge ") {
            try s.expect(word: "out of Guard")
            let guardNumber = try s.integer("the guard number")
            try s.expect(word: "with")
            let count = try s.integer("the number of ops")
            try s.expect(word: "ops")
            try expectEnd(&s)
            return TraceHeader(kind: .bridge(fromGuard: guardNumber), number: guardNumber, name: "", opCount: count)
        }
        return nil
    }

    static func expectEnd(_ s: inout LineScanner) throws {
        s.skipSpaces()
        if !s.atEnd { throw s.error("unexpected \(s.found) at the end of the line") }
    }
}

/// A value as written, before it is resolved.
private enum ValueToken {
    case variable(IRType, Int)
    case int(Int)
    case float(Double)
    case null
    case pointer(Int)
    case named(String)
    case bare(String)
}

/// The trace being read, and the snapshot lines of its last guard.
private struct TraceReader {
    let resolver: any TraceResolver
    var trace: Trace
    let header: TraceHeader?
    let headerLine: Int
    var sawInputs = false
    /// Set while reading a first `label` that stands in for a missing input-arguments line.
    var labelDeclaresInputs = false
    var pending: PendingSnapshot? = nil

    /// The last guard's fail args as printed and the snapshot lines read so far.
    struct PendingSnapshot {
        var opIndex: Int
        var printedFailArgs: [IRValue]
        var failArgsLine: Int
        var failArgsColumn: Int
        var frames: [SnapshotFrame] = []
        var virtuals: [VirtualObject] = []
        /// Variables first seen in snapshot lines: each must turn out to be a virtual.
        var forward: [(value: IRValue, line: Int, column: Int)] = []
    }

    init(resolver: any TraceResolver, header: TraceHeader?, line: Int) {
        self.resolver = resolver
        self.header = header
        self.headerLine = line
        self.trace = Trace(kind: header?.kind ?? .loop, number: header?.number ?? 0, name: header?.name ?? "")
    }

    func finish() throws -> Trace {
        if let h = header, h.opCount != trace.ops.count {
            throw TraceParseError(line: headerLine, column: 1, message: "the header says \(h.opCount) ops, the trace has \(trace.ops.count)")
        }
        return trace
    }

    // MARK: lines

    mutating func inputLine(_ s: inout LineScanner) throws {
        if sawInputs || !trace.ops.isEmpty { throw s.error("input arguments must come once, before the first operation") }
        sawInputs = true
        try s.expect("[")
        if !s.take("]") {
            repeat {
                s.skipSpaces()
                let column = s.column
                guard case .variable(let type, let number) = try valueToken(&s) else {
                    throw s.error("expected a variable such as i1 or p0", column: column)
                }
                let v = try declare(type, number, &s, column: column)
                trace.inputArgs.append(v)
            } while s.take(",")
            try s.expect("]", " after the input arguments")
        }
        try TraceHeader.expectEnd(&s)
    }

    mutating func operationLine(_ s: inout LineScanner, nextGuard: inout Int) throws {
        let firstColumn = s.column
        var opName = s.name()
        var result: (type: IRType, number: Int, column: Int)? = nil
        if opName.isEmpty { throw s.error("expected an operation, found \(s.found)") }
        if s.take("=") {
            guard let (type, number) = Self.variableName(opName) else {
                throw s.error("expected a variable such as i5 before '='", column: firstColumn)
            }
            result = (type, number, firstColumn)
            opName = s.name()
        }
        let opColumn = s.column - opName.count
        guard let opcode = Opcode.named(opName) else {
            throw s.error(opName.isEmpty ? "expected an operation name, found \(s.found)" : "unknown operation '\(opName)'", column: opColumn)
        }
        let info = opcode.info
        try s.expect("(", " after \(opName)")
        labelDeclaresInputs = opcode == .label && !sawInputs && trace.ops.isEmpty
        defer { labelDeclaresInputs = false }
        var args: [IRValue] = []
        var descr = Descriptor.none
        var guardNumber: Int? = nil
        var index = 0
        if !s.take(")") {
            repeat {
                s.skipSpaces()
                let column = s.column
                if s.take(word: "descr=") {
                    try descriptor(&s, opcode, column: column, descr: &descr, guardNumber: &guardNumber)
                } else if s.peek == "'" {
                    guard info.descriptor == .text, case .none = descr else { throw s.error("\(opName) takes no string") }
                    descr = .text(try s.quoted())
                } else {
                    let token = try valueToken(&s)
                    switch (opcode, index, token) {
                    case (.callI, 0, .named(let f)), (.callR, 0, .named(let f)), (.callF, 0, .named(let f)), (.callN, 0, .named(let f)):
                        guard let c = resolver.function(named: f) else { throw s.error("unknown function '\(f)'", column: column + 11) }
                        descr = .call(c)
                    case (.guardClass, 1, .bare(let name)):
                        guard let l = resolver.layout(named: name) else { throw s.error("unknown layout '\(name)'", column: column) }
                        descr = .size(l)
                    default:
                        if info.descriptor == .call && index == 0 {
                            throw s.error("expected ConstClass(function) as the first argument of \(opName)", column: column)
                        }
                        args.append(try value(token, &s, column: column))
                    }
                    index += 1
                }
            } while s.take(",")
            try s.expect(")", " after the arguments of \(opName)")
        }
        if info.descriptor != .none, descr.kind != info.descriptor {
            throw s.error(missingDescriptor(opcode), column: opColumn)
        }
        var resultValue = IRValue.none
        if let r = result {
            guard info.result != .void else { throw s.error("\(opName) has no result", column: r.column) }
            guard r.type == info.result else {
                throw s.error("\(opName) produces \(info.result.namePrefix)-values, not \(r.type.namePrefix)\(r.number)", column: r.column)
            }
            resultValue = try declare(r.type, r.number, &s, column: r.column)
        } else if info.result != .void {
            throw s.error("expected a result variable ('\(info.result.namePrefix)N = \(opName)(...)')", column: firstColumn)
        }
        var operation = Operation(opcode, result: resultValue, args: args, descr: descr)
        s.skipSpaces()
        if info.isGuard {
            let column = s.column
            guard s.take("[") else { throw s.error("expected '[' and the fail arguments of \(opName), found \(s.found)") }
            var failArgs: [IRValue] = []
            if !s.take("]") {
                repeat {
                    s.skipSpaces()
                    let argColumn = s.column
                    let v = try value(try valueToken(&s), &s, column: argColumn)
                    if !v.isVariable { throw s.error("fail arguments are variables (constants belong to the snapshot)", column: argColumn) }
                    if failArgs.contains(v) { throw s.error("\(trace.type(of: v).namePrefix)\(v.variableNumber) appears twice in the fail arguments", column: argColumn) }
                    failArgs.append(v)
                } while s.take(",")
                try s.expect("]", " after the fail arguments")
            }
            let number = guardNumber ?? nextGuard
            nextGuard = max(nextGuard, number &+ 1)
            operation.guardInfo = GuardInfo(number: number, snapshot: Snapshot(frames: []))
            pending = PendingSnapshot(opIndex: trace.ops.count, printedFailArgs: failArgs, failArgsLine: s.line, failArgsColumn: column)
        } else if s.peek == "[" {
            throw s.error("only guards have fail arguments")
        }
        s.skipSpaces()
        if s.take("#") {
            operation.annotation = AnnotationText.parse(s.rest)
            s.pos = s.chars.count
        }
        try TraceHeader.expectEnd(&s)
        trace.ops.append(operation)
    }

    func missingDescriptor(_ opcode: Opcode) -> String {
        switch opcode.info.descriptor {
        case .call: return "expected ConstClass(function) as the first argument of \(opcode)"
        case .text: return "expected a quoted string in \(opcode)"
        case .size where opcode == .guardClass: return "expected the layout as the second argument of guard_class"
        case .field: return "expected descr=Layout.field in \(opcode)"
        case .rawField: return "expected descr=Owner.field (a raw field) in \(opcode)"
        case .loop: return "expected descr=LoopN in \(opcode)"
        default: return "expected descr=Layout in \(opcode)"
        }
    }

    mutating func descriptor(_ s: inout LineScanner, _ opcode: Opcode, column: Int, descr: inout Descriptor, guardNumber: inout Int?) throws {
        let info = opcode.info
        let rest = s.rest
        if rest.hasPrefix("<Guard"), rest.dropFirst(6).first?.isNumber == true {
            s.pos += 6
            let n = try s.integer("the guard number")
            try s.expect(">")
            guard info.isGuard else { throw s.error("\(opcode) is not a guard", column: column) }
            guardNumber = n
            return
        }
        if info.descriptor == .array, s.take(word: "<Array") {
            if case .none = descr {} else { throw s.error("a second descriptor", column: column) }
            try s.expect(word: "layout=")
            let id = try s.integer("the layout id")
            try s.expect(word: "base=")
            let base = try s.integer("the items' offset")
            try s.expect(">")
            guard let id32 = UInt32(exactly: id), base >= 0 else { throw s.error("expected a layout id and a non-negative offset", column: column) }
            descr = .array(Layout(id: id32, fixedSize: base))
            return
        }
        let name = s.name()
        guard !name.isEmpty else { throw s.error("expected a descriptor name after 'descr='") }
        if case .none = descr {} else { throw s.error("a second descriptor", column: column) }
        switch info.descriptor {
        case .field:
            guard let f = resolver.field(named: name) else { throw s.error("unknown field '\(name)'", column: column + 6) }
            descr = .field(f)
        case .rawField:
            guard let f = resolver.rawField(named: name) else { throw s.error("unknown raw field '\(name)'", column: column + 6) }
            descr = .rawField(f)
        case .array:
            guard let l = resolver.layout(named: name) else { throw s.error("unknown layout '\(name)'", column: column + 6) }
            descr = .array(l)
        case .size where opcode != .guardClass:
            guard let l = resolver.layout(named: name) else { throw s.error("unknown layout '\(name)'", column: column + 6) }
            descr = .size(l)
        case .loop:
            guard name.hasPrefix("Loop"), let n = Int(name.dropFirst(4)), n >= 0 else {
                throw s.error("expected a loop token such as Loop0, found '\(name)'", column: column + 6)
            }
            descr = .loop(LoopToken(n))
        default:
            throw s.error("\(opcode) takes no descr=", column: column)
        }
    }

    // MARK: snapshot lines

    mutating func snapshotLine(_ s: inout LineScanner) throws {
        s.skipSpaces()
        guard pending != nil else { throw s.error("a snapshot line must follow a guard") }
        if s.take(word: "frame") {
            let name = try s.quoted()
            try s.expect(word: "code=")
            let code = try s.integer("the code id")
            try s.expect(word: "pc=")
            let pc = try s.integer("the pc")
            try s.expect(word: "locals=")
            let locals = try snapshotList(&s)
            try s.expect(word: "stack=")
            let stack = try snapshotList(&s)
            try TraceHeader.expectEnd(&s)
            pending!.frames.append(SnapshotFrame(codeID: code, codeName: name, pc: pc, locals: locals, stack: stack))
        } else {
            try s.expect(word: "virtual")
            s.skipSpaces()
            let column = s.column
            guard case .variable(.ref, let number) = try valueToken(&s) else { throw s.error("expected a reference variable such as p5", column: column) }
            let v = try snapshotVariable(.ref, number, &s, column: column)
            if pending!.virtuals.contains(where: { $0.value == v }) { throw s.error("p\(number) is already virtual", column: column) }
            try s.expect("=")
            s.skipSpaces()
            let layoutColumn = s.column
            let layoutName = s.name()
            guard let layout = resolver.layout(named: layoutName) else { throw s.error("unknown layout '\(layoutName)'", column: layoutColumn) }
            try s.expect("(")
            var fields: [VirtualField] = []
            if !s.take(")") {
                repeat {
                    s.skipSpaces()
                    let fieldColumn = s.column
                    let fieldName = s.name()
                    guard let f = resolver.field(named: layoutName + "." + fieldName) else {
                        throw s.error("\(layoutName) has no field '\(fieldName)'", column: fieldColumn)
                    }
                    try s.expect("=")
                    let values = try snapshotValue(&s)
                    fields.append(VirtualField(field: f, value: values))
                } while s.take(",")
                try s.expect(")", " after the fields of the virtual")
            }
            try TraceHeader.expectEnd(&s)
            pending!.virtuals.append(VirtualObject(value: v, layout: layout, fields: fields))
        }
    }

    mutating func snapshotList(_ s: inout LineScanner) throws -> [IRValue] {
        try s.expect("[")
        var values: [IRValue] = []
        if s.take("]") { return values }
        repeat { values.append(try snapshotValue(&s)) } while s.take(",")
        try s.expect("]")
        return values
    }

    /// A value in a snapshot line: like an argument, except that a variable may be a virtual declared later.
    mutating func snapshotValue(_ s: inout LineScanner) throws -> IRValue {
        s.skipSpaces()
        let column = s.column
        let token = try valueToken(&s)
        if case .variable(let type, let number) = token { return try snapshotVariable(type, number, &s, column: column) }
        return try value(token, &s, column: column)
    }

    mutating func snapshotVariable(_ type: IRType, _ number: Int, _ s: inout LineScanner, column: Int) throws -> IRValue {
        try checkNumber(number, &s, column: column)
        let v = IRValue.variable(number)
        let declared = trace.type(of: v)
        if declared == .void {
            _ = trace.declareVariable(number, type)
            pending!.forward.append((v, s.line, column))
            return v
        }
        guard declared == type else { throw s.error("\(type.namePrefix)\(number) is declared as \(declared.namePrefix)\(number)", column: column) }
        return v
    }

    /// Installs the last guard's snapshot, once its snapshot lines (if any) have been read.
    mutating func finishSnapshot() throws {
        guard let p = pending else { return }
        pending = nil
        var snapshot: Snapshot
        if p.frames.isEmpty {
            if !p.virtuals.isEmpty {
                throw TraceParseError(line: p.failArgsLine, column: p.failArgsColumn, message: "a snapshot with virtuals needs a frame line")
            }
            snapshot = Snapshot(frames: [SnapshotFrame(codeID: 0, codeName: "", pc: 0, locals: p.printedFailArgs, stack: [])])
        } else {
            snapshot = Snapshot(frames: p.frames, virtuals: p.virtuals)
        }
        for f in p.forward where snapshot.virtual(for: f.value) == nil {
            throw TraceParseError(line: f.line, column: f.column, message: "\(trace.type(of: f.value).namePrefix)\(f.value.variableNumber) is not defined")
        }
        if snapshot.failArgs != p.printedFailArgs {
            let expected = snapshot.failArgs.map { "\(trace.type(of: $0).namePrefix)\($0.variableNumber)" }
            throw TraceParseError(line: p.failArgsLine, column: p.failArgsColumn,
                                  message: "the fail arguments do not match the snapshot's [\(expected.joined(separator: ", "))]")
        }
        trace.ops[p.opIndex].guardInfo!.snapshot = snapshot
    }

    // MARK: values

    /// The largest variable number a textual trace may use (variables index flat arrays).
    static let maxVariableNumber = (1 << 20) - 1

    /// `i5` → (int, 5).
    static func variableName(_ name: String) -> (IRType, Int)? {
        guard let first = name.first, name.count > 1 else { return nil }
        let digits = name.dropFirst()
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(digits) else { return nil }
        switch first {
        case "i": return (.int, n)
        case "p": return (.ref, n)
        case "f": return (.float, n)
        default: return nil
        }
    }

    func valueToken(_ s: inout LineScanner) throws -> ValueToken {
        s.skipSpaces()
        let column = s.column
        guard let c = s.peek else { throw s.error("expected a value, found end of line") }
        if c.isNumber || c == "-" || c == "+" {
            let start = s.pos
            s.pos += 1
            while let d = s.peek, d.isLetter || d.isNumber || d == "." || ((d == "-" || d == "+") && (s.chars[s.pos - 1] == "e" || s.chars[s.pos - 1] == "E")) {
                s.pos += 1
            }
            let text = String(s.chars[start..<s.pos])
            if text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" || $0 == "n" || $0 == "i" }) {
                guard let d = Double(text) else { throw s.error("expected a number, found '\(text)'", column: column) }
                return .float(d)
            }
            guard let i = Int(text) else { throw s.error("expected an integer in 64 bits, found '\(text)'", column: column) }
            return .int(i)
        }
        let name = s.name()
        if name.isEmpty { throw s.error("expected a value, found \(s.found)") }
        if let (type, number) = Self.variableName(name) { return .variable(type, number) }
        if name == "inf" || name == "nan" { return .float(name == "inf" ? .infinity : .nan) }
        if (name == "ConstPtr" || name == "ConstClass") && s.peek == "(" {
            s.pos += 1
            let inner = try s.text(until: ")")
            s.pos += 1
            if name == "ConstClass" { return .named(inner) }
            if inner == "null" { return .null }
            guard inner.hasPrefix("ptr"), let n = Int(inner.dropFirst(3)), n >= 0 else {
                throw s.error("expected ConstPtr(null) or ConstPtr(ptrN)", column: column)
            }
            return .pointer(n)
        }
        return .bare(name)
    }

    /// The IR value of `token` (variables must be declared).
    mutating func value(_ token: ValueToken, _ s: inout LineScanner, column: Int) throws -> IRValue {
        switch token {
        case .variable(let type, let number):
            try checkNumber(number, &s, column: column)
            let v = IRValue.variable(number)
            let declared = trace.type(of: v)
            if declared == .void {
                // A first label without an input-arguments line declares the inputs.
                if labelDeclaresInputs {
                    let input = try declare(type, number, &s, column: column)
                    trace.inputArgs.append(input)
                    return input
                }
                throw s.error("\(type.namePrefix)\(number) is not defined", column: column)
            }
            guard declared == type else { throw s.error("\(type.namePrefix)\(number) is declared as \(declared.namePrefix)\(number)", column: column) }
            return v
        case .int(let i): return trace.constInt(i)
        case .float(let d): return trace.constFloat(d)
        case .null: return trace.constRef(.null)
        case .pointer(let n):
            guard let r = resolver.pointer(n) else { throw s.error("unknown pointer constant ptr\(n)", column: column) }
            return trace.constRef(r)
        case .named(let name):
            guard let r = resolver.object(named: name) else { throw s.error("unknown object '\(name)'", column: column) }
            return trace.constRef(r)
        case .bare(let name):
            throw s.error("expected a value (a variable, a number or a constant), found '\(name)'", column: column)
        }
    }

    func checkNumber(_ number: Int, _ s: inout LineScanner, column: Int) throws {
        if number > Self.maxVariableNumber {
            throw s.error("variable numbers above \(Self.maxVariableNumber) are not supported", column: column)
        }
    }

    mutating func declare(_ type: IRType, _ number: Int, _ s: inout LineScanner, column: Int) throws -> IRValue {
        try checkNumber(number, &s, column: column)
        guard trace.declareVariable(number, type) else {
            throw s.error("\(type.namePrefix)\(number) is defined twice (variable \(number) is \(trace.type(of: .variable(number)).namePrefix)\(number))", column: column)
        }
        return .variable(number)
    }
}

/// The annotation comment's form: `run:5 #12 LOAD_FAST @ MiniPy/Interpreter.swift:320` (see `TraceText`).
enum AnnotationText {
    /// The annotation this comment describes, or nil if it is an ordinary comment.
    static func parse(_ comment: String) -> Annotation? {
        var text = Substring(comment).drop { $0 == " " }
        while text.last == " " { text = text.dropLast() }
        var interpreter: InterpreterLocation? = nil
        if let at = text.lastRange(of: "@ "), at.lowerBound == text.startIndex || text[text.index(before: at.lowerBound)] == " " {
            let place = text[at.upperBound...]
            guard let colon = place.lastIndex(of: ":"), let line = Int(place[place.index(after: colon)...]) else { return nil }
            interpreter = InterpreterLocation(file: String(place[..<colon]), line: line)
            text = text[..<at.lowerBound]
            while text.last == " " { text = text.dropLast() }
        }
        var guest: GuestLocation? = nil
        if !text.isEmpty {
            guard let hash = text.lastRange(of: " #") else { return nil }
            let place = text[..<hash.lowerBound], rest = text[hash.upperBound...]
            guard let colon = place.lastIndex(of: ":"), let line = Int(place[place.index(after: colon)...]),
                  let space = rest.firstIndex(of: " "), let pc = Int(rest[..<space]) else { return nil }
            guest = GuestLocation(function: String(place[..<colon]), pc: pc, bytecode: String(rest[rest.index(after: space)...]), line: line)
        }
        if guest == nil && interpreter == nil { return nil }
        return Annotation(guest: guest, interpreter: interpreter)
    }
}
