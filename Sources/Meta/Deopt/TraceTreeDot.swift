extension TraceTree {
    /// The tree as a graphviz digraph (`dot -Tsvg`): a box per loop (`loopN`), an ellipse per guard shown
    /// (`guardN`, filled when it failed), a rounded box per bridge (`bridgeN`); edges from each loop or bridge to
    /// its guards, from a guard to its bridge, and a dashed `jump` edge from each bridge back to its loop's header.
    /// Only notable guards unless `allGuards`; a loop's or bridge's label counts the others.
    public func dot(allGuards: Bool = false) -> String {
        var out = "digraph trace_tree {\n"
        out += "  node [fontname=\"monospace\", fontsize=10];\n"
        out += "  edge [fontname=\"monospace\", fontsize=9];\n"
        for loop in loops {
            let (_, hidden) = Self.shown(loop.guards, all: allGuards)
            var label = ["Loop \(loop.index)", loop.name,
                         "\(Self.count(loop.opCount, "op")), \(Self.count(loop.entries, "entry", "entries")), \(Self.count(loop.iterations, "iteration"))"]
            if hidden > 0 { label.append("\(Self.count(hidden, "guard")) never failed") }
            if let dropped = loop.dropped { label.append("dropped: \(dropped)") }
            out += "  loop\(loop.index) [shape=box, style=bold, label=\(Self.quoted(label))];\n"
            edges(from: "loop\(loop.index)", loop.guards, loop: loop.index, allGuards: allGuards, into: &out)
        }
        return out + "}\n"
    }

    private func edges(from parent: String, _ guards: [GuardNode], loop: Int, allGuards: Bool, into out: inout String) {
        for g in Self.shown(guards, all: allGuards).shown {
            var label = ["Guard \(g.number)", g.opText]
            if let location = g.location { label.append(location.shortText) }
            label.append(g.failures == 0 ? "never failed" : Self.count(g.failures, "failure"))
            let style = g.failures > 0 ? ", style=filled, fillcolor=\"#fde2c8\"" : ""
            out += "  guard\(g.number) [shape=ellipse\(style), label=\(Self.quoted(label))];\n"
            out += "  \(parent) -> guard\(g.number);\n"
            guard let bridge = g.bridge else { continue }
            let (_, hidden) = Self.shown(bridge.guards, all: allGuards)
            var size = [Self.count(bridge.opCount, "op")]
            if let bytes = bridge.codeBytes { size.append(Self.count(bytes, "byte")) }
            var bridgeLabel = ["Bridge \(bridge.number)", size.joined(separator: ", ")]
            if hidden > 0 { bridgeLabel.append("\(Self.count(hidden, "guard")) never failed") }
            out += "  bridge\(bridge.number) [shape=box, style=rounded, label=\(Self.quoted(bridgeLabel))];\n"
            out += "  guard\(g.number) -> bridge\(bridge.number);\n"
            out += "  bridge\(bridge.number) -> loop\(loop) [style=dashed, label=\"jump\"];\n"
            edges(from: "bridge\(bridge.number)", bridge.guards, loop: loop, allGuards: allGuards, into: &out)
        }
    }

    /// A DOT string of `lines` (one label line each).
    static func quoted(_ lines: [String]) -> String {
        var out = "\""
        for (k, line) in lines.enumerated() {
            if k > 0 { out += "\\n" }
            for c in line {
                if c == "\\" || c == "\"" { out.append("\\") }
                out.append(c)
            }
        }
        return out + "\""
    }
}
