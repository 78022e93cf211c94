import Meta

/// The counters `--stats` and the `jit-summary` log print at exit (DESIGN §11).
public struct JitStatistics: Hashable, Sendable {
    public var tracesStarted = 0
    public var loops = 0
    /// Loops no longer entered because they left too soon after most entries.
    public var loopsDropped = 0
    /// Loops taken out of use because an assumption they relied on broke (a global or class attribute changed).
    public var loopsInvalidated = 0
    public var bridges = 0
    public var aborts = 0
    public var guardFailures = 0
    public var deopts = 0
    public var loopEntries = 0
    public var opsRecorded = 0
    /// The ops of the compiled loops (with `--passes none`, the ops recorded; a peeled loop counts its preamble too).
    public var opsAfterOptimization = 0
    /// Both counts by IR category (guard, int, float, memory, allocation, call, control, debug).
    public var opsRecordedByCategory = OpCategoryCounts()
    public var opsAfterOptimizationByCategory = OpCategoryCounts()
    public var bytecodesTraced = 0
    public var bytecodesInJit = 0

    public init() {}

    /// `key: value` lines, in a fixed order.
    public func lines(bytecodesInterpreted: Int?) -> [String] {
        var lines = [
            "loops: \(loops)",
            "loops dropped: \(loopsDropped)",
            "loops invalidated: \(loopsInvalidated)",
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
        for category in OpCategory.allCases {
            lines.append("ops recorded \(category): \(opsRecordedByCategory[category])")
            lines.append("ops after optimization \(category): \(opsAfterOptimizationByCategory[category])")
        }
        if let bytecodesInterpreted { lines.append("bytecodes interpreted: \(bytecodesInterpreted)") }
        lines.append("bytecodes in jit: \(bytecodesInJit)")
        return lines
    }
}
