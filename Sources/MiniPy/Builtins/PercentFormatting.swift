import Meta
import BigInt

/// `fmt % args` for strings: the numeric core's `PercentFormat` parses and formats each conversion; this file
/// supplies the values (consuming a tuple's items in turn, or a mapping's keys) and the runtime-only errors, in
/// CPython's order.
extension Runtime {
    public func percentFormat(_ format: Ref, _ args: Ref) throws(PyException) -> Ref {
        let isTuple = args.typeID == L.tuple.id
        let isMapping = !isTuple && args.typeID != L.str.id &&
            (args.typeID == L.dict.id || !userMethod(args, "__getitem__").isNull)
        let positional: [Ref] = isTuple ? items(args) : [args]
        var index = 0
        var usedMapping = false
        func next() throws(PyException) -> Ref {
            guard index < positional.count else { throw typeError("not enough arguments for format string") }
            index += 1
            return positional[index - 1]
        }
        func starValue() throws(PyException) -> BigInt {
            let v = try next()
            guard isInt(v) else { throw typeError("* wants int") }
            return bigValue(v)
        }
        let pieces = try numeric { () throws(NumberError) in try PercentFormat.parse(string(format), deferErrors: true) }
        var out = ""
        for piece in pieces {
            switch piece {
            case .literal(let s):
                out += s
            case .malformed(let e):
                throw pyException(e)
            case .conversion(var c):
                var value = Ref.null
                if let key = c.key {
                    guard isMapping else { throw typeError("format requires a mapping") }
                    value = try getItem(args, newStr(key))
                    usedMapping = true
                }
                if c.widthFromArgument {
                    let w = try starValue()
                    c = try numeric { () throws(NumberError) in try c.resolvingStars(width: w, precision: nil) }
                }
                if c.precisionFromArgument {
                    let p = try starValue()
                    c = try numeric { () throws(NumberError) in try c.resolvingStars(width: nil, precision: p) }
                }
                if value.isNull { value = try next() }
                let kind = try numeric { () throws(NumberError) in try PercentFormat.requiredKind(for: c) }
                let argument = try percentArgument(value, kind, c)
                out += try numeric { () throws(NumberError) in try PercentFormat.format(c, argument) }
            }
        }
        if !usedMapping && isTuple && index < positional.count {
            throw typeError("not all arguments converted during string formatting")
        }
        if !usedMapping && !isTuple && index == 0 && !isMapping {
            throw typeError("not all arguments converted during string formatting")
        }
        return newStr(out)
    }

    /// Converts one argument to what its conversion wants (`%s` → str(), `%d` → an int, `%f` → a float, ...).
    private func percentArgument(_ v: Ref, _ kind: PercentFormat.ArgumentKind, _ c: PercentFormat.Conversion) throws(PyException) -> PercentArg {
        let mismatch = { () -> PyException in
            if let e = try? PercentFormat.mismatchError(for: c, typeName: self.typeName(v)) { return self.pyException(e) }
            return self.typeError("unsupported format character")
        }
        switch kind {
        case .string: return .str(try str(v))
        case .repr: return .str(try repr(v))
        case .ascii: return .str(asciiRepr(try repr(v)))
        case .integer:
            guard isInt(v) else { throw mismatch() }
            return .int(bigValue(v))
        case .realToInteger:
            if isInt(v) { return .int(bigValue(v)) }
            if v.typeID == L.float.id {
                let d = v.float(L.floatval)
                return .int(try numeric { () throws(NumberError) in try pyTrunc(d) })
            }
            throw mismatch()
        case .real:
            if v.typeID == L.float.id { return .float(v.float(L.floatval)) }
            if isInt(v) {
                let b = bigValue(v)
                return .float(try numeric { () throws(NumberError) in try pyIntToDouble(b) })
            }
            throw mismatch()
        case .character:
            if isInt(v) { return .int(bigValue(v)) }
            if v.typeID == L.str.id { return .str(string(v)) }
            throw mismatch()
        }
    }

    /// `ascii()`: a repr with every non-ASCII code point escaped.
    public func asciiRepr(_ repr: String) -> String {
        var out = ""
        for scalar in repr.unicodeScalars {
            if scalar.isASCII { out.unicodeScalars.append(scalar) } else { out += Self.escapeCodePoint(scalar.value) }
        }
        return out
    }
}
