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
    /// Truth value as a bool object. Declared read-only for the tracer, which never calls it on instances (whose
    /// `__bool__`/`__len__` may do anything).
    static let truth = ResidualFunction1("is_true", effects: .readsOnly) { a in wrap { rt throws(PyException) in rt.bool(try rt.isTrue(Ref(bits: a))) } }
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

    /// `a not in b` as a bool object.
    static let notContains = ResidualFunction2("not_contains") { a, b in
        wrap { rt throws(PyException) in rt.bool(!(try rt.contains(Ref(bits: b), Ref(bits: a)))) }
    }

    // MARK: the tracing forms of handlers whose concrete form calls the runtime directly

    /// A global's value (module globals, then builtins), or NameError.
    static let loadGlobal = ResidualFunction2("load_global", effects: .readsOnly) { g, n in
        unowned(unsafe) let rt = Runtime.current!
        let v = rt.lookupGlobal(Ref(bits: g), Ref(bits: n))
        if v.isNull { rt.pendingException = rt.undefinedName(Ref(bits: n)).value }
        return v.bits
    }
    /// LOAD_NAME: the namespace dict, then globals and builtins.
    static let loadName = ResidualFunction3("load_name", effects: .readsOnly) { l, g, n in
        unowned(unsafe) let rt = Runtime.current!
        var v = rt.dictGetStr(Ref(bits: l), Ref(bits: n))
        if v.isNull { v = rt.lookupGlobal(Ref(bits: g), Ref(bits: n)) }
        if v.isNull { rt.pendingException = rt.undefinedName(Ref(bits: n)).value }
        return v.bits
    }
    /// STORE_NAME and STORE_GLOBAL: `dict[name] = value`.
    static let storeName = ResidualFunction3("store_name") { d, n, v in
        wrap { rt throws(PyException) in rt.dictSetStr(Ref(bits: d), Ref(bits: n), Ref(bits: v)); return rt.none }
    }
    /// LOAD_METHOD's lookup (see `Runtime.lookupMethod`); null means "not a plain method" (never raises).
    static let lookupMethod = ResidualFunction2("lookup_method", effects: .readsOnly) { o, n in
        unowned(unsafe) let rt = Runtime.current!
        return rt.lookupMethod(Ref(bits: o), Ref(bits: n)).bits
    }
    static let negative = ResidualFunction1("unary_negative") { a in wrap { rt throws(PyException) in try rt.unaryOp(.negative, Ref(bits: a)) } }
    static let positive = ResidualFunction1("unary_positive") { a in wrap { rt throws(PyException) in try rt.unaryOp(.positive, Ref(bits: a)) } }
    static let invert = ResidualFunction1("unary_invert") { a in wrap { rt throws(PyException) in try rt.unaryOp(.invert, Ref(bits: a)) } }
    static let newSlice = ResidualFunction3("new_slice") { lo, hi, step in
        unowned(unsafe) let rt = Runtime.current!
        return rt.newSlice(Ref(bits: lo), Ref(bits: hi), Ref(bits: step)).bits
    }
    /// `list.append(v)`, returning None.
    static let listAppend = ResidualFunction2("list_append") { l, v in
        unowned(unsafe) let rt = Runtime.current!
        rt.listAppend(Ref(bits: l), Ref(bits: v))
        return rt.none.bits
    }
    /// The loop back-edge's safepoint (collection, MemoryError, KeyboardInterrupt), recorded when a request was
    /// pending while the back-edge was traced; returns None.
    static let safepoint = ResidualFunction1("safepoint", effects: .readsOnly) { _ in
        wrap { rt throws(PyException) in try rt.safepoint(); return rt.none }
    }
    /// FORMAT_VALUE without a spec, indexed by the conversion (none, `!s`, `!r`, `!a`).
    static let formatValue: [ResidualFunction1] = [
        ResidualFunction1("format_value") { v in wrap { rt throws(PyException) in try rt.formatForFString(Ref(bits: v), conversion: 0, spec: "") } },
        ResidualFunction1("format_value_str") { v in wrap { rt throws(PyException) in try rt.formatForFString(Ref(bits: v), conversion: 1, spec: "") } },
        ResidualFunction1("format_value_repr") { v in wrap { rt throws(PyException) in try rt.formatForFString(Ref(bits: v), conversion: 2, spec: "") } },
        ResidualFunction1("format_value_ascii") { v in wrap { rt throws(PyException) in try rt.formatForFString(Ref(bits: v), conversion: 3, spec: "") } },
    ]
    /// FORMAT_VALUE with a spec string, indexed by the conversion.
    static let formatValueWithSpec: [ResidualFunction2] = [
        ResidualFunction2("format_value_spec") { v, s in formatWithSpec(v, s, 0) },
        ResidualFunction2("format_value_str_spec") { v, s in formatWithSpec(v, s, 1) },
        ResidualFunction2("format_value_repr_spec") { v, s in formatWithSpec(v, s, 2) },
        ResidualFunction2("format_value_ascii_spec") { v, s in formatWithSpec(v, s, 3) },
    ]
    static func formatWithSpec(_ v: UInt, _ spec: UInt, _ conversion: Int) -> UInt {
        wrap { rt throws(PyException) in try rt.formatForFString(Ref(bits: v), conversion: conversion, spec: rt.string(Ref(bits: spec))) }
    }
    /// BUILD_STRING's step: two strings concatenated.
    static let concatStrings = ResidualFunction2("concat_strings") { a, b in
        unowned(unsafe) let rt = Runtime.current!
        return rt.newStr(rt.string(Ref(bits: a)) + rt.string(Ref(bits: b))).bits
    }
    /// A call the tracer does not inline: `callee(*args)` with the arguments in a tuple.
    static let callWithTuple = ResidualFunction2("call_with_tuple") { f, args in
        wrap { rt throws(PyException) in try rt.call(Ref(bits: f), Array(rt.sequenceItems(Ref(bits: args)))) }
    }
    /// `f(a)` and `f(a, b)`: the residual calls a trace makes of a callable it does not inline, with one or two
    /// arguments, without building the tuple `call_with_tuple` takes (`math.sqrt(x)` in a loop).
    static let call1 = ResidualFunction2("call_1") { f, a in
        wrap { rt throws(PyException) in try rt.call(Ref(bits: f), [Ref(bits: a)]) }
    }
    static let call2 = ResidualFunction3("call_2") { f, a, b in
        wrap { rt throws(PyException) in try rt.call(Ref(bits: f), [Ref(bits: a), Ref(bits: b)]) }
    }
    /// `frames.top = slots + index` (a non-virtualizable frame's trace publishing its stack top; returns None).
    static let publishStackTop = ResidualFunction2("publish_stack_top") { slots, index in
        unowned(unsafe) let rt = Runtime.current!
        rt.frames.top = UnsafeMutablePointer<Ref>(bitPattern: slots)! + Int(bitPattern: index)
        return rt.none.bits
    }
    /// Whether a built-in iterator has a next item: True, False, or None when it cannot tell without advancing.
    static let iteratorHasNext = ResidualFunction1("iterator_has_next", effects: .readsOnly) { it in
        unowned(unsafe) let rt = Runtime.current!
        guard let more = rt.iteratorHasNext(Ref(bits: it)) else { return rt.none.bits }
        return rt.bool(more).bits
    }
    /// MAKE_FUNCTION: a function of a code object, its globals and its closure tuple (or null).
    static let makeFunction = ResidualFunction3("make_function") { code, globals, closure in
        unowned(unsafe) let rt = Runtime.current!
        return rt.newFunction(Ref(bits: code), globals: Ref(bits: globals), defaults: .null, kwdefaults: .null, closure: Ref(bits: closure)).bits
    }
}
