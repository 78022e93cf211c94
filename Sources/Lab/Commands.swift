import Foundation

/// A command's failure: one line saying what is wrong, and a hint at what to do instead.
public struct CommandError: Error {
    public let message: String
    public let hint: String?
    public init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

/// A command line split into the command's name and the rest (comments and blank lines have no name).
struct ParsedCommand {
    let name: String?
    let rest: String
    /// The rest with its leading spaces beyond the one separating it from the name (narration keeps its indentation).
    let raw: String

    init(_ line: String) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else {
            name = nil
            rest = ""
            raw = ""
            return
        }
        if let space = trimmed.firstIndex(where: { $0 == " " || $0 == "\t" }) {
            name = String(trimmed[..<space])
            rest = trimmed[space...].trimmingCharacters(in: .whitespaces)
            raw = String(trimmed[trimmed.index(after: space)...])
        } else {
            name = trimmed
            rest = ""
            raw = ""
        }
    }

    func arguments(origin: String?) -> CommandArguments { CommandArguments(text: rest, raw: raw, origin: origin) }
}

/// A command's arguments: the raw text after the name (for expressions and narration) and its words.
struct CommandArguments {
    let text: String
    let raw: String
    let origin: String?
    var words: [String] { text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init) }
}

/// What a command's last word can be completed with.
enum CompletionKind {
    case none
    case files
    /// Guest function names (and, while stopped, the current frame's variables).
    case guestNames
    case commands
    case granularities
    case knobs
    /// A fixed set of words (subcommands).
    case words([String])
}

/// One command of the Lab: its names, help text and implementation. Views, stepping and script commands are all
/// registered the same way, so the REPL, scripts, lessons, `help` and completion see one list.
struct Command {
    let name: String
    let aliases: [String]
    let usage: String
    let summary: String
    let details: String
    /// Narration and assertions do not replace the "last output" that `expect` checks.
    var keepsOutput = false
    var completion = CompletionKind.none
    let run: (Session, CommandArguments) throws(CommandError) -> CommandResult

    var names: [String] { [name] + aliases }
}

/// Every command, looked up by name or alias.
struct CommandRegistry {
    static let shared = CommandRegistry()

    let commands: [Command]

    init() {
        commands = ExecutionCommands.all + MachineCommands.all + InspectionCommands.all + LabView.all.map(\.command) + ScriptCommands.all
            + SessionCommands.all
    }

    func command(named name: String) -> Command? {
        commands.first { $0.names.contains(name) }
    }

    /// The command whose name is closest to a mistyped one (for the "did you mean" hint).
    func closest(to name: String) -> String? {
        let candidates = commands.flatMap(\.names).filter { $0.count > 1 }
        if let prefixed = candidates.first(where: { $0.hasPrefix(name) }) { return prefixed }
        let best = candidates.map { ($0, editDistance($0, name)) }.min { $0.1 < $1.1 }
        return best.flatMap { $0.1 <= (name.count >= 4 ? 2 : 1) ? $0.0 : nil }
    }
}

/// Levenshtein distance (for suggestions).
func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var row = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var previous = row[0]
        row[0] = i
        for j in stride(from: 1, through: b.count, by: 1) {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return a.isEmpty ? b.count : row[b.count]
}

/// Parses a positive count argument.
func parseCount(_ word: String, for command: String) throws(CommandError) -> Int {
    guard let n = Int(word), n > 0 else {
        throw CommandError("'\(word)' is not a positive count", hint: "usage: \(command)")
    }
    return n
}
