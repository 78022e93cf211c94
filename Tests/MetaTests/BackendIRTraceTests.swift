import Testing
@testable import Meta

/// The IR executor tests' traces, run natively and under the executor from the same inputs.
@Suite struct BackendIRTraceTests {
    @Test func integerAndFloatArithmetic() throws {
        let text = """
            [i0, i1, f2]
            i3 = int_mul(i0, i1)
            i4 = int_py_floordiv(i3, -7)
            i5 = int_py_mod(i3, -7)
            i6 = int_sub(i4, 3)
            f7 = cast_int_to_float(i6)
            f8 = float_truediv(f7, f2)
            i9 = float_lt(f8, 0.0)
            i10 = int_lshift(i0, 3)
            i11 = int_rshift(i10, 1)
            i12 = int_xor(i11, 255)
            i13 = int_neg(i12)
            i14 = int_is_zero(i13)
            f15 = float_neg(f8)
            i16 = int_and(i12, 15)
            i17 = int_or(i16, 64)
            i18 = int_is_true(i17)
            finish(i3, i4, i5, f8, i9, i13, i14, f15, i17, i18)
            """
        let exit = try DifferentialRun(text, inputs: [.int(6), .int(5), .float(4.0)]).check()
        #expect(exit.values == [.int(30), .int(-5), .int(-5), .float(-2.0), .int(1), .int(-231), .int(0), .float(2.0), .int(71), .int(1)])
        for inputs: [ConcreteValue] in [[.int(-9), .int(13), .float(-0.0)], [.int(.min), .int(-1), .float(.nan)], [.int(0), .int(0), .float(.infinity)]] {
            try DifferentialRun(text, inputs: inputs).check()
        }
    }

    @Test func overflowGuards() throws {
        let text = """
            [i0, i1]
            i2 = int_add_ovf(i0, i1)
            guard_no_overflow() [i0, i1]
            i3 = int_mul_ovf(i2, i1)
            guard_no_overflow() [i2]
            finish(i3)
            """
        #expect(try DifferentialRun(text, inputs: [.int(1), .int(2)]).check() == TraceExit(reason: .finished(opIndex: 4), values: [.int(6)]))
        #expect(try DifferentialRun(text, inputs: [.int(.max), .int(1)]).check() == TraceExit(reason: .guardFailed(opIndex: 1, guardNumber: 0), values: [.int(.max), .int(1)]))
        #expect(try DifferentialRun(text, inputs: [.int(1 << 62), .int(2)]).check() == TraceExit(reason: .guardFailed(opIndex: 3, guardNumber: 1), values: [.int((1 << 62) + 2)]))
    }

    @Test func aLoopRunsUntilItsGuardFails() throws {
        let exit = try DifferentialRun("""
            [i0, i1, i2]
            label(i0, i1, i2, descr=Loop0)
            i3 = int_lt(i0, i2)
            guard_true(i3) [i0, i1]
            i4 = int_add(i1, i0)
            i5 = int_add(i0, 1)
            jump(i5, i4, i2, descr=Loop0)
            """, inputs: [.int(0), .int(0), .int(1000)]).check()
        #expect(exit == TraceExit(reason: .guardFailed(opIndex: 2, guardNumber: 0), values: [.int(1000), .int(499_500)]))
    }
}
