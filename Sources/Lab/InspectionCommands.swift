import Foundation
import MiniPy

/// Breakpoints and looking at the program's state.
enum InspectionCommands {
    static let all: [Command] = [breakCommand, delete, info, printCommand]

    static let breakCommand = Command(
        name: "break", aliases: ["b"], usage: "break [FILE:LINE | LINE | FUNCTION | JIT-EVENT [GUARD]]",
        summary: "set a breakpoint on a source line, a function or a JIT event (no argument: list them)",
        details: "A line breakpoint stops before the first instruction of the line, each time it is reached; a function breakpoint stops before the function's first instruction, at every call. LINE alone means a line of the loaded program. Lines without code (blank lines, comments) are refused. A JIT event (with 'set jit trace') stops wherever the program is when the tracer reports it: " + JitEventKind.allCases.map(\.rawValue).joined(separator: ", ") + ". 'guard-fail', 'deopt' and 'bridge' take a guard number ('guards' lists them) to stop only for that guard: guard-fail shows the guard and its snapshot (the frames to rebuild, in IR values), deopt the frames rebuilt from it and where the interpreter resumes, bridge the bridge's trace and machine code.",
        completion: .guestNames) { session, args throws(CommandError) in
            let program = try session.requireProgram()
            switch args.words.count {
            case 0:
                session.listBreakpoints()
            case 1:
                let place = try session.breakpointPlace(args.words[0], program)
                let b = session.breakpoints.add(place)
                session.writeLine("Breakpoint \(b.number) at \(b.description)")
            case 2:
                guard let kind = JitEventKind(rawValue: args.words[0]), kind.concernsAGuard else {
                    throw CommandError("break takes one location (or a guard's JIT event and the guard's number)",
                                       hint: "usage: break FILE:LINE | LINE | FUNCTION | JIT-EVENT | guard-fail|deopt|bridge GUARD")
                }
                guard let number = Int(args.words[1]), number >= 0 else {
                    throw CommandError("'\(args.words[1])' is not a guard number", hint: "'guards' lists the guards and their numbers")
                }
                let b = session.breakpoints.add(.jitEvent(kind, guardNumber: number))
                session.writeLine("Breakpoint \(b.number) at \(b.description)")
            default:
                throw CommandError("break takes one location", hint: "usage: break FILE:LINE | LINE | FUNCTION | JIT-EVENT [GUARD]")
            }
            return .stay
        }

    static let delete = Command(
        name: "delete", aliases: ["d"], usage: "delete [N...]",
        summary: "delete breakpoints N... (no argument: all)",
        details: "Breakpoint numbers are those 'info breakpoints' shows.") { session, args throws(CommandError) in
            if args.words.isEmpty {
                let n = session.breakpoints.all.count
                session.breakpoints.removeAll()
                session.writeLine(n == 0 ? "No breakpoints to delete." : "Deleted \(n) breakpoint\(n == 1 ? "" : "s").")
                return .stay
            }
            for word in args.words {
                let n = try parseCount(word, for: "delete [N...]")
                guard session.breakpoints.delete(n) else {
                    throw CommandError("no breakpoint number \(n)", hint: "'info breakpoints' lists them")
                }
                session.writeLine("Deleted breakpoint \(n).")
            }
            return .stay
        }

    static let info = Command(
        name: "info", aliases: ["i"], usage: "info breakpoints | info locals",
        summary: "list breakpoints, or the current frame's variables",
        details: "'info breakpoints' (or 'info b') lists number, place and hit count; 'info locals' the current frame's variables.",
        completion: .words(["breakpoints", "locals"])) { session, args throws(CommandError) in
            switch args.words.first {
            case "breakpoints", "break", "b":
                session.listBreakpoints()
            case "locals":
                let (execution, stop) = try session.requireStop()
                let locals = execution.runtime.frameLocals(stop.position.frame.pointee)
                if locals.isEmpty { session.writeLine("(no variables)") }
                for (name, value) in locals { session.writeLine("\(name) = \(execution.runtime.describe(value))") }
            default:
                throw CommandError(args.words.isEmpty ? "info needs a subject" : "unknown info subject '\(args.words[0])'",
                                   hint: "usage: info breakpoints | info locals")
            }
            return .stay
        }

    static let printCommand = Command(
        name: "print", aliases: ["p"], usage: "print EXPR",
        summary: "evaluate a MiniPy expression in the current frame and print its repr",
        details: "The expression sees the current frame's variables and the module's globals and built-ins. It runs as guest code (calls and side effects happen) but is not stepped through. Syntax errors are shown with a caret; a guest exception is printed as 'NameError: ...'.",
        completion: .guestNames) { session, args throws(CommandError) in
            guard !args.text.isEmpty else { throw CommandError("print needs an expression", hint: "usage: print EXPR") }
            let (execution, stop) = try session.requireStop()
            session.evaluate(args.text, execution, stop)
            return .stay
        }
}

extension Session {
    func listBreakpoints() {
        if breakpoints.isEmpty {
            writeLine("No breakpoints.")
            return
        }
        writeLine("Num  Where                          Hits")
        for b in breakpoints.all {
            writeLine(padded(b.number, 3) + "  " + b.description.padding(toLength: max(30, b.description.count), withPad: " ", startingAt: 0) + " " + String(b.hits))
        }
    }

    /// Parses and checks a breakpoint location.
    func breakpointPlace(_ word: String, _ program: LoadedProgram) throws(CommandError) -> Breakpoint.Place {
        if let kind = JitEventKind(rawValue: word) { return .jitEvent(kind, guardNumber: nil) }
        var file = program.displayName
        var lineText = word
        if let colon = word.lastIndex(of: ":") {
            file = String(word[..<colon])
            lineText = String(word[word.index(after: colon)...])
            guard Int(lineText) != nil else {
                throw CommandError("'\(lineText)' is not a line number", hint: "usage: break FILE:LINE")
            }
        }
        if let line = Int(lineText) {
            let code: [CodeObject]
            let lineCount: Int
            if Breakpoint.sameFile(file, program.displayName) {
                file = program.displayName
                code = program.allCode
                lineCount = program.lines.count
            } else {
                guard let (display, text) = resolve((program.directory as NSString).appendingPathComponent(file)) ?? resolve(file),
                      let module = try? compileModule(source: text, filename: display) else {
                    throw CommandError("can't set a breakpoint in '\(file)': no such MiniPy file", hint: "give FILE:LINE of the program or a module it imports")
                }
                let other = LoadedProgram(displayName: display, directory: program.directory, source: text, code: module)
                code = other.allCode
                lineCount = other.lines.count
            }
            guard line >= 1 && line <= lineCount else {
                throw CommandError("\(file) has no line \(line)", hint: "'list' shows the program's lines")
            }
            let place = Breakpoint.Place.line(file: file, line: line)
            let probe = Breakpoint(number: 0, place: place)
            guard code.contains(where: { !probe.pcs(in: $0).isEmpty }) else {
                throw CommandError("line \(line) of \(file) has no code", hint: "choose a line with a statement on it")
            }
            return place
        }
        guard !program.functions(named: word).isEmpty else {
            throw CommandError("no function named '\(word)' in \(program.displayName)", hint: functionHint(program))
        }
        return .function(word)
    }

    /// `print EXPR`: compiles the expression and evaluates it in the stopped frame, unobserved.
    func evaluate(_ expression: String, _ execution: GuestExecution, _ stop: Stop) {
        let code: CodeObject
        switch Result(catching: { () throws(SourceError) -> CodeObject in try compileExpression(source: expression, filename: "<print>") }) {
        case .success(let c): code = c
        case .failure(let error):
            write(error.formatted())
            return
        }
        let rt = execution.runtime
        do {
            let text = try execution.monitor.unobserved { () throws(PyException) -> String in
                let value = try rt.evaluate(code, in: stop.position.frame.pointee, stackTop: stop.stackTop)
                return try rt.repr(value)
            }
            writeLine(text.replacingOccurrences(of: #" at 0x[0-9a-f]+"#, with: "", options: .regularExpression))
        } catch {
            let summary = (try? execution.monitor.unobserved { () throws(PyException) -> String in rt.exceptionLastLine(error.value) })
                ?? rt.exceptionSummary(error.value)
            writeLine(summary)
        }
    }
}
