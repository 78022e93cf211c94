import Testing
@testable import Meta

/// A dependent that remembers why it was invalidated.
private final class Watcher: AssumptionDependent {
    var reasons: [String] = []
    func invalidate(because reason: String) { reasons.append(reason) }
}

@Test func invalidatingAnAssumptionTellsEachDependentOnceAndMovesItsVersionOn() {
    let a = Assumption(subject: "global 'step'")
    let w1 = Watcher(), w2 = Watcher()
    a.register(w1, assumedAt: a.version)
    a.register(w2, assumedAt: a.version)
    #expect(a.dependentCount == 2)
    a.invalidate(because: "global 'step' rebound")
    #expect(w1.reasons == ["global 'step' rebound"])
    #expect(w2.reasons == ["global 'step' rebound"])
    #expect(a.version == 1)
    #expect(a.dependentCount == 0)
    // Dependents were forgotten: a second change reaches only those registered since.
    let w3 = Watcher()
    a.register(w3, assumedAt: a.version)
    a.invalidate(because: "global 'step' deleted")
    #expect(w1.reasons.count == 1)
    #expect(w3.reasons == ["global 'step' deleted"])
}

@Test func aDependentRecordedBeforeAnInvalidationIsInvalidatedWhenItRegisters() {
    let a = Assumption(subject: "global 'count'")
    let seen = a.version
    a.invalidate(because: "global 'count' rebound")
    let w = Watcher()
    a.register(w, assumedAt: seen)
    #expect(w.reasons == ["global 'count' rebound"])
    #expect(a.dependentCount == 0)
}

@Test func guardsPassDropsRepeatedInvalidationChecksUntilACallThatMayInvalidate() throws {
    // unbox_ro only reads; set_intval has any effect; a label starts afresh.
    #expect(try optimizedText("""
        [p0, i1]
        guard_not_invalidated() [p0, i1]
        i2 = call_i(ConstClass(unbox_ro), p0)
        guard_not_invalidated() [p0, i2]
        call_n(ConstClass(set_intval), p0, i2)
        guard_not_invalidated() [p0, i2]
        guard_not_invalidated() [p0, i1]
        label(p0, i2, descr=Loop1)
        guard_not_invalidated() [p0, i2]
        jump(p0, i2, descr=Loop1)
        """, passes: ["guards"]) == """
        [p0, i1]
        guard_not_invalidated() [p0, i1]
        i2 = call_i(ConstClass(unbox_ro), p0)
        call_n(ConstClass(set_intval), p0, i2)
        guard_not_invalidated() [p0, i2]
        label(p0, i2, descr=Loop1)
        guard_not_invalidated() [p0, i2]
        jump(p0, i2, descr=Loop1)
        """)
}
