/// A loop header's identity: the greens of `can_enter_jit` (the guest code, opaque to the framework, and the pc).
public struct GreenKey: Hashable {
    public let code: UnsafeRawPointer
    public let pc: Int
    public init(code: UnsafeRawPointer, pc: Int) { self.code = code; self.pc = pc }
}

/// Hotness counters with RPython's back-off, per loop header (`GreenKey`: backward jumps before a loop is traced)
/// or per guard (its number: failures before a bridge is traced): every aborted trace doubles the key's threshold,
/// and after `maxAborts` aborts the key is never traced again.
public struct HotCounters<Key: Hashable> {
    private struct Entry {
        var count = 0
        var threshold: Int
        var aborts = 0
        var blacklisted = false
    }

    public let threshold: Int
    public let maxAborts: Int
    private var entries: [Key: Entry] = [:]

    public init(threshold: Int, maxAborts: Int) {
        self.threshold = threshold
        self.maxAborts = maxAborts
    }

    /// Counts one pass through `key`; true when the loop should be traced now (the counter restarts).
    public mutating func tick(_ key: Key) -> Bool {
        var e = entries[key] ?? Entry(threshold: threshold)
        guard !e.blacklisted else { return false }
        e.count += 1
        let hot = e.count >= e.threshold
        if hot { e.count = 0 }
        entries[key] = e
        return hot
    }

    /// Records an aborted trace at `key`: back off, or give up on it.
    public mutating func aborted(_ key: Key) {
        var e = entries[key] ?? Entry(threshold: threshold)
        e.aborts += 1
        e.threshold = e.threshold > Int.max / 2 ? Int.max : e.threshold * 2
        if e.aborts >= maxAborts { e.blacklisted = true }
        entries[key] = e
    }

    /// Never trace `key` again.
    public mutating func blacklist(_ key: Key) {
        var e = entries[key] ?? Entry(threshold: threshold)
        e.blacklisted = true
        entries[key] = e
    }

    public func isBlacklisted(_ key: Key) -> Bool { entries[key]?.blacklisted ?? false }
}
