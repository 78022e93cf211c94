/// The closed range `lo...hi` of values a 64-bit integer may hold, with interval arithmetic that gives up
/// (returns the full range) rather than wrap. An empty range cannot be built: refinements that would empty one
/// are not applied.
struct IntRange: Hashable, CustomStringConvertible {
    var lo: Int
    var hi: Int

    static let full = IntRange(lo: .min, hi: .max)
    static let boolean = IntRange(lo: 0, hi: 1)
    static func exactly(_ v: Int) -> IntRange { IntRange(lo: v, hi: v) }

    var constant: Int? { lo == hi ? lo : nil }
    func contains(_ v: Int) -> Bool { lo <= v && v <= hi }
    var isNonNegative: Bool { lo >= 0 }

    var description: String { "[\(lo), \(hi)]" }

    /// The range of `a + b`, or nil if it may overflow.
    static func add(_ a: IntRange, _ b: IntRange) -> IntRange? {
        let (lo, o1) = a.lo.addingReportingOverflow(b.lo), (hi, o2) = a.hi.addingReportingOverflow(b.hi)
        return o1 || o2 ? nil : IntRange(lo: lo, hi: hi)
    }

    /// The range of `a - b`, or nil if it may overflow.
    static func sub(_ a: IntRange, _ b: IntRange) -> IntRange? {
        let (lo, o1) = a.lo.subtractingReportingOverflow(b.hi), (hi, o2) = a.hi.subtractingReportingOverflow(b.lo)
        return o1 || o2 ? nil : IntRange(lo: lo, hi: hi)
    }

    /// The range of `a * b`, or nil if it may overflow.
    static func mul(_ a: IntRange, _ b: IntRange) -> IntRange? {
        var lo = Int.max, hi = Int.min
        for x in [a.lo, a.hi] {
            for y in [b.lo, b.hi] {
                let (p, o) = x.multipliedReportingOverflow(by: y)
                if o { return nil }
                lo = min(lo, p)
                hi = max(hi, p)
            }
        }
        return IntRange(lo: lo, hi: hi)
    }

    /// The range of `a << b`, or nil if it may overflow (as `int_lshift_ovf` decides).
    static func lshift(_ a: IntRange, _ b: IntRange) -> IntRange? {
        guard b.lo >= 0, b.hi < 63 else { return nil }
        let factor = IntRange(lo: 1 << b.lo, hi: 1 << b.hi)
        return mul(a, factor)
    }

    /// `self` narrowed to `other`, or nil if they do not meet.
    func intersection(_ other: IntRange) -> IntRange? {
        let r = IntRange(lo: max(lo, other.lo), hi: min(hi, other.hi))
        return r.lo <= r.hi ? r : nil
    }
}
