import Meta

/// The runtime functions the interpreter calls on its slow paths — the `dont_look_inside` functions that a trace
/// records as residual `call_r` ops and machine code will call through the C ABI. Each takes and returns
/// references as words and returns null after storing the raised exception in `Runtime.pendingException`.
enum Residuals {
    /// Runs `body` on the current runtime, turning a raised exception into a null result.
    @inline(__always) static func wrap(_ body: (Runtime) throws(PyException) -> Ref) -> UInt {
        unowned(unsafe) let rt = Runtime.current!
        do { return try body(rt).bits } catch {
            rt.pendingException = error.value
            return 0
        }
    }

    static func binary(_ op: BinaryOp, _ a: UInt, _ b: UInt, inplace: Bool) -> UInt {
        wrap { rt throws(PyException) in try rt.binaryOp(op, Ref(bits: a), Ref(bits: b), inplace: inplace) }
    }

    static func compare(_ op: CompareOp, _ a: UInt, _ b: UInt) -> UInt {
        wrap { rt throws(PyException) in try rt.compare(op, Ref(bits: a), Ref(bits: b)) }
    }

    /// `BINARY_*`, indexed by `BinaryOp.rawValue`.
    static let binary: [ResidualFunction2] = [
        ResidualFunction2("binary_add") { binary(.add, $0, $1, inplace: false) },
        ResidualFunction2("binary_sub") { binary(.sub, $0, $1, inplace: false) },
        ResidualFunction2("binary_mul") { binary(.mul, $0, $1, inplace: false) },
        ResidualFunction2("binary_truediv") { binary(.trueDiv, $0, $1, inplace: false) },
        ResidualFunction2("binary_floordiv") { binary(.floorDiv, $0, $1, inplace: false) },
        ResidualFunction2("binary_mod") { binary(.mod, $0, $1, inplace: false) },
        ResidualFunction2("binary_pow") { binary(.pow, $0, $1, inplace: false) },
        ResidualFunction2("binary_lshift") { binary(.lshift, $0, $1, inplace: false) },
        ResidualFunction2("binary_rshift") { binary(.rshift, $0, $1, inplace: false) },
        ResidualFunction2("binary_and") { binary(.and, $0, $1, inplace: false) },
        ResidualFunction2("binary_or") { binary(.or, $0, $1, inplace: false) },
        ResidualFunction2("binary_xor") { binary(.xor, $0, $1, inplace: false) },
    ]
    /// `INPLACE_*`, indexed by `BinaryOp.rawValue`.
    static let inplace: [ResidualFunction2] = [
        ResidualFunction2("inplace_add") { binary(.add, $0, $1, inplace: true) },
        ResidualFunction2("inplace_sub") { binary(.sub, $0, $1, inplace: true) },
        ResidualFunction2("inplace_mul") { binary(.mul, $0, $1, inplace: true) },
        ResidualFunction2("inplace_truediv") { binary(.trueDiv, $0, $1, inplace: true) },
        ResidualFunction2("inplace_floordiv") { binary(.floorDiv, $0, $1, inplace: true) },
        ResidualFunction2("inplace_mod") { binary(.mod, $0, $1, inplace: true) },
        ResidualFunction2("inplace_pow") { binary(.pow, $0, $1, inplace: true) },
        ResidualFunction2("inplace_lshift") { binary(.lshift, $0, $1, inplace: true) },
        ResidualFunction2("inplace_rshift") { binary(.rshift, $0, $1, inplace: true) },
        ResidualFunction2("inplace_and") { binary(.and, $0, $1, inplace: true) },
        ResidualFunction2("inplace_or") { binary(.or, $0, $1, inplace: true) },
        ResidualFunction2("inplace_xor") { binary(.xor, $0, $1, inplace: true) },
    ]
    /// `COMPARE_OP`, indexed by `CompareOp.rawValue`.
    static let compare: [ResidualFunction2] = [
        ResidualFunction2("compare_lt") { compare(.lt, $0, $1) },
        ResidualFunction2("compare_le") { compare(.le, $0, $1) },
        ResidualFunction2("compare_eq") { compare(.eq, $0, $1) },
        ResidualFunction2("compare_ne") { compare(.ne, $0, $1) },
        ResidualFunction2("compare_gt") { compare(.gt, $0, $1) },
        ResidualFunction2("compare_ge") { compare(.ge, $0, $1) },
    ]
    /// Truth value as a bool object.
    static let truth = ResidualFunction1("is_true") { a in wrap { rt throws(PyException) in rt.bool(try rt.isTrue(Ref(bits: a))) } }
    static let getItem = ResidualFunction2("getitem") { a, b in wrap { rt throws(PyException) in try rt.getItem(Ref(bits: a), Ref(bits: b)) } }
    static let setItem = ResidualFunction3("setitem") { o, k, v in
        wrap { rt throws(PyException) in try rt.setItem(Ref(bits: o), Ref(bits: k), Ref(bits: v)); return rt.none }
    }
    static let getAttr = ResidualFunction2("getattr") { o, n in wrap { rt throws(PyException) in try rt.getAttr(Ref(bits: o), Ref(bits: n)) } }
    static let setAttr = ResidualFunction3("setattr") { o, n, v in
        wrap { rt throws(PyException) in try rt.setAttr(Ref(bits: o), Ref(bits: n), Ref(bits: v)); return rt.none }
    }
    static let getIter = ResidualFunction1("getiter") { a in wrap { rt throws(PyException) in try rt.getIter(Ref(bits: a)) } }
    /// `a in b` as a bool object.
    static let contains = ResidualFunction2("contains") { a, b in
        wrap { rt throws(PyException) in rt.bool(try rt.contains(Ref(bits: b), Ref(bits: a))) }
    }
    /// The next item, or the iterator itself when exhausted (null is reserved for errors).
    static let next = ResidualFunction1("next") { it in
        wrap { rt throws(PyException) in let v = try rt.next(Ref(bits: it)); return v.isNull ? Ref(bits: it) : v }
    }
}
