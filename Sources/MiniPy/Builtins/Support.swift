import Meta
import BigInt

/// Argument binding for built-ins: positional-or-keyword parameters by name, with CPython's error messages.
extension Arguments {
    /// Binds the arguments to `names` (positional first, then by keyword). The first `required` names must be
    /// given. Returns one slot per name (nil when not given).
    public func bind(_ rt: Runtime, _ function: String, _ names: [String], required: Int = 0) throws(PyException) -> [Ref?] {
        if count > names.count {
            throw rt.typeError("\(function)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s") (\(count) given)")
        }
        var slots = [Ref?](repeating: nil, count: names.count)
        for i in 0..<count { slots[i] = self[i] }
        if !keywordNames.isNull {
            for (i, name) in rt.sequenceItems(keywordNames).enumerated() {
                let key = rt.string(name)
                guard let position = names.firstIndex(of: key) else {
                    throw rt.typeError("\(function)() got an unexpected keyword argument '\(key)'")
                }
                if slots[position] != nil {
                    throw rt.typeError("argument for \(function)() given by name ('\(key)') and position (\(position + 1))")
                }
                slots[position] = keywordValues[i]
            }
        }
        for i in 0..<required where slots[i] == nil {
            throw rt.typeError("\(function)() missing required argument '\(names[i])' (pos \(i + 1))")
        }
        return slots
    }

    /// Rejects keyword arguments, as CPython's positional-only built-ins do.
    public func noKeywords(_ rt: Runtime, _ function: String) throws(PyException) {
        if hasKeywords { throw rt.typeError("\(function)() takes no keyword arguments") }
    }

    /// The arguments without the first positional one (for an unbound method called with its receiver).
    func droppingFirst() -> Arguments {
        Arguments(positional: UnsafeBufferPointer(rebasing: positional.dropFirst()), keywordNames: keywordNames,
                  keywordValues: keywordValues)
    }
}

/// Conversions and small helpers shared by every built-in.
extension Runtime {
    /// Runs `body` with `refs` pushed on `tempRoots`, so they survive collections in guest code `body` calls.
    @inline(__always)
    public func rooting<T>(_ refs: Ref..., body: () throws(PyException) -> T) throws(PyException) -> T {
        let mark = tempRoots.count
        tempRoots.append(contentsOf: refs)
        defer { tempRoots.removeSubrange(mark...) }
        return try body()
    }

    /// `x` as an Int for an integer-only argument: ints, bools and instances with `__index__`.
    public func indexArgument(_ x: Ref) throws(PyException) -> Int {
        if let v = smallInt(x) { return v }
        if isInt(x) { throw overflowError("Python int too large to convert to C ssize_t") }
        let m = userMethod(x, "__index__")
        if !m.isNull { return try indexArgument(callMethod(m, x, [])) }
        throw typeError("'\(typeName(x))' object cannot be interpreted as an integer")
    }

    /// `x` as a BigInt for an integer-only argument.
    public func bigIndexArgument(_ x: Ref) throws(PyException) -> BigInt {
        if isInt(x) { return bigValue(x) }
        return BigInt(try indexArgument(x))
    }

    /// `x` as a Double for a float argument (`must be real number, not str` otherwise).
    public func doubleArgument(_ x: Ref) throws(PyException) -> Double {
        if x.typeID == L.float.id { return x.float(L.floatval) }
        if isInt(x) { return try intToDouble(x) }
        let m = userMethod(x, "__float__")
        if !m.isNull {
            let r = try callMethod(m, x, [])
            guard r.typeID == L.float.id else { throw typeError("\(typeName(x)).__float__ returned non-float (type \(typeName(r)))") }
            return r.float(L.floatval)
        }
        let i = userMethod(x, "__index__")
        if !i.isNull { return try doubleArgument(callMethod(i, x, [])) }
        throw typeError("must be real number, not \(typeName(x))")
    }

    /// An int's value as a Double, with CPython's overflow error.
    public func intToDouble(_ x: Ref) throws(PyException) -> Double {
        if let v = smallInt(x) { return Double(v) }
        let d = Double(bigValue(x))
        if !d.isFinite { throw overflowError("int too large to convert to float") }
        return d
    }

    /// The Swift string of a str argument (`what() argument must be str, not int` otherwise).
    public func strArgument(_ x: Ref, _ what: String) throws(PyException) -> String {
        guard x.typeID == L.str.id else { throw typeError("\(what) must be str, not \(typeName(x))") }
        return string(x)
    }

    /// A float or int result from a Swift Double that is known to be integral.
    public func newIntFromDouble(_ d: Double) throws(PyException) -> Ref {
        if d.isNaN { throw valueError("cannot convert float NaN to integer") }
        if d.isInfinite { throw overflowError("cannot convert float infinity to integer") }
        if let i = Int(exactly: d) { return newInt(i) }
        return newInt(BigInt(d))
    }

    /// A new list holding the items of any iterable (the caller roots it if it calls guest code afterwards).
    public func newListFrom(_ iterable: Ref) throws(PyException) -> Ref {
        if iterable.typeID == L.list.id || iterable.typeID == L.tuple.id { return newList(items(iterable)) }
        let l = newList()
        try rooting(l) { () throws(PyException) in try forEach(iterable) { listAppend(l, $0) } }
        return l
    }

    /// Defines a method of a built-in type that also works unbound (`str.upper("a")`), checking the receiver's
    /// type with CPython's message.
    public func defineTypedMethod(_ type: Ref, _ name: String, _ body: @escaping BuiltinBody) {
        defineMethod(type, name) { rt, selfValue, args throws(PyException) in
            if !selfValue.isNull { return try body(rt, selfValue, args) }
            let typeName = rt.nameOfType(type)
            guard args.count > 0 else {
                throw rt.typeError("unbound method \(typeName).\(name)() needs an argument")
            }
            guard rt.isInstance(args[0], type) else {
                throw rt.typeError("descriptor '\(name)' for '\(typeName)' objects doesn't apply to a '\(rt.typeName(args[0]))' object")
            }
            return try body(rt, args[0], args.droppingFirst())
        }
    }
}
