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
            let o = alloc(L.instance)
            o.set(L.instanceClass, t.object)
            o.set(L.instanceDict, newDict())
            return o
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
    public func parseInt(_ s: String, base: Int) throws(PyException) -> Ref {
        func invalid() -> PyException {
            valueError("invalid literal for int() with base \(base): \(pyStrRepr(s))")
        }
        var chars = Substring(s).unicodeScalars.drop(while: { Self.isPythonSpace($0) })
        while let last = chars.last, Self.isPythonSpace(last) { chars.removeLast() }
        var negative = false
        if let first = chars.first, first == "+" || first == "-" { negative = first == "-"; chars.removeFirst() }
        var radix = base
        let lowered = String(String.UnicodeScalarView(chars.prefix(2))).lowercased()
        let prefixes: [String: Int] = ["0x": 16, "0o": 8, "0b": 2]
        var hadPrefix = false
        if let r = prefixes[lowered], base == 0 || base == r {
            radix = r
            chars.removeFirst(2)
            hadPrefix = true
        } else if base == 0 {
            radix = 10
        }
        var digits: [Int] = []
        var underscoreAllowed = hadPrefix  // right after a prefix, or after a digit
        var endsWithUnderscore = false
        for c in chars {
            if c == "_" {
                guard underscoreAllowed else { throw invalid() }
                underscoreAllowed = false
                endsWithUnderscore = true
                continue
            }
            let value: Int
            switch c.value {
            case 48...57: value = Int(c.value) - 48
            case 65...90, 97...122: value = Int(c.value | 0x20) - 87
            default:
                guard c.properties.numericType == .decimal, let v = c.properties.numericValue else { throw invalid() }
                value = Int(v)
            }
            guard value < radix else { throw invalid() }
            digits.append(value)
            underscoreAllowed = true
            endsWithUnderscore = false
        }
        if digits.isEmpty || endsWithUnderscore { throw invalid() }
        // Base 0 rejects leading zeros in a non-zero decimal ("010").
        if base == 0 && !hadPrefix && digits.count > 1 && digits[0] == 0 && digits.contains(where: { $0 != 0 }) { throw invalid() }
        if digits.count > 4300 && radix == 10 {
            throw valueError("Exceeds the limit (4300 digits) for integer string conversion: value has \(digits.count) digits; use sys.set_int_max_str_digits() to increase the limit")
        }
        // Accumulate in machine-word chunks: radix^chunk stays below 2^63.
        var chunk = 1, scale = radix
        while scale <= Int.max / radix / radix { scale *= radix; chunk += 1 }
        var magnitude = BigInt(0)
        var i = 0
        while i < digits.count {
            let end = min(i + chunk, digits.count)
            var word = 0, power = 1
            for d in digits[i..<end] { word = word * radix + d; power *= radix }
            magnitude = magnitude * BigInt(power) + BigInt(word)
            i = end
        }
        return newInt(negative ? -magnitude : magnitude)
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
            guard let d = Self.parseFloat(string(x)) else { throw valueError("could not convert string to float: \(pyStrRepr(string(x)))") }
            return newFloat(d)
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

    /// Parses a float literal as `float(s)` does (decimal forms, `inf`, `infinity`, `nan`, underscores between
    /// digits, surrounding whitespace); nil if invalid.
    public static func parseFloat(_ s: String) -> Double? {
        var text = Substring(s).unicodeScalars.drop(while: { isPythonSpace($0) })
        while let last = text.last, isPythonSpace(last) { text.removeLast() }
        var body = String(String.UnicodeScalarView(text))
        var sign = ""
        if body.hasPrefix("+") || body.hasPrefix("-") { sign = String(body.removeFirst()) }
        switch body.lowercased() {
        case "inf", "infinity": return sign == "-" ? -.infinity : .infinity
        case "nan": return sign == "-" ? -.nan : .nan
        default: break
        }
        // digits [. digits] [e [sign] digits], with single underscores only between digits.
        var cleaned = ""
        var sawDigit = false, sawPoint = false, sawExponent = false, exponentDigits = false
        let chars = Array(body.unicodeScalars)
        for (i, c) in chars.enumerated() {
            switch c {
            case "0"..."9":
                cleaned.unicodeScalars.append(c)
                if sawExponent { exponentDigits = true } else { sawDigit = true }
            case "_":
                guard i > 0, i + 1 < chars.count, ("0"..."9").contains(chars[i - 1]), ("0"..."9").contains(chars[i + 1]) else { return nil }
            case ".":
                if sawPoint || sawExponent { return nil }
                sawPoint = true
                cleaned.append(".")
            case "e", "E":
                if sawExponent || !sawDigit { return nil }
                sawExponent = true
                cleaned.append("e")
                if i + 1 < chars.count, chars[i + 1] == "+" || chars[i + 1] == "-" { continue }
            case "+", "-":
                guard i > 0, chars[i - 1] == "e" || chars[i - 1] == "E" else { return nil }
                cleaned.unicodeScalars.append(c)
            default:
                if let v = c.properties.numericValue, c.properties.numericType == .decimal {
                    cleaned += String(Int(v))
                    if sawExponent { exponentDigits = true } else { sawDigit = true }
                } else {
                    return nil
                }
            }
        }
        if !sawDigit || (sawExponent && !exponentDigits) { return nil }
        return Double(sign + cleaned)
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
