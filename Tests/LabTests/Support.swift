import Foundation
import Lab
import MiniPy

/// Helpers shared by the Lab's tests.
enum LabTestSupport {
    static let testsDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let packageRoot = testsDirectory.deletingLastPathComponent().deletingLastPathComponent()
    static let scriptsDirectory = testsDirectory.appendingPathComponent("Scripts")

    /// The `metalab` executable built beside the test bundle.
    static var binary: URL {
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("metalab")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/metalab")
    }

    /// A fresh temporary directory holding `files` (name → contents).
    static func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("metalab-lab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        return dir
    }

    /// Runs `commands` as a script in a session whose programs live in `files`; returns the session's output and
    /// whether it ended without a failure.
    static func session(_ commands: [String], files: [String: String]) throws -> (output: String, ok: Bool) {
        let dir = try directory(files)
        var output = ""
        let session = Session(mode: .script, color: false, baseDirectory: dir.path) { output += $0 }
        let ok = runOnLargeStack { session.run(ScriptSource(name: "test.mlab", text: commands.joined(separator: "\n") + "\n")) }
        return (output, ok)
    }

    /// The result of running the binary.
    struct ProcessResult {
        var stdout: String
        var stderr: String
        var status: Int32
    }

    /// Runs `metalab` with `arguments` in `directory`, feeding `input` on stdin; with `interruptAfter`, sends SIGINT
    /// after that many seconds (and again every second while it runs, at most `interrupts` times).
    static func run(_ arguments: [String], in directory: URL, input: String = "", interruptAfter: Double? = nil,
                    interrupts: Int = 1, timeout: TimeInterval = 120) throws -> ProcessResult {
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        var outData = Data(), errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { errData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        if let interruptAfter {
            Thread.sleep(forTimeInterval: interruptAfter)
            for i in 0..<interrupts where process.isRunning {
                if i > 0 { Thread.sleep(forTimeInterval: 1) }
                process.interrupt()
            }
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        group.wait()
        return ProcessResult(stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self),
                             status: process.terminationStatus)
    }
}

/// Small programs the tests step through.
enum Programs {
    static let seed = """
        def run(a, n):
            b = 0
            i = 0
            while i < n:
                b += a
                i += 1
            return b

        def main():
            total = run(3, 2)
            print("total", total)

        main()

        """

    static let raising = """
        def f(x):
            return 10 // x

        try:
            f(0)
        except ZeroDivisionError as e:
            print("caught", e)
        finally:
            print("cleanup")
        f(0)

        """
}
