import Foundation
import Lab
import MiniPy
import Terminal
#if canImport(Glibc)
import Glibc
#endif

/// The interactive Lab: `metalab` without arguments.
enum Repl {
    /// Opens a session reading commands from the terminal (or plainly from a pipe); returns the exit status.
    static func run() -> Int32 {
        catchInterrupts()
        let interactive = isTerminal(0)
        let session = Session(mode: .interactive, color: colorWanted(), output: writeStdout)
        let input = lineInput(for: session, interactive: interactive)
        if interactive { writeStdout("metalab \(version) — the Lab. Type 'help' for commands, Ctrl-D to quit.\n") }
        _ = runOnLargeStack { session.run(InteractiveSource(input)) }
        return 0
    }

    /// The one place the REPL picks its input: the line editor at a terminal (libedit: history in
    /// `~/.metalab_history` or `$METALAB_HISTORY`, completion through `session.completions(for:)`, Ctrl-C
    /// clears the line); a plain reader when stdin is not a terminal (no prompt is printed at all, so piped input
    /// gives clean output), or one that prompts when only stdout is redirected.
    static func lineInput(for session: Session, interactive: Bool) -> LineInput {
        if LineEditor.isInteractive() {
            return LineEditor(programName: "metalab") { line in session.completions(for: line) }
        }
        return interactive ? PromptingLineReader() : PlainLineReader()
    }

    static let version = "0.1.0"
}

/// The terminal's line editor reads the Lab's commands.
extension LineEditor: LineInput {}

/// A plain reader that shows the prompt (for a terminal without the line editor).
final class PromptingLineReader: LineInput {
    func readLine(prompt: String) -> String? {
        writeStdout(prompt)
        return Swift.readLine(strippingNewline: true)
    }
}

/// Colour when standard output is a terminal and NO_COLOR is not set.
func colorWanted() -> Bool { isTerminal(1) && getenv("NO_COLOR") == nil }

/// Writes to standard output unbuffered (the session's output interleaves with prompts and the guest's output).
func writeStdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}

/// `metalab script FILE|-`: runs Lab commands unattended.
struct Script: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "script",
        abstract: "Run a Lab script (commands, say, pause, expect) unattended, with deterministic output.",
        discussion: "Exits with status 1 when an expect fails or a command is unknown. See docs/lab.md.")

    @ArgumentParser.Argument(help: "The script file, or - for standard input.")
    var file: String

    func run() throws {
        let text: String
        let directory: String
        if file == "-" {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            directory = FileManager.default.currentDirectoryPath
        } else {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("metalab: can't open script '\(file)': no such file\n".utf8))
                throw ExitCode(2)
            }
            text = String(decoding: data, as: UTF8.self)
            directory = (file as NSString).deletingLastPathComponent.isEmpty ? "." : (file as NSString).deletingLastPathComponent
        }
        let session = Session(mode: .script, color: colorWanted(), baseDirectory: directory, output: writeStdout)
        let name = file == "-" ? "<stdin>" : file
        let ok = runOnLargeStack { session.run(ScriptSource(name: name, text: text)) }
        if !ok {
            FileHandle.standardError.write(Data("metalab: script failed: \(session.failure ?? "")\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// `metalab lesson [list|N]`: plays a numbered lesson.
struct LessonCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lesson",
        abstract: "List the lessons, or play lesson N (pauses wait for Enter on a terminal; in batch its expects are checked).")

    @ArgumentParser.Argument(help: "'list' (the default) or a lesson number.")
    var which: String = "list"

    func run() throws {
        if which == "list" {
            for lesson in Lesson.all { print("\(lesson.number)  \(lesson.name.padding(toLength: 12, withPad: " ", startingAt: 0)) \(lesson.title)") }
            return
        }
        guard let n = Int(which), let lesson = Lesson.numbered(n) else {
            let known = Lesson.all.map { String($0.number) }.joined(separator: ", ")
            FileHandle.standardError.write(Data("metalab: no lesson '\(which)' (lessons: \(known); 'metalab lesson list' shows them)\n".utf8))
            throw ExitCode(2)
        }
        let attended = isTerminal(0) && isTerminal(1)
        if attended { catchInterrupts() }
        let session = Session(mode: .lesson(waitsAtPauses: attended), color: colorWanted(), embeddedFiles: Lesson.files,
                              output: writeStdout)
        if attended { session.pauseInput = PromptingLineReader() }
        let ok = runOnLargeStack { session.run(ScriptSource(name: "lessons/\(lesson.fileName)", text: lesson.script)) }
        if !ok {
            FileHandle.standardError.write(Data("metalab: lesson \(n) failed: \(session.failure ?? "")\n".utf8))
            throw ExitCode(1)
        }
    }
}

import ArgumentParser
