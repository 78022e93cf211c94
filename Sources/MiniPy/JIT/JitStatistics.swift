/// The counters `--stats` and the `jit-summary` log print at exit (DESIGN §11).
public struct JitStatistics: Hashable, Sendable {
    public var tracesStarted = 0
    public var loops = 0
    /// Loops no longer entered because they left too soon after most entries.
    public var loopsDropped = 0
    public var bridges = 0
    public var aborts = 0
    public var guardFailures = 0
    public var deopts = 0
    public var loopEntries = 0
    public var opsRecorded = 0
    /// Until the optimizer exists (issue 5), the ops that run are the ops recorded.
    public var opsAfterOptimization = 0
    public var bytecodesTraced = 0
    public var bytecodesInJit = 0

    public init() {}

    /// `key: value` lines, in a fixed order.
    public func lines(bytecodesInterpreted: Int?) -> [String] {
        var lines = [
            "loops: \(loops)",
            "loops dropped: \(loopsDropped)",
            "bridges: \(bridges)",
            "aborts: \(aborts)",
            "traces started: \(tracesStarted)",
            "guard failures: \(guardFailures)",
            "deopts: \(deopts)",
            "loop entries: \(loopEntries)",
            "ops recorded: \(opsRecorded)",
            "ops after optimization: \(opsAfterOptimization)",
            "bytecodes traced: \(bytecodesTraced)",
        ]
        if let bytecodesInterpreted { lines.append("bytecodes interpreted: \(bytecodesInterpreted)") }
        lines.append("bytecodes in jit: \(bytecodesInJit)")
        return lines
    }
}
