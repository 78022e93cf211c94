/// A source text prepared for scanning: its Unicode scalars plus the offsets where lines start, so that errors can
/// quote the offending line. Shared (by reference) between the lexers of a file and of its f-string expressions.
final class SourceFile {
    let filename: String
    let scalars: [Unicode.Scalar]
    /// Offset in `scalars` of the first character of each line (line n starts at `lineStarts[n - 1]`).
    private let lineStarts: [Int]

    init(_ text: String, filename: String) {
        self.filename = filename
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for c in text.unicodeScalars {
            // `\r\n` and a lone `\r` both end a line, as in CPython.
            if c == "\r" { scalars.append("\n"); previousWasCR = true; continue }
            if c == "\n" && previousWasCR { previousWasCR = false; continue }
            previousWasCR = false
            scalars.append(c)
        }
        self.scalars = scalars
        var starts = [0]
        for (i, c) in scalars.enumerated() where c == "\n" { starts.append(i + 1) }
        self.lineStarts = starts
    }

    /// The text of a 1-based line, without its line terminator ("" past the end).
    func lineText(_ line: Int) -> String {
        guard line >= 1 && line <= lineStarts.count else { return "" }
        var end = line < lineStarts.count ? lineStarts[line] : scalars.count
        let start = lineStarts[line - 1]
        if end > start && scalars[end - 1] == "\n" { end -= 1 }
        var s = String.UnicodeScalarView()
        s.append(contentsOf: scalars[start..<end])
        return String(s)
    }

    /// The line and column of a scalar offset.
    func location(ofOffset offset: Int) -> SourceLocation {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        return SourceLocation(line: lo + 1, column: offset - lineStarts[lo] + 1)
    }

    /// Offset of the first character of a 1-based line.
    func lineStart(_ line: Int) -> Int { lineStarts[line - 1] }

    /// Builds a `SourceError` at a 1-based position of this file.
    func error(_ kind: SourceError.Kind, _ message: String, line: Int, column: Int) -> SourceError {
        SourceError(kind, message, filename: filename, line: line, column: column, sourceLine: lineText(line))
    }

    func error(_ kind: SourceError.Kind, _ message: String, at location: SourceLocation) -> SourceError {
        error(kind, message, line: location.line, column: location.column)
    }
}

/// A 1-based line and column in a source file.
public struct SourceLocation: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "\(line):\(column)" }
}
