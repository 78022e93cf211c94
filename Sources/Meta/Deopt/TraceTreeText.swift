extension TraceTree {
    /// The tree as indented text, one line per loop, guard and bridge:
    ///
    /// ```
    /// Loop 0 (run:8 #18 FOR_ITER): 61 ops, 3 entries, 2994 iterations, 14 guards
    /// ├─ Guard 23 guard_true(i30) at max2:2 #6 COMPARE_OP: 5 failures, bridge 0
    /// │  └─ Bridge 0: 24 ops, 312 bytes, 6 guards
    /// │     └─ Guard 52 guard_class(p60, W_Int) at max2:2 #4 COMPARE_OP: 5 failures, bridge 1
    /// │        └─ Bridge 1: 30 ops, 401 bytes, 8 guards
    /// └─ 12 more guards never failed
    /// ```
    ///
    /// Only notable guards (failed, or with a bridge) unless `allGuards`.
    public func text(allGuards: Bool = false) -> String {
        var out = ""
        for loop in loops {
            out += "Loop \(loop.index) (\(loop.name)): \(loop.opCount) ops, \(Self.count(loop.entries, "entry", "entries")), "
                + "\(Self.count(loop.iterations, "iteration")), \(Self.count(loop.guards.count, "guard"))"
                + (loop.dropped.map { "; dropped: \($0)" } ?? "") + "\n"
            lines(loop.guards, allGuards: allGuards, indent: "", into: &out)
        }
        return out
    }

    private func lines(_ guards: [GuardNode], allGuards: Bool, indent: String, into out: inout String) {
        let (shown, hidden) = Self.shown(guards, all: allGuards)
        for (k, g) in shown.enumerated() {
            let last = k == shown.count - 1 && hidden == 0
            out += indent + (last ? "└─ " : "├─ ") + guardLine(g) + "\n"
            guard let bridge = g.bridge else { continue }
            let inner = indent + (last ? "   " : "│  ")
            let size = [Self.count(bridge.opCount, "op"), bridge.codeBytes.map { Self.count($0, "byte") }, Self.count(bridge.guards.count, "guard")]
            out += inner + "└─ Bridge \(bridge.number): " + size.compactMap { $0 }.joined(separator: ", ") + "\n"
            lines(bridge.guards, allGuards: allGuards, indent: inner + "   ", into: &out)
        }
        if hidden > 0 {
            let text = shown.isEmpty ? "\(Self.count(hidden, "guard")), none failed" : "\(Self.count(hidden, "more guard")) never failed"
            out += indent + "└─ " + text + "\n"
        }
    }

    /// `Guard 23 guard_true(i30) at max2:2 #6 COMPARE_OP: 5 failures, bridge 0`.
    func guardLine(_ g: GuardNode) -> String {
        let at = g.location.map { " at \($0.shortText)" } ?? ""
        let failed = g.failures == 0 ? "never failed" : Self.count(g.failures, "failure")
        return "Guard \(g.number) \(g.opText)\(at): \(failed)" + (g.bridge.map { ", bridge \($0.number)" } ?? "")
    }
}

extension TraceTree {
    /// `1 guard`, `3 guards`.
    static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
    }
}
