import Foundation
import Testing

/// `metalab run --jit trace --dot FILE`: the trace tree as graphviz DOT, written when the program ends.
struct TraceTreeDotTests {
    /// max(a, b) called in a hot loop whose branch flips half-way: the `a > b` guard gets a bridge.
    static let flippingMax = """
        def max2(a, b):
            if a > b:
                return a
            return b

        def run(values):
            total = 0
            for v in values:
                total += max2(v, 3)
            return total

        print("total", run([5] * 30 + [1] * 30))

        """

    func program() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("metalab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let file = dir.appendingPathComponent("max.py")
        try Self.flippingMax.write(to: file, atomically: true, encoding: .utf8)
        return file
    }

    func run(_ file: URL, _ options: [String]) throws -> ProcessResult {
        try runProcess(Corpus.binary, ["run", file.lastPathComponent] + options, in: file.deletingLastPathComponent())
    }

    /// The path of graphviz's `dot`, if it is installed.
    static let dotTool: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    @Test func dotFileHoldsLoopsGuardsAndBridges() throws {
        let file = try program()
        let dot = file.deletingLastPathComponent().appendingPathComponent("tree.dot")
        let r = try run(file, ["--jit", "trace", "--jit-param", "threshold=5,trace_eagerness=3", "--dot", dot.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "total 240\n", "the program's output alone")
        let text = try String(contentsOf: dot, encoding: .utf8)
        #expect(text.hasPrefix("digraph trace_tree {\n") && text.hasSuffix("}\n"))
        // Every node is declared once, and every edge joins declared nodes.
        let declared = text.matches(of: #/\n  (\w+) \[shape=/#).map { String($0.1) }
        #expect(Set(declared).count == declared.count)
        let edges = text.matches(of: #/\n  (\w+) -> (\w+)/#).map { (String($0.1), String($0.2)) }
        for (from, to) in edges { #expect(declared.contains(from) && declared.contains(to), "\(from) -> \(to)") }
        #expect(declared.contains("loop0"))
        // The guard that failed trace_eagerness times has its bridge, which jumps back to the loop.
        let bridged = try #require(edges.first { $0.0.hasPrefix("guard") && $0.1.hasPrefix("bridge") }, "\(text)")
        let number = bridged.0.dropFirst("guard".count)
        #expect(text.contains("  \(bridged.0) [shape=ellipse, style=filled, fillcolor=\"#fde2c8\", label=\"Guard \(number)\\nguard_true("), "\(text)")
        #expect(text.contains("\\nmax2:2 #2 COMPARE_OP\\n3 failures\"];"))
        #expect(edges.contains { $0 == ("loop0", bridged.0) })
        #expect(text.contains("  \(bridged.1) -> loop0 [style=dashed, label=\"jump\"];"))
        #expect(text.contains(" guards never failed\"]"), "guards that never failed are counted, not drawn")
        if let tool = Self.dotTool {
            let svg = try runProcess(URL(fileURLWithPath: tool), ["-Tsvg", dot.path], in: dot.deletingLastPathComponent())
            #expect(svg.status == 0, "\(svg.stderr)")
            #expect(svg.stdout.contains("<svg") && svg.stdout.contains("Guard \(number)"))
        }
    }

    @Test func dotNeedsTheJitAndAWritableFile() throws {
        let file = try program()
        let off = try run(file, ["--dot", "tree.dot"])
        #expect(off.status != 0)
        #expect(off.stderr.contains("--dot needs --jit trace"))
        let unwritable = try run(file, ["--jit", "trace", "--dot", "/nonexistent-dir/tree.dot"])
        #expect(unwritable.status != 0)
        #expect(unwritable.stderr.contains("cannot write the DOT file '/nonexistent-dir/tree.dot'"))
    }
}
