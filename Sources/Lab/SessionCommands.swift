/// Help, knobs and leaving.
enum SessionCommands {
    static let all: [Command] = [help, set, show, quit]

    static let help = Command(
        name: "help", aliases: ["h", "?"], usage: "help [COMMAND]",
        summary: "list the commands, or explain one",
        details: "Commands have short aliases (s, n, c, b, l, p, bt). Scripts are files of these commands plus say, pause and expect; see docs/lab.md.",
        keepsOutput: false, completion: .commands) { session, args throws(CommandError) in
            switch args.words.count {
            case 0:
                session.writeLine("Commands (help COMMAND for details):")
                for command in CommandRegistry.shared.commands {
                    let names = ([command.name] + command.aliases).joined(separator: ", ")
                    session.writeLine("  " + names.padding(toLength: max(22, names.count + 2), withPad: " ", startingAt: 0) + command.summary)
                }
            case 1:
                guard let command = CommandRegistry.shared.command(named: args.words[0]) else {
                    throw CommandError("no command named '\(args.words[0])'", hint: "'help' lists the commands")
                }
                session.writeLine("usage: \(command.usage)" + (command.aliases.isEmpty ? "" : "   (also: \(command.aliases.joined(separator: ", ")))"))
                session.writeLine(command.summary)
                session.writeLine(command.details)
            default:
                throw CommandError("help takes at most one command name", hint: "usage: help [COMMAND]")
            }
            return .stay
        }

    static let set = Command(
        name: "set", aliases: [], usage: "set NAME VALUE",
        summary: "set a knob (color, listsize, ops, and the JIT's: jit, threshold, passes, ...)",
        details: "Knobs:\n" + Knob.all.map { "  \($0.name) \($0.values)".padding(toLength: 26, withPad: " ", startingAt: 0) + $0.summary }.joined(separator: "\n"),
        completion: .knobs) { session, args throws(CommandError) in
            let words = args.words
            guard words.count == 2 else { throw CommandError("set needs a knob and a value", hint: "usage: set NAME VALUE ('show' lists the knobs)") }
            guard let knob = Knob.named(words[0]) else {
                throw CommandError("no knob named '\(words[0])'", hint: "knobs: " + Knob.all.map(\.name).joined(separator: ", "))
            }
            try knob.set(&session.settings, words[1])
            session.writeLine("\(knob.name) = \(knob.get(session.settings))")
            return .stay
        }

    static let show = Command(
        name: "show", aliases: [], usage: "show [NAME]",
        summary: "show the knobs' values",
        details: "Without a name, lists every knob with its value and meaning.",
        completion: .knobs) { session, args throws(CommandError) in
            let knobs: [Knob]
            switch args.words.count {
            case 0: knobs = Knob.all
            case 1:
                guard let knob = Knob.named(args.words[0]) else {
                    throw CommandError("no knob named '\(args.words[0])'", hint: "knobs: " + Knob.all.map(\.name).joined(separator: ", "))
                }
                knobs = [knob]
            default: throw CommandError("show takes at most one knob name", hint: "usage: show [NAME]")
            }
            let settings = knobs.map { "\($0.name) = \($0.get(session.settings))" }
            let width = max(16, (settings.map(\.count).max() ?? 0) + 2)
            for (knob, setting) in zip(knobs, settings) {
                session.writeLine(setting.padding(toLength: width, withPad: " ", startingAt: 0) + knob.summary)
            }
            return .stay
        }

    static let quit = Command(
        name: "quit", aliases: ["q", "exit"], usage: "quit",
        summary: "end the session (Ctrl-D does too)",
        details: "A running program is abandoned.") { session, args throws(CommandError) in
            if let execution = session.execution, execution.isStopped {
                execution.abandon(.quit)
                return .resume
            }
            return .quit
        }
}

import Foundation
