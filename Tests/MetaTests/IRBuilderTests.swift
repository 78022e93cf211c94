import Testing
@testable import Meta

/// The loop of DESIGN §6, built with the recorder's API.
func designLoop(_ w: IRTestWorld) -> Trace {
    var t = Trace(kind: .loop, number: 0, name: "run:5 #12 LOAD_FAST")
    let p0 = t.addInputArg(.ref), i1 = t.addInputArg(.int), i2 = t.addInputArg(.int)
    t.append(.label, [p0, i1, i2], descr: .loop(LoopToken(0)))
    t.append(.debugMergePoint, [t.constInt(0)], descr: .text("run:5 #21 LOAD_FAST"))
    let p3 = t.append(.getfieldGcR, [p0], descr: .field(w.pair.field("left")))
    t.appendGuard(.guardClass, [p3], descr: .size(w.int.layout), number: 0, snapshot: frameSnapshot([p0, i1, p3]))
    let i4 = t.append(.getfieldGcI, [p3], descr: .field(w.intval))
    let i5 = t.append(.intAddOvf, [i4, i2])
    t.appendGuard(.guardNoOverflow, [], number: 1, snapshot: frameSnapshot([p0, i1, i4, i2]))
    t.append(.jump, [p0, i5, i2], descr: .loop(LoopToken(0)))
    return t
}

@Test func builderNumbersVariablesAndInternsConstants() {
    var t = Trace()
    let a = t.addInputArg(.int), b = t.addInputArg(.ref)
    #expect(a == .variable(0) && b == .variable(1))
    #expect(t.type(of: b) == .ref)
    let c1 = t.constInt(7), c2 = t.constInt(7), c3 = t.constInt(8)
    #expect(c1 == c2 && c1 != c3 && c1.isConstant)
    #expect(t.constFloat(0.0) != t.constFloat(-0.0))
    #expect(t.constFloat(.nan) == t.constFloat(.nan))
    #expect(t.constantValue(c3) == .int(8))
    let s = t.append(.intAdd, [a, c1])
    #expect(s == .variable(2) && t.type(of: s) == .int)
    #expect(t.append(.setfieldGc, [b, s], descr: .field(FieldDescriptor(typeID: 1, index: 0, offset: 16, kind: .int))).isNone)
    #expect(t.inputArgs == [a, b])
    #expect(t.variableCount == 3)
}

@Test func categoryCountsFollowTheOpcodes() {
    let w = IRTestWorld()
    let counts = designLoop(w).categoryCounts
    #expect(counts[.control] == 2)
    #expect(counts[.debug] == 1)
    #expect(counts[.memory] == 2)
    #expect(counts[.guardCheck] == 2)
    #expect(counts[.int] == 1)
    #expect(counts[.call] == 0)
    #expect(counts.total == 8)
}

@Test func opcodeMetadata() {
    #expect(Opcode.named("int_add_ovf") == .intAddOvf)
    #expect(Opcode.named("int_py_floordiv") == .intPyFloordiv)
    #expect(Opcode.named("no_such_op") == nil)
    #expect(Opcode.intAdd.info.isPure && !Opcode.intAdd.info.hasSideEffects)
    #expect(Opcode.guardClass.info.isGuard && Opcode.guardClass.info.category == .guardCheck)
    #expect(Opcode.newWithVtable.info.canCollect && Opcode.newWithVtable.info.result == .ref)
    #expect(Opcode.callN.info.result == .void && Opcode.callF.info.result == .float)
    #expect(Opcode.setfieldGc.info.hasSideEffects && !Opcode.getfieldGcI.info.isPure)
    #expect(Opcode.floatLt.info.result == .int && Opcode.floatLt.info.arguments == [.float, .float])
    // Every opcode's name is unique and round-trips.
    for op in Opcode.allCases { #expect(Opcode.named(op.name) == op) }
}

@Test func verifierAcceptsTheDesignLoop() {
    let w = IRTestWorld()
    #expect(TraceVerifier().errors(in: designLoop(w)).isEmpty)
}

/// Parses `text` and returns the verifier's messages.
func verifierErrors(_ text: String, _ w: IRTestWorld = IRTestWorld()) throws -> [IRVerificationError] {
    TraceVerifier().errors(in: try w.parse(text))
}

@Test func verifierRejectsUseBeforeDefinition() throws {
    var t = Trace()
    let i0 = t.addInputArg(.int)
    let later = IRValue.variable(1)
    t.append(.intAdd, [i0, later])
    t.append(.finish, [i0])
    let errors = TraceVerifier().errors(in: t)
    #expect(errors.map(\.description) == ["op 0: argument 2 i1 is used before it is defined"])
}

@Test func verifierRejectsTypeMismatches() throws {
    let errors = try verifierErrors("""
        [i0, f1]
        i2 = int_add(i0, f1)
        finish(i2)
        """)
    #expect(errors.map(\.description) == ["op 0: argument 2 f1 has type f, expected i"])
    let fieldErrors = try verifierErrors("""
        [p0, f1]
        setfield_gc(p0, f1, descr=W_Int.intval)
        finish()
        """)
    #expect(fieldErrors.map(\.description) == ["op 0: argument 2 f1 has type f, expected i"])
}

@Test func verifierRejectsAGuardWithoutSnapshot() {
    var t = Trace()
    let i0 = t.addInputArg(.int)
    t.append(.guardTrue, [i0])   // `append` does not attach resume data
    t.append(.finish, [])
    #expect(TraceVerifier().errors(in: t).map(\.description) == ["op 0: guard_true has no resume snapshot"])
}

@Test func verifierRejectsAJumpThatDoesNotMatchItsLabel() throws {
    let errors = try verifierErrors("""
        [i0, p1]
        label(i0, p1, descr=Loop0)
        jump(i0, descr=Loop0)
        """)
    #expect(errors.map(\.description) == ["op 1: jump passes 1 argument(s), Loop0's label takes 2"])
    let typeErrors = try verifierErrors("""
        [i0, p1]
        label(i0, p1, descr=Loop0)
        jump(p1, i0, descr=Loop0)
        """)
    #expect(typeErrors.map(\.description) == ["op 1: jump argument 1 has type r, Loop0's label takes i",
                                              "op 1: jump argument 2 has type i, Loop0's label takes r"])
    let unknown = try verifierErrors("""
        [i0]
        jump(i0, descr=Loop3)
        """)
    #expect(unknown.map(\.description) == ["op 0: jump to unknown Loop3"])
    // A bridge's target loop is known through `externalLoops`.
    let w = IRTestWorld()
    let bridge = try w.parse("""
        [i0]
        jump(i0, descr=Loop3)
        """)
    #expect(TraceVerifier(externalLoops: [LoopToken(3): [.int]]).errors(in: bridge).isEmpty)
}

@Test func verifierRejectsValuesThatDoNotPassThroughTheLabel() throws {
    let errors = try verifierErrors("""
        [i0, i1]
        i2 = int_add(i0, i1)
        label(i0, descr=Loop0)
        i3 = int_add(i0, i2)
        jump(i3, descr=Loop0)
        """)
    #expect(errors.map(\.description) == ["op 2: argument 2 i2 is defined before the label and not passed through it"])
}

@Test func verifierRejectsAnOverflowGuardAfterAPlainOperation() throws {
    let errors = try verifierErrors("""
        [i0]
        i1 = int_add(i0, 1)
        guard_no_overflow() [i0]
        finish(i1)
        """)
    #expect(errors.map(\.description) == ["op 1: guard_no_overflow does not follow an *_ovf operation"])
}

@Test func verifierRejectsAMissingEndAndOperationsAfterIt() throws {
    let missing = try verifierErrors("""
        [i0]
        i1 = int_add(i0, 1)
        """)
    #expect(missing.map(\.description) == ["op 0: the trace does not end with jump or finish"])
    let after = try verifierErrors("""
        [i0]
        finish(i0)
        i1 = int_add(i0, 1)
        finish(i1)
        """)
    #expect(after.map(\.description) == ["op 1: int_add after the trace's final jump/finish"])
}

@Test func verifierRejectsBadCallsAndGuardValues() throws {
    let errors = try verifierErrors("""
        [i0, i1, f2]
        i3 = call_i(ConstClass(scale_add), i0)
        guard_value(i0, i1) [i0]
        i4 = call_i(ConstClass(sum3), i0, i1, f2)
        finish()
        """)
    #expect(errors.map(\.description) == [
        "op 0: scale_add takes 2 argument(s), the call passes 1",
        "op 1: argument 2 of guard_value must be a constant",
        "op 2: call argument 3 must be i or r (a word)",
    ])
    var t = Trace()
    t.append(.callN, [], descr: .call(CallDescriptor(name: "nullary", address: 0x1000, arity: 0)))
    t.append(.finish, [])
    #expect(TraceVerifier().errors(in: t).map(\.description) == ["op 0: nullary takes 0 arguments; residual functions take 1 to 3"])
}

@Test func verifierRejectsRepeatedGuardNumbers() throws {
    let errors = try verifierErrors("""
        [i0]
        guard_true(i0, descr=<Guard4>) [i0]
        guard_true(i0, descr=<Guard4>) [i0]
        finish()
        """)
    #expect(errors.map(\.description) == ["op 1: a second guard numbered 4"])
}

@Test func verifierChecksSnapshotsAndVirtuals() {
    let w = IRTestWorld()
    var t = Trace()
    let i0 = t.addInputArg(.int)
    let p9 = t.newVariable(.ref)     // a removed allocation, described as a virtual
    let f8 = t.newVariable(.float)   // never defined
    var snapshot = frameSnapshot([i0, p9])
    snapshot.virtuals = [VirtualObject(value: p9, layout: w.int.layout, fields: [VirtualField(field: w.intval, value: i0)])]
    t.appendGuard(.guardTrue, [i0], number: 0, snapshot: snapshot)
    t.appendGuard(.guardTrue, [i0], number: 1, snapshot: frameSnapshot([f8]))
    t.appendGuard(.guardFalse, [i0], number: 2, snapshot: Snapshot(frames: []))
    var wrongField = frameSnapshot([p9])
    wrongField.virtuals = [VirtualObject(value: p9, layout: w.int.layout, fields: [VirtualField(field: w.intval, value: t.constFloat(1.5))])]
    t.appendGuard(.guardTrue, [i0], number: 3, snapshot: wrongField)
    t.append(.finish, [])
    #expect(TraceVerifier().errors(in: t).map(\.description) == [
        "op 1: snapshot frame 0 local 0 f2 is used before it is defined",
        "op 2: the resume snapshot has no frame",
        "op 3: field of virtual p1 holds 1.5, expected i",
    ])
}

@Test func failArgsSkipConstantsAndVirtualsButIncludeVirtualFields() {
    let w = IRTestWorld()
    var t = Trace()
    let p0 = t.addInputArg(.ref), i1 = t.addInputArg(.int), i2 = t.addInputArg(.int)
    let p3 = t.newVariable(.ref), p4 = t.newVariable(.ref)
    let snapshot = Snapshot(
        frames: [SnapshotFrame(codeID: 1, codeName: "f", pc: 3, locals: [p0, t.constInt(5), p3], stack: [i1]),
                 SnapshotFrame(codeID: 2, codeName: "g", pc: 7, locals: [p4, p0], stack: [])],
        virtuals: [VirtualObject(value: p3, layout: w.pair.layout, fields: [VirtualField(field: w.pair.field("left"), value: p4),
                                                                           VirtualField(field: w.pair.field("right"), value: p0)]),
                   VirtualObject(value: p4, layout: w.int.layout, fields: [VirtualField(field: w.intval, value: i2)])])
    #expect(snapshot.failArgs == [p0, i2, i1])
}
