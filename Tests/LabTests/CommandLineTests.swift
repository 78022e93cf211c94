import Foundation
import Testing
import Lab

/// The Lab through the real `metalab` binary: golden script transcripts, lessons in batch mode, piped REPL input,
/// Ctrl-C while the guest runs.
struct LabCommandLineTests {
    /// Every `Scripts/*.mlab` prints exactly its `.expected` transcript (`METALAB_REGEN=1 swift test --filter
    /// LabCommandLineTests` rewrites them).
    @Test(arguments: goldenScripts) func goldenTranscript(_ name: String) throws {
        let dir = LabTestSupport.scriptsDirectory
        let result = try LabTestSupport.run(["script", name], in: dir)
        let expectedFile = dir.appendingPathComponent(name.replacingOccurrences(of: ".mlab", with: ".expected"))
        let transcript = result.stdout + (result.status == 0 ? "" : "[exit status \(result.status)]\n" + result.stderr)
        if ProcessInfo.processInfo.environment["METALAB_REGEN"] == "1" {
            try transcript.write(to: expectedFile, atomically: true, encoding: .utf8)
        }
        let expected = try String(contentsOf: expectedFile, encoding: .utf8)
        #expect(Self.withoutInterpreterLines(transcript) == Self.withoutInterpreterLines(expected),
                "\(name): transcript differs from \(expectedFile.lastPathComponent)")
    }

    /// The transcript with the line numbers of the interpreter's Swift source masked: they move whenever the
    /// interpreter is edited, while what the views show (the handler's code, the operations) must not.
    static func withoutInterpreterLines(_ text: String) -> String {
        var masked = text.replacingOccurrences(of: #"(Interpreter\.swift:)[0-9]+(-[0-9]+)?"#, with: "$1N", options: .regularExpression)
        masked = masked.replacingOccurrences(of: #"(?m)^([> ]) +[0-9]+ \|"#, with: "$1 N |", options: .regularExpression)
        return masked
    }

    static let goldenScripts: [String] = {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: LabTestSupport.scriptsDirectory.path)) ?? []
        return files.filter { $0.hasSuffix(".mlab") }.sorted()
    }()

    @Test func thereAreGoldenScripts() { #expect(Self.goldenScripts.count >= 4) }

    /// The lessons' numbers, from the `lessons/NN-name.mlab` files.
    static let lessonNumbers: [Int] = {
        let folder = LabTestSupport.packageRoot.appendingPathComponent("lessons").path
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return files.filter { $0.hasSuffix(".mlab") }.compactMap { Int($0.prefix { $0.isNumber }) }.sorted()
    }()

    @Test func lessonsAreFound() { #expect(Self.lessonNumbers.count >= 2 && Self.lessonNumbers.first == 1) }

    @Test(arguments: lessonNumbers) func lessonPlaysInBatchWithItsExpectsPassing(_ number: Int) throws {
        let result = try LabTestSupport.run(["lesson", String(number)], in: FileManager.default.temporaryDirectory)
        #expect(result.status == 0, "lesson \(number): \(result.stderr)")
        #expect(!result.stdout.contains("expect failed"))
        #expect(!result.stdout.contains("\u{1B}["), "no colour when not a terminal")
    }

    @Test func lessonListAndUnknownLesson() throws {
        let list = try LabTestSupport.run(["lesson", "list"], in: FileManager.default.temporaryDirectory)
        #expect(list.stdout.contains("1  bytecode"))
        #expect(list.stdout.contains("2  dispatch"))
        let missing = try LabTestSupport.run(["lesson", "9"], in: FileManager.default.temporaryDirectory)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("no lesson '9'"))
    }

    @Test func failedExpectExitsNonZero() throws {
        let dir = try LabTestSupport.directory(["s.mlab": "say one\nexpect contains two\n"])
        let result = try LabTestSupport.run(["script", "s.mlab"], in: dir)
        #expect(result.status == 1)
        #expect(result.stdout.contains("s.mlab:2: expect failed"))
        #expect(result.stderr.contains("metalab: script failed: s.mlab:2: expect failed"))
    }

    @Test func scriptFromStandardInput() throws {
        let dir = try LabTestSupport.directory(["seed.py": Programs.seed])
        let result = try LabTestSupport.run(["script", "-"], in: dir, input: "load seed.py\nrun\nexpect contains total 6\n")
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("total 6"))
    }

    @Test func pipedReplShowsNoPrompts() throws {
        let dir = try LabTestSupport.directory(["seed.py": Programs.seed])
        let result = try LabTestSupport.run([], in: dir, input: "load seed.py\nbreak run\nrun\np a\nquit\n")
        #expect(result.status == 0)
        #expect(result.stdout == """
            Loaded seed.py (13 lines, 3 code objects).
            Breakpoint 1 at function run
            --call-- run
            Breakpoint 1, run at seed.py:2
            > run at seed.py:2: b = 0
            ->    0 LOAD_CONST               0 (0)
            3

            """)
        #expect(!result.stdout.contains("metalab>"))
        #expect(!result.stdout.contains("(metalab)"))
    }

    /// Ctrl-C is sent every half second until the session ends: each one that arrives while the guest runs stops it
    /// (the two `run`/`continue`s); one that arrives at the prompt is dropped when the guest resumes.
    @Test func ctrlCStopsARunningGuestAndTheSessionGoesOn() throws {
        let dir = try LabTestSupport.directory(["loop.py": "i = 0\nwhile True:\n    i += 1\n"])
        let result = try LabTestSupport.run([], in: dir, input: "load loop.py\nrun\nprint i > 0\ncontinue\nprint 'again'\nquit\n",
                                            interruptAfter: 1, interrupts: 40)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.components(separatedBy: "Interrupted at <module> at loop.py:").count - 1 == 2, "\(result.stdout)")
        #expect(result.stdout.contains("True\n"))
        #expect(result.stdout.contains("'again'\n"))
        #expect(!result.stdout.contains("KeyboardInterrupt"))
    }
}
