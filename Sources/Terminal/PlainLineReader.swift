/// Reads lines when standard input is not a terminal (a pipe, a file): no prompt, no editing, no history, so
/// piped sessions produce only the program's own output.
public final class PlainLineReader {
    public init() {}

    /// The next line without its newline, or nil at end of input. The prompt is not shown.
    public func readLine(prompt: String) -> String? {
        Swift.readLine(strippingNewline: true)
    }
}
