import Foundation
@testable import Meta

/// Runs GNU binutils (`as`, `objcopy`, `objdump`) on whole batches of instructions: one process per tool per batch.
///
/// The comparison with objdump's text normalises only two things: runs of whitespace become one space (objdump pads
/// mnemonics with spaces and separates fields with tabs), and the `# 0x…` comment objdump appends to RIP-relative
/// operands (the resolved address) is dropped. Everything else — operand order, `QWORD PTR` keywords, hex
/// immediates at the operand size, `[rbp+0x0]` — must match character for character.
enum Binutils {
    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String {
            "GNU binutils tool '\(tool)' not found on PATH: install binutils (apt-get install binutils) to run the "
                + "x86-64 encoding tests"
        }
    }

    struct Failed: Error, CustomStringConvertible {
        let command: String
        let output: String
        var description: String { "\(command) failed:\n\(output)" }
    }

    /// One instruction as objdump decoded it.
    struct Decoded {
        let offset: Int
        let bytes: [UInt8]
        let text: String
    }

    static func path(of tool: String) throws -> String {
        let directories = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        for directory in directories + ["/usr/bin", "/usr/local/bin"] {
            let candidate = "\(directory)/\(tool)"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        throw Missing(tool: tool)
    }

    /// Assembles Intel-syntax lines with GNU as and returns the bytes of `.text`. The lines may refer to `base`,
    /// the address of the first byte.
    static func assemble(_ lines: [String]) throws -> [UInt8] {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = directory.appendingPathComponent("batch.s")
        let object = directory.appendingPathComponent("batch.o")
        let binary = directory.appendingPathComponent("batch.bin")
        let text = ([".intel_syntax noprefix", ".text", "base:"] + lines).joined(separator: "\n") + "\n"
        try text.write(to: source, atomically: true, encoding: .utf8)
        _ = try run("as", ["--64", "-o", object.path, source.path])
        _ = try run("objcopy", ["-O", "binary", "--only-section=.text", object.path, binary.path])
        return [UInt8](try Data(contentsOf: binary))
    }

    /// Disassembles raw x86-64 bytes (addresses from 0) with `objdump -M intel`.
    static func disassemble(_ bytes: [UInt8]) throws -> [Decoded] {
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let binary = directory.appendingPathComponent("code.bin")
        try Data(bytes).write(to: binary)
        let output = try run("objdump", ["-D", "-b", "binary", "-m", "i386:x86-64", "-M", "intel",
                                         "--insn-width=16", binary.path])
        var decoded: [Decoded] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 3, fields[0].hasSuffix(":"),
                  let offset = Int(fields[0].dropLast().trimmingCharacters(in: .whitespaces), radix: 16)
            else { continue }
            let bytes = fields[1].split(separator: " ").compactMap { UInt8($0, radix: 16) }
            decoded.append(Decoded(offset: offset, bytes: bytes,
                                   text: normalise(fields[2...].joined(separator: "\t"))))
        }
        return decoded
    }

    /// Collapses whitespace and drops objdump's trailing `# address` comment.
    static func normalise(_ text: String) -> String {
        var line = Substring(text)
        if let hash = line.firstIndex(of: "#") { line = line[..<hash] }
        return line.split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    private static func scratchDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("metalab-x64-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try path(of: tool))
        process.arguments = arguments
        let directory = try scratchDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("out")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL)
        process.standardOutput = outHandle
        process.standardError = outHandle
        try process.run()
        process.waitUntilExit()
        try outHandle.close()
        let output = (try? String(contentsOf: outURL, encoding: .utf8)) ?? ""
        guard process.terminationStatus == 0 else {
            throw Failed(command: ([tool] + arguments).joined(separator: " "), output: String(output.prefix(4000)))
        }
        return output
    }
}
