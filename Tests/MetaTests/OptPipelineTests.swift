import Testing
@testable import Meta

@Test func unknownPassNamesAreRejectedWithTheValidOnes() throws {
    var o = Optimizer()
    #expect(o.passNames == ["peel", "virtuals", "heap", "guards", "fold", "intbounds", "dce"])
    #expect(throws: OptimizerError.unknownPass("cse", valid: o.passNames)) { try o.setPass("cse", enabled: false) }
    #expect(throws: OptimizerError.unknownPass("x", valid: o.passNames)) { try o.setEnabledPasses(["fold", "x"]) }
    #expect("\(OptimizerError.unknownPass("x", valid: ["a", "b"]))" == "unknown optimization pass 'x' (valid passes: a, b)")
    try o.setPass("peel", enabled: false)
    #expect(!o.enabled.contains("peel") && o.enabled.count == 6)
}

/// Each step of the pipeline keeps the trace it started from and the one it produced, and its diff tells kept,
/// rewritten, removed and added operations apart by identity.
@Test func eachStepRecordsItsTracesAndDiff() throws {
    let w = IRTestWorld(nurseryBytes: 1 << 20)
    let trace = try w.optParser().parse(boxedSumLoop)
    let result = try Optimizer().run(trace)
    #expect(result.steps.map(\.pass) == Optimizer().passNames)
    #expect(result.original.trace.ops == trace.ops)
    for (a, b) in zip(result.steps, result.steps.dropFirst()) { #expect(a.after.opIDs == b.before.opIDs) }
    #expect(result.steps.last!.after.trace.ops == result.trace.ops)

    let peel = result.steps[0].diff
    #expect(peel.removedCount == 0 && peel.keptCount == 14 && peel.addedCount == 13 && peel.changedCount == 1)
    let virtuals = result.steps[1].diff
    #expect(virtuals.removedCount == 11 && virtuals.addedCount == 0)
    #expect(result.steps[1].diff.render(before: result.steps[1].before, after: result.steps[1].after, printer: w.printer()) == """
          label(p0, p1, descr=Loop0)
          guard_class(p0, W_Int) [p0, p1]
          i2 = getfield_gc_i(p0, descr=W_Int.intval)
          i3 = int_lt(i2, 100)
          guard_true(i3) [p0, p1]
          i4 = getfield_gc_i(p1, descr=W_Int.intval)
          i5 = int_add_ovf(i4, i2)
          guard_no_overflow() [p0, p1]
        - p6 = new_with_vtable(descr=W_Int)
        - setfield_gc(p6, i5, descr=W_Int.intval)
          i7 = int_add(i2, 1)
        - p8 = new_with_vtable(descr=W_Int)
        - setfield_gc(p8, i7, descr=W_Int.intval)
        ~ label(i7, i5, descr=Loop1000)
        - guard_class(p8, W_Int) [p8, p6]
        - i9 = getfield_gc_i(p8, descr=W_Int.intval)
        ~ i10 = int_lt(i7, 100)
        ~ guard_true(i10) [i7, i5]
        - i11 = getfield_gc_i(p6, descr=W_Int.intval)
        ~ i12 = int_add_ovf(i5, i7)
        ~ guard_no_overflow() [i7, i5]
        - p13 = new_with_vtable(descr=W_Int)
        - setfield_gc(p13, i12, descr=W_Int.intval)
        ~ i14 = int_add(i7, 1)
        - p15 = new_with_vtable(descr=W_Int)
        - setfield_gc(p15, i14, descr=W_Int.intval)
        ~ jump(i14, i12, descr=Loop1000)

        """)
    // Op counts per category, recorded vs optimized.
    let before = trace.categoryCounts, after = result.trace.categoryCounts
    #expect([before[.allocation], before[.memory], before[.guardCheck], before[.int]] == [2, 4, 3, 3])
    #expect([after[.allocation], after[.memory], after[.guardCheck], after[.int]] == [0, 2, 5, 6])
}

/// A disabled pass does not run and has no step; with none enabled the trace comes back unchanged.
@Test func disabledPassesDoNotRun() throws {
    let w = IRTestWorld(nurseryBytes: 1 << 20)
    let trace = try w.optParser().parse(boxedSumLoop)
    var o = Optimizer()
    try o.setPass("peel", enabled: false)
    try o.setPass("dce", enabled: false)
    let result = try o.run(trace)
    #expect(result.steps.map(\.pass) == ["virtuals", "heap", "guards", "fold", "intbounds"])
    #expect(!result.trace.ops.contains { $0.opcode == .label && $0.descr == .loop(LoopToken(1000)) })
    try o.setEnabledPasses([])
    #expect(try o.run(trace).trace.ops == trace.ops)
}

/// The optimizer refuses a trace that does not verify, naming the rule it breaks.
@Test func invalidInputIsRejected() throws {
    let w = IRTestWorld(nurseryBytes: 1 << 20)
    let trace = try w.optParser().parse("[i0]\ni1 = int_add(i0, 1)")
    #expect(throws: OptimizerError.self) { try Optimizer().run(trace) }
    do { _ = try Optimizer().run(trace) } catch {
        #expect("\(error)" == "the trace to optimize is invalid: op 0: the trace does not end with jump or finish")
    }
}

/// The peeled loop gets its token and its copied guards fresh numbers from the caller's context.
@Test func theContextNumbersCopiedGuardsAndNamesThePeeledLoop() throws {
    let w = IRTestWorld(nurseryBytes: 1 << 20)
    let trace = try w.optParser().parse(invariantLoopTrace)
    var o = Optimizer()
    try o.setEnabledPasses(["peel"])
    let context = OptimizationContext(nextGuardNumber: 50, peeledLoopToken: { LoopToken($0.number + 7) })
    let result = try o.run(trace, context: context)
    #expect(result.trace.ops.compactMap { $0.guardInfo?.number } == [0, 1, 50])
    #expect(result.context.nextGuardNumber == 51)
    #expect(result.context.recordedGuard(50) == 1 && result.context.recordedGuard(1) == 1)
    #expect(result.trace.ops.last!.descr == .loop(LoopToken(7)))
}


/// A pass that breaks its trace: it drops every `int_add` but keeps the uses of its result.
private struct DropsAdds: OptimizationPass {
    let name = "drop-adds"
    let summary = "a broken pass, for the tests"
    func run(_ input: TrackedTrace, context: inout OptimizationContext) -> TrackedTrace {
        var rw = TraceRewriter(input)
        for k in input.trace.ops.indices where input.trace.ops[k].opcode != .intAdd { rw.keep(k) }
        return rw.finish()
    }
}

/// The pass that broke a trace is named whether each pass's output is verified as it is made (debug builds) or
/// only the final trace is (release builds: the pipeline then runs again, pass by pass).
@Test(arguments: [true, false])
func aPassThatBreaksTheTraceIsNamed(verifyingEachPass: Bool) throws {
    let w = IRTestWorld(nurseryBytes: 1 << 20)
    let trace = try w.optParser().parse(boxedSumLoop)
    var o = Optimizer(passes: [LoopPeeling(), DropsAdds(), DeadCodeElimination()])
    o.verifiesEachPass = verifyingEachPass
    do {
        _ = try o.run(trace)
        Issue.record("the broken trace was not reported")
    } catch OptimizerError.passBrokeTrace(let pass, let error) {
        #expect(pass == "drop-adds")
        #expect(error.message.contains("used before it is defined"), "\(error)")
    }
}
