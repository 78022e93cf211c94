import Meta

/// `str.format` / `str.format_map`: replacement fields `{[name][.attr|[key]]*[!conv][:spec]}` with automatic
/// or manual numbering, keyword fields, nested fields inside the spec, and `{{`/`}}` escapes.
extension Runtime {
    public func strFormat(_ format: String, _ args: Arguments, mapping: Ref = .null) throws(PyException) -> String {
        var autoIndex = 0
        // nil: not decided yet; true: automatic numbering; false: manual.
        var automatic: Bool? = nil
        return try expandFields(Array(format.unicodeScalars), args, mapping, &autoIndex, &automatic, depth: 2)
    }

    private func expandFields(_ c: [Unicode.Scalar], _ args: Arguments, _ mapping: Ref, _ autoIndex: inout Int,
                              _ automatic: inout Bool?, depth: Int) throws(PyException) -> String {
        if depth < 0 { throw valueError("Max string recursion exceeded") }
        var out = String.UnicodeScalarView()
        var i = 0
        while i < c.count {
            let ch = c[i]
            if ch == "}" {
                guard i + 1 < c.count && c[i + 1] == "}" else { throw valueError("Single '}' encountered in format string") }
                out.append("}"); i += 2; continue
            }
            if ch != "{" { out.append(ch); i += 1; continue }
            if i + 1 < c.count && c[i + 1] == "{" { out.append("{"); i += 2; continue }
            if i + 1 >= c.count { throw valueError("Single '{' encountered in format string") }
            // Find the field's end by brace counting (the spec may hold nested fields).
            var depthCount = 1
            var j = i + 1
            while j < c.count {
                if c[j] == "{" {
                    depthCount += 1
                } else if c[j] == "}" {
                    depthCount -= 1
                    if depthCount == 0 { break }
                }
                j += 1
            }
            guard j < c.count else { throw valueError("expected '}' before end of string") }
            let field = Array(c[(i + 1)..<j])
            i = j + 1
            // Split the field into name, conversion and spec.
            var k = 0
            while k < field.count && field[k] != "!" && field[k] != ":" {
                if field[k] == "{" { throw valueError("unexpected '{' in field name") }
                if field[k] == "[" {
                    while k < field.count && field[k] != "]" { k += 1 }
                    if k == field.count { break }
                }
                k += 1
            }
            let name = Array(field[0..<min(k, field.count)])
            var conversion: Unicode.Scalar? = nil
            if k < field.count && field[k] == "!" {
                guard k + 1 < field.count else { throw valueError("end of string while looking for conversion specifier") }
                conversion = field[k + 1]
                k += 2
                if k < field.count && field[k] != ":" { throw valueError("expected ':' after conversion specifier") }
            }
            // The field's own argument is numbered before the nested fields of its spec (as CPython does).
            let value = try resolveField(name, args, mapping, &autoIndex, &automatic)
            let specStart = k < field.count && field[k] == ":" ? k + 1 : nil
            let text: String = try rooting(value) { () throws(PyException) in
                let spec = try specStart.map { start throws(PyException) in
                    try expandFields(Array(field[start...]), args, mapping, &autoIndex, &automatic, depth: depth - 1)
                } ?? ""
                var v = value
                switch conversion {
                case nil: break
                case "r": v = newStr(try repr(value))
                case "s": v = newStr(try str(value))
                case "a": v = newStr(asciiRepr(try repr(value)))
                default: throw valueError("Unknown conversion specifier \(String(conversion!))")
                }
                return try rooting(v) { () throws(PyException) in try formatValue(v, spec: spec) }
            }
            out.append(contentsOf: text.unicodeScalars)
        }
        return String(out)
    }

    /// The object a field name designates: an argument by number (or the next one), a keyword argument, then
    /// `.attribute` and `[key]` accessors.
    private func resolveField(_ name: [Unicode.Scalar], _ args: Arguments, _ mapping: Ref, _ autoIndex: inout Int,
                              _ automatic: inout Bool?) throws(PyException) -> Ref {
        var k = 0
        while k < name.count && name[k] != "." && name[k] != "[" { k += 1 }
        let first = String(String.UnicodeScalarView(name[0..<k]))
        var value: Ref
        if first.isEmpty || first.unicodeScalars.allSatisfy({ $0.value >= 48 && $0.value <= 57 }) {
            let index: Int
            if first.isEmpty {
                if automatic == false { throw valueError("cannot switch from manual field specification to automatic field numbering") }
                automatic = true
                index = autoIndex
                autoIndex += 1
            } else {
                if automatic == true { throw valueError("cannot switch from automatic field numbering to manual field specification") }
                automatic = false
                guard let n = Int(first) else { throw valueError("Too many decimal digits in format string") }
                index = n
            }
            guard index < args.count else {
                throw indexError("Replacement index \(index) out of range for positional args tuple")
            }
            value = args[index]
        } else if !mapping.isNull {
            value = try getItem(mapping, newStr(first))
        } else {
            guard let v = args.keyword(first, self) else { throw keyError(newStr(first)) }
            value = v
        }
        // Accessors; each intermediate object is rooted while the next runs guest code.
        let base = tempRoots.count
        tempRoots.append(value)
        defer { tempRoots.removeSubrange(base...) }
        while k < name.count {
            if name[k] == "." {
                var e = k + 1
                while e < name.count && name[e] != "." && name[e] != "[" { e += 1 }
                let attr = String(String.UnicodeScalarView(name[(k + 1)..<e]))
                if attr.isEmpty { throw valueError("Empty attribute in format string") }
                value = try getAttr(value, intern(attr))
                k = e
            } else if name[k] == "[" {
                var e = k + 1
                while e < name.count && name[e] != "]" { e += 1 }
                guard e < name.count else { throw valueError("Missing ']' in format string") }
                let keyText = String(String.UnicodeScalarView(name[(k + 1)..<e]))
                if keyText.isEmpty { throw valueError("Empty attribute in format string") }
                let key = Int(keyText).map { newInt($0) } ?? newStr(keyText)
                value = try rooting(key) { () throws(PyException) in try getItem(value, key) }
                k = e + 1
                if k < name.count && name[k] != "." && name[k] != "[" {
                    throw valueError("Only '.' or '[' may follow ']' in format field specifier")
                }
            } else {
                throw valueError("Only '.' or '[' may follow ']' in format field specifier")
            }
            tempRoots[base] = value
        }
        return value
    }
}
