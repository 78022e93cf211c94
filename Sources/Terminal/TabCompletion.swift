/// What pressing Tab does to a line, given the candidates for its last word (the logic, without a terminal).
public enum TabCompletion: Equatable {
    /// Nothing completes the word: the terminal beeps.
    case nothing
    /// Replace the last word (which has `wordLength` Unicode scalars) with `text`.
    case replace(wordLength: Int, with: String)
    /// Several candidates share no longer prefix than the word: list them.
    case list([String])

    /// The word Tab completes: the text after the last blank of `line` (the line up to the cursor).
    public static func lastWord(of line: String) -> Substring {
        line.lastIndex(where: { $0 == " " || $0 == "\t" }).map { line[line.index(after: $0)...] } ?? line[...]
    }

    /// Like bash: one candidate completes the word (and a space follows it, unless it is a directory); several
    /// complete the word as far as they agree, and are listed once they agree no further.
    public static func plan(line: String, candidates: [String]) -> TabCompletion {
        let word = lastWord(of: line)
        let choices = Array(Set(candidates)).sorted()
        guard let first = choices.first else { return .nothing }
        let length = word.unicodeScalars.count
        if choices.count == 1 {
            return .replace(wordLength: length, with: first.hasSuffix("/") ? first : first + " ")
        }
        var shared = Array(first)
        for choice in choices.dropFirst() {
            let characters = Array(choice)
            var agreed = 0
            while agreed < min(shared.count, characters.count) && shared[agreed] == characters[agreed] { agreed += 1 }
            shared.removeLast(shared.count - agreed)
        }
        let prefix = String(shared)
        if prefix.count > word.count && prefix.hasPrefix(word) { return .replace(wordLength: length, with: prefix) }
        return .list(choices)
    }

    /// The lines that list `choices` in columns down then across, as `ls` and bash do, within `width` columns.
    public static func columns(_ choices: [String], width: Int) -> [String] {
        guard let longest = choices.map(\.count).max() else { return [] }
        let columnWidth = longest + 2
        let columnCount = max(1, min(choices.count, (width + 2) / columnWidth))
        let rowCount = (choices.count + columnCount - 1) / columnCount
        return (0..<rowCount).map { row in
            var line = ""
            for column in 0..<columnCount {
                let index = column * rowCount + row
                guard index < choices.count else { break }
                let choice = choices[index]
                let isLast = column == columnCount - 1 || index + rowCount >= choices.count
                line += isLast ? choice : choice + String(repeating: " ", count: columnWidth - choice.count)
            }
            return line
        }
    }
}
