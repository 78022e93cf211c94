import CEditLine
#if canImport(Glibc)
import Glibc
#endif

/// What libedit calls back into while `el_gets` edits a line: reading a key, and the Tab key.
extension LineEditor {
    /// libedit's character reader (`EL_GETCFN`): the next character typed, after acting on any signal that
    /// arrived (see `PromptSignals`). Returns 1 with a character, 0 at end of input, -1 to make `el_gets` stop.
    func readCharacter(into character: UnsafeMutablePointer<wchar_t>) -> Int32 {
        guard var scope = signals else { return -1 }
        let input = fileno(stdin)
        while true {
            if PromptSignals.interrupted != 0 {
                PromptSignals.interrupted = 0
                discardLine()
                return -1
            }
            if PromptSignals.resized != 0 {
                PromptSignals.resized = 0
                el_resize(editLine)
            }
            if PromptSignals.continued != 0 {
                PromptSignals.continued = 0
                cel_set_terminal_raw(editLine, 1)
                cel_refresh(editLine)
            }
            if PromptSignals.deferred != 0 {
                let signal = PromptSignals.deferred
                PromptSignals.deferred = 0
                cel_set_terminal_raw(editLine, 0)
                PromptSignals.passOn(signal, scope)
                cel_set_terminal_raw(editLine, 1)
            }
            if cel_wait_readable(input, &scope.waitMask) < 0 {
                if errno == EINTR { continue }
                return -1
            }
            var byte: CChar = 0
            let count = read(input, &byte, 1)
            if count == 0 { return 0 }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return -1
            }
            if let decoded = decode(byte) {
                character.pointee = decoded
                return 1
            }
        }
    }

    /// Adds `byte` to the multibyte character being read: the character once complete, nil while incomplete.
    /// A byte that cannot continue the character drops the bytes before it and starts a character of its own,
    /// as libedit's own reader does.
    private func decode(_ byte: CChar) -> wchar_t? {
        var byte = byte
        var decoded: wchar_t = 0
        switch mbrtowc(&decoded, &byte, 1, &decoding) {
        case -2:
            decodingStarted = true
            return nil
        case -1:
            decoding = mbstate_t()
            let retry = decodingStarted
            decodingStarted = false
            return retry ? decode(byte) : nil
        default:
            decodingStarted = false
            return decoded
        }
    }

    /// Ctrl-C: shows `^C` after the line, as a shell does, and makes `readLine` start over with a fresh prompt.
    private func discardLine() {
        moveCursorToEndOfLine()
        fputs("^C\r\n", stdout)
        fflush(stdout)
        lineDiscarded = true
    }

    /// The Tab key, bound to the editor command "metalab-complete".
    func completeWord() -> UInt8 {
        guard let info = el_line(editLine)?.pointee, let start = info.buffer, let cursor = info.cursor else {
            return UInt8(CC_ERROR)
        }
        let line = String(decoding: UnsafeRawBufferPointer(start: start, count: cursor - start), as: UTF8.self)
        switch TabCompletion.plan(line: line, candidates: complete(line)) {
        case .nothing:
            return UInt8(CC_REFRESH_BEEP)
        case .replace(let wordLength, let text):
            el_deletestr(editLine, Int32(wordLength))
            return el_insertstr(editLine, text) == 0 ? UInt8(CC_REFRESH) : UInt8(CC_REFRESH_BEEP)
        case .list(let choices):
            moveCursorToEndOfLine()
            let width = max(20, Int(cel_columns(editLine)))
            fputs("\r\n" + TabCompletion.columns(choices, width: width).map { $0 + "\r\n" }.joined(), stdout)
            // libedit redraws the prompt and the line below the list.
            return UInt8(CC_REDISPLAY)
        }
    }

    /// Moves the terminal's cursor behind the last character of the line, by writing the characters after it
    /// again (they are already on the screen, so it looks unchanged), before writing below the line.
    private func moveCursorToEndOfLine() {
        guard let info = el_line(editLine)?.pointee, let cursor = info.cursor, let end = info.lastchar else { return }
        fwrite(cursor, 1, end - cursor, stdout)
    }
}
