import Foundation
import MiniPy

/// A view of the program's state, as a registry entry: the source (`list`), its bytecode (`dis`), the interpreter's
/// dispatch (`interp`), the frames (`where`). Later stages register theirs (trace, opt, asm, guards) the same way;
/// each becomes a command.
struct LabView {
    let name: String
    let aliases: [String]
    let usage: String
    let summary: String
    let details: String
    var completion = CompletionKind.none
    let render: (Session, CommandArguments) throws(CommandError) -> Void

    var command: Command {
        Command(name: name, aliases: aliases, usage: usage, summary: summary, details: details, completion: completion) {
            session, args throws(CommandError) in
            try render(session, args)
            return .stay
        }
    }

    static let all: [LabView] = [.list, .dis, .interp, .backtrace]
}

extension LabView {
    static let list = LabView(
        name: "list", aliases: ["l"], usage: "list [LINE | FUNCTION | FILE:LINE]",
        summary: "show source lines around the current line (or LINE, or a function)",
        details: "Shows \(Settings.defaultListSize) lines (see 'set listsize') centred on the current line, marked '->'; 'B' marks breakpoints. Without an argument after a list, continues with the next lines. Each line has its colour, shared with its bytecodes in 'dis' and 'interp'.",
        completion: .guestNames) { session, args throws(CommandError) in
            let program = try session.requireProgram()
            let current = session.execution?.stop.map { $0.position }
            let total = program.lines.count
            let size = session.settings.listSize
            var first: Int
            switch args.words.count {
            case 0:
                if let cursor = session.listCursor {
                    first = cursor
                } else if let current, current.file == program.displayName {
                    first = current.line - size / 2
                } else {
                    first = 1
                }
            case 1:
                let target = try session.resolveLine(args.words[0], program)
                first = target - size / 2
            default:
                throw CommandError("list takes at most one argument", hint: "usage: list [LINE | FUNCTION | FILE:LINE]")
            }
            first = max(1, min(first, total - size + 1))
            let last = min(total, first + size - 1)
            guard first <= last else {
                session.writeLine("(end of \(program.displayName))")
                return
            }
            let p = session.palette
            let marked = Set(session.breakpoints.all.compactMap { b -> Int? in
                if case .line(let file, let line) = b.place, Breakpoint.sameFile(file, program.displayName) { return line }
                return nil
            })
            for n in first...last {
                let here = current?.file == program.displayName && current?.line == n
                let marker = (marked.contains(n) ? "B" : " ") + (here ? "->" : "  ")
                session.writeLine(marker + p.line(n, padded(n, 4) + "  " + program.lines[n - 1]))
            }
            session.listCursor = last < total ? last + 1 : nil
        }

    static let dis = LabView(
        name: "dis", aliases: [], usage: "dis [FUNCTION]",
        summary: "disassemble the current function (or FUNCTION), the current instruction marked",
        details: "Bytecode in CPython's dis format: source line, '>>' on jump targets, offset, opcode, argument and its meaning. '-->' marks the instruction about to execute. Instructions share their source line's colour. 'dis <module>' shows the module's code.",
        completion: .guestNames) { session, args throws(CommandError) in
            let program = try session.requireProgram()
            let current = session.execution?.stop.map { $0.position }
            let code: CodeObject
            switch args.words.count {
            case 0: code = current?.code ?? program.code
            case 1:
                let name = args.words[0]
                guard let found = name == "<module>" ? program.code : program.functions(named: name).first else {
                    throw CommandError("no function named '\(name)' in \(program.displayName)", hint: session.functionHint(program))
                }
                code = found
            default: throw CommandError("dis takes at most one function name", hint: "usage: dis [FUNCTION]")
            }
            session.write(session.disassembly(code, marking: current?.code === code ? current?.pc : nil))
        }

    static let backtrace = LabView(
        name: "where", aliases: ["bt", "backtrace", "w"], usage: "where",
        summary: "show the stack of guest frames, innermost last",
        details: "One line per frame: function, file:line and the instruction it is executing (a call, for all but the innermost). '>' marks the current frame.") { session, args throws(CommandError) in
            guard args.words.isEmpty else { throw CommandError("where takes no arguments", hint: "usage: where") }
            let (execution, stop) = try session.requireStop()
            let frames = execution.runtime.frames
            for i in 0..<frames.depth {
                let frame = frames.frames[i]
                let innermost = i == frames.depth - 1
                let pc = innermost ? stop.position.pc : frame.pc
                let code = frame.code
                let line = Int(code.lines[min(pc, code.lines.count - 1)])
                let text = "#\(i) \(code.qualname) at \(code.filename):\(line)  \(instructionText(code, pc).trimmingCharacters(in: .whitespaces))"
                session.writeLine((innermost ? "> " : "  ") + session.palette.line(line, text))
            }
        }
}

extension Session {
    /// A line number from `LINE`, `FILE:LINE` (of the loaded program) or a function name (its first line).
    func resolveLine(_ word: String, _ program: LoadedProgram) throws(CommandError) -> Int {
        let lineText = word.split(separator: ":").last.map(String.init) ?? word
        if let n = Int(lineText) {
            guard n >= 1 && n <= program.lines.count else {
                throw CommandError("line \(n) is out of range (\(program.displayName) has \(program.lines.count) lines)")
            }
            return n
        }
        guard let code = program.functions(named: word).first else {
            throw CommandError("no function named '\(word)' in \(program.displayName)", hint: functionHint(program))
        }
        return code.firstLine
    }

    /// Lists the program's functions (for hints).
    func functionHint(_ program: LoadedProgram) -> String {
        let names = program.allCode.filter { $0.name != "<module>" }.map(\.qualname).sorted()
        return names.isEmpty ? "the program defines no functions" : "functions: " + names.joined(separator: ", ")
    }

    /// `code`'s bytecode, dis-style, with the instruction at `pc` marked and each instruction in its line's colour.
    func disassembly(_ code: CodeObject, marking pc: Int?) -> String {
        let p = palette
        let targets = Set((0..<code.code.count).compactMap { i -> Int? in
            code.code[i].opcode.isJump ? Int(code.code[i].arg) : nil
        } + code.exceptionTable.map { Int($0.handler) })
        var out = "Disassembly of \(code.qualname) (\(code.filename), line \(code.firstLine)):\n"
        var previousLine = -1
        for i in 0..<code.code.count {
            let line = Int(code.lines[i])
            let lineColumn = line != previousLine ? padded(line, 4) : "    "
            if line != previousLine && i > 0 { out += "\n" }
            previousLine = line
            let marker = i == pc ? "-->" : "   "
            let target = targets.contains(i) ? ">>" : "  "
            out += p.line(line, "\(lineColumn) \(marker) \(target) \(instructionText(code, i))") + "\n"
        }
        return out
    }
}

/// `n` right-aligned in `width` columns.
func padded(_ n: Int, _ width: Int) -> String {
    let text = String(n)
    return String(repeating: " ", count: max(0, width - text.count)) + text
}
