import Foundation
import Testing
@testable import Terminal

/// The REPL at a real terminal: the `metalab` executable on a pseudo-terminal, typed at like a person would.
/// Every wait is bounded and the program is killed at the end of each test.
@Suite(.serialized) struct ReplTerminalTests {
    static let prompt = "metalab> "
    /// The prompt while a program is stopped.
    static let stoppedPrompt = "(metalab) "

    /// A folder of its own for each test: the home directory (no `~/.editrc` of the user's) and the history.
    let home: URL

    init() throws {
        home = FileManager.default.temporaryDirectory.appendingPathComponent("metalab-repl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
    }

    var historyFile: URL { home.appendingPathComponent("history") }

    /// Starts the REPL and waits for its first prompt.
    func startRepl() throws -> PseudoTerminal {
        let environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "HOME": home.path,
            "TERM": "xterm",
            "NO_COLOR": "1",
            "METALAB_HISTORY": historyFile.path,
        ]
        let terminal = try PseudoTerminal(Corpus.binary, environment: environment)
        try terminal.expect("Type 'help' for commands")
        try awaitPrompt(on: terminal)
        return terminal
    }

    /// Waits for the prompt and for the editor to take the keyboard (keys typed earlier would meet the
    /// terminal's own line editing, as they would for a person typing ahead).
    func awaitPrompt(_ prompt: String = ReplTerminalTests.prompt, on terminal: PseudoTerminal) throws {
        try terminal.expect(prompt)
        try terminal.waitForCharacterMode()
    }

    /// Types `line` and Enter, once the editor has shown what was typed.
    func enter(_ line: String, on terminal: PseudoTerminal) throws {
        terminal.send(line)
        if !line.isEmpty { try terminal.expect(line) }
        terminal.send("\r")
    }

    @Test func showsThePromptAndRunsACommand() throws {
        let terminal = try startRepl()
        try enter("help", on: terminal)
        try terminal.expect("Commands (help COMMAND for details):")
        try awaitPrompt(on: terminal)
    }

    @Test func ctrlDOnAnEmptyLineEndsTheSessionWithStatusZero() throws {
        let terminal = try startRepl()
        terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func upArrowRecallsTheLastSessionsLines() throws {
        let first = try startRepl()
        try enter("help load", on: first)
        try first.expect("load (compile) a MiniPy program")
        try awaitPrompt(on: first)
        // A repeated line and a blank one are not remembered: two Ups reach the line before them.
        for line in ["help run", "help run", ""] {
            try enter(line, on: first)
            try awaitPrompt(on: first)
        }
        first.send("\u{4}")
        #expect(try first.waitForExit() == 0)
        #expect(FileManager.default.fileExists(atPath: historyFile.path))

        let second = try startRepl()
        second.send("\u{1b}[A")
        try second.expect("help run")
        second.send("\r")
        try second.expect("run the program from the start")
        try awaitPrompt(on: second)
        second.send("\u{1b}[A\u{1b}[A\r")
        try second.expect("load (compile) a MiniPy program")
    }

    @Test func tabCompletesACommandName() throws {
        let terminal = try startRepl()
        terminal.send("he")
        try terminal.expect("he")
        terminal.send("\t")
        try terminal.expect("lp ")
        terminal.send("\r")
        try terminal.expect("Commands (help COMMAND for details):")
    }

    @Test func tabListsSeveralCandidates() throws {
        let terminal = try startRepl()
        terminal.send("s")
        try terminal.expect("s")
        terminal.send("\t")
        let listing = try terminal.expect(ReplTerminalTests.prompt)
        for command in ["say", "set", "show", "step"] { #expect(listing.contains(command)) }
        // The line is redrawn under the list, still being edited.
        try terminal.expect("s")
        terminal.send("h\t\r")
        try terminal.expect("listsize = ")
    }

    @Test func ctrlCAtThePromptDiscardsTheLine() throws {
        let terminal = try startRepl()
        terminal.send("garbage")
        try terminal.expect("garbage")
        terminal.send("\u{3}")
        try terminal.expect("^C")
        try awaitPrompt(on: terminal)
        try enter("help load", on: terminal)
        let reply = try terminal.expect("load (compile) a MiniPy program")
        #expect(!reply.contains("unknown command"))
        // Still a live session: Ctrl-D ends it normally.
        try awaitPrompt(on: terminal)
        terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    @Test func ctrlCStopsTheRunningProgramNotTheSession() throws {
        let program = home.appendingPathComponent("spin.py")
        try "n = 0\nwhile True:\n    n += 1\n".write(to: program, atomically: true, encoding: .utf8)
        let terminal = try startRepl()
        try enter("load \(program.path)", on: terminal)
        try terminal.expect("Loaded")
        try awaitPrompt(on: terminal)
        try enter("run", on: terminal)
        try terminal.waitForCharacterMode(false)
        try interrupt(terminal)
        try awaitPrompt(ReplTerminalTests.stoppedPrompt, on: terminal)
        // The session goes on, with the program stopped in its loop; it can run on and be interrupted again.
        try enter("where", on: terminal)
        try terminal.expect("spin.py:")
        try awaitPrompt(ReplTerminalTests.stoppedPrompt, on: terminal)
        try enter("continue", on: terminal)
        try terminal.waitForCharacterMode(false)
        try interrupt(terminal)
        try awaitPrompt(ReplTerminalTests.stoppedPrompt, on: terminal)
        terminal.send("\u{4}")
        #expect(try terminal.waitForExit() == 0)
    }

    /// Types Ctrl-C at the running program until the Lab reports it stopped.
    func interrupt(_ terminal: PseudoTerminal) throws {
        // A Ctrl-C typed after Enter but before the program starts is dropped with the finished line; give the
        // program a moment to start, and type Ctrl-C again if it still runs (a person would too).
        usleep(300_000)
        for _ in 0..<5 {
            terminal.send("\u{3}")
            if (try? terminal.expect("Interrupted at", timeout: 2)) != nil { return }
        }
        throw PseudoTerminal.Failure(description: "Ctrl-C did not stop the program")
    }

    @Test func terminationAtThePromptRestoresTheTerminal() throws {
        let terminal = try startRepl()
        terminal.signal(SIGTERM)
        #expect(try terminal.waitForExit() == 128 + SIGTERM)
        try terminal.waitForCharacterMode(false, timeout: 5)
    }

    @Test func editsNonASCIIText() throws {
        let terminal = try startRepl()
        terminal.send("say héllo wörld ✓✓")
        try terminal.expect("✓✓")
        // Backspace removes a whole character, not a byte of it.
        terminal.send("\u{7f}\u{7f}x\r")
        try terminal.expect("héllo wörld x\r\n")
    }
}

/// The history file itself, without a terminal.
struct LineHistoryTests {
    @Test func keepsAtMostTheCapacityAcrossSessions() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("metalab-history-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let first = LineHistory(file: file.path, capacity: 10, programName: "test")
        for n in 1...25 { first.add("line \(n)") }
        #expect(first.count == 10)
        let second = LineHistory(file: file.path, capacity: 10, programName: "test")
        #expect(second.count == 10)
    }

    @Test func skipsBlankLinesAndRepeats() {
        let history = LineHistory(file: nil, capacity: 10, programName: "test")
        history.add("a")
        history.add("a")
        history.add("   ")
        history.add("")
        history.add("b")
        #expect(history.count == 2)
    }
}

/// Tab completion's decisions, without a terminal.
struct TabCompletionTests {
    @Test func theLastWordFollowsTheLastBlank() {
        #expect(TabCompletion.lastWord(of: "load prog") == "prog")
        #expect(TabCompletion.lastWord(of: "he") == "he")
        #expect(TabCompletion.lastWord(of: "break ") == "")
    }

    @Test func oneCandidateCompletesWithASpaceUnlessADirectory() {
        #expect(TabCompletion.plan(line: "he", candidates: ["help"]) == .replace(wordLength: 2, with: "help "))
        #expect(TabCompletion.plan(line: "load li", candidates: ["lib/"]) == .replace(wordLength: 2, with: "lib/"))
    }

    @Test func severalCandidatesCompleteTheirSharedPrefixThenList() {
        #expect(TabCompletion.plan(line: "s", candidates: ["step", "stats"]) == .replace(wordLength: 1, with: "st"))
        #expect(TabCompletion.plan(line: "st", candidates: ["stats", "step", "step"]) == .list(["stats", "step"]))
        #expect(TabCompletion.plan(line: "x", candidates: []) == .nothing)
    }

    @Test func listsInColumnsDownThenAcross() {
        let lines = TabCompletion.columns(["a", "bb", "c", "d", "e"], width: 10)
        #expect(lines == ["a   c   e", "bb  d"])
        #expect(TabCompletion.columns(["long-name", "other"], width: 5) == ["long-name", "other"])
    }
}
