import Testing
@testable import Meta

/// Traces written for the backend, each run natively and under the IR executor from the same inputs, with identical
/// exits and memory effects required.
@Suite struct BackendDifferentialTests {
    static let intSamples = [Int.min, Int.min + 1, -(1 << 40), -65, -64, -63, -7, -2, -1, 0, 1, 2, 3, 7, 63, 64, 65,
                             1 << 31, 1 << 40, Int.max - 1, Int.max]
    static let floatSamples: [Double] = [-.infinity, -1e300, -2.5, -1, -0.0, 0.0, .leastNonzeroMagnitude, 1, 2.5, 1e300, .infinity, .nan]

    @Test func everyIntegerComparisonAndArithmeticOpOverAGridOfValues() throws {
        let text = """
            [i0, i1]
            i2 = int_lt(i0, i1)
            i3 = int_le(i0, i1)
            i4 = int_eq(i0, i1)
            i5 = int_ne(i0, i1)
            i6 = int_gt(i0, i1)
            i7 = int_ge(i0, i1)
            i8 = int_add(i0, i1)
            i9 = int_sub(i0, i1)
            i10 = int_mul(i0, i1)
            i11 = int_and(i0, i1)
            i12 = int_or(i0, i1)
            i13 = int_xor(i0, i1)
            i14 = int_lshift(i0, i1)
            i15 = int_rshift(i0, i1)
            i16 = int_py_floordiv(i0, i1)
            i17 = int_py_mod(i0, i1)
            i18 = int_is_true(i0)
            i19 = int_is_zero(i1)
            i20 = int_neg(i0)
            i21 = int_lt(5, i1)
            i22 = int_ge(i0, 1099511627776)
            i23 = int_sub(-3, i1)
            i24 = int_add(i0, 1099511627776)
            i25 = int_mul(i0, -9)
            finish(i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13, i14, i15, i16, i17, i18, i19, i20, i21, i22, i23, i24, i25)
            """
        for a in Self.intSamples {
            for b in Self.intSamples { try DifferentialRun(text, inputs: [.int(a), .int(b)]).check() }
        }
    }

    @Test func shiftsByConstantCountsInAndOutOfRange() throws {
        let text = """
            [i0]
            i1 = int_lshift(i0, 0)
            i2 = int_lshift(i0, 5)
            i3 = int_lshift(i0, 63)
            i4 = int_lshift(i0, 64)
            i5 = int_lshift(i0, -3)
            i6 = int_rshift(i0, 1)
            i7 = int_rshift(i0, 63)
            i8 = int_rshift(i0, 99)
            i9 = int_rshift(i0, -2)
            i10 = int_py_floordiv(i0, 7)
            i11 = int_py_mod(i0, -7)
            i12 = int_py_floordiv(i0, 0)
            i13 = int_py_mod(i0, -1)
            finish(i1, i2, i3, i4, i5, i6, i7, i8, i9, i10, i11, i12, i13)
            """
        for a in Self.intSamples { try DifferentialRun(text, inputs: [.int(a)]).check() }
    }

    @Test func overflowChecksAtTheBoundaries() throws {
        for op in ["int_add_ovf", "int_sub_ovf", "int_mul_ovf", "int_lshift_ovf"] {
            for guardName in ["guard_no_overflow", "guard_overflow"] {
                let text = """
                    [i0, i1]
                    i2 = \(op)(i0, i1)
                    \(guardName)() [i0, i1, i2]
                    i3 = \(op)(i2, 3)
                    \(guardName)() [i2]
                    finish(i2, i3)
                    """
                for a in Self.intSamples {
                    for b in Self.intSamples { try DifferentialRun(text, inputs: [.int(a), .int(b)]).check() }
                }
            }
        }
    }

    @Test func floatArithmeticAndEveryFloatComparison() throws {
        let text = """
            [f0, f1, i2]
            f3 = float_add(f0, f1)
            f4 = float_sub(f0, f1)
            f5 = float_mul(f0, f1)
            f6 = float_truediv(f0, f1)
            f7 = float_neg(f0)
            i8 = float_lt(f0, f1)
            i9 = float_le(f0, f1)
            i10 = float_eq(f0, f1)
            i11 = float_ne(f0, f1)
            i12 = float_gt(f0, f1)
            i13 = float_ge(f0, f1)
            f14 = cast_int_to_float(i2)
            f15 = float_add(f14, 0.5)
            f16 = float_truediv(1.0, f1)
            i17 = float_lt(f0, 2.5)
            i18 = float_eq(-0.0, f1)
            f19 = same_as_f(f3)
            finish(f3, f4, f5, f6, f7, i8, i9, i10, i11, i12, i13, f14, f15, f16, i17, i18, f19)
            """
        for (k, a) in Self.floatSamples.enumerated() {
            for b in Self.floatSamples {
                try DifferentialRun(text, inputs: [.float(a), .float(b), .int(Self.intSamples[k])]).check()
            }
        }
    }

    /// A comparison read only by the guard after it compiles to a compare and one branch (no `setcc`); the
    /// branch must agree with the comparison for every pair, NaN and signed zeros included.
    @Test func comparisonsFusedIntoTheirGuards() throws {
        let floatOps = ["float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge"]
        let intOps = ["int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge", "ptr_eq"]
        for guardName in ["guard_true", "guard_false"] {
            for op in floatOps {
                let text = "[f0, f1]\ni2 = \(op)(f0, f1)\n\(guardName)(i2) [f0, f1]\nfinish(f0)"
                for a in Self.floatSamples { for b in Self.floatSamples { try DifferentialRun(text, inputs: [.float(a), .float(b)]).check() } }
            }
            for op in intOps {
                let text = "[i0, i1]\ni2 = \(op)(i0, i1)\n\(guardName)(i2) [i0]\nfinish(i1)"
                    .replacingOccurrences(of: "ptr_eq(i0, i1)", with: "int_is_zero(i0)")
                for a in Self.intSamples { for b in [Int.min, -1, 0, 1, 7, Int.max] { try DifferentialRun(text, inputs: [.int(a), .int(b)]).check() } }
            }
        }
        let fused = try compile("[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i0]\nfinish(i1)", in: IRTestWorld())
        #expect(!fused.listing.contains { $0.text.hasPrefix("set") })
        #expect(fused.listing.contains { $0.text.hasPrefix("jge") })
        // Not fused when the result is also a fail argument or used later: the value must be materialised.
        let text = "[i0, i1]\ni2 = int_lt(i0, i1)\nguard_true(i2) [i2, i0]\ni3 = int_lt(i1, i0)\nguard_false(i3) [i0]\nfinish(i3)"
        for a in Self.intSamples { try DifferentialRun(text, inputs: [.int(a), .int(3)]).check() }
    }

    @Test func fieldAndArrayLoadsAndStoresOfEveryKind() throws {
        let text = """
            [p0, p1, p2, i3, f4]
            p9 = getarrayitem_gc_r(p2, 2, descr=W_Tuple)
            f5 = getfield_gc_f(p0, descr=W_Float.floatval)
            f6 = float_add(f5, f4)
            setfield_gc(p0, f6, descr=W_Float.floatval)
            p7 = getfield_gc_r(p1, descr=W_Pair.left)
            setfield_gc(p1, p7, descr=W_Pair.right)
            setfield_gc(p1, ConstPtr(null), descr=W_Pair.left)
            i8 = getarrayitem_gc_i(p2, i3, descr=W_Tuple)
            setarrayitem_gc(p2, 0, p0, descr=W_Tuple)
            setarrayitem_gc(p2, i3, p1, descr=W_Tuple)
            i10 = getfield_gc_i(p9, descr=W_Int.intval)
            setfield_gc(p9, 1099511627776, descr=W_Int.intval)
            p11 = new_with_vtable(descr=W_Float)
            setfield_gc(p11, -2.5, descr=W_Float.floatval)
            setfield_gc(p11, f6, descr=W_Float.floatval)
            i12 = ptr_eq(p7, p9)
            i13 = ptr_ne(p0, p1)
            i14 = int_ne(i8, 0)
            finish(f6, p7, i10, p11, i12, i13, p9, i14)
            """
        for index in [1, 2] {
            try DifferentialRun(text, setup: { w in
                let float = w.heap.allocate(w.float)
                float.pointer.storeBytes(of: 1.25, toByteOffset: 16, as: Double.self)
                let pair = w.heap.allocate(w.pair)
                pair.pointer.storeBytes(of: w.box(3).bits, toByteOffset: 16, as: UInt.self)
                let tuple = w.heap.allocate(w.tuple, tailCount: 3)
                tuple.pointer.storeBytes(of: 3, toByteOffset: 16, as: Int.self)
                for k in 0..<3 { tuple.pointer.storeBytes(of: w.box(100 + k).bits, toByteOffset: w.tuple.fixedSize + 8 * k, as: UInt.self) }
                return ([.ref(float), .ref(pair), .ref(tuple), .int(index), .float(0.5)], [:])
            }).check()
        }
    }

    /// A loop over a tuple's items with guards of every kind; an item of the wrong kind (null, another layout, a
    /// value) placed at position `k` makes a particular guard fail at iteration `k`.
    @Test func guardsOfEveryKindFailingAtVariousIterations() throws {
        let text = """
            [p0, i1, i2, p3]
            label(p0, i1, i2, p3, descr=Loop0)
            i4 = getfield_gc_i(p0, descr=W_Tuple.length)
            i5 = int_lt(i1, i4)
            guard_true(i5) [i1, i2]
            p6 = getarrayitem_gc_r(p0, i1, descr=W_Tuple)
            guard_nonnull(p6) [i1, i2, p6]
            guard_class(p6, W_Int) [i1, i2, p6]
            i7 = getfield_gc_i(p6, descr=W_Int.intval)
            i8 = int_eq(i7, 13)
            guard_false(i8) [i1, i2, i7]
            i9 = int_add_ovf(i2, i7)
            guard_no_overflow() [i1, i2, i7]
            i10 = int_and(i1, 1024)
            guard_value(i10, 0) [i1, i9]
            p11 = getfield_gc_r(p3, descr=W_Pair.left)
            guard_isnull(p11) [i1, p11]
            i12 = int_add(i1, 1)
            jump(p0, i12, i9, p3, descr=Loop0)
            """
        let count = 1200
        enum Bad { case none, null, float, thirteen, huge, index, pairLeft }
        for bad in [Bad.none, .null, .float, .thirteen, .huge, .index, .pairLeft] {
            for k in [0, 1, 7, 500, 1023, 1024, 1199] {
                let exit = try DifferentialRun(text, setup: { w in
                    let tuple = w.heap.allocate(w.tuple, tailCount: count)
                    tuple.pointer.storeBytes(of: count, toByteOffset: 16, as: Int.self)
                    for j in 0..<count {
                        var item = w.box(j == 13 ? 14 : j)
                        if j == k {
                            switch bad {
                            case .null: item = .null
                            case .float: item = w.heap.allocate(w.float)
                            case .thirteen: item = w.box(13)
                            case .huge: item = w.box(.max)
                            case .none, .index, .pairLeft: break
                            }
                        }
                        tuple.pointer.storeBytes(of: item.bits, toByteOffset: w.tuple.fixedSize + 8 * j, as: UInt.self)
                    }
                    let pair = w.heap.allocate(w.pair)
                    if bad == .pairLeft && k == 0 { pair.pointer.storeBytes(of: w.box(1).bits, toByteOffset: 16, as: UInt.self) }
                    return ([.ref(tuple), .int(0), .int(0), .ref(pair)], [:])
                }).check()
                guard case .guardFailed = exit.reason else { Issue.record("the loop must end at a guard: \(exit)"); continue }
            }
        }
    }

    /// The optimizer's shape: a preamble (its own label) then the peeled loop with more label arguments, the jump
    /// going to the second label.
    @Test func aPreambleAndAPeeledLoop() throws {
        let text = """
            [p0, i1]
            label(p0, i1, descr=Loop0)
            guard_class(p0, W_Int) [p0, i1]
            i2 = getfield_gc_i(p0, descr=W_Int.intval)
            i3 = int_lt(i1, i2)
            guard_true(i3) [p0, i1]
            i4 = int_add(i1, 1)
            label(p0, i4, i2, descr=Loop1)
            i5 = int_lt(i4, i2)
            guard_true(i5) [p0, i4]
            i6 = int_add(i4, 1)
            jump(p0, i6, i2, descr=Loop1)
            """
        for limit in [0, 1, 2, 3, 1000] {
            let exit = try DifferentialRun(text, setup: { w in ([.ref(w.box(limit)), .int(0)], [:]) }).check()
            if limit >= 2 { #expect(exit.reason == .guardFailed(opIndex: 8, guardNumber: 2) && exit.values.last == .int(limit)) }
        }
    }

    /// Loops with more live values than registers (24 integers of which one counts, 18 floats): spills everywhere,
    /// and label arguments in frame slots moved in parallel at the back-edge.
    @Test func loopsWithManyLiveValuesForcingSpills() throws {
        let ints = 24, floats = 18
        var lines: [String] = []
        let inputs = (0..<ints).map { "i\($0)" } + (0..<floats).map { "f\(ints + $0)" }
        lines.append("[\(inputs.joined(separator: ", "))]")
        lines.append("label(\(inputs.joined(separator: ", ")), descr=Loop0)")
        var next = ints + floats
        func fresh(_ prefix: String) -> String { defer { next += 1 }; return "\(prefix)\(next)" }
        let limit = fresh("i")
        lines.append("\(limit) = int_lt(i0, 300)")
        lines.append("guard_true(\(limit)) [\(inputs.joined(separator: ", "))]")
        var newValues: [String] = []
        let counter = fresh("i")
        lines.append("\(counter) = int_add(i0, 1)")
        newValues.append(counter)
        for k in 1..<ints {
            let product = fresh("i"), sum = fresh("i")
            lines.append("\(product) = int_mul(i\(k - 1), 3)")
            lines.append("\(sum) = int_add(\(product), i\((k + 5) % ints))")
            newValues.append(sum)
        }
        for k in 0..<floats {
            let half = fresh("f"), sum = fresh("f")
            lines.append("\(half) = float_mul(f\(ints + k), 0.5)")
            lines.append("\(sum) = float_add(\(half), f\(ints + (k + 1) % floats))")
            newValues.append(sum)
        }
        // Rotate: each value moves to another position, so the parallel move has cycles through memory and registers.
        let rotated = [newValues[0]] + Array(newValues[2..<ints]) + [newValues[1]]
            + Array(newValues[(ints + 1)...]) + [newValues[ints]]
        lines.append("jump(\(rotated.joined(separator: ", ")), descr=Loop0)")
        let text = lines.joined(separator: "\n")
        let start: [ConcreteValue] = (0..<ints).map { .int($0 == 0 ? 0 : $0 * 7 - 30) } + (0..<floats).map { .float(Double($0) - 4.5) }
        let exit = try DifferentialRun(text, inputs: start).check()
        #expect(exit.reason == .guardFailed(opIndex: 2, guardNumber: 0))
        let w = IRTestWorld()
        let compiled = try compile(text, in: w)
        #expect(compiled.assignment.spillCount > 10)
    }

    /// Residual calls with many values of every type live across them, in caller- and callee-saved registers and
    /// spill slots, and calls that collect (the references live across them must survive via the GC maps).
    @Test func residualCallsWithManyLiveValuesAcrossThem() throws {
        let ints = 16, floats = 8, refs = 8
        var lines: [String] = []
        let intNames = (0..<ints).map { "i\($0)" }, floatNames = (0..<floats).map { "f\(ints + $0)" }
        let refNames = (0..<refs).map { "p\(ints + floats + $0)" }
        let all = intNames + floatNames + refNames
        lines.append("[\(all.joined(separator: ", "))]")
        lines.append("label(\(all.joined(separator: ", ")), descr=Loop0)")
        var next = all.count
        func fresh(_ prefix: String) -> String { defer { next += 1 }; return "\(prefix)\(next)" }
        let check = fresh("i")
        lines.append("\(check) = int_lt(i0, 40)")
        lines.append("guard_true(\(check)) [\(all.joined(separator: ", "))]")
        let scaled = fresh("i"), floatSum = fresh("f"), collected = fresh("p"), boxed = fresh("p"), unboxed = fresh("i")
        lines.append("\(scaled) = call_i(ConstClass(scale_add), i1, i2)")
        lines.append("\(floatSum) = call_f(ConstClass(half_as_float), i3)")
        lines.append("\(collected) = call_r(ConstClass(collect_now), p\(ints + floats))")
        lines.append("\(boxed) = call_r(ConstClass(box_collecting), \(scaled))")
        lines.append("\(unboxed) = call_i(ConstClass(unbox), \(boxed))")
        lines.append("call_n(ConstClass(collect_now), 0)")
        let counter = fresh("i")
        lines.append("\(counter) = int_add(i0, 1)")
        var newInts = [counter, unboxed]
        for k in 2..<ints {
            let v = fresh("i")
            lines.append("\(v) = int_xor(i\(k), \(scaled))")
            newInts.append(v)
        }
        var newFloats = [floatSum]
        for k in 1..<floats {
            let v = fresh("f")
            lines.append("\(v) = float_sub(f\(ints + k), \(floatSum))")
            newFloats.append(v)
        }
        var newRefs: [String] = []
        for k in 0..<refs {
            // A fresh pair each iteration links to the previous one: the GC must keep the whole chain.
            let pair = fresh("p")
            lines.append("\(pair) = new_with_vtable(descr=W_Pair)")
            lines.append("setfield_gc(\(pair), p\(ints + floats + (k + 1) % refs), descr=W_Pair.left)")
            lines.append("setfield_gc(\(pair), \(k == 0 ? collected : boxed), descr=W_Pair.right)")
            newRefs.append(pair)
        }
        lines.append("jump(\((newInts + newFloats + newRefs).joined(separator: ", ")), descr=Loop0)")
        let text = lines.joined(separator: "\n")
        let run = DifferentialRun(text, functions: [CallDescriptor(testCollectNow), CallDescriptor(testHalfAsFloat), CallDescriptor(testBoxCollecting)],
                                  nurseryBytes: 64 << 10, setup: { w in
            let values: [ConcreteValue] = (0..<ints).map { .int($0 * 3) } + (0..<floats).map { .float(Double($0) / 4) }
                + (0..<refs).map { .ref(w.box($0)) }
            return (values, [:])
        })
        let exit = try run.check()
        #expect(exit.reason == .guardFailed(opIndex: 2, guardNumber: 0))
        let (_, w, _) = try run.outcome(.x64)
        #expect(w.heap.collections >= 80)
    }
}
