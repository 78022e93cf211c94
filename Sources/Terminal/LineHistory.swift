import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// The lines entered at the prompt, kept in libedit's history (which the Up and Down keys walk) and saved to a
/// file after every line, so the next session starts with them and nothing is lost if this one is killed.
final class LineHistory {
    /// libedit's `History *`.
    let handle: OpaquePointer
    /// Where the history is kept between sessions; nil keeps it for this session only.
    let file: String?
    /// The name warnings start with.
    private let programName: String
    private var reportedSaveFailure = false

    /// Reads `file` if it exists. At most `capacity` lines are kept (the oldest go first).
    init(file: String?, capacity: Int, programName: String) {
        handle = history_init()
        self.file = file
        self.programName = programName
        cel_history_set_size(handle, Int32(capacity))
        // libedit's "unique" mode drops a line equal to the one before it.
        cel_history_set_unique(handle, 1)
        if let file, access(file, F_OK) == 0, cel_history_load(handle, file) < 0 {
            warn("cannot read history from \(file)")
        }
    }

    deinit { history_end(handle) }

    /// How many lines are remembered.
    var count: Int { Int(cel_history_count(handle)) }

    /// Remembers `line` unless it is blank, and saves the history.
    func add(_ line: String) {
        guard line.contains(where: { !$0.isWhitespace }) else { return }
        cel_history_enter(handle, line)
        guard let file else { return }
        if cel_history_save(handle, file) < 0 && !reportedSaveFailure {
            reportedSaveFailure = true
            warn("cannot save history to \(file): \(String(cString: strerror(errno)))")
        }
    }

    private func warn(_ message: String) {
        fputs("\(programName): \(message)\n", stderr)
    }
}
