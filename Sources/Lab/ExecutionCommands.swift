/// Loading, running and stepping the program.
enum ExecutionCommands {
    static let all: [Command] = [load, run, restart, step, next, finish, continueCommand]

    static let load = Command(
        name: "load", aliases: [], usage: "load FILE",
        summary: "load (compile) a MiniPy program",
        details: "Compiles FILE and makes it the session's program; a program that is running is abandoned. Relative paths are resolved against the working directory (in a script: the script's directory).",
        completion: .files) { session, args throws(CommandError) in
            guard args.words.count == 1 else { throw CommandError("load takes one file name", hint: "usage: load FILE") }
            try session.load(args.words[0])
            return session.execution?.isStopped == true ? .resume : .stay
        }

    static let run = Command(
        name: "run", aliases: ["r"], usage: "run",
        summary: "run the program from the start (to a breakpoint or the end)",
        details: "Starts the loaded program and runs it until a breakpoint, Ctrl-C, or the end. While it is stopped, starts it again from the beginning.") { session, args throws(CommandError) in
            try noArguments(args, "run")
            if let execution = session.execution, execution.isStopped {
                execution.abandon(.restart(RunFreely()))
                return .resume
            }
            return try session.launch(RunFreely())
        }

    static let restart = Command(
        name: "restart", aliases: [], usage: "restart",
        summary: "start the program again and stop at its first instruction",
        details: "Abandons the running program (none of its handlers or finally blocks run) and starts it again with a fresh runtime, stopped before its first instruction. Breakpoints are kept.") { session, args throws(CommandError) in
            try noArguments(args, "restart")
            let first = StepCondition(granularity: .instruction, count: 1, overCalls: false, from: nil)
            if let execution = session.execution, execution.isStopped {
                execution.abandon(.restart(first))
                return .resume
            }
            return try session.launch(first)
        }

    static let step = Command(
        name: "step", aliases: ["s"], usage: "step [GRANULARITY] [N]",
        summary: "execute N steps (default: one bytecode), stepping into calls",
        details: "Granularities:\n" + StepGranularity.all.map { "  \($0.name.padding(toLength: 9, withPad: " ", startingAt: 0)) \($0.summary)" }.joined(separator: "\n")
            + "\nIf the program is not running, starts it and stops before its first instruction.",
        completion: .granularities) { session, args throws(CommandError) in
            try stepping(session, args, usage: "step [GRANULARITY] [N]", overCalls: false)
        }

    static let next = Command(
        name: "next", aliases: ["n"], usage: "next [GRANULARITY] [N]",
        summary: "like step, but steps over calls (stays in the current frame)",
        details: "Counts only steps in the current frame: a call runs to its return as part of one step. Stops in the caller if the current frame returns. Granularities as for step.",
        completion: .granularities) { session, args throws(CommandError) in
            try stepping(session, args, usage: "next [GRANULARITY] [N]", overCalls: true)
        }

    static let finish = Command(
        name: "finish", aliases: ["fin"], usage: "finish",
        summary: "run until the current function returns",
        details: "Stops at the caller's next instruction, with the returned value on top of its stack.") { session, args throws(CommandError) in
            try noArguments(args, "finish")
            let (_, stop) = try session.requireStop()
            return try session.proceed(FinishCondition(depth: stop.position.depth))
        }

    static let continueCommand = Command(
        name: "continue", aliases: ["c", "cont"], usage: "continue",
        summary: "run until a breakpoint, Ctrl-C or the end",
        details: "If the program is not running, starts it.") { session, args throws(CommandError) in
            try noArguments(args, "continue")
            return try session.proceed(RunFreely())
        }

    static func noArguments(_ args: CommandArguments, _ usage: String) throws(CommandError) {
        if !args.words.isEmpty { throw CommandError("\(usage) takes no arguments", hint: "usage: \(usage)") }
    }

    /// `step`/`next`: `[GRANULARITY] [N]` in either order.
    static func stepping(_ session: Session, _ args: CommandArguments, usage: String, overCalls: Bool) throws(CommandError) -> CommandResult {
        var granularity = StepGranularity.instruction
        var count = 1
        for word in args.words {
            if let g = StepGranularity.named(word) {
                granularity = g
            } else if word.first?.isNumber == true || word.first == "-" {
                count = try parseCount(word, for: usage)
            } else {
                throw CommandError("unknown step granularity '\(word)'",
                                   hint: "one of: " + StepGranularity.all.map(\.name).joined(separator: ", "))
            }
        }
        guard session.execution?.isStopped == true else {
            _ = try session.requireProgram()
            return try session.launch(StepCondition(granularity: .instruction, count: 1, overCalls: false, from: nil))
        }
        let (_, stop) = try session.requireStop()
        return try session.proceed(StepCondition(granularity: granularity, count: count, overCalls: overCalls, from: stop.position))
    }
}
