import Foundation
@testable import MiniPy

/// Token descriptions of a source text (up to and including ENDMARKER).
func tokenDescriptions(_ source: String) throws -> [String] {
    var lexer = Lexer(file: SourceFile(source, filename: "t.py"))
    var out: [String] = []
    while true {
        let t = try lexer.next()
        out.append(t.description)
        if t.kind == .endOfFile { return out }
    }
}

/// The S-expression of one parsed expression.
func parsed(_ source: String) throws -> String {
    var parser = Parser(source: source, filename: "t.py")
    return try parser.parseExpressionInput().description
}

/// The error compiling `source` as a module raises, if any.
func compileError(_ source: String) -> SourceError? {
    do {
        _ = try compileModule(source: source, filename: "t.py")
        return nil
    } catch {
        return error
    }
}

/// Instructions as `OPNAME meaning` (or `OPNAME arg`, or `OPNAME`), e.g. `LOAD_FAST b`.
func operations(_ code: CodeObject) -> [String] {
    (0..<code.code.count).map { i in
        let instruction = code.code[i]
        let name = String(describing: instruction.opcode)
        guard instruction.opcode.hasArgument else { return name }
        return name + " " + (argumentMeaning(code, instruction) ?? String(instruction.arg))
    }
}

/// The code object named `name` among `code`'s nested code objects (depth first).
func nestedCode(_ code: CodeObject, _ name: String) -> CodeObject? {
    for case .code(let inner) in code.consts {
        if inner.name == name { return inner }
        if let found = nestedCode(inner, name) { return found }
    }
    return nil
}

/// Compiles a module and returns the nested code object `name` (or the module itself for "<module>").
func compiled(_ source: String, _ name: String = "<module>") throws -> CodeObject {
    let module = try compileModule(source: source, filename: "t.py")
    if name == "<module>" { return module }
    guard let code = nestedCode(module, name) else { throw TestFailure("no code object named \(name)") }
    return code
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The repository root (this file is Tests/MiniPyTests/TestSupport.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// Runs `python3` (if installed) with `arguments`; nil when Python is not available.
func runPython(_ arguments: [String], input: Data? = nil) -> (status: Int32, output: String)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3"] + arguments
    let stdout = Pipe()
    process.standardOutput = stdout
    process.standardError = Pipe()
    let stdin = Pipe()
    process.standardInput = stdin
    do { try process.run() } catch { return nil }
    if let input { stdin.fileHandleForWriting.write(input) }
    try? stdin.fileHandleForWriting.close()
    let data = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    if process.terminationStatus == 127 { return nil }
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
}
