import Meta
import MiniPy

/// Text for the things the Lab shows: operations, values, positions. Deterministic: no addresses, no timings.
extension Runtime {
    /// `hasType(<int 3>, W_Int) -> true`.
    ///
    /// A value is described when it is shown, so two operations show their objects by type instead: the object a
    /// `new` returns (still unfilled) and the object a `setfield` writes to (already written).
    func describe(_ operation: ObservedOperation) -> String {
        let isStore = "\(operation.name)".hasPrefix("setfield")
        let operands = operation.operands.enumerated().map { i, value in
            if isStore && i == 0, case .ref(let r) = value { return "<\(registry.descriptors[Int(Heap.typeID(of: r))].name) object>" }
            return describe(value)
        }.joined(separator: ", ")
        var result = operation.result.map { " -> \(describe($0))" } ?? ""
        if "\(operation.name)" == "new", case .layout(let layout)? = operation.operands.first, case .ref? = operation.result {
            result = " -> <new \(registry.descriptors[Int(layout.id)].name)>"
        }
        return "\(operation.name)(\(operands))\(result)"
    }

    func describe(_ value: ObservedValue) -> String {
        switch value {
        case .ref(let r): describe(r)
        case .int(let n): String(n)
        case .float(let x): String(x)
        case .bool(let b): b ? "true" : "false"
        case .layout(let layout): registry.descriptors[Int(layout.id)].name
        case .field(let field): registry.name(of: field)
        case .rawField(let field): field.description
        case .function(let name): "\(name)"
        case .absent: "nil"
        }
    }
}

extension SourceSite {
    /// `Interpreter.swift:236` (the file without its module).
    var shortDescription: String {
        let file = "\(file)"
        return "\(file.split(separator: "/").last.map(String.init) ?? file):\(line)"
    }
}

extension GuestPosition {
    /// The source line's text, without its indentation.
    func sourceText(_ runtime: Runtime) -> String {
        guard let lines = runtime.sourceLines[file], line >= 1, line <= lines.count else { return "" }
        return lines[line - 1].trimmingCharacters(in: .whitespaces)
    }
}

extension Session {
    /// Reports a stop: why, the events on the way, where (the source line when it changed), the instruction.
    func reportStop(_ stop: Stop, in execution: GuestExecution) {
        let rt = execution.runtime
        let p = palette
        listCursor = nil
        for event in stop.events { writeLine(event.text) }
        switch stop.reason {
        case .breakpoint(let n): writeLine("Breakpoint \(n), \(place(stop.position))")
        case .interrupted: writeLine("Interrupted at \(place(stop.position))")
        case .jitEvent(let n, let what): writeLine("Breakpoint \(n), \(what)")
        case .step: break
        }
        let position = stop.position
        if let recorded = stop.recorded, let history = jitHistory {
            writeRecordedStep(recorded.op, index: recorded.index, history)
            return
        }
        if let operation = stop.operation {
            writeLine("  op \(rt.describe(operation))" + p.dim("    \(operation.site.shortDescription)"))
            return
        }
        if settings.showOperations && !stop.reason.isNotStep {
            for operation in execution.monitor.previousOperations {
                writeLine(p.dim("     \(rt.describe(operation))    \(operation.site.shortDescription)"))
            }
        }
        let last = lastReported
        if last == nil || last!.depth != position.depth || last!.line != position.line || last!.code !== position.code
            || stop.reason.isNotStep {
            writeLine("> " + p.line(position.line, "\(place(position)): \(position.sourceText(rt))"))
        }
        writeLine("-> " + p.line(position.line, instructionText(position.code, position.pc)))
        lastReported = position
    }
}

extension StopReason {
    var isNotStep: Bool {
        if case .step = self { return false }
        return true
    }
}
