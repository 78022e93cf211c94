import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program running on a pseudo-terminal of its own, driven like a person at a keyboard: `send` types keys,
/// `expect` waits (boundedly) for text on the screen. The program is killed when the session is released, so a
/// failing test never leaves it behind.
final class PseudoTerminal {
    /// Why a session failed; carries what the screen showed.
    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    private let master: Int32
    private let pid: pid_t
    private var output: [UInt8] = []
    /// How much of `output` earlier `expect`s have consumed.
    private var consumed = 0
    private var exitStatus: Int32?

    /// Starts `executable` as the leader of a new session whose controlling terminal is an 80×24 pseudo-terminal
    /// (so Ctrl-C typed on it raises SIGINT), with exactly `environment`.
    init(_ executable: URL, arguments: [String] = [], environment: [String: String]) throws {
        var master: Int32 = -1, slave: Int32 = -1
        var size = winsize(ws_row: 24, ws_col: 80, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw Failure(description: "openpty failed") }
        _ = fcntl(master, F_SETFD, FD_CLOEXEC)
        _ = fcntl(slave, F_SETFD, FD_CLOEXEC)
        let slavePath = String(cString: ttyname(slave))
        defer { close(slave) }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // The child becomes a session leader first (POSIX_SPAWN_SETSID), so opening the terminal makes it the
        // session's controlling terminal.
        posix_spawn_file_actions_addopen(&actions, 0, slavePath, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        PseudoTerminal.closeOtherFiles(&actions)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in [SIGINT, SIGQUIT, SIGTSTP, SIGTERM, SIGHUP, SIGPIPE, SIGCHLD] { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        let setSession: Int32 = 0x80 // glibc's POSIX_SPAWN_SETSID, a GNU extension Swift does not import
        posix_spawnattr_setflags(&attributes, Int16(setSession | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable.path, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            close(master)
            throw Failure(description: "cannot start \(executable.path): \(String(cString: strerror(spawned)))")
        }
        self.master = master
        self.pid = pid
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        close(master)
    }

    /// Types `keys` (control characters and escape sequences included) in one write.
    func send(_ keys: String) {
        let bytes = Array(keys.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if n <= 0 { return }
            written += n
        }
    }

    /// Sends `signal` to the program (as `kill` would).
    func signal(_ signal: Int32) {
        kill(pid, signal)
    }

    /// Waits until `text` appears in the output after everything earlier calls consumed, and returns the
    /// output up to and including it (consuming it).
    @discardableResult
    func expect(_ text: String, timeout: TimeInterval = 30) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let pending = String(decoding: output[consumed...], as: UTF8.self)
            if let range = pending.range(of: text) {
                let seen = String(pending[..<range.upperBound])
                consumed += seen.utf8.count
                return seen
            }
            guard Date() < deadline, readSome(until: deadline) != .closed else {
                throw Failure(description: "expected \(text.debugDescription), the terminal showed "
                    + String(decoding: output[consumed...], as: UTF8.self).debugDescription)
            }
        }
    }

    /// Waits until the terminal is (or is no longer) in a line editor's character-at-a-time mode, which a program
    /// sets after showing its prompt: keys typed before are handled by the terminal's own line editing.
    func waitForCharacterMode(_ on: Bool = true, timeout: TimeInterval = 30) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            var modes = termios()
            // The master side reports the terminal's modes as the program set them.
            if tcgetattr(master, &modes) == 0 && ((modes.c_lflag & tcflag_t(ICANON)) == 0) == on { return }
            guard Date() < deadline else {
                throw Failure(description: "the terminal did not \(on ? "enter" : "leave") character mode")
            }
            if readSome(until: min(deadline, Date().addingTimeInterval(0.01))) == .closed { usleep(10_000) }
        }
    }

    /// Everything the program wrote since the last `expect`, waiting `quiet` seconds for more first.
    func rest(after quiet: TimeInterval) -> String {
        let deadline = Date().addingTimeInterval(quiet)
        while Date() < deadline && readSome(until: deadline) == .read {}
        defer { consumed = output.count }
        return String(decoding: output[consumed...], as: UTF8.self)
    }

    /// Waits for the program to exit and returns its exit status (128 + n if signal n ended it).
    func waitForExit(timeout: TimeInterval = 30) throws -> Int32 {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid {
                let signal = status & 0x7f
                exitStatus = signal == 0 ? (status >> 8) & 0xff : 128 + signal
                return exitStatus!
            }
            // Keep reading, so a program writing its last words never blocks on a full terminal.
            if readSome(until: min(deadline, Date().addingTimeInterval(0.05))) == .closed { usleep(20_000) }
        }
        throw Failure(description: "the program did not exit; the terminal showed "
            + String(decoding: output[consumed...], as: UTF8.self).debugDescription)
    }

    private enum ReadOutcome { case read, nothing, closed }

    /// Reads what arrives before `deadline` (or within a second).
    private func readSome(until deadline: Date) -> ReadOutcome {
        var poller = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(max(0, min(deadline.timeIntervalSinceNow * 1000, 1000)))
        guard poll(&poller, 1, milliseconds) > 0 else { return .nothing }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = read(master, &buffer, buffer.count)
        // Once every program holding the terminal has exited, reading fails with EIO.
        guard n > 0 else { return .closed }
        output += buffer[..<n]
        return .read
    }

    /// Keeps the test process's other open files (other tests' pipes) out of the child, with glibc's
    /// `posix_spawn_file_actions_addclosefrom_np` when it has one (looked up, since Swift does not import it).
    private static func closeOtherFiles(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)
    }
}
