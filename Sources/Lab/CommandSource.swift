import Foundation

/// One command line and where it came from (`file:line` for scripts, nil when typed).
public struct CommandLineText {
    public let text: String
    public let origin: String?
    public init(text: String, origin: String?) {
        self.text = text
        self.origin = origin
    }
}

/// A supply of command lines: the REPL's line input or a script file.
public protocol CommandSource: AnyObject {
    func nextCommand(prompt: String) -> CommandLineText?
}

/// Commands typed at a `LineInput`.
public final class InteractiveSource: CommandSource {
    let input: LineInput
    public init(_ input: LineInput) { self.input = input }
    public func nextCommand(prompt: String) -> CommandLineText? {
        input.readLine(prompt: prompt).map { CommandLineText(text: $0, origin: nil) }
    }
}

/// The lines of a script, each tagged with `name:line`.
public final class ScriptSource: CommandSource {
    let name: String
    let lines: [String]
    private var next = 0

    public init(name: String, text: String) {
        self.name = name
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    public func nextCommand(prompt: String) -> CommandLineText? {
        guard next < lines.count else { return nil }
        next += 1
        return CommandLineText(text: lines[next - 1], origin: "\(name):\(next)")
    }
}
