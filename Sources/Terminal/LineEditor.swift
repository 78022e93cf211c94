import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// Reads lines from a terminal with libedit: emacs-style editing (or what `~/.editrc` asks for), history kept
/// across sessions, tab completion, Ctrl-C to discard the line being typed, Ctrl-D on an empty line to end input.
///
/// Use it only when `LineEditor.isInteractive()`; otherwise read with `PlainLineReader`. Signals while waiting
/// for input are described at `PromptSignals`.
public final class LineEditor {
    /// The most lines the history keeps; the oldest are dropped first.
    public static let historyCapacity = 1000

    /// Where history is kept unless the caller says otherwise: `$METALAB_HISTORY` if set (set but empty: no
    /// file, history lasts for the session only), else `~/.metalab_history`.
    public static var defaultHistoryFile: String? {
        if let configured = getenv("METALAB_HISTORY") {
            let path = String(cString: configured)
            return path.isEmpty ? nil : path
        }
        if let home = getenv("HOME").map({ String(cString: $0) }), !home.isEmpty { return home + "/.metalab_history" }
        guard let user = getpwuid(getuid()), let home = user.pointee.pw_dir else { return nil }
        return String(cString: home) + "/.metalab_history"
    }

    /// Whether the session talks to a person at a terminal: both standard input and output are terminals.
    /// (With output redirected, the editor's redrawing would end up in the file.)
    public static func isInteractive() -> Bool {
        isatty(STDIN_FILENO) == 1 && isatty(STDOUT_FILENO) == 1
    }

    /// libedit's `EditLine *`.
    let editLine: OpaquePointer
    let history: LineHistory
    /// Candidates for the last word of the line before the cursor.
    let complete: (String) -> [String]
    /// The prompt libedit shows, as a C string it can hold on to.
    private var prompt: UnsafeMutablePointer<CChar>
    /// The caller's signal state while `readLine` runs.
    var signals: PromptSignals.Scope?
    /// Set when Ctrl-C discarded the line `el_gets` was reading.
    var lineDiscarded = false
    /// The state of a multibyte character read partly.
    var decoding = mbstate_t()
    /// Whether `decoding` holds the first bytes of a character.
    var decodingStarted = false

    /// A line editor for `programName` (the name `~/.editrc` settings are selected by) keeping its history in
    /// `historyFile` (nil: no file). `complete` receives the line up to the cursor and returns the full words
    /// its last word may become.
    public init(programName: String, historyFile: String? = LineEditor.defaultHistoryFile,
                complete: @escaping (String) -> [String] = { _ in [] }) {
        LineEditor.useUTF8Characters()
        guard let editLine = el_init(programName, stdin, stdout, stderr) else { fatalError("libedit: out of memory") }
        self.editLine = editLine
        history = LineHistory(file: historyFile, capacity: LineEditor.historyCapacity, programName: programName)
        self.complete = complete
        prompt = strdup("")
        configure()
    }

    deinit {
        el_end(editLine)
        free(prompt)
    }

    /// The next line, without its newline (it is added to the history unless blank); nil when input ends
    /// (Ctrl-D on an empty line, or the terminal closed).
    public func readLine(prompt text: String) -> String? {
        free(prompt)
        prompt = strdup(text)
        fflush(stdout)
        let scope = PromptSignals.begin()
        signals = scope
        defer {
            signals = nil
            PromptSignals.end(scope)
        }
        while true {
            lineDiscarded = false
            var count: Int32 = 0
            let text = el_gets(editLine, &count)
            if lineDiscarded { continue }
            guard let text, count > 0 else {
                // End of input: finish the prompt's line so whatever the caller prints next starts on its own.
                fputs("\n", stdout)
                fflush(stdout)
                return nil
            }
            var line = String(cString: text)
            while line.last?.isNewline == true { line.removeLast() }
            history.add(line)
            return line
        }
    }

    private func configure() {
        cel_set_client_data(editLine, Unmanaged.passUnretained(self).toOpaque())
        cel_set_editor(editLine, "emacs")
        cel_set_signal_handling(editLine, 0)
        cel_set_history(editLine, history.handle)
        cel_set_prompt(editLine) { editLine in LineEditor.owning(editLine)?.prompt }
        cel_set_read_char(editLine) { editLine, character in
            guard let editor = LineEditor.owning(editLine), let character else { return -1 }
            return editor.readCharacter(into: character)
        }
        // The user's ~/.editrc (or $EDITRC) comes before metalab's own bindings, which it cannot undo by
        // choosing a key map.
        el_source(editLine, nil)
        cel_add_command(editLine, "metalab-complete", "Complete the word before the cursor", { editLine, _ in
            LineEditor.owning(editLine)?.completeWord() ?? UInt8(CC_ERROR)
        }, "^I")
    }

    /// The editor that owns libedit's `editLine`.
    static func owning(_ editLine: OpaquePointer?) -> LineEditor? {
        guard let editLine, let data = cel_client_data(editLine) else { return nil }
        return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
    }

    /// libedit reads and shows multibyte characters in the C library's locale: take the user's, and UTF-8 if
    /// theirs has another character set (the plain "C" locale of a bare environment, say).
    private static func useUTF8Characters() {
        setlocale(LC_CTYPE, "")
        if String(cString: nl_langinfo(nl_item(CODESET))) != "UTF-8" { setlocale(LC_CTYPE, "C.UTF-8") }
    }
}
