import Foundation
import Meta
import MiniPy

/// The JIT's views: a loop's or a bridge's traces (`trace`), the optimizer's passes one at a time (`opt`), the
/// machine code (`asm`). Every IR line has the colour of the guest source line it was recorded at (as in `list`
/// and `dis`).
extension LabView {
    static let jitViews: [LabView] = [.trace, .opt, .asm]

    static let trace = LabView(
        name: "trace", aliases: [], usage: "trace [N | bridge N]",
        summary: "the recorded and the optimized trace of loop N (default: the latest) or of bridge N; while recording, the ops so far",
        details: "Loops are numbered 0, 1, ... in the order the JIT compiled them in this run ('set jit trace' first), and so are bridges ('tree' shows which guard each leaves from). Shows the trace as the tracer recorded it and, when optimization passes ran ('set passes'), as it runs after them. Guards show their numbers. Stopped while a trace is being recorded, 'trace' without N shows the ops recorded so far.",
        completion: .words(["bridge"])) { session, args throws(CommandError) in
            let history = try session.requireJitHistory()
            if args.words.isEmpty, let recording = history.recording {
                session.writeLine("Recording from \(history.recordingLocation): \(recording.ops.count) ops so far")
                session.writeTrace(recording, history.printer)
                return
            }
            let compiled = try history.compiled(args.words, usage: "trace [N | bridge N]")
            session.writeLine("\(compiled.title), recorded (\(compiled.recorded.ops.count) ops):")
            session.writeTrace(compiled.recorded, history.printer)
            if let optimization = compiled.optimization {
                session.writeLine("\(compiled.title), optimized by \(optimization.steps.map(\.pass).joined(separator: ", ")) (\(compiled.trace.ops.count) ops):")
                session.writeTrace(compiled.trace, history.printer)
            }
        }

    static let opt = LabView(
        name: "opt", aliases: [], usage: "opt [N | bridge N]",
        summary: "the optimizer's next pass on loop N (default: the latest) or bridge N: what it removed (-), added (+) and rewrote (~)",
        details: "Each 'opt' shows one pass of the pipeline as a diff of the trace before and after it, in pipeline order; after the last pass it starts again from the first. The passes are those 'set passes' enabled before the loop or bridge was compiled.",
        completion: .words(["bridge"])) { session, args throws(CommandError) in
            let history = try session.requireJitHistory()
            let compiled = try history.compiled(args.words, usage: "opt [N | bridge N]")
            guard let optimization = compiled.optimization, !optimization.steps.isEmpty else {
                throw CommandError("\(compiled.name) ran as recorded (no optimization pass was enabled)", hint: "'set passes all' before it is compiled")
            }
            let k = compiled.passesShown % optimization.steps.count
            compiled.passesShown = k + 1
            let step = optimization.steps[k]
            let diff = step.diff
            session.writeLine("\(compiled.title), pass \(k + 1) of \(optimization.steps.count): \(step.pass) — \(diff.removedCount) removed, \(diff.addedCount) added, \(diff.changedCount) rewritten (\(step.before.trace.ops.count) -> \(step.after.trace.ops.count) ops)")
            session.writeDiff(diff, step, history.printer)
        }

    static let asm = LabView(
        name: "asm", aliases: [], usage: "asm [N | bridge N]",
        summary: "the x86-64 machine code of loop N (default: the latest) or bridge N, each instruction under the IR op it came from",
        details: "Lists offset (from the start of the loop's or bridge's code), bytes and instruction; a '#' line names the IR op the instructions below implement (prologue and epilogue have none), coloured like its source line. Guard exits and slow paths follow, out of line. A bridge's code starts where its guard's exit stub jumps to, and ends with the jump into its loop. Needs 'set backend x64' (the default).",
        completion: .words(["bridge"])) { session, args throws(CommandError) in
            let history = try session.requireJitHistory()
            let compiled = try history.compiled(args.words, usage: "asm [N | bridge N]")
            guard let machineCode = compiled.machineCode, !machineCode.code.isReleased else {
                throw CommandError("\(compiled.name) has no machine code (it runs on the IR executor)", hint: "'set backend x64', then run again")
            }
            session.writeLine("\(compiled.title): \(machineCode.code.byteCount) bytes of machine code, \(machineCode.code.instructions.count) instructions")
            for line in session.machineCodeLines(machineCode.code, outOfLineStart: machineCode.outOfLineStart, trace: compiled.trace, history.printer) {
                session.writeLine(line)
            }
        }
}

extension Session {
    /// The JIT history of the run (kept after the program finishes), or an error saying how to get one.
    func requireJitHistory() throws(CommandError) -> JitHistory {
        guard let jitHistory else {
            throw CommandError(settings.jit.enabled ? "the program has not run with the JIT yet" : "the JIT is off",
                               hint: settings.jit.enabled ? "start it with 'run' or 'step'" : "'set jit trace', then run the program")
        }
        return jitHistory
    }

    /// One IR line, coloured by the guest line its op was recorded at.
    func writeIROp(_ op: Meta.Operation, _ text: String, prefix: String = "  ") { writeLine(irOpText(op, text, prefix: prefix)) }

    /// The text `writeIROp` writes.
    func irOpText(_ op: Meta.Operation, _ text: String, prefix: String = "  ") -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { prefix + $0 }.joined(separator: "\n")
        return op.annotation?.guest.map { palette.line($0.line, lines) } ?? lines
    }

    /// A trace: its input arguments, then each op coloured by its guest line.
    func writeTrace(_ trace: Trace, _ printer: TracePrinter) {
        for line in traceLines(trace, printer) { writeLine(line) }
    }

    /// The lines `writeTrace` writes.
    func traceLines(_ trace: Trace, _ printer: TracePrinter) -> [String] {
        let printed = printer.print(trace).split(separator: "\n", omittingEmptySubsequences: false)
        let inputs = printed.count > 1 ? ["  " + printed[1]] : []  // the input arguments (line 0 is the header)
        return inputs + zip(trace.ops, printer.operationTexts(trace)).map { op, text in irOpText(op, text) }
    }

    /// Machine code as `asm` lists it: each instruction (offset from the code's start, bytes, instruction) under a
    /// `#` line naming the op of `trace` it came from, the out-of-line part marked.
    func machineCodeLines(_ code: X64.ExecutableCode, outOfLineStart: Int, trace: Trace, _ printer: TracePrinter) -> [String] {
        let opTexts = printer.operationTexts(trace)
        var lines: [String] = []
        var currentOp: Int?
        for (k, record) in code.instructions.enumerated() {
            if record.offset == outOfLineStart { lines.append("# out of line: guard exits and slow paths") }
            if k == 0 || record.tag != currentOp {
                currentOp = record.tag
                if let op = currentOp, op < opTexts.count { lines.append(irOpText(trace.ops[op], opTexts[op], prefix: "# ")) }
            }
            lines.append("  " + machineCodeLine(record, in: code))
        }
        return lines
    }

    /// A pass's diff, each line coloured by its op's guest line.
    func writeDiff(_ diff: TraceDiff, _ step: PassStep, _ printer: TracePrinter) {
        let old = printer.operationTexts(step.before.trace), new = printer.operationTexts(step.after.trace)
        for line in diff.lines {
            switch line {
            case .kept(_, let a, let changed): writeIROp(step.after.trace.ops[a], new[a], prefix: changed ? "~ " : "  ")
            case .removed(let b): writeIROp(step.before.trace.ops[b], old[b], prefix: "- ")
            case .added(let a): writeIROp(step.after.trace.ops[a], new[a], prefix: "+ ")
            }
        }
    }

    /// A `step op` stop while recording: the guest bytecode, the interpreter source line executing, the IR op
    /// just recorded (the three columns of the seed's slides).
    func writeRecordedStep(_ op: Meta.Operation, index: Int, _ history: JitHistory) {
        let guest = op.annotation?.guest
        let guestText = guest.map { "\($0.function) #\($0.pc) \($0.bytecode)  (line \($0.line))" } ?? "(no guest location)"
        writeLine("  bytecode  " + (guest.map { palette.line($0.line, guestText) } ?? guestText))
        if let site = op.annotation?.interpreter {
            let text = InterpreterSource.shared.files[site.file].flatMap { $0.indices.contains(site.line - 1) ? $0[site.line - 1] : nil }
            let file = site.file.split(separator: "/").last.map(String.init) ?? site.file
            writeLine("  interp    \(file):\(site.line)  " + (text?.trimmingCharacters(in: .whitespaces) ?? ""))
        } else {
            writeLine("  interp    (no interpreter location)")
        }
        writeIROp(op, history.recordedText(index) ?? "op \(index)", prefix: "  ir        ")
    }
}
