import Foundation
import Meta
import MiniPy

/// How a session is driven; it decides whether `pause` waits and whether errors end the session.
public enum SessionMode: Equatable {
    /// The REPL: errors are reported and the session goes on.
    case interactive
    /// `metalab script`: unattended; an unknown command or a failed `expect` ends it with a failure.
    case script
    /// `metalab lesson N`: a script whose `pause`s wait for Enter when `waitsAtPauses`.
    case lesson(waitsAtPauses: Bool)
}

/// A Lab session (DESIGN §12): it owns a loaded program and its execution, parses and executes commands, and
/// writes everything it shows — views, stops, the guest's own output — to one output function. The REPL, scripts
/// and lessons all drive a session; nothing here touches the terminal.
///
/// Execution is pdb-style: the guest runs on the caller's thread under the observing domain; when the session
/// decides to stop (a step finished, a breakpoint, Ctrl-C) it runs its command loop from inside the interpreter's
/// hook, and a resuming command (`step`, `continue`, ...) returns from it.
public final class Session {
    public let mode: SessionMode
    let emit: (String) -> Void
    /// Everything written since the last command was read (what `expect` checks).
    public private(set) var lastOutput = ""
    public internal(set) var settings: Settings
    /// Relative program paths resolve against this directory (a script's own directory; the working directory in
    /// the REPL), or against `embeddedFiles` when given (lessons played from the binary).
    let baseDirectory: String
    let embeddedFiles: [String: String]?
    var program: LoadedProgram?
    var execution: GuestExecution?
    var breakpoints = Breakpoints()
    /// What the JIT did in the latest run under `set jit trace` (kept after the run ends, for the JIT views).
    var jitHistory: JitHistory? {
        willSet { if newValue !== jitHistory { jitHistory?.detach() } }
    }
    /// Where `pause` waits (lessons on a terminal).
    public var pauseInput: LineInput?
    /// Set by a failed `expect` or an unknown command in a script: the session stops reading and fails.
    public private(set) var failure: String?
    /// The command source being read (the nested command loop at a stop reads the same one).
    var source: CommandSource?
    /// The position of the last reported stop (the source line is shown again only when it changes).
    var lastReported: GuestPosition?
    /// Where a `list` without arguments continues (file and line).
    var listCursor: (String, Int)?

    public init(mode: SessionMode, color: Bool, baseDirectory: String = FileManager.default.currentDirectoryPath,
                embeddedFiles: [String: String]? = nil, output: @escaping (String) -> Void) {
        self.mode = mode
        self.emit = output
        // Absolute, so that modules the program imports (known by their full paths) are shown relative to it.
        self.baseDirectory = URL(fileURLWithPath: baseDirectory).standardizedFileURL.path
        self.embeddedFiles = embeddedFiles
        settings = Settings(color: color)
    }

    deinit { jitHistory?.detach() }

    var palette: Palette { Palette(enabled: settings.color) }

    /// Writes text the user sees (also recorded for `expect`).
    func write(_ text: String) {
        lastOutput += text
        emit(text)
    }

    func writeLine(_ text: String = "") { write(text + "\n") }

    /// Reads and executes commands from `source` until it ends, `quit`, or (in scripts) a failure. Returns whether
    /// the session ended without a failure.
    @discardableResult
    public func run(_ source: CommandSource) -> Bool {
        self.source = source
        _ = commandLoop()
        return failure == nil
    }

    /// Executes one command line (as if typed); returns what it resulted in.
    @discardableResult
    public func execute(_ line: String, origin: String? = nil) -> CommandResult {
        let parsed = ParsedCommand(line)
        guard let name = parsed.name else { return .stay }
        guard let command = CommandRegistry.shared.command(named: name) else {
            let suggestion = CommandRegistry.shared.closest(to: name).map { " (did you mean '\($0)'?)" } ?? ""
            report(CommandError("unknown command '\(name)'\(suggestion)", hint: "type 'help' for the list of commands"),
                   origin: origin, fatalInScripts: true)
            return .stay
        }
        if !command.keepsOutput { lastOutput = "" }
        do {
            return try command.run(self, parsed.arguments(origin: origin))
        } catch {
            report(error, origin: origin, fatalInScripts: false)
            return .stay
        }
    }

    /// Reports a command error on one line (with its script location, if any).
    func report(_ error: CommandError, origin: String?, fatalInScripts: Bool) {
        let location = origin.map { "\($0): " } ?? ""
        writeLine("\(location)error: \(error.message)" + (error.hint.map { " — \($0)" } ?? ""))
        if fatalInScripts && mode != .interactive { fail("\(location)\(error.message)") }
    }

    /// Marks the session failed (scripts and lessons stop reading).
    func fail(_ message: String) {
        if failure == nil { failure = message }
    }

    /// How the command loop ended.
    enum LoopExit {
        /// A command resumed the stopped guest (or asked it to unwind).
        case resumed
        /// `quit`, the end of the input, or a script failure.
        case ended
    }

    /// Reads and executes commands until one resumes the guest, or the input ends.
    func commandLoop() -> LoopExit {
        guard let source else { return .ended }
        while failure == nil, let line = source.nextCommand(prompt: prompt) {
            switch execute(line.text, origin: line.origin) {
            case .stay: continue
            case .resume: return .resumed
            case .quit: return .ended
            }
        }
        return .ended
    }

    var prompt: String { execution?.isStopped == true ? "(metalab) " : "metalab> " }

    /// The loaded program, or an error telling how to load one.
    func requireProgram() throws(CommandError) -> LoadedProgram {
        if let execution { return execution.program }
        guard let program else { throw CommandError("no program is loaded", hint: "load FILE first") }
        return program
    }

    /// The stopped execution, or an error saying the program must be stopped somewhere.
    func requireStop() throws(CommandError) -> (GuestExecution, Stop) {
        guard let execution, let stop = execution.stop else {
            throw CommandError(program == nil ? "no program is loaded" : "the program is not running",
                               hint: program == nil ? "load FILE first" : "start it with 'step' or 'run'")
        }
        return (execution, stop)
    }

    // MARK: running the guest

    /// Resumes the stopped program until `condition` (or a breakpoint, or Ctrl-C) stops it; starts the loaded
    /// program first if it is not running.
    func proceed(_ condition: any StopCondition) throws(CommandError) -> CommandResult {
        if let execution, execution.isStopped {
            execution.monitor.condition = condition
            Runtime.interruptRequested = 0  // a Ctrl-C typed at the prompt is not meant for the resumed program
            return .resume
        }
        return try launch(condition)
    }

    /// Runs the loaded program from the start until it finishes; `condition` says where to stop first. Returns
    /// when the program has finished or was abandoned (then `restart` starts it again here).
    func launch(_ firstCondition: any StopCondition) throws(CommandError) -> CommandResult {
        var condition = firstCondition
        while true {
            let program = try requireProgram()
            let execution = GuestExecution(program: program, session: self, condition: condition)
            self.execution = execution
            breakpoints.forgetCode()
            lastReported = nil
            let outcome = execution.run()
            self.execution = nil
            switch outcome {
            case .finished(let status, let report):
                // Imported modules are known by their full paths: show them relative, as everywhere in the Lab.
                write(report.replacingOccurrences(of: "\"\(program.directory)/", with: "\""))
                writeLine("The program finished with exit status \(status).")
                return .stay
            case .abandoned(.restart(let first)):
                writeLine("Restarting \(program.displayName).")
                condition = first
            case .abandoned(.load):
                return .stay
            case .abandoned(.quit):
                return .quit
            }
        }
    }

    /// Called by the monitor when the guest must stop: reports where, then runs the command loop until a command
    /// resumes (returns normally) or the input ends (the guest is abandoned). `report: false` when the caller
    /// has shown the stop itself (`stepi`).
    func stopped(_ stop: Stop, report: Bool = true) {
        guard let execution else { return }
        execution.stop = stop
        if report { reportStop(stop, in: execution) }
        let exit = commandLoop()
        execution.stop = nil
        if exit == .ended && !execution.monitor.abandonsGuest { execution.abandon(.quit) }
    }

    // MARK: loading

    /// Resolves a program or script path the way `load` does.
    func resolve(_ path: String) -> (display: String, source: String)? {
        if let embeddedFiles, let text = embeddedFiles[path] { return (path, text) }
        let full = path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: full), let text = String(data: data, encoding: .utf8) else {
            return nil
        }
        return (path, text)
    }

    /// Loads (compiles) a program, replacing the current one.
    func load(_ path: String) throws(CommandError) {
        guard let (display, text) = resolve(path) else {
            throw CommandError("can't open file '\(path)': no such file", hint: "give a path to a .py file")
        }
        let directory = embeddedFiles?[path] != nil ? baseDirectory
            : ((path.hasPrefix("/") ? path : (baseDirectory as NSString).appendingPathComponent(path)) as NSString).deletingLastPathComponent
        switch Result(catching: { () throws(SourceError) -> CodeObject in try compileModule(source: text, filename: display) }) {
        case .success(let code):
            if let execution, execution.isStopped { execution.abandon(.load) }
            let keep = program?.displayName == display
            program = LoadedProgram(displayName: display, directory: directory, source: text, code: code)
            if !keep && !breakpoints.isEmpty {
                breakpoints.removeAll()
                writeLine("Deleted all breakpoints (they belonged to the previous program).")
            }
            writeLine("Loaded \(display) (\(program!.lines.count) lines, \(program!.allCode.count) code objects).")
        case .failure(let error):
            write(error.formatted())
            throw CommandError("\(display) was not loaded (syntax error above)", hint: nil)
        }
    }
}

/// What executing a command leads to.
public enum CommandResult {
    /// Read the next command.
    case stay
    /// Resume the stopped guest.
    case resume
    /// End the session.
    case quit
}

/// A compiled program: its source, its module code object and every code object nested in it.
struct LoadedProgram {
    let displayName: String
    let directory: String
    let source: String
    let code: CodeObject
    let lines: [String]
    let allCode: [CodeObject]

    init(displayName: String, directory: String, source: String, code: CodeObject) {
        self.displayName = displayName
        self.directory = directory
        self.source = source
        self.code = code
        var lines = source.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
        var all: [CodeObject] = []
        var pending = [code]
        while let c = pending.popLast() {
            all.append(c)
            for case .code(let inner) in c.consts { pending.append(inner) }
        }
        allCode = all
    }

    /// The same program with fresh code objects (a code object belongs to the runtime that first ran it).
    func recompiled() -> LoadedProgram {
        let code = (try? compileModule(source: source, filename: displayName)) ?? self.code
        return LoadedProgram(displayName: displayName, directory: directory, source: source, code: code)
    }

    /// The code objects named `name` (function name or qualified name).
    func functions(named name: String) -> [CodeObject] {
        allCode.filter { $0.name == name || $0.qualname == name }
    }
}
