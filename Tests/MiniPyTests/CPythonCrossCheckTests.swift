import Foundation
import Testing
@testable import MiniPy

/// Checks our verdicts against CPython (skipped when `python3` is not installed): sources we reject as syntax
/// errors must be rejected by CPython with the same exception class and message, sources we compile or reject
/// as unsupported must be valid Python.
@Suite struct CPythonCrossCheckTests {
    /// Rejected as unsupported although CPython rejects them too (for a different reason).
    static let unsupportedAndInvalid: Set<String> = ["x = yield 1\n", "x = await y\n"]

    static let checker = """
    import json, sys
    out = []
    for src in json.load(sys.stdin):
        try:
            compile(src, "t.py", "exec")
            out.append(None)
        except SyntaxError as e:
            out.append([type(e).__name__, e.msg])
    print(json.dumps(out))
    """

    @Test func verdictsAgreeWithCPython() throws {
        var sources: [String] = []
        var expectations: [(String, SourceError?)] = []
        let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
        for file in try FileManager.default.contentsOfDirectory(atPath: golden.path) where file.hasSuffix(".py") {
            sources.append(try String(contentsOf: golden.appendingPathComponent(file), encoding: .utf8))
        }
        sources += (LexerTests.errors + ParserTests.errors).map(\.0)
        for source in sources { expectations.append((source, compileError(source))) }
        let input = try JSONSerialization.data(withJSONObject: sources)
        guard let result = runPython(["-c", Self.checker], input: input), result.status == 0 else { return }
        let verdicts = try #require(try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [Any])
        #expect(verdicts.count == sources.count)
        for ((source, ours), theirs) in zip(expectations, verdicts) {
            let cpython = theirs as? [String]
            switch ours?.kind {
            case nil:
                #expect(cpython == nil, "CPython rejects what MiniPy accepts: \(source.debugDescription)")
            case .unsupported?:
                if !Self.unsupportedAndInvalid.contains(source) {
                    #expect(cpython == nil, "not valid Python: \(source.debugDescription)")
                }
            case let kind?:
                #expect(cpython?.first == kind.rawValue, "\(source.debugDescription): \(cpython ?? [])")
                #expect(cpython?.last == ours?.message, "\(source.debugDescription)")
            }
        }
    }
}
