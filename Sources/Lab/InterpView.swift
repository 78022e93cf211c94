import MiniPy

extension LabView {
    /// The dispatch view: what the interpreter is doing for the current bytecode — the instruction, the value stack,
    /// the locals, and the handler's Swift source (embedded in the binary) with the executing line marked.
    static let interp = LabView(
        name: "interp", aliases: ["dispatch"], usage: "interp",
        summary: "the dispatch view: bytecode, value stack, locals, and the handler's Swift source",
        details: "Shows the interpreter's side of the current instruction: the bytecode, the value stack (top last), the frame's locals, and the Swift source of the dispatch loop's handler for the opcode. Before the handler runs, '>' marks its case line; after 'step op', it marks the line of the operation just performed, and an operation in a helper (boxInt, truth, residual) shows the helper too. The last operations are listed under the source.") { session, args throws(CommandError) in
            guard args.words.isEmpty else { throw CommandError("interp takes no arguments", hint: "usage: interp") }
            let (execution, stop) = try session.requireStop()
            session.write(session.dispatchView(execution, stop))
        }
}

extension Session {
    func dispatchView(_ execution: GuestExecution, _ stop: Stop) -> String {
        let rt = execution.runtime
        let p = palette
        let position = stop.position
        let instruction = position.code.code[position.pc]
        let opcode = String(describing: instruction.opcode)
        var out = ""
        out += "bytecode  " + p.line(position.line, "\(position.place)  \(instructionText(position.code, position.pc).trimmingCharacters(in: .whitespaces))") + "\n"
        let stack = rt.frameStack(position.frame.pointee, top: stop.stackTop)
        out += "stack     " + (stack.isEmpty ? "(empty)" : stack.map { rt.describe($0) }.joined(separator: " | ")) + (stack.count > 1 ? "   (top last)" : "") + "\n"
        let locals = rt.frameLocals(position.frame.pointee)
        out += "locals    " + (locals.isEmpty ? "(none)" : locals.map { "\($0.name) = \(rt.describe($0.value))" }.joined(separator: ", ")) + "\n"
        let source = InterpreterSource.shared
        guard let handler = source.handlers[opcode], let lines = source.files[handler.file] else {
            out += "handler   (the interpreter's source for \(opcode) is not embedded in this binary)\n"
            return out
        }
        let site = stop.operation?.site
        let siteFile = site.map { "\($0.file)" }
        let siteLine = site.map { Int($0.line) }
        let inHandler = siteFile == handler.file && siteLine.map { handler.lines.contains($0) } == true
        let marked = inHandler ? siteLine! : handler.lines.lowerBound
        out += "handler   \(opcode) in \(handler.file):\(handler.lines.lowerBound)-\(handler.lines.upperBound)\n"
        out += sourceExcerpt(lines, handler.lines, marked: marked, colour: position.line)
        if let site, let siteFile, let siteLine, !inHandler, let helperLines = source.files[siteFile] {
            let helper = source.enclosingFunction(file: siteFile, line: siteLine)
            let first = max(helper?.line ?? siteLine - 2, siteLine - 6)
            out += "in \(helper.map { "func \($0.name)" } ?? "helper") at \(site.shortDescription)\n"
            out += sourceExcerpt(helperLines, first...min(siteLine + 2, helperLines.count), marked: siteLine, colour: position.line)
        }
        let operations = execution.monitor.operations
        if !operations.isEmpty {
            out += "operations so far\n"
            for operation in operations {
                out += "  \(rt.describe(operation))" + p.dim("    \(operation.site.shortDescription)") + "\n"
            }
        }
        return out
    }

    /// Lines `range` (1-based) of `lines`, numbered, with `marked` flagged `>` and shown in the source line's colour.
    func sourceExcerpt(_ lines: [String], _ range: ClosedRange<Int>, marked: Int, colour line: Int) -> String {
        var out = ""
        let shown = range.clamped(to: 1...max(1, lines.count))
        let indent = shown.map { InterpreterSource.indentation(lines[$0 - 1]) }.filter { _ in true }.min() ?? 0
        for n in shown {
            let text = String(lines[n - 1].dropFirst(min(indent, InterpreterSource.indentation(lines[n - 1]))))
            let row = "\(n == marked ? ">" : " ") \(padded(n, 4)) | \(text)"
            out += (n == marked ? palette.line(line, row) : row) + "\n"
        }
        return out
    }
}
