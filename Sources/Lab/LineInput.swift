#if canImport(Glibc)
import Glibc
#endif

/// Where an interactive session reads its lines: the terminal's line editor, or a plain reader for pipes.
public protocol LineInput: AnyObject {
    /// The next line without its newline, or nil at the end of input (Ctrl-D). `prompt` is shown if the input
    /// shows prompts at all.
    func readLine(prompt: String) -> String?
}

/// Reads standard input line by line and shows no prompt: piped input gives output without prompt noise.
public final class PlainLineReader: LineInput {
    public init() {}
    public func readLine(prompt: String) -> String? { Swift.readLine(strippingNewline: true) }
}

/// Whether a file descriptor is a terminal.
public func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }
