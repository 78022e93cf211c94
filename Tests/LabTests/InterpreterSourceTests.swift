import Foundation
import Testing
@testable import Lab
import MiniPy

/// The interpreter's sources embedded in the binary (for `interp`) match the checkout and cover every opcode.
struct InterpreterSourceTests {
    @Test func embeddedSourcesAreTheCheckoutsSources() throws {
        let folder = LabTestSupport.packageRoot.appendingPathComponent("Sources/MiniPy/Interpreter")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(EmbeddedFiles.interpreter["MiniPy/\(file)"] == text, "\(file) is not embedded or is stale")
        }
    }

    @Test func everyOpcodeHasAHandler() {
        let source = InterpreterSource.shared
        for opcode in Opcode.allCases {
            let name = String(describing: opcode)
            guard let handler = source.handlers[name] else {
                Issue.record("no handler found for \(name)")
                continue
            }
            let first = source.files[handler.file]![handler.lines.lowerBound - 1]
            #expect(first.contains("case ") && first.contains("."), "\(name) starts at a case line")
        }
    }

    @Test func helpersAreFoundByTheirLines() {
        let source = InterpreterSource.shared
        let lines = source.files[InterpreterSource.dispatchFile]!
        let line = lines.firstIndex { $0.contains("guard let o = d.new(L.int)") }! + 1
        #expect(source.enclosingFunction(file: InterpreterSource.dispatchFile, line: line)?.name == "boxInt")
    }

    @Test func lessonsAreEmbedded() throws {
        let folder = LabTestSupport.packageRoot.appendingPathComponent("lessons")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        for file in files where file.hasSuffix(".mlab") || file.hasSuffix(".py") {
            #expect(Lesson.files[file] == (try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)))
        }
        let numbers = files.filter { $0.hasSuffix(".mlab") }.compactMap { Int($0.prefix { $0.isNumber }) }.sorted()
        #expect(Lesson.all.map(\.number) == numbers)
        #expect(numbers == Array(1...numbers.count), "lessons are numbered 1, 2, ... without gaps")
    }
}
