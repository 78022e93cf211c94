import Meta

/// The runtime functions the interpreter calls on its slow paths — the `dont_look_inside` functions that a trace
/// records as residual `call_r` ops. Each returns null after storing the raised exception in
/// `Runtime.pendingException`, the convention machine code will also use.
enum Residuals {
    static func wrap(_ body: (Runtime) throws(PyException) -> Ref) -> Ref {
        let rt = Runtime.current!
        do { return try body(rt) } catch {
            rt.pendingException = error.value
            return .null
        }
    }

    static let binary: [ResidualFunction2] = (0..<12).map { i in
        let op = BinaryOp(rawValue: i)!
        return ResidualFunction2("binary_\(op.dunder)") { a, b in wrap { rt throws(PyException) in try rt.binaryOp(op, a, b) } }
    }
    static let inplace: [ResidualFunction2] = (0..<12).map { i in
        let op = BinaryOp(rawValue: i)!
        return ResidualFunction2("inplace_\(op.dunder)") { a, b in wrap { rt throws(PyException) in try rt.binaryOp(op, a, b, inplace: true) } }
    }
    static let compare: [ResidualFunction2] = (0..<6).map { i in
        let op = CompareOp(rawValue: Int32(i))!
        return ResidualFunction2("compare_\(op.symbol)") { a, b in wrap { rt throws(PyException) in try rt.compare(op, a, b) } }
    }
    /// Truth value as a bool object.
    static let truth = ResidualFunction1("is_true") { a in wrap { rt throws(PyException) in rt.bool(try rt.isTrue(a)) } }
    static let getItem = ResidualFunction2("getitem") { a, b in wrap { rt throws(PyException) in try rt.getItem(a, b) } }
    static let setItem = ResidualFunction3("setitem") { o, k, v in wrap { rt throws(PyException) in try rt.setItem(o, k, v); return rt.none } }
    static let getAttr = ResidualFunction2("getattr") { o, n in wrap { rt throws(PyException) in try rt.getAttr(o, n) } }
    static let setAttr = ResidualFunction3("setattr") { o, n, v in wrap { rt throws(PyException) in try rt.setAttr(o, n, v); return rt.none } }
    static let getIter = ResidualFunction1("getiter") { a in wrap { rt throws(PyException) in try rt.getIter(a) } }
    static let contains = ResidualFunction2("contains") { a, b in wrap { rt throws(PyException) in rt.bool(try rt.contains(b, a)) } }
    /// The next item, or the iterator itself when exhausted (null is reserved for errors).
    static let next = ResidualFunction1("next") { it in
        wrap { rt throws(PyException) in let v = try rt.next(it); return v.isNull ? it : v }
    }
}
