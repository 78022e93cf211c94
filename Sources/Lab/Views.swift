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

    static let all: [LabView] = [.list, .dis, .interp, .backtrace] + jitViews + treeViews
}

extension LabView {
    static let list = LabView(
        name: "list", aliases: ["l"], usage: "list [LINE | FUNCTION | FILE:LINE]",
        summary: "show source lines around the current line (or LINE, or a function)",
        details: "Shows \(Settings.defaultListSize) lines (see 'set listsize') centred on the current line, marked '->'; 'B' marks breakpoints. Without an argument after a list, continues with the next lines. Each line has its colour, shared with its bytecodes in 'dis' and 'interp'.",
        completion: .guestNames) { session, args throws(CommandError) in
            let program = try session.requireProgram()
            let current = session.execution?.stop.map { $0.position }
            // The file shown: the current frame's (an imported module's, perhaps), else the program's.
            var file = current?.file ?? program.displayName
            let size = session.settings.listSize
            var first: Int
            var continuing = false
            switch args.words.count {
            case 0:
                if let cursor = session.listCursor {
                    (file, first) = cursor
                    continuing = true
                } else if let current {
                    first = current.line - size / 2
                } else {
                    first = 1
                }
            case 1:
                let target = try session.resolveLine(args.words[0], program, listing: file)
                file = target.file
                first = target.line - size / 2
            default:
                throw CommandError("list takes at most one argument", hint: "usage: list [LINE | FUNCTION | FILE:LINE]")
            }
            let lines = session.sourceLines(of: file, program)
            let total = lines.count
            if !continuing { first = max(1, min(first, total - size + 1)) }
            let last = min(total, first + size - 1)
            guard first <= last else {
                session.writeLine("(end of \(session.shortPath(file)))")
                return
            }
            let p = session.palette
            let marked = Set(session.breakpoints.all.compactMap { b -> Int? in
                if case .line(let f, let line) = b.place, Breakpoint.sameFile(f, file) { return line }
                return nil
            })
            for n in first...last {
                let here = current?.file == file && current?.line == n
                let marker = (marked.contains(n) ? "B" : " ") + (here ? "->" : "  ")
                session.writeLine(marker + p.line(n, padded(n, 4) + "  " + lines[n - 1]))
            }
            session.listCursor = (file, last + 1)
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
                let text = "#\(i) \(code.qualname) at \(session.shortPath(code.filename)):\(line)  \(instructionText(code, pc).trimmingCharacters(in: .whitespaces))"
                session.writeLine((innermost ? "> " : "  ") + session.palette.line(line, text))
            }
        }
}

extension Session {
    /// A file and line from `LINE` (of the file being listed), `FILE:LINE` or a function name (its first line).
    func resolveLine(_ word: String, _ program: LoadedProgram, listing: String) throws(CommandError) -> (file: String, line: Int) {
        var file = listing
        var lineText = word
        if let colon = word.lastIndex(of: ":") {
            file = String(word[..<colon])
            lineText = String(word[word.index(after: colon)...])
            guard let known = knownFile(file, program) else {
                throw CommandError("no source for '\(file)'", hint: "list FILE:LINE works for the program and the modules it imported")
            }
            file = known
        }
        if let n = Int(lineText) {
            let count = sourceLines(of: file, program).count
            guard n >= 1 && n <= count else {
                throw CommandError("line \(n) is out of range (\(shortPath(file)) has \(count) lines)")
            }
            return (file, n)
        }
        guard let code = program.functions(named: word).first else {
            throw CommandError("no function named '\(word)' in \(program.displayName)", hint: functionHint(program))
        }
        return (program.displayName, code.firstLine)
    }

    /// The lines of the program or of a module the running program imported.
    func sourceLines(of file: String, _ program: LoadedProgram) -> [String] {
        if file == program.displayName { return program.lines }
        var lines = execution?.runtime.sourceLines[file] ?? []
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The name under which the program or a loaded module knows `file` (compared by file name).
    func knownFile(_ file: String, _ program: LoadedProgram) -> String? {
        if Breakpoint.sameFile(file, program.displayName) { return program.displayName }
        return execution?.runtime.sourceLines.keys.sorted().first { Breakpoint.sameFile($0, file) }
    }

    /// `file` relative to the program's directory (imported modules are known by their full paths).
    func shortPath(_ file: String) -> String {
        guard let directory = (execution?.program ?? program)?.directory else { return file }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file
    }

    /// `run at seed_loop.py:9`.
    func place(_ position: GuestPosition) -> String { "\(position.code.qualname) at \(shortPath(position.file)):\(position.line)" }

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
        var out = "Disassembly of \(code.qualname) (\(shortPath(code.filename)), line \(code.firstLine)):\n"
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
