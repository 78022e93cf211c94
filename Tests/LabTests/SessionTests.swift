import Foundation
import Testing
@testable import Lab
import MiniPy

/// The Lab's engine driven in-process: commands, stepping, breakpoints, inspection, errors. Serialized: each
/// session's runtime installs itself as `Runtime.current`.
@Suite(.serialized) struct SessionTests {
    func session(_ commands: [String], files: [String: String] = ["seed.py": Programs.seed]) throws -> (output: String, ok: Bool) {
        try LabTestSupport.session(commands, files: files)
    }

    @Test func commandLinesSplitIntoNameAndArguments() {
        let c = ParsedCommand("  print  b + a ")
        #expect(c.name == "print")
        #expect(c.rest == "b + a")
        #expect(c.arguments(origin: nil).words == ["b", "+", "a"])
        #expect(ParsedCommand("# a comment").name == nil)
        #expect(ParsedCommand("   ").name == nil)
        #expect(ParsedCommand("say   indented").raw == "  indented")
        #expect(CommandRegistry.shared.command(named: "s")?.name == "step")
        #expect(CommandRegistry.shared.command(named: "bt")?.name == "where")
        #expect(CommandRegistry.shared.command(named: "frobnicate") == nil)
    }

    @Test func everyCommandHasHelp() throws {
        for command in CommandRegistry.shared.commands {
            let (output, ok) = try session(["help \(command.name)"])
            #expect(ok)
            #expect(output.hasPrefix("usage: \(command.usage)"), "help \(command.name)")
            #expect(!command.details.isEmpty && !command.summary.isEmpty)
        }
        let names = CommandRegistry.shared.commands.flatMap(\.names)
        #expect(Set(names).count == names.count, "a name or alias is used twice")
    }

    @Test func unknownCommandIsAnErrorWithAHintAndEndsAScript() throws {
        let (output, ok) = try session(["stpe", "help"])
        #expect(!ok)
        #expect(output.contains("test.mlab:1: error: unknown command 'stpe' (did you mean 'step'?) — type 'help' for the list of commands"))
        #expect(!output.contains("Commands (help COMMAND"), "the script must stop at the unknown command")
    }

    @Test func badArgumentsGetOneLineErrors() throws {
        let (output, ok) = try session(["step", "step 0", "step sideways", "set color purple", "set nosuch 1", "delete 7",
                                        "info", "list 400", "load", "print"])
        #expect(ok, "bad arguments are reported, not fatal")
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("test.mlab:") }
        #expect(errors.count == 10, "\(output)")
        #expect(output.contains("error: no program is loaded — load FILE first"))
        #expect(output.contains("error: '0' is not a positive count"))
        #expect(output.contains("error: unknown step granularity 'sideways' — one of: bytecode, op, line"))
        #expect(output.contains("error: color is on or off, not 'purple'"))
        #expect(output.contains("error: no knob named 'nosuch'"))
        #expect(output.contains("error: no breakpoint number 7"))
    }

    @Test func stepExecutesOneBytecodeAndStartsTheProgram() throws {
        let (output, _) = try session(["load seed.py", "step", "step 3", "where"])
        #expect(output.contains("> <module> at seed.py:1: def run(a, n):\n->    0 LOAD_CONST"))
        #expect(output.contains("->    6 LOAD_CONST"), "step 3 moves three instructions: \(output)")
        #expect(output.contains("> #0 <module> at seed.py:9  6 LOAD_CONST"))
    }

    @Test func breakpointsOnLinesAndFunctions() throws {
        let (output, ok) = try session(["load seed.py", "break 5", "break main", "break 8", "break 99", "break nosuch",
                                        "break seed.py:6", "info breakpoints", "run", "continue", "continue", "info breakpoints",
                                        "delete 1", "delete 3", "continue"])
        #expect(ok)
        #expect(output.contains("Breakpoint 1 at seed.py:5"))
        #expect(output.contains("Breakpoint 2 at function main"))
        #expect(output.contains("error: line 8 of seed.py has no code"))
        #expect(output.contains("error: seed.py has no line 99"))
        #expect(output.contains("error: no function named 'nosuch' in seed.py — functions: main, run"))
        #expect(output.contains("Breakpoint 3 at seed.py:6"))
        #expect(output.contains("Breakpoint 2, main at seed.py:10"))
        #expect(output.contains("Breakpoint 1, run at seed.py:5"))
        #expect(output.contains("Breakpoint 3, run at seed.py:6"))
        // After the first stops: main hit once, line 5 once, line 6 once.
        #expect(output.contains("  1  seed.py:5                      1\n  2  function main                  1\n  3  seed.py:6                      1"))
        #expect(output.contains("total 6\nThe program finished with exit status 0."))
    }

    @Test func nextStepsOverCallsAndFinishReturnsToTheCaller() throws {
        let (output, _) = try session(["load seed.py", "break main", "run", "next", "next", "next",
                                       "where", "step", "step", "where", "finish", "where"])
        // In main: LOAD_GLOBAL run, LOAD_CONST 3, LOAD_CONST 2, then CALL_FUNCTION (stepped over by `next`).
        #expect(output.contains("->    6 CALL_FUNCTION            2"))
        let wheres = output.components(separatedBy: "#0 <module>").count - 1
        #expect(wheres == 3)
        #expect(output.contains("--call-- run"), "step into the call: \(output)")
        #expect(output.contains("> #2 run at seed.py:2"))
        #expect(output.contains("--return-- to main"))
        #expect(output.contains("->    8 STORE_FAST               0 (total)"), "finish stops after the call: \(output)")
        #expect(!output.contains("total 6"), "the program is still stopped")
    }

    @Test func nextOverTheWholeCallKeepsTheFrame() throws {
        let (output, _) = try session(["load seed.py", "break main", "run", "next 4", "info locals", "next", "info locals"])
        #expect(!output.contains("--call-- run"), "next must not stop inside run")
        #expect(output.contains("total = 6"), "\(output)")
    }

    @Test func stepOpWalksTheAddHandler() throws {
        let (output, _) = try session(["load seed.py", "break 5", "run", "step 2", "step op 4", "interp", "step op 6"])
        #expect(output.contains("  op hasType(3, W_Int) -> true"))
        #expect(output.contains("handler   INPLACE_ADD in MiniPy/Interpreter.swift:"))
        #expect(output.contains("if d.hasType(a, L.int) && d.hasType(b, L.int),"))
        let marked = output.split(separator: "\n").filter { $0.hasPrefix(">") && $0.contains("| ") }
        #expect(marked.contains { $0.contains("d.hasType(a, L.int)") }, "the executing line is marked: \(marked)")
        #expect(output.contains("  op push(3)"))
    }

    @Test func stepLineMovesToTheNextSourceLine() throws {
        let (output, _) = try session(["load seed.py", "break run", "run", "step line", "step line"])
        #expect(output.contains("> run at seed.py:3: i = 0"))
        #expect(output.contains("> run at seed.py:4: while i < n:"))
    }

    @Test func printEvaluatesInTheCurrentFrame() throws {
        let (output, ok) = try session(["load seed.py", "break 6", "run", "print b", "p a * 10 + b", "p [a, n]", "p undefined_name",
                                        "p (1 +", "p run", "p len('abc')"])
        #expect(ok)
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.contains("3"))
        #expect(lines.contains("33"))
        #expect(lines.contains("[3, 2]"))
        #expect(lines.contains("NameError: name 'undefined_name' is not defined"))
        #expect(lines.contains("SyntaxError: '(' was never closed"))
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "^" })
        #expect(lines.contains("<function run>"), "no addresses: \(lines)")
    }

    @Test func printNeedsAStoppedProgram() throws {
        let (output, _) = try session(["load seed.py", "print 1"])
        #expect(output.contains("error: the program is not running — start it with 'step' or 'run'"))
    }

    @Test func aGuestExceptionDoesNotEndTheSession() throws {
        let (output, ok) = try session(["load raising.py", "run", "step", "print 1 + 1", "continue", "load seed.py", "run"],
                                       files: ["raising.py": Programs.raising, "seed.py": Programs.seed])
        #expect(ok)
        #expect(output.contains("caught integer division or modulo by zero\ncleanup\nTraceback (most recent call last):"))
        #expect(output.contains("ZeroDivisionError: integer division or modulo by zero\nThe program finished with exit status 1."))
        #expect(output.contains("total 6"), "the session goes on: \(output)")
    }

    @Test func exceptionsAreReportedAsEvents() throws {
        let (output, _) = try session(["load raising.py", "break 7", "run"], files: ["raising.py": Programs.raising])
        #expect(output.contains("--exception-- ZeroDivisionError: integer division or modulo by zero"), "\(output)")
        #expect(output.contains("Breakpoint 1, <module> at raising.py:7"))
    }

    @Test func restartAndQuitAbandonTheGuestWithoutRunningItsHandlers() throws {
        let (output, ok) = try session(["load raising.py", "break f", "run", "restart", "continue", "quit"],
                                       files: ["raising.py": Programs.raising])
        #expect(ok)
        #expect(output.contains("Restarting raising.py."))
        #expect(output.components(separatedBy: "Breakpoint 1, f at raising.py:2").count - 1 == 2)
        #expect(!output.contains("cleanup"), "finally blocks of an abandoned guest must not run: \(output)")
        #expect(!output.contains("caught"))
    }

    @Test func loadWhileStoppedReplacesTheProgram() throws {
        let (output, _) = try session(["load raising.py", "break f", "run", "load seed.py", "run"],
                                      files: ["raising.py": Programs.raising, "seed.py": Programs.seed])
        #expect(output.contains("Deleted all breakpoints"))
        #expect(output.contains("total 6"))
        #expect(!output.contains("cleanup"))
    }

    @Test func endOfInputWhileStoppedEndsQuietly() throws {
        let (output, ok) = try session(["load raising.py", "break f", "run"], files: ["raising.py": Programs.raising])
        #expect(ok)
        #expect(!output.contains("cleanup"))
    }

    @Test func knobsAreSetAndShown() throws {
        let (output, _) = try session(["show", "set listsize 3", "show listsize", "set ops on", "load seed.py", "break 5", "run",
                                       "step 3", "list"])
        #expect(output.contains("color = off"))
        #expect(output.contains("listsize = 3"))
        #expect(output.contains("     intAddOvf(0, 3) -> 3"), "ops are listed after a step: \(output)")
        let listed = output.split(separator: "\n").filter { $0.contains("  b += a") || $0.contains("  i += 1") || $0.contains("  while i") }
        #expect(listed.count == 3)
    }

    @Test func colourIsOnlyUsedWhenAsked() throws {
        let plain = try session(["load seed.py", "dis run"]).output
        #expect(!plain.contains("\u{1B}["))
        let coloured = try session(["set color on", "load seed.py", "dis run", "list 5"]).output
        // Line 5's instructions and its source line share one colour.
        let colour = "\u{1B}[\(Palette.lineColors[5 % Palette.lineColors.count])m"
        #expect(coloured.contains(colour + "   5          16 LOAD_FAST"))
        #expect(coloured.contains(colour + "   5          b += a"))
    }

    @Test func failedExpectReportsWhatWasExpectedAndWhatCame() throws {
        let (output, ok) = try session(["say hello", "load seed.py", "expect contains Loaded seed.py", "expect count 1 seed",
                                        "expect matches ^Loaded [a-z]+\\.py", "expect not contains Traceback",
                                        "expect contains something else", "say not reached"])
        #expect(!ok)
        #expect(output.contains("test.mlab:7: expect failed: expected the output to contain \"something else\"\n--- the output was:\nLoaded seed.py"))
        #expect(!output.contains("not reached"))
    }

    @Test func badExpectationsAreErrors() throws {
        let (output, _) = try session(["expect", "expect resembles x", "expect matches (", "expect count x y"])
        #expect(output.split(separator: "\n").filter { $0.contains("error:") }.count == 4)
    }

    @Test func completionOfCommandsFilesAndNames() throws {
        let dir = try LabTestSupport.directory(["seed.py": Programs.seed, "second.py": "x = 1\n"])
        let session = Session(mode: .script, color: false, baseDirectory: dir.path) { _ in }
        #expect(session.completions(for: "ste") == ["step", "stepi"])
        #expect(session.completions(for: "help fi").contains("finish"))
        #expect(session.completions(for: "load se") == ["second.py", "seed.py"])
        #expect(session.completions(for: "set c") == ["color"])
        #expect(session.completions(for: "set color o") == ["off", "on"])
        #expect(session.completions(for: "step o") == ["op"])
        #expect(session.completions(for: "info b") == ["breakpoints"])
        // While stopped in run: its locals too.
        var whileStopped: [[String]] = []
        let source = ProbeSource(["load seed.py", "break 5", "run", "quit"]) { index in
            if index == 3 {
                whileStopped = [session.completions(for: "break ma"), session.completions(for: "print x + "),
                                session.completions(for: "print x+r")]
            }
        }
        _ = runOnLargeStack { session.run(source) }
        #expect(whileStopped == [["main"], ["a", "b", "i", "main", "n", "run"], ["x+run"]])
    }
}

/// Command lines that call `probe` with each line's index before handing it out (to look at a stopped session).
final class ProbeSource: CommandSource {
    let lines: [String]
    let probe: (Int) -> Void
    var next = 0

    init(_ lines: [String], probe: @escaping (Int) -> Void) {
        self.lines = lines
        self.probe = probe
    }

    func nextCommand(prompt: String) -> CommandLineText? {
        guard next < lines.count else { return nil }
        probe(next)
        next += 1
        return CommandLineText(text: lines[next - 1], origin: "probe:\(next)")
    }
}
