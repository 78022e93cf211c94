import Testing
@testable import Meta

@Test func printerWritesTheDesignLoopLikePyPy() {
    let w = IRTestWorld()
    let text = w.printer().print(designLoop(w))
    #expect(text == """
        # Loop 0 (run:5 #12 LOAD_FAST) : loop with 8 ops
        [p0, i1, i2]
        label(p0, i1, i2, descr=Loop0)
        debug_merge_point(0, 'run:5 #21 LOAD_FAST')
        p3 = getfield_gc_r(p0, descr=W_Pair.left)
        guard_class(p3, W_Int) [p0, i1, p3]
        i4 = getfield_gc_i(p3, descr=W_Int.intval)
        i5 = int_add_ovf(i4, i2)
        guard_no_overflow() [p0, i1, i4, i2]
        jump(p0, i5, i2, descr=Loop0)

        """)
}

@Test func printerNamesConstantsDeterministically() {
    let w = IRTestWorld()
    var t = Trace(kind: .bridge(fromGuard: 7), number: 7)
    let p0 = t.addInputArg(.ref)
    let a = w.box(1), b = w.box(2), cls = w.box(3)
    let s1 = t.append(.ptrEq, [p0, t.constRef(b)])
    let s2 = t.append(.ptrEq, [t.constRef(a), t.constRef(b)])
    let s3 = t.append(.ptrNe, [t.constRef(cls), t.constRef(.null)])
    let f = t.append(.floatAdd, [t.constFloat(1.5), t.constFloat(-0.0)])
    let g = t.append(.floatMul, [f, t.constFloat(1e-300)])
    let h = t.append(.callI, [t.constInt(-42), t.constInt(Int.max)], descr: .call(CallDescriptor(testScaleAdd)))
    t.append(.finish, [s1, s2, s3, g, h])
    let text = w.printer(names: [cls: "W_IntType"]).print(t)
    #expect(text == """
        # bridge out of Guard 7 with 7 ops
        [p0]
        i1 = ptr_eq(p0, ConstPtr(ptr0))
        i2 = ptr_eq(ConstPtr(ptr1), ConstPtr(ptr0))
        i3 = ptr_ne(ConstClass(W_IntType), ConstPtr(null))
        f4 = float_add(1.5, -0.0)
        f5 = float_mul(f4, 1e-300)
        i6 = call_i(ConstClass(scale_add), -42, 9223372036854775807)
        finish(i1, i2, i3, f5, i6)

        """)
}

/// A trace with every printable feature: annotations, a multi-frame snapshot with nested virtuals, guard numbers.
func richTrace(_ w: IRTestWorld) -> Trace {
    var t = Trace(kind: .loop, number: 3, name: "f:2 #0 LOAD_FAST")
    let p0 = t.addInputArg(.ref), i1 = t.addInputArg(.int)
    let here = Annotation(guest: GuestLocation(function: "f", pc: 4, bytecode: "BINARY_OP", line: 2),
                          interpreter: InterpreterLocation(file: "MiniPy/Interpreter.swift", line: 320))
    t.append(.label, [p0, i1], descr: .loop(LoopToken(3)))
    let i2 = t.append(.getfieldGcI, [p0], descr: .field(w.intval), annotation: here)
    let i3 = t.append(.intMulOvf, [i2, i1], annotation: Annotation(guest: here.guest))
    let p7 = t.newVariable(.ref), p8 = t.newVariable(.ref)
    let snapshot = Snapshot(
        frames: [SnapshotFrame(codeID: 11, codeName: "<module>", pc: 30, locals: [p0, t.constRef(.null)], stack: [p7]),
                 SnapshotFrame(codeID: 12, codeName: "f's", pc: 4, locals: [i1], stack: [i2, t.constInt(3)])],
        virtuals: [VirtualObject(value: p7, layout: w.pair.layout, fields: [VirtualField(field: w.pair.field("left"), value: p8),
                                                                           VirtualField(field: w.pair.field("right"), value: p0)]),
                   VirtualObject(value: p8, layout: w.int.layout, fields: [VirtualField(field: w.intval, value: i3)])])
    t.appendGuard(.guardNoOverflow, [], number: 41, snapshot: snapshot,
                  annotation: Annotation(interpreter: InterpreterLocation(file: "MiniPy/Interpreter.swift", line: 321)))
    let i4 = t.append(.intLt, [i3, t.constInt(100)])
    t.appendGuard(.guardTrue, [i4], number: 42, snapshot: frameSnapshot([p0, i3]))
    let p5 = t.append(.newWithVtable, [], descr: .size(w.int.layout))
    t.append(.setfieldGc, [p5, i3], descr: .field(w.intval))
    t.append(.debugMergePoint, [t.constInt(1)], descr: .text("it's \\ here"))
    t.append(.jump, [p5, i3], descr: .loop(LoopToken(3)))
    return t
}

@Test func printerShowsAnnotationsSnapshotsAndGuardNumbersOnRequest() {
    let w = IRTestWorld()
    let text = w.printer(TracePrinter.Options(annotations: true, snapshots: true, guardNumbers: true)).print(richTrace(w))
    #expect(text == """
        # Loop 3 (f:2 #0 LOAD_FAST) : loop with 10 ops
        [p0, i1]
        label(p0, i1, descr=Loop3)
        i2 = getfield_gc_i(p0, descr=W_Int.intval)              # f:2 #4 BINARY_OP @ MiniPy/Interpreter.swift:320
        i3 = int_mul_ovf(i2, i1)                                # f:2 #4 BINARY_OP
        guard_no_overflow(descr=<Guard41>) [p0, i3, i1, i2]     # @ MiniPy/Interpreter.swift:321
            frame '<module>' code=11 pc=30 locals=[p0, ConstPtr(null)] stack=[p4]
            frame 'f\\'s' code=12 pc=4 locals=[i1] stack=[i2, 3]
            virtual p4 = W_Pair(left=p5, right=p0)
            virtual p5 = W_Int(intval=i3)
        i6 = int_lt(i3, 100)
        guard_true(i6, descr=<Guard42>) [p0, i3]
            frame 'run' code=1 pc=0 locals=[p0, i3] stack=[]
        p7 = new_with_vtable(descr=W_Int)
        setfield_gc(p7, i3, descr=W_Int.intval)
        debug_merge_point(1, 'it\\'s \\\\ here')
        jump(p7, i3, descr=Loop3)

        """)
}

@Test func printParsePrintIsIdentical() throws {
    let w = IRTestWorld()
    let a = w.box(1), cls = w.box(2)
    var constants = Trace()
    let p0 = constants.addInputArg(.ref)
    let eq = constants.append(.ptrEq, [p0, constants.constRef(a)])
    let ne = constants.append(.ptrNe, [constants.constRef(cls), constants.constRef(.null)])
    let nan = constants.append(.floatAdd, [constants.constFloat(.nan), constants.constFloat(-.infinity)])
    let tiny = constants.append(.floatMul, [constants.constFloat(.leastNonzeroMagnitude), constants.constFloat(0.1)])
    let call = constants.append(.callR, [p0, constants.constInt(Int.min)], descr: .call(CallDescriptor(testScaleAdd)))
    constants.append(.callN, [call], descr: .call(CallDescriptor(testUnbox)))
    constants.append(.finish, [eq, ne, nan, tiny])
    let names = [cls: "W_IntType"]
    let resolver = w.resolver(objects: ["W_IntType": cls], pointers: [0: a])
    for trace in [designLoop(w), richTrace(w), constants] {
        for options in [TracePrinter.Options(), TracePrinter.Options(annotations: true, snapshots: true, guardNumbers: true)] {
            let printer = w.printer(options, names: names)
            let text = printer.print(trace)
            let parsed = try TraceParser(resolver: resolver).parse(text)
            #expect(printer.print(parsed) == text)
            #expect(TraceVerifier().errors(in: parsed).isEmpty)
        }
    }
    // With snapshots and guard numbers printed, the parse is the trace itself.
    let full = w.printer(TracePrinter.Options(annotations: true, snapshots: true, guardNumbers: true))
    let parsed = try TraceParser(resolver: resolver).parse(full.print(richTrace(w)))
    #expect(parsed.ops == richTrace(w).ops)
    #expect(parsed.inputArgs == richTrace(w).inputArgs)
    #expect(parsed.kind == .loop && parsed.number == 3 && parsed.name == "f:2 #0 LOAD_FAST")
}

@Test func parserGivesPlainGuardsAOneFrameSnapshotAndNumbersThem() throws {
    let w = IRTestWorld()
    let text = """
        [i0, i1]
        i2 = int_add(i0, i1)
        guard_true(i2) [i1, i2]
        guard_false(i0, descr=<Guard9>) []
        guard_true(i1) [i0]
        finish(i2)
        """
    let t = try TraceParser(resolver: w.resolver(), firstGuardNumber: 5).parse(text)
    let guards = t.ops.compactMap(\.guardInfo)
    #expect(guards.map(\.number) == [5, 9, 10])
    #expect(guards[0].snapshot == Snapshot(frames: [SnapshotFrame(codeID: 0, codeName: "", pc: 0, locals: [.variable(1), .variable(2)], stack: [])]))
    #expect(t.kind == .loop && t.name == "")
}

@Test func parserReadsSeveralTracesAndHeaderlessLoops() throws {
    let w = IRTestWorld()
    let text = w.printer().print(designLoop(w)) + "\n" + """
        # bridge out of Guard 1 with 2 ops
        [p0, i1]
        i2 = int_add(i1, 1)
        jump(p0, i2, i2, descr=Loop0)
        """
    let traces = try TraceParser(resolver: w.resolver()).parseAll(text)
    #expect(traces.count == 2)
    #expect(traces[1].kind == .bridge(fromGuard: 1))
    // Without an input line, the first label declares the inputs.
    let headerless = try w.parse("""
        label(p0, i1, descr=Loop0)
        i2 = int_add(i1, 1)   # a free comment, not an annotation
        jump(p0, i2, descr=Loop0)
        """)
    #expect(headerless.inputArgs == [.variable(0), .variable(1)])
    #expect(headerless.ops[1].annotation == nil)
    #expect(TraceVerifier().errors(in: headerless).isEmpty)
}

/// The parse error for `text` ("line L, column C: message").
func parseError(_ text: String) -> String {
    let w = IRTestWorld()
    do {
        _ = try w.parse(text)
        return "no error"
    } catch let e as TraceParseError {
        return e.description
    } catch {
        return "unexpected \(error)"
    }
}

@Test func parseErrorsSayWhereAndWhatWasExpected() {
    #expect(parseError("[i0]\ni1 = int_frob(i0)\nfinish(i1)") == "line 2, column 6: unknown operation 'int_frob'")
    #expect(parseError("[i0]\ni1 = int_add(i0, i7)") == "line 2, column 18: i7 is not defined")
    #expect(parseError("[i0]\ni1 = int_add(i0 i0)") == "line 2, column 17: expected ')' after the arguments of int_add, found 'i'")
    #expect(parseError("[i0]\np1 = int_add(i0, i0)") == "line 2, column 1: int_add produces i-values, not p1")
    #expect(parseError("[i0]\nint_add(i0, i0)") == "line 2, column 1: expected a result variable ('iN = int_add(...)')")
    #expect(parseError("[i0]\ni0 = int_add(i0, i0)") == "line 2, column 1: i0 is defined twice (variable 0 is i0)")
    #expect(parseError("[p0]\ni1 = getfield_gc_i(p0, descr=W_Int.nope)") == "line 2, column 30: unknown field 'W_Int.nope'")
    #expect(parseError("[p0]\ni1 = getfield_gc_i(p0)") == "line 2, column 6: expected descr=Layout.field in getfield_gc_i")
    #expect(parseError("[p0]\nguard_class(p0, W_Nope) [p0]") == "line 2, column 17: unknown layout 'W_Nope'")
    #expect(parseError("[i0]\nguard_true(i0)") == "line 2, column 15: expected '[' and the fail arguments of guard_true, found end of line")
    #expect(parseError("[i0]\ni1 = int_add(i0, 99999999999999999999)") == "line 2, column 18: expected an integer in 64 bits, found '99999999999999999999'")
    #expect(parseError("[i0]\ni1 = int_add(i0, 1) [i0]") == "line 2, column 21: only guards have fail arguments")
    #expect(parseError("[p0]\ni1 = ptr_eq(p0, ConstPtr(ptr4))") == "line 2, column 17: unknown pointer constant ptr4")
    #expect(parseError("[i0]\ni1 = call_i(i0, i0)") == "line 2, column 13: expected ConstClass(function) as the first argument of call_i")
    #expect(parseError("# Loop 0 : loop with 3 ops\n[i0]\nfinish(i0)") == "line 1, column 1: the header says 3 ops, the trace has 1")
    #expect(parseError("# Loop x : loop with 3 ops") == "line 1, column 8: expected the loop number (an integer)")
    #expect(parseError("[i0]\ndebug_merge_point(0, 'open") == "line 2, column 27: unterminated string")
    #expect(parseError("[i0]\njump(i0, descr=Lop0)") == "line 2, column 16: expected a loop token such as Loop0, found 'Lop0'")
    #expect(parseError("    frame 'f' code=1 pc=0 locals=[] stack=[]") == "line 1, column 1: expected a trace before a snapshot line")
    #expect(parseError("[i0]\nfinish(i0)\n    frame 'f' code=1 pc=0 locals=[] stack=[]") == "line 3, column 5: a snapshot line must follow a guard")
    #expect(parseError("[i0]\ni1 = call_i(ConstClass(frob), i0)") == "line 2, column 24: unknown function 'frob'")
    #expect(parseError("[i0]\ni1 = int_add(i0, ConstClass(Thing))") == "line 2, column 18: unknown object 'Thing'")
    #expect(parseError("[i0]\ni1 = int_add(i0, W_Int)") == "line 2, column 18: expected a value (a variable, a number or a constant), found 'W_Int'")
    #expect(parseError("[i0]\nfinish(i0) junk") == "line 2, column 12: unexpected 'j' at the end of the line")
    #expect(parseError("[i0]\n[i0]") == "line 2, column 1: input arguments must come once, before the first operation")
    #expect(parseError("[i0]\nguard_true(i0) [i0,  i9]") == "line 2, column 22: i9 is not defined")
    #expect(parseError("[i0, i2000000]") == "line 1, column 6: variable numbers above 1048575 are not supported")
    #expect(parseError("[i0]\nguard_true(i0, descr=<Guard9223372036854775807>) [i0]\nguard_true(i0) [i0]\nfinish()") == "no error")
    #expect(parseError("[i0]\nguard_true(i0) [i0, 7]") == "line 2, column 21: fail arguments are variables (constants belong to the snapshot)")
    #expect(parseError("[i0]\nguard_true(i0) [i0, i0]") == "line 2, column 21: i0 appears twice in the fail arguments")
    #expect(parseError("") == "line 1, column 1: expected a trace, found none")
}

@Test func parserChecksSnapshotLinesAgainstTheFailArgs() {
    #expect(parseError("""
        [i0, i1]
        guard_true(i0) [i0]
            frame 'f' code=1 pc=2 locals=[i0, i1] stack=[]
        finish()
        """) == "line 2, column 16: the fail arguments do not match the snapshot's [i0, i1]")
    #expect(parseError("""
        [i0]
        guard_true(i0) [i0]
            frame 'f' code=1 pc=2 locals=[i0, p5] stack=[]
        finish()
        """) == "line 3, column 39: p5 is not defined")
    #expect(parseError("""
        [i0]
        guard_true(i0) [i0]
            frame 'f' code=1 pc=2 locals=[i0, p5] stack=[]
            virtual p5 = W_Int(nope=i0)
        finish()
        """) == "line 4, column 24: W_Int has no field 'nope'")
}

/// Whatever a truncated or garbled trace looks like, the parser answers with a trace or a `TraceParseError`.
@Test func parserNeverCrashesOnDamagedText() {
    let w = IRTestWorld()
    let text = w.printer(TracePrinter.Options(annotations: true, snapshots: true, guardNumbers: true)).print(richTrace(w))
    let chars = Array(text)
    var errors = 0
    for cut in stride(from: 0, to: chars.count, by: 3) {
        for damaged in [String(chars[..<cut]), String(chars[..<cut]) + "(" + String(chars[cut...]), String(chars[..<cut]) + String(chars[(cut + 1)...])] {
            do {
                _ = try w.parse(damaged)
            } catch is TraceParseError {
                errors += 1
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }
    #expect(errors > chars.count / 2)
}

/// A deterministic pseudo-random generator (SplitMix64), so the fuzz test is the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random traces, mostly well-formed and then damaged by a random edit: the parser answers each with a trace or
/// a `TraceParseError`; the verifier judges every parsed trace without crashing; a trace that verifies prints,
/// parses and prints again identically.
@Test func randomTracesNeverCrashTheParser() throws {
    let w = IRTestWorld()
    let junk = ["(", ")", ",", "[", "]", "=", "descr=", "'", "#", "\n", "i9", "p0", "-", ".", "e", "<Guard", "ConstPtr("]
    var rng = SplitMix64(state: 2026)
    var parsed = 0, verified = 0
    for _ in 0..<2000 {
        var ints = ["i0", "i1", "7"], refs = ["p2"], next = 4
        func pick(_ from: [String]) -> String { from.randomElement(using: &rng)! }
        var lines = ["[i0, i1, p2, f3]", "label(i0, i1, p2, f3, descr=Loop0)"]
        for _ in 0..<Int.random(in: 1...8, using: &rng) {
            let n = next
            next += 1
            switch Int.random(in: 0..<7, using: &rng) {
            case 0: lines.append("i\(n) = int_add(\(pick(ints)), \(pick(ints)))"); ints.append("i\(n)")
            case 1:
                lines.append("i\(n) = int_mul_ovf(\(pick(ints)), \(pick(ints)))")
                lines.append("guard_no_overflow() [\(pick(refs)), \(pick(ints))]")
                ints.append("i\(n)")
            case 2: lines.append("guard_true(\(pick(ints))) [\(pick(ints))]")
            case 3: lines.append("p\(n) = new_with_vtable(descr=W_Int)"); refs.append("p\(n)")
            case 4: lines.append("setfield_gc(\(pick(refs)), \(pick(ints)), descr=W_Int.intval)")
            case 5: lines.append("i\(n) = getfield_gc_i(\(pick(refs)), descr=W_Int.intval)"); ints.append("i\(n)")
            default: lines.append("debug_merge_point(0, 'at \(n)')")
            }
        }
        lines.append("jump(\(pick(ints)), \(pick(ints)), \(pick(refs)), f3, descr=Loop0)")
        var chars = Array(lines.joined(separator: "\n"))
        let at = Int.random(in: 0..<chars.count, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: chars.remove(at: at)
        case 1: chars.insert(contentsOf: Array(pick(junk)), at: at)
        default: break
        }
        let trace: Trace
        do {
            trace = try w.parse(String(chars))
        } catch is TraceParseError {
            continue
        }
        parsed += 1
        if TraceVerifier().errors(in: trace).isEmpty {
            verified += 1
            let printed = w.printer().print(trace)
            #expect(w.printer().print(try w.parse(printed)) == printed)
        }
    }
    #expect(parsed > 500 && verified > 100)
}
