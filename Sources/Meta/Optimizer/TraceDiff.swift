/// What one pass changed, operation by operation, by identity (`OpID`), not by text: an operation that kept its
/// identity is *kept* (and *changed* if its arguments, opcode or snapshot were rewritten), one only in the input
/// is *removed*, one only in the output is *added*. Lines come in output order, each removed operation just
/// before the first later-kept operation that followed it in the input.
public struct TraceDiff: Sendable {
    public enum Line: Hashable, Sendable {
        case kept(before: Int, after: Int, changed: Bool)
        case removed(before: Int)
        case added(after: Int)
    }

    public let lines: [Line]
    public let removedCount: Int
    public let addedCount: Int
    public let keptCount: Int
    public let changedCount: Int

    public init(before: TrackedTrace, after: TrackedTrace) {
        var indexBefore: [OpID: Int] = [:]
        for (k, id) in before.opIDs.enumerated() { indexBefore[id] = k }
        let keptIDs = Set(after.opIDs).intersection(before.opIDs)
        var lines: [Line] = []
        var nextBefore = 0
        func flushRemoved(upTo end: Int) {
            while nextBefore < end {
                if !keptIDs.contains(before.opIDs[nextBefore]) { lines.append(.removed(before: nextBefore)) }
                nextBefore += 1
            }
        }
        var changed = 0
        for (j, id) in after.opIDs.enumerated() {
            guard let b = indexBefore[id] else {
                lines.append(.added(after: j))
                continue
            }
            flushRemoved(upTo: b)
            let isChanged = before.trace.ops[b] != after.trace.ops[j]
            if isChanged { changed += 1 }
            lines.append(.kept(before: b, after: j, changed: isChanged))
        }
        flushRemoved(upTo: before.opIDs.count)
        self.lines = lines
        removedCount = before.opIDs.count - keptIDs.count
        addedCount = after.opIDs.count - keptIDs.count
        keptCount = keptIDs.count
        changedCount = changed
    }

    /// The diff as text: `-` removed, `+` added, `~` kept but rewritten (its new form), ` ` kept as it was.
    public func render(before: TrackedTrace, after: TrackedTrace, printer: TracePrinter) -> String {
        let old = printer.operationTexts(before.trace), new = printer.operationTexts(after.trace)
        func prefixed(_ mark: String, _ text: String) -> String {
            text.split(separator: "\n", omittingEmptySubsequences: false).map { mark + " " + $0 }.joined(separator: "\n")
        }
        return lines.map { line -> String in
            switch line {
            case .kept(_, let a, let changed): return prefixed(changed ? "~" : " ", new[a])
            case .removed(let b): return prefixed("-", old[b])
            case .added(let a): return prefixed("+", new[a])
            }
        }.joined(separator: "\n") + "\n"
    }
}
