/// The Lab's colours, Compiler-Explorer style: each source line has a colour, and everything derived from that line
/// (its bytecodes, the handler's view of them, later its trace ops and machine code) is shown in the same one.
/// Disabled (plain text) when output is not a terminal, when NO_COLOR is set, or after `set color off`.
struct Palette {
    let enabled: Bool

    /// ANSI foreground colours that read on dark and light backgrounds, cycled by line number.
    static let lineColors = [36, 33, 35, 32, 34, 31, 96, 93, 95, 92, 94, 91]

    /// `text` in the colour of source line `line`.
    func line(_ line: Int, _ text: String) -> String {
        guard enabled, line > 0 else { return text }
        return "\u{1B}[\(Palette.lineColors[line % Palette.lineColors.count])m\(text)\u{1B}[0m"
    }

    func bold(_ text: String) -> String { enabled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func dim(_ text: String) -> String { enabled ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}
