import Meta

/// One key of a watched namespace dict (module globals, the builtins, a class's dict), as the JIT sees it: PyPy's
/// celldict idea. Its `assumption` says "this dict's entry for `name` stays what it is (or stays absent)"; a
/// trace that folded a lookup through the entry depends on it, and any write or deletion of the entry
/// invalidates it. An entry rebound more than `NamespaceCells.maximumChanges` times, or rebound by the very loop
/// being recorded, is unstable: traces look it up each time instead (a global counter must not invalidate its
/// loop on every iteration).
final class NamespaceCell {
    let dict: Ref
    let name: Ref
    let assumption: Assumption
    /// Writes and deletions of the entry since the cell exists.
    private(set) var changes = 0

    init(dict: Ref, name: Ref, subject: String) {
        self.dict = dict
        self.name = name
        assumption = Assumption(subject: subject)
    }

    /// Whether traces may fold the entry.
    var isStable: Bool { changes <= NamespaceCells.maximumChanges }

    /// The entry changed while `recording` (if any) was being recorded. A change while a recording relies on
    /// the entry means the loop itself rebinds it: the cell is unstable from now on (and the recording aborts).
    func changed(_ how: NamespaceChange, during recording: Recorder?) {
        changes += 1
        if recording?.relies(on: assumption) == true { changes = NamespaceCells.maximumChanges + 1 }
        assumption.invalidate(because: "\(assumption.subject) \(how.rawValue)")
    }
}

/// How a watched entry changed, as invalidation messages say it.
enum NamespaceChange: String {
    case rebound, assigned, deleted
}

/// The cells of every watched dict, by dict and name. A dict gets its first cell when a trace first folds a
/// lookup in it; from then on its `watched` field makes every write report here (`DictObject`'s mutators).
final class NamespaceCells {
    /// Changes after which an entry is no longer folded.
    static let maximumChanges = 3

    private struct Key: Hashable {
        let dict: UInt
        let hash: Int
    }
    private var cells: [Key: [NamespaceCell]] = [:]

    /// The cell of `dict`'s entry `name` (a str), made (with `subject` for messages) and the dict watched if new.
    func cell(_ dict: Ref, _ name: Ref, subject: @autoclosure () -> String, _ rt: Runtime) -> NamespaceCell {
        let key = Key(dict: dict.bits, hash: rt.strHash(name))
        if let c = cells[key]?.first(where: { $0.name == name || rt.strEquals($0.name, name) }) { return c }
        let c = NamespaceCell(dict: dict, name: name, subject: subject())
        cells[key, default: []].append(c)
        dict.set(rt.L.dictWatched, 1)
        return c
    }

    /// A watched dict's entry `key` changed (only string keys can be names).
    func changed(_ dict: Ref, key: Ref, _ how: NamespaceChange, _ rt: Runtime) {
        guard key.typeID == rt.L.str.id,
              let c = cells[Key(dict: dict.bits, hash: rt.strHash(key))]?.first(where: { $0.name == key || rt.strEquals($0.name, key) })
        else { return }
        c.changed(how, during: rt.jit?.recorder)
    }

    /// Keeps the watched dicts and the names alive: cells are keyed by their addresses.
    func markRoots(_ heap: Heap) {
        for list in cells.values {
            for c in list {
                heap.markRoot(c.dict)
                heap.markRoot(c.name)
            }
        }
    }
}
