import Testing
@testable import Meta

// Each pass alone on textual traces: IR in, IR out. `OptDifferentialTests` runs every trace here under every
// configuration and compares executions.

let foldTrace = """
    [i0, i1, f2]
    i3 = int_add(2, 3)
    i4 = int_mul(i0, i3)
    i5 = int_add(i0, 0)
    i6 = int_sub(i1, i1)
    i7 = int_mul(i3, i0)
    i8 = int_add_ovf(i5, 0)
    guard_no_overflow() [i0]
    i9 = int_add_ovf(i4, i1)
    guard_no_overflow() [i0, i1]
    i10 = int_add_ovf(i4, i1)
    guard_no_overflow() [i0]
    i11 = int_lt(i0, i1)
    i12 = int_is_true(i11)
    guard_true(i12) [i0, i1]
    i13 = int_add_ovf(9223372036854775807, i3)
    guard_no_overflow() [i0]
    f14 = float_add(f2, 0.0)
    i15 = int_eq(i3, 5)
    guard_true(i15) [i0]
    finish(i4, i7, i8, i9, i10, i6, i13, f14)
    """

@Test func foldComputesConstantsSimplifiesAndSharesPureOperations() throws {
    #expect(try optimizedText(foldTrace, passes: ["fold"]) == """
        [i0, i1, f2]
        i4 = int_mul(i0, 5)
        i9 = int_add_ovf(i4, i1)
        guard_no_overflow() [i0, i1]
        i11 = int_lt(i0, i1)
        guard_true(i11) [i0, i1]
        i13 = int_add_ovf(9223372036854775807, 5)
        guard_no_overflow() [i0]
        f14 = float_add(f2, 0.0)
        finish(i4, i4, i0, i9, i9, 0, i13, f14)
        """)
}

let elidableCallTrace = """
    [i0, i1, p2]
    i3 = call_i(ConstClass(scale_add_pure), i0, i1)
    i4 = call_i(ConstClass(scale_add_pure), i0, i1)
    i5 = call_i(ConstClass(scale_add), i0, i1)
    i6 = call_i(ConstClass(scale_add), i0, i1)
    i7 = call_i(ConstClass(scale_add_pure), i1, i0)
    finish(i3, i4, i5, i6)
    """

@Test func onlyElidableCallsAreSharedAndRemoved() throws {
    #expect(try optimizedText(elidableCallTrace, passes: ["fold", "dce"]) == """
        [i0, i1, p2]
        i3 = call_i(ConstClass(scale_add_pure), i0, i1)
        i5 = call_i(ConstClass(scale_add), i0, i1)
        i6 = call_i(ConstClass(scale_add), i0, i1)
        finish(i3, i3, i5, i6)
        """)
}

let boundsTrace = """
    [i0, i1]
    label(i0, i1, descr=Loop0)
    i2 = int_lt(i0, 100)
    guard_true(i2) [i0, i1]
    i3 = int_ge(i0, 0)
    guard_true(i3) [i0, i1]
    i4 = int_add_ovf(i0, 1)
    guard_no_overflow() [i0, i1]
    i5 = int_lt(i0, 200)
    guard_true(i5) [i0, i1]
    i6 = int_and(i1, 255)
    i7 = int_mul_ovf(i6, i0)
    guard_no_overflow() [i0, i1]
    i8 = int_add_ovf(i1, i7)
    guard_no_overflow() [i0, i1]
    i9 = int_le(i6, 255)
    guard_true(i9) [i0, i1]
    i10 = int_eq(i1, 7)
    guard_true(i10) [i0, i1]
    i11 = int_add(i1, i4)
    jump(i4, i11, descr=Loop0)
    """

@Test func intboundsRemovesOverflowChecksAndGuardsItProves() throws {
    #expect(try optimizedText(boundsTrace, passes: ["intbounds"]) == """
        [i0, i1]
        label(i0, i1, descr=Loop0)
        i2 = int_lt(i0, 100)
        guard_true(i2) [i0, i1]
        i3 = int_ge(i0, 0)
        guard_true(i3) [i0, i1]
        i4 = int_add(i0, 1)
        i6 = int_and(i1, 255)
        i7 = int_mul(i6, i0)
        i8 = int_add_ovf(i1, i7)
        guard_no_overflow() [i0, i1]
        i10 = int_eq(i1, 7)
        guard_true(i10) [i0, i1]
        i11 = int_add(7, i4)
        jump(i4, i11, descr=Loop0)
        """)
}

let guardsTrace = """
    [p0, p1, i2, i3]
    guard_nonnull(p0) [p0, i2]
    guard_class(p0, W_Int) [p0, i2]
    i4 = getfield_gc_i(p0, descr=W_Int.intval)
    guard_class(p0, W_Int) [p0, i2]
    guard_nonnull(p0) [p0, i2]
    guard_nonnull(p1) [p1]
    i5 = int_add(i2, 1)
    guard_class(p1, W_Int) [p1, i5]
    guard_value(i2, 7) [p0, i2]
    i6 = int_mul(i2, i3)
    guard_value(i2, 7) [p0, i2]
    guard_true(i3) [i3]
    guard_true(i3) [i2]
    guard_false(i4) [i4]
    i7 = int_add(i4, i6)
    p8 = new_with_vtable(descr=W_Int)
    guard_class(p8, W_Int) [p8]
    setfield_gc(p8, i7, descr=W_Int.intval)
    finish(p8, i5, i6, i7)
    """

@Test func guardsRemovesProvenGuardsAndMakesGuardedValuesConstants() throws {
    #expect(try optimizedText(guardsTrace, passes: ["guards"]) == """
        [p0, p1, i2, i3]
        guard_class(p0, W_Int) [p0, i2]
        i4 = getfield_gc_i(p0, descr=W_Int.intval)
        guard_nonnull(p1) [p1]
        i5 = int_add(i2, 1)
        guard_class(p1, W_Int) [p1, i5]
        guard_value(i2, 7) [p0, i2]
        i6 = int_mul(7, i3)
        guard_true(i3) [i3]
        guard_false(i4) [i4]
        i7 = int_add(0, i6)
        p8 = new_with_vtable(descr=W_Int)
        setfield_gc(p8, i7, descr=W_Int.intval)
        finish(p8, i5, i6, i7)
        """)
}

let heapTrace = """
    [p0, p1, p2, i3]
    i4 = getfield_gc_i(p0, descr=W_Int.intval)
    i5 = getfield_gc_i(p0, descr=W_Int.intval)
    setfield_gc(p1, i3, descr=W_Int.intval)
    i6 = getfield_gc_i(p1, descr=W_Int.intval)
    i7 = getfield_gc_i(p0, descr=W_Int.intval)
    p8 = getfield_gc_r(p2, descr=W_Pair.left)
    setfield_gc(p2, p1, descr=W_Pair.right)
    p9 = getfield_gc_r(p2, descr=W_Pair.left)
    setfield_gc(p1, i6, descr=W_Int.intval)
    setfield_gc(p0, 1, descr=W_Int.intval)
    setfield_gc(p0, 2, descr=W_Int.intval)
    call_n(ConstClass(set_intval), p1, 5)
    i10 = getfield_gc_i(p1, descr=W_Int.intval)
    p11 = new_with_vtable(descr=W_Pair)
    p12 = getfield_gc_r(p11, descr=W_Pair.left)
    setfield_gc(p11, p0, descr=W_Pair.right)
    setfield_gc(p11, p12, descr=W_Pair.left)
    finish(i4, i5, i6, i7, p8, p9, i10, p11)
    """

@Test func heapForwardsLoadsRemovesRedundantAndDeadStoresAndForgetsAtCalls() throws {
    #expect(try optimizedText(heapTrace, passes: ["heap"]) == """
        [p0, p1, p2, i3]
        i4 = getfield_gc_i(p0, descr=W_Int.intval)
        setfield_gc(p1, i3, descr=W_Int.intval)
        i7 = getfield_gc_i(p0, descr=W_Int.intval)
        p8 = getfield_gc_r(p2, descr=W_Pair.left)
        setfield_gc(p2, p1, descr=W_Pair.right)
        setfield_gc(p0, 2, descr=W_Int.intval)
        call_n(ConstClass(set_intval), p1, 5)
        i10 = getfield_gc_i(p1, descr=W_Int.intval)
        p11 = new_with_vtable(descr=W_Pair)
        setfield_gc(p11, p0, descr=W_Pair.right)
        setfield_gc(p11, ConstPtr(null), descr=W_Pair.left)
        finish(i4, i4, i3, i7, p8, p8, i10, p11)
        """)
}

let arrayTrace = """
    [p0, i1]
    p2 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
    p3 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
    setarrayitem_gc(p0, 0, p2, descr=W_Tuple)
    p4 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
    setarrayitem_gc(p0, 1, p3, descr=W_Tuple)
    p5 = getarrayitem_gc_r(p0, 0, descr=W_Tuple)
    finish(p2, p3, p4, p5)
    """

@Test func heapKnowsArrayItemsByIndexAndInvalidatesPossibleAliases() throws {
    #expect(try optimizedText(arrayTrace, passes: ["heap"]) == """
        [p0, i1]
        p2 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
        setarrayitem_gc(p0, 0, p2, descr=W_Tuple)
        p4 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
        setarrayitem_gc(p0, 1, p2, descr=W_Tuple)
        finish(p2, p2, p4, p2)
        """)
}

let virtualsTrace = """
    [i0, p1]
    p2 = new_with_vtable(descr=W_Int)
    setfield_gc(p2, i0, descr=W_Int.intval)
    p3 = new_with_vtable(descr=W_Pair)
    setfield_gc(p3, p2, descr=W_Pair.left)
    setfield_gc(p3, p1, descr=W_Pair.right)
    guard_class(p2, W_Int) [p3]
    p4 = getfield_gc_r(p3, descr=W_Pair.left)
    i5 = getfield_gc_i(p4, descr=W_Int.intval)
    i6 = int_lt(i5, 10)
    guard_true(i6) [p3, i5]
    i7 = ptr_eq(p4, p1)
    p8 = new_with_vtable(descr=W_Float)
    f9 = getfield_gc_f(p8, descr=W_Float.floatval)
    i11 = call_i(ConstClass(unbox), p2)
    p10 = new_with_vtable(descr=W_Pair)
    setfield_gc(p10, p3, descr=W_Pair.right)
    setfield_gc(p1, p2, descr=W_Pair.left)
    finish(p10, i7, f9, i11)
    """

@Test func virtualsRemoveAllocationsDescribeThemInSnapshotsAndForceThemOnEscape() throws {
    #expect(try optimizedText(virtualsTrace, passes: ["virtuals"], options: .init(snapshots: true)) == """
        [i0, p1]
        i6 = int_lt(i0, 10)
        guard_true(i6) [i0, p1]
            frame '' code=0 pc=0 locals=[p3, i0] stack=[]
            virtual p3 = W_Pair(left=p2, right=p1)
            virtual p2 = W_Int(intval=i0)
        p2 = new_with_vtable(descr=W_Int)
        setfield_gc(p2, i0, descr=W_Int.intval)
        i11 = call_i(ConstClass(unbox), p2)
        setfield_gc(p1, p2, descr=W_Pair.left)
        p10 = new_with_vtable(descr=W_Pair)
        p3 = new_with_vtable(descr=W_Pair)
        setfield_gc(p3, p2, descr=W_Pair.left)
        setfield_gc(p3, p1, descr=W_Pair.right)
        setfield_gc(p10, p3, descr=W_Pair.right)
        finish(p10, 0, 0.0, i11)
        """)
}

/// A list built in a loop: the new pair holds a new box, so it cannot cross the label as fields and is forced
/// there and at the jump, its box with it.
let listBuildingLoop = """
    [p0, i1, i2]
    label(p0, i1, i2, descr=Loop0)
    i3 = int_lt(i1, i2)
    guard_true(i3) [p0, i1]
    p4 = new_with_vtable(descr=W_Int)
    setfield_gc(p4, i1, descr=W_Int.intval)
    p5 = new_with_vtable(descr=W_Pair)
    setfield_gc(p5, p4, descr=W_Pair.left)
    setfield_gc(p5, p0, descr=W_Pair.right)
    i6 = int_add(i1, 1)
    jump(p5, i6, i2, descr=Loop0)
    """

@Test func virtualsThatCannotCrossTheLoopLabelAreForcedAtIt() throws {
    #expect(try optimizedText(listBuildingLoop, passes: ["peel", "virtuals"]) == """
        [p0, i1, i2]
        label(p0, i1, i2, descr=Loop0)
        i3 = int_lt(i1, i2)
        guard_true(i3) [p0, i1]
        i6 = int_add(i1, 1)
        p5 = new_with_vtable(descr=W_Pair)
        p4 = new_with_vtable(descr=W_Int)
        setfield_gc(p4, i1, descr=W_Int.intval)
        setfield_gc(p5, p4, descr=W_Pair.left)
        setfield_gc(p5, p0, descr=W_Pair.right)
        label(p5, i6, i2, descr=Loop1000)
        i7 = int_lt(i6, i2)
        guard_true(i7) [p5, i6]
        i10 = int_add(i6, 1)
        p9 = new_with_vtable(descr=W_Pair)
        p8 = new_with_vtable(descr=W_Int)
        setfield_gc(p8, i6, descr=W_Int.intval)
        setfield_gc(p9, p8, descr=W_Pair.left)
        setfield_gc(p9, p5, descr=W_Pair.right)
        jump(p9, i10, i2, descr=Loop1000)
        """)
}

/// A loop that replaces a pair holding an int box and a constant by a new one (lesson 4's `Point` loop): the pair
/// and its box are exploded together at the label — only the box's int crosses it, the constant stays constant.
let nestedVirtualLoop = """
    [p0, i1]
    label(p0, i1, descr=Loop0)
    guard_class(p0, W_Pair) [p0, i1]
    p2 = getfield_gc_r(p0, descr=W_Pair.left)
    guard_class(p2, W_Int) [p0, i1]
    i3 = getfield_gc_i(p2, descr=W_Int.intval)
    p4 = getfield_gc_r(p0, descr=W_Pair.right)
    guard_value(p4, ConstPtr(null)) [p0, i1]
    i5 = int_add(i3, 1)
    p6 = new_with_vtable(descr=W_Int)
    setfield_gc(p6, i5, descr=W_Int.intval)
    p7 = new_with_vtable(descr=W_Pair)
    setfield_gc(p7, p6, descr=W_Pair.left)
    setfield_gc(p7, ConstPtr(null), descr=W_Pair.right)
    i8 = int_lt(i5, i1)
    guard_true(i8) [p7, i1]
    jump(p7, i1, descr=Loop0)
    """

@Test func virtualsExplodeNestedVirtualsAndKeepConstantFieldsAtTheLabel() throws {
    #expect(try optimizedText(nestedVirtualLoop, passes: ["peel", "virtuals"]) == """
        [p0, i1]
        label(p0, i1, descr=Loop0)
        guard_class(p0, W_Pair) [p0, i1]
        p2 = getfield_gc_r(p0, descr=W_Pair.left)
        guard_class(p2, W_Int) [p0, i1]
        i3 = getfield_gc_i(p2, descr=W_Int.intval)
        p4 = getfield_gc_r(p0, descr=W_Pair.right)
        guard_value(p4, ConstPtr(null)) [p0, i1]
        i5 = int_add(i3, 1)
        i8 = int_lt(i5, i1)
        guard_true(i8) [i5, i1]
        label(i5, i1, descr=Loop1000)
        guard_value(ConstPtr(null), ConstPtr(null)) [i5, i1]
        i12 = int_add(i5, 1)
        i15 = int_lt(i12, i1)
        guard_true(i15) [i12, i1]
        jump(i12, i1, descr=Loop1000)
        """)
}

/// The same loop, but the box is also the pair's right field: shared, it keeps its identity and is not exploded.
let sharedVirtualLoop = nestedVirtualLoop
    .replacing("guard_value(p4, ConstPtr(null)) [p0, i1]", with: "guard_class(p4, W_Int) [p0, i1]")
    .replacing("setfield_gc(p7, ConstPtr(null), descr=W_Pair.right)", with: "setfield_gc(p7, p6, descr=W_Pair.right)")

@Test func virtualsReachedTwiceAreNotExplodedAtTheLabel() throws {
    let text = try optimizedText(sharedVirtualLoop, passes: ["peel", "virtuals"])
    let loop = try #require(text.range(of: "descr=Loop1000)")).upperBound
    #expect(text[loop...].contains("new_with_vtable(descr=W_Pair)"))
    #expect(text[loop...].contains("new_with_vtable(descr=W_Int)"))
}

let invariantLoopTrace = """
    [p0, i1, i2]
    label(p0, i1, i2, descr=Loop0)
    guard_class(p0, W_Int) [p0, i1, i2]
    i3 = getfield_gc_i(p0, descr=W_Int.intval)
    i4 = int_mul(i3, 3)
    i5 = int_lt(i1, i2)
    guard_true(i5) [p0, i1, i2]
    i6 = int_add(i1, i4)
    jump(p0, i6, i2, descr=Loop0)
    """

@Test func peelHoistsInvariantGuardsLoadsAndArithmeticIntoThePreamble() throws {
    #expect(try optimizedText(invariantLoopTrace, passes: ["peel"], options: .init(guardNumbers: true)) == """
        [p0, i1, i2]
        label(p0, i1, i2, descr=Loop0)
        guard_class(p0, W_Int, descr=<Guard0>) [p0, i1, i2]
        i3 = getfield_gc_i(p0, descr=W_Int.intval)
        i4 = int_mul(i3, 3)
        i5 = int_lt(i1, i2)
        guard_true(i5, descr=<Guard1>) [p0, i1, i2]
        i6 = int_add(i1, i4)
        label(p0, i6, i2, i4, descr=Loop1000)
        i7 = int_lt(i6, i2)
        guard_true(i7, descr=<Guard2>) [p0, i6, i2]
        i8 = int_add(i6, i4)
        jump(p0, i8, i2, i4, descr=Loop1000)
        """)
}

/// A loop whose store and residual call keep the loads in the body.
let writingLoopTrace = """
    [p0, p1, i2]
    label(p0, p1, i2, descr=Loop0)
    i3 = getfield_gc_i(p0, descr=W_Int.intval)
    i4 = getfield_gc_i(p1, descr=W_Int.intval)
    i5 = int_add(i4, 1)
    setfield_gc(p1, i5, descr=W_Int.intval)
    i6 = int_lt(i5, i3)
    guard_true(i6) [p0, p1, i2]
    call_n(ConstClass(set_intval), p0, i2)
    i7 = int_sub(i2, 1)
    jump(p0, p1, i7, descr=Loop0)
    """

@Test func peelKeepsLoadsOfWrittenFieldsInTheLoop() throws {
    #expect(try optimizedText(writingLoopTrace, passes: ["peel"]) == """
        [p0, p1, i2]
        label(p0, p1, i2, descr=Loop0)
        i3 = getfield_gc_i(p0, descr=W_Int.intval)
        i4 = getfield_gc_i(p1, descr=W_Int.intval)
        i5 = int_add(i4, 1)
        setfield_gc(p1, i5, descr=W_Int.intval)
        i6 = int_lt(i5, i3)
        guard_true(i6) [p0, p1, i2]
        call_n(ConstClass(set_intval), p0, i2)
        i7 = int_sub(i2, 1)
        label(p0, p1, i7, descr=Loop1000)
        i8 = getfield_gc_i(p0, descr=W_Int.intval)
        i9 = getfield_gc_i(p1, descr=W_Int.intval)
        i10 = int_add(i9, 1)
        setfield_gc(p1, i10, descr=W_Int.intval)
        i11 = int_lt(i10, i8)
        guard_true(i11) [p0, p1, i7]
        call_n(ConstClass(set_intval), p0, i7)
        i12 = int_sub(i7, 1)
        jump(p0, p1, i12, descr=Loop1000)
        """)
}

let deadCodeTrace = """
    [i0, p1]
    i2 = int_add(i0, 1)
    i3 = int_mul(i2, 2)
    i4 = getfield_gc_i(p1, descr=W_Int.intval)
    p5 = new_with_vtable(descr=W_Int)
    i6 = int_add_ovf(i0, i0)
    guard_no_overflow() [i0]
    i7 = int_sub(i0, 1)
    guard_true(i0) [i7]
    debug_merge_point(0, 'run:1 #0 LOAD_FAST')
    i8 = call_i(ConstClass(unbox), p1)
    finish(i2)
    """

@Test func dceRemovesUnusedResultsButKeepsEffectsAndOverflowChecks() throws {
    #expect(try optimizedText(deadCodeTrace, passes: ["dce"]) == """
        [i0, p1]
        i2 = int_add(i0, 1)
        i6 = int_add_ovf(i0, i0)
        guard_no_overflow() [i0]
        i7 = int_sub(i0, 1)
        guard_true(i0) [i7]
        debug_merge_point(0, 'run:1 #0 LOAD_FAST')
        i8 = call_i(ConstClass(unbox), p1)
        finish(i2)
        """)
}

@Test func theBoxedLoopLosesItsAllocationsAndTypeChecks() throws {
    #expect(try optimizedText(boxedSumLoop, passes: nil, options: .init(snapshots: true)) == """
        [p0, p1]
        label(p0, p1, descr=Loop0)
        guard_class(p0, W_Int) [p0, p1]
            frame '' code=0 pc=0 locals=[p0, p1] stack=[]
        i2 = getfield_gc_i(p0, descr=W_Int.intval)
        i3 = int_lt(i2, 100)
        guard_true(i3) [p0, p1]
            frame '' code=0 pc=0 locals=[p0, p1] stack=[]
        i4 = getfield_gc_i(p1, descr=W_Int.intval)
        i5 = int_add_ovf(i4, i2)
        guard_no_overflow() [p0, p1]
            frame '' code=0 pc=0 locals=[p0, p1] stack=[]
        i7 = int_add(i2, 1)
        label(i7, i5, descr=Loop1000)
        i10 = int_lt(i7, 100)
        guard_true(i10) [i7, i5]
            frame '' code=0 pc=0 locals=[p8, p6] stack=[]
            virtual p6 = W_Int(intval=i5)
            virtual p8 = W_Int(intval=i7)
        i12 = int_add_ovf(i5, i7)
        guard_no_overflow() [i7, i5]
            frame '' code=0 pc=0 locals=[p8, p6] stack=[]
            virtual p6 = W_Int(intval=i5)
            virtual p8 = W_Int(intval=i7)
        i14 = int_add(i7, 1)
        jump(i14, i12, descr=Loop1000)
        """)
}

/// A call that only reads keeps the heap cache and does not stop loads from being hoisted; it stays itself.
let readOnlyCallLoop = """
    [p0, p1, i2]
    label(p0, p1, i2, descr=Loop0)
    i3 = getfield_gc_i(p0, descr=W_Int.intval)
    i4 = call_i(ConstClass(unbox_ro), p1)
    i5 = getfield_gc_i(p0, descr=W_Int.intval)
    i6 = int_add(i2, i5)
    i7 = int_lt(i6, i4)
    guard_true(i7) [p0, p1, i2]
    jump(p0, p1, i6, descr=Loop0)
    """

@Test func readOnlyCallsKeepHeapKnowledge() throws {
    #expect(try optimizedText(readOnlyCallLoop, passes: ["heap"]) == """
        [p0, p1, i2]
        label(p0, p1, i2, descr=Loop0)
        i3 = getfield_gc_i(p0, descr=W_Int.intval)
        i4 = call_i(ConstClass(unbox_ro), p1)
        i6 = int_add(i2, i3)
        i7 = int_lt(i6, i4)
        guard_true(i7) [p0, p1, i2]
        jump(p0, p1, i6, descr=Loop0)
        """)
    #expect(try optimizedText(readOnlyCallLoop, passes: ["peel"]) == """
        [p0, p1, i2]
        label(p0, p1, i2, descr=Loop0)
        i3 = getfield_gc_i(p0, descr=W_Int.intval)
        i4 = call_i(ConstClass(unbox_ro), p1)
        i5 = getfield_gc_i(p0, descr=W_Int.intval)
        i6 = int_add(i2, i5)
        i7 = int_lt(i6, i4)
        guard_true(i7) [p0, p1, i2]
        label(p0, p1, i6, i5, descr=Loop1000)
        i8 = call_i(ConstClass(unbox_ro), p1)
        i9 = int_add(i6, i5)
        i10 = int_lt(i9, i8)
        guard_true(i10) [p0, p1, i6]
        jump(p0, p1, i9, i5, descr=Loop1000)
        """)
}

/// A new object is no other object until it escapes: stores into it keep what is known about the others (and
/// its first store, overwritten before anything could read it, is dead).
let freshObjectTrace = """
    [p0, p1, i2]
    i3 = getfield_gc_i(p0, descr=W_Int.intval)
    p4 = new_with_vtable(descr=W_Int)
    setfield_gc(p4, i2, descr=W_Int.intval)
    i5 = getfield_gc_i(p0, descr=W_Int.intval)
    setfield_gc(p1, p4, descr=W_Pair.left)
    setfield_gc(p4, i3, descr=W_Int.intval)
    i6 = getfield_gc_i(p0, descr=W_Int.intval)
    finish(i3, i5, i6, p4)
    """

@Test func heapKnowsAnUnescapedNewObjectAliasesNothing() throws {
    #expect(try optimizedText(freshObjectTrace, passes: ["heap"]) == """
        [p0, p1, i2]
        i3 = getfield_gc_i(p0, descr=W_Int.intval)
        p4 = new_with_vtable(descr=W_Int)
        setfield_gc(p1, p4, descr=W_Pair.left)
        setfield_gc(p4, i3, descr=W_Int.intval)
        i6 = getfield_gc_i(p0, descr=W_Int.intval)
        finish(i3, i3, i6, p4)
        """)
}

/// Stores into objects the loop allocates cannot change an invariant object: its loads are still hoisted.
let allocatingLoop = """
    [p0, p1, i2]
    label(p0, p1, i2, descr=Loop0)
    i3 = getfield_gc_i(p0, descr=W_Int.intval)
    i4 = int_add(i2, i3)
    p5 = new_with_vtable(descr=W_Int)
    setfield_gc(p5, i4, descr=W_Int.intval)
    i6 = getfield_gc_i(p5, descr=W_Int.intval)
    i7 = int_lt(i6, 100)
    guard_true(i7) [p0, p5, i2]
    jump(p0, p5, i6, descr=Loop0)
    """

@Test func peelHoistsLoadsPastStoresIntoNewObjects() throws {
    #expect(try optimizedText(allocatingLoop, passes: ["peel"]) == """
        [p0, p1, i2]
        label(p0, p1, i2, descr=Loop0)
        i3 = getfield_gc_i(p0, descr=W_Int.intval)
        i4 = int_add(i2, i3)
        p5 = new_with_vtable(descr=W_Int)
        setfield_gc(p5, i4, descr=W_Int.intval)
        i6 = getfield_gc_i(p5, descr=W_Int.intval)
        i7 = int_lt(i6, 100)
        guard_true(i7) [p0, p5, i2]
        label(p0, p5, i6, i3, descr=Loop1000)
        i8 = int_add(i6, i3)
        p9 = new_with_vtable(descr=W_Int)
        setfield_gc(p9, i8, descr=W_Int.intval)
        i10 = getfield_gc_i(p9, descr=W_Int.intval)
        i11 = int_lt(i10, 100)
        guard_true(i11) [p0, p9, i6]
        jump(p0, p9, i10, i3, descr=Loop1000)
        """)
}
