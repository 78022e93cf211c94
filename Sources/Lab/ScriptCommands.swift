import Foundation

/// Narration and assertions for scripts and lessons (DESIGN §12).
enum ScriptCommands {
    static let all: [Command] = [say, pause, expect]

    static let say = Command(
        name: "say", aliases: [], usage: "say TEXT",
        summary: "print narration (scripts and lessons)",
        details: "Prints TEXT as it is. It does not count as a command's output for 'expect'.",
        keepsOutput: true) { session, args throws(CommandError) in
            session.emit(args.raw + "\n")
            return .stay
        }

    static let pause = Command(
        name: "pause", aliases: [], usage: "pause",
        summary: "wait for Enter (only in a lesson played on a terminal)",
        details: "Lets the student read before the lesson goes on. Scripts, and lessons played in batch, do not wait.",
        keepsOutput: true) { session, args throws(CommandError) in
            guard case .lesson(waitsAtPauses: true) = session.mode, let input = session.pauseInput else { return .stay }
            if input.readLine(prompt: session.palette.dim("-- press Enter to continue --")) == nil { return .quit }
            return .stay
        }

    static let expect = Command(
        name: "expect", aliases: [], usage: "expect [not] contains TEXT | expect matches REGEX | expect count N TEXT",
        summary: "assert something about the last command's output",
        details: "'contains TEXT': the output contains TEXT; 'not contains TEXT': it does not; 'matches REGEX': a line of it matches the regular expression; 'count N TEXT': TEXT occurs exactly N times. A failed expect prints where it is, what was expected and the output, and the script exits non-zero. Colour codes are ignored.",
        keepsOutput: true) { session, args throws(CommandError) in
            let expectation = try Expectation(args.text)
            let output = session.lastOutput.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
            if !expectation.holds(for: output) {
                let location = args.origin.map { "\($0): " } ?? ""
                var report = "\(location)expect failed: expected the output to \(expectation.description)\n"
                report += "--- the output was:\n" + output + (output.hasSuffix("\n") || output.isEmpty ? "" : "\n") + "---\n"
                session.emit(report)
                session.fail("\(location)expect failed: \(expectation.description)")
            }
            return .stay
        }
}

/// A parsed `expect` assertion.
struct Expectation {
    enum Kind {
        case contains(String)
        case notContains(String)
        case matches(NSRegularExpression, String)
        case count(Int, String)
    }

    let kind: Kind

    init(_ text: String) throws(CommandError) {
        let usage = "usage: expect [not] contains TEXT | matches REGEX | count N TEXT"
        let words = text.split(separator: " ", maxSplits: 1).map(String.init)
        guard let verb = words.first else { throw CommandError("expect needs an assertion", hint: usage) }
        let rest = words.count > 1 ? words[1] : ""
        switch verb {
        case "contains":
            guard !rest.isEmpty else { throw CommandError("expect contains needs a text", hint: usage) }
            kind = .contains(rest)
        case "not":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.first == "contains", parts.count == 2 else { throw CommandError("expected 'expect not contains TEXT'", hint: usage) }
            kind = .notContains(parts[1])
        case "matches":
            guard let regex = try? NSRegularExpression(pattern: rest, options: [.anchorsMatchLines]), !rest.isEmpty else {
                throw CommandError("'\(rest)' is not a regular expression", hint: usage)
            }
            kind = .matches(regex, rest)
        case "count":
            let parts = rest.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let n = Int(parts[0]), n >= 0 else { throw CommandError("expect count needs a number and a text", hint: usage) }
            kind = .count(n, parts[1])
        default:
            throw CommandError("unknown expectation '\(verb)'", hint: usage)
        }
    }

    func holds(for output: String) -> Bool {
        switch kind {
        case .contains(let text): output.contains(text)
        case .notContains(let text): !output.contains(text)
        case .matches(let regex, _): regex.firstMatch(in: output, range: NSRange(output.startIndex..., in: output)) != nil
        case .count(let n, let text): output.components(separatedBy: text).count - 1 == n
        }
    }

    var description: String {
        switch kind {
        case .contains(let text): "contain \"\(text)\""
        case .notContains(let text): "not contain \"\(text)\""
        case .matches(_, let pattern): "match /\(pattern)/"
        case .count(let n, let text): "contain \"\(text)\" exactly \(n) time\(n == 1 ? "" : "s")"
        }
    }
}
