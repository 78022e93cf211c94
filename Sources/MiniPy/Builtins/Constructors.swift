import Meta
import BigInt

/// Calling a built-in type: `int("12")`, `list(x)`, `dict(a=1)`, `range(1, 5)`, `ValueError("msg")`, ...
extension Runtime {
    /// The result of calling the built-in type `type` with `args`, or nil if `type` has no built-in constructor
    /// (user classes, including subclasses of built-in types, are the interpreter's).
    public func constructBuiltin(_ type: Ref, _ args: Arguments) throws(PyException) -> Ref? {
        let t = types!
        switch type {
        case t.int: return try constructInt(args)
        case t.float:
            try args.noKeywords(self, "float")
            try args.check("float", min: 0, max: 1, self)
            return args.count == 0 ? newFloat(0) : try toFloat(args[0])
        case t.str:
            let slots = try args.bind(self, "str", ["object", "encoding", "errors"])
            if slots[1] != nil || slots[2] != nil { throw typeError("decoding str is not supported") }
            guard let x = slots[0] else { return intern("") }
            return x.typeID == L.str.id ? x : newStr(try str(x))
        case t.bool:
            try args.noKeywords(self, "bool")
            try args.check("bool", min: 0, max: 1, self)
            return bool(args.count == 0 ? false : try isTrue(args[0]))
        case t.list:
            try args.noKeywords(self, "list")
            try args.check("list", min: 0, max: 1, self)
            return args.count == 0 ? newList() : try newListFrom(args[0])
        case t.tuple:
            try args.noKeywords(self, "tuple")
            try args.check("tuple", min: 0, max: 1, self)
            if args.count == 0 { return emptyTuple }
            if args[0].typeID == L.tuple.id { return args[0] }
            return newTuple(try collect(args[0]))
        case t.dict:
            guard args.count <= 1 else { throw typeError("dict expected at most 1 argument, got \(args.count)") }
            let d = newDict()
            try rooting(d) { () throws(PyException) in try dictUpdate(d, args.count == 1 ? args[0] : .null, args) }
            return d
        case t.set:
            try args.noKeywords(self, "set")
            try args.check("set", min: 0, max: 1, self)
            let s = newSet()
            if args.count == 1 { try rooting(s) { () throws(PyException) in try setAddAll(s, args[0]) } }
            return s
        case t.range: return try constructRange(args)
        case t.type:
            try args.noKeywords(self, "type")
            if args.count == 1 { return typeOf(args[0]) }
            if args.count == 3 { throw typeError("type() with 3 arguments (dynamic class creation) is not supported") }
            throw typeError("type() takes 1 or 3 arguments")
        case t.object:
            if args.count > 0 || args.hasKeywords { throw typeError("object() takes no arguments") }
            return newInstance(t.object)
        case t.slice:
            try args.noKeywords(self, "slice")
            try args.check("slice", min: 1, max: 3, self)
            if args.count == 1 { return newSlice(none, args[0], none) }
            return newSlice(args[0], args[1], args.count == 3 ? args[2] : none)
        case t.staticmethod, t.classmethod, t.property:
            let name = nameOfType(type)
            try args.noKeywords(self, name)
            try args.check(name, min: 1, max: 1, self)
            let w = alloc(L.wrapper)
            w.set(L.wrapperKind, type == t.staticmethod ? 0 : type == t.classmethod ? 1 : 2)
            w.set(L.wrapperFunction, args[0])
            return w
        default:
            if isExceptionType(type) && type.int(L.typeFlags) & TypeFlag.builtin != 0 {
                try args.noKeywords(self, nameOfType(type))
                return newExceptionWithArgs(type, Array(args.positional))
            }
            return nil
        }
    }

    /// Whether `t` is BaseException or one of its subclasses.
    public func isExceptionType(_ t: Ref) -> Bool {
        t.typeID == L.type.id && isSubtype(t, exceptions.BaseException)
    }

    // MARK: int

    private func constructInt(_ args: Arguments) throws(PyException) -> Ref {
        let slots = try args.bind(self, "int", ["x", "base"])
        guard let x = slots[0] else {
            if slots[1] != nil { throw typeError("int() missing string argument") }
            return newInt(0)
        }
        if let baseRef = slots[1] {
            let base = try indexArgument(baseRef)
            guard x.typeID == L.str.id else { throw typeError("int() can't convert non-string with explicit base") }
            if base != 0 && (base < 2 || base > 36) { throw valueError("int() base must be >= 2 and <= 36, or 0") }
            return try parseInt(string(x), base: base)
        }
        return try toInt(x)
    }

    /// `int(x)` for one argument.
    public func toInt(_ x: Ref) throws(PyException) -> Ref {
        if x.typeID == L.bool.id { return newInt(x.int(L.intval)) }
        if isInt(x) { return x }
        if x.typeID == L.float.id { return try newIntFromDouble(x.float(L.floatval).rounded(.towardZero)) }
        if x.typeID == L.str.id { return try parseInt(string(x), base: 10) }
        for name in ["__int__", "__index__", "__trunc__"] {
            let m = userMethod(x, name)
            if m.isNull { continue }
            let r = try callMethod(m, x, [])
            guard isInt(r) else { throw typeError("\(name) returned non-int (type \(typeName(r)))") }
            return r
        }
        throw typeError("int() argument must be a string, a bytes-like object or a real number, not '\(typeName(x))'")
    }

    /// Parses an int literal as `int(s, base)` does: surrounding whitespace, a sign, an optional base prefix
    /// matching `base` (any prefix when `base` is 0), and underscores between digits.
    /// `int(s, base)` for a string: the numeric core's exact parser, after a fast path for plain decimal text.
    public func parseInt(_ s: String, base: Int) throws(PyException) -> Ref {
        if base == 10, s.utf8.count <= 18, let v = Int(s) { return newInt(v) }
        return newInt(try numeric { () throws(NumberError) in try pyParseInt(s, base: base) })
    }

    /// Python's `str.isspace` for one code point.
    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x09...0x0D, 0x1C...0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    // MARK: float

    /// `float(x)`.
    public func toFloat(_ x: Ref) throws(PyException) -> Ref {
        if x.typeID == L.float.id { return x }
        if isInt(x) { return newFloat(try intToDouble(x)) }
        if x.typeID == L.str.id {
            return newFloat(try parseFloat(string(x)))
        }
        for name in ["__float__", "__index__"] {
            let m = userMethod(x, name)
            if m.isNull { continue }
            let r = try callMethod(m, x, [])
            if name == "__float__" {
                guard r.typeID == L.float.id else { throw typeError("\(typeName(x)).__float__ returned non-float (type \(typeName(r)))") }
                return r
            }
            return newFloat(try intToDouble(r))
        }
        throw typeError("float() argument must be a string or a real number, not '\(typeName(x))'")
    }

    /// `float(s)` for a string: the numeric core's exact parser, after a fast path for plain decimal text (digits,
    /// point, exponent, sign: forms where Swift's parser and Python's agree).
    public func parseFloat(_ s: String) throws(PyException) -> Double {
        if s.utf8.count <= 40, s.utf8.allSatisfy({ ($0 >= 48 && $0 <= 57) || $0 == 46 || $0 == 101 || $0 == 69 || $0 == 43 || $0 == 45 }),
           let d = Double(s) {
            return d
        }
        return try numeric { () throws(NumberError) in try pyParseFloat(s) }
    }

    // MARK: range

    private func constructRange(_ args: Arguments) throws(PyException) -> Ref {
        try args.noKeywords(self, "range")
        if args.count == 0 { throw typeError("range expected at least 1 argument, got 0") }
        if args.count > 3 { throw typeError("range expected at most 3 arguments, got \(args.count)") }
        let values = try args.positional.map { v throws(PyException) in try indexArgument(v) }
        if args.count == 1 { return newRange(0, values[0], 1) }
        let step = args.count == 3 ? values[2] : 1
        if step == 0 { throw valueError("range() arg 3 must not be zero") }
        return newRange(values[0], values[1], step)
    }

    // MARK: shared by dict(), dict.update, set(), set.update

    /// `d.update(source, **keywords)`: a dict, an object with `keys()`, or an iterable of pairs.
    public func dictUpdate(_ d: Ref, _ source: Ref, _ args: Arguments) throws(PyException) {
        if !source.isNull {
            if source.typeID == L.dict.id {
                for (k, v) in dictItems(source) { try dictSet(d, k, v) }
            } else if source.typeID == L.instance.id && !userMethod(source, "keys").isNull {
                let keys = try newListFrom(callMethod(userMethod(source, "keys"), source, []))
                try rooting(keys) { () throws(PyException) in
                    for k in items(keys) { try dictSet(d, k, try getItem(source, k)) }
                }
            } else {
                let pairs = try newListFrom(source)
                try rooting(pairs) { () throws(PyException) in
                    for (i, pair) in items(pairs).enumerated() {
                        var held = pair
                        if pair.typeID != L.tuple.id && pair.typeID != L.list.id {
                            do throws(PyException) {
                                held = try newListFrom(pair)
                            } catch {
                                guard isInstance(error.value, exceptions.TypeError) else { throw error }
                                throw typeError("cannot convert dictionary update sequence element #\(i) to a sequence")
                            }
                        }
                        try rooting(held) { () throws(PyException) in
                            let kv = items(held)
                            guard kv.count == 2 else {
                                throw valueError("dictionary update sequence element #\(i) has length \(kv.count); 2 is required")
                            }
                            try dictSet(d, kv[0], kv[1])
                        }
                    }
                }
            }
        }
        for (i, name) in args.keywordList(self).enumerated() { dictSetStr(d, intern(name), args.keywordValues[i]) }
    }

    /// Adds an element to a set.
    @inline(__always) public func setAdd(_ s: Ref, _ x: Ref) throws(PyException) { try dictSet(s, x, x) }

    /// Adds every item of an iterable to a set.
    public func setAddAll(_ s: Ref, _ iterable: Ref) throws(PyException) {
        if iterable.typeID == L.set.id || iterable.typeID == L.dict.id {
            for (k, _) in dictItems(iterable) { try setAdd(s, k) }
            return
        }
        try forEach(iterable) { x throws(PyException) in try rooting(x) { () throws(PyException) in try setAdd(s, x) } }
    }
}
