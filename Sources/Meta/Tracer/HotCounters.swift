/// A loop header's identity: the greens of `can_enter_jit` (the guest code, opaque to the framework, and the pc).
public struct GreenKey: Hashable {
    public let code: UnsafeRawPointer
    public let pc: Int
    public init(code: UnsafeRawPointer, pc: Int) { self.code = code; self.pc = pc }
}

/// Hotness counters per loop header, with RPython's back-off: every aborted trace doubles the location's
/// threshold, and after `TracerOptions.maxAborts` aborts the location is never traced again.
public struct HotCounters {
    private struct Entry {
        var count = 0
        var threshold: Int
        var aborts = 0
        var blacklisted = false
    }

    public var options: TracerOptions
    private var entries: [GreenKey: Entry] = [:]

    public init(options: TracerOptions) { self.options = options }

    /// Counts one pass through `key`; true when the loop should be traced now (the counter restarts).
    public mutating func tick(_ key: GreenKey) -> Bool {
        var e = entries[key] ?? Entry(threshold: options.threshold)
        guard !e.blacklisted else { return false }
        e.count += 1
        let hot = e.count >= e.threshold
        if hot { e.count = 0 }
        entries[key] = e
        return hot
    }

    /// Records an aborted trace at `key`: back off, or give up on it.
    public mutating func aborted(_ key: GreenKey) {
        var e = entries[key] ?? Entry(threshold: options.threshold)
        e.aborts += 1
        e.threshold = e.threshold > Int.max / 2 ? Int.max : e.threshold * 2
        if e.aborts >= options.maxAborts { e.blacklisted = true }
        entries[key] = e
    }

    /// Never trace `key` again.
    public mutating func blacklist(_ key: GreenKey) {
        var e = entries[key] ?? Entry(threshold: options.threshold)
        e.blacklisted = true
        entries[key] = e
    }

    public func isBlacklisted(_ key: GreenKey) -> Bool { entries[key]?.blacklisted ?? false }
}
