import Meta

/// What a debugger needs to see of a running program without running guest code: frames' variables and value
/// stacks, address-free descriptions of values, and evaluation of an expression in a frame's namespace.
extension Runtime {
    /// The variables of `frame` that hold a value: fast locals, then cell and free variables (their contents). For
    /// module and class bodies, the names in its namespace dict (without dunder names).
    public func frameLocals(_ frame: Frame) -> [(name: String, value: Ref)] {
        let code = frame.code
        if code.flags.contains(.usesLocalsDict) && !frame.localsDict.isNull {
            return dictItems(frame.localsDict).compactMap { item in
                guard item.key.typeID == L.str.id else { return nil }
                let name = string(item.key)
                return name.hasPrefix("__") && name.hasSuffix("__") ? nil : (name, item.value)
            }
        }
        var result: [(name: String, value: Ref)] = []
        for (i, name) in code.varnames.enumerated() where !frame.base[i].isNull { result.append((name, frame.base[i])) }
        for (j, name) in (code.cellvars + code.freevars).enumerated() {
            let cell = frame.base[code.varnames.count + j]
            if !cell.isNull && !cell.ref(L.cellContents).isNull { result.append((name, cell.ref(L.cellContents))) }
        }
        return result
    }

    /// The values on `frame`'s value stack below `top`, bottom first.
    public func frameStack(_ frame: Frame, top: UnsafeMutablePointer<Ref>) -> [Ref] {
        guard top > frame.stackBase else { return [] }
        return Array(UnsafeBufferPointer(start: frame.stackBase, count: top - frame.stackBase))
    }

    /// A short description of `value` that runs no guest code and shows no address: reprs of numbers, strings and
    /// None, containers item by item (at most `limit` items), `<function f>`, `<class 'C'>`, `<C object>`.
    public func describe(_ value: Ref, limit: Int = 8) -> String {
        if value.isNull { return "<null>" }
        let id = value.typeID
        // A reference kept by an observer across a collection may point at a freed cell.
        guard id != 0 && Int(id) < registry.descriptors.count else { return "<freed object>" }
        if isInt(value) || id == L.float.id || id == L.none.id || id == L.str.id {
            let text = (try? repr(value)) ?? "<\(typeName(value)) object>"
            return text.count > 60 ? String(text.prefix(57)) + "..." : text
        }
        func items(_ refs: [Ref], _ open: String, _ close: String) -> String {
            let shown = refs.prefix(limit).map { describe($0, limit: max(1, limit / 2)) }
            return open + shown.joined(separator: ", ") + (refs.count > limit ? ", ..." : "") + close
        }
        if id == L.list.id { return items(Array(sequenceItems(value)), "[", "]") }
        if id == L.tuple.id {
            let refs = Array(sequenceItems(value))
            return refs.count == 1 ? "(\(describe(refs[0], limit: limit)),)" : items(refs, "(", ")")
        }
        if id == L.dict.id {
            let pairs = dictItems(value)
            let shown = pairs.prefix(limit).map { "\(describe($0.key, limit: 2)): \(describe($0.value, limit: 2))" }
            return "{" + shown.joined(separator: ", ") + (pairs.count > limit ? ", ..." : "") + "}"
        }
        if id == L.function.id { return "<function \(string(value.ref(L.funcQualname)))>" }
        if id == L.type.id { return "<class '\(nameOfType(value))'>" }
        if id == L.code.id { return "<code object \(codeObject(ofCodeRef: value).name)>" }
        if id == L.map.id { return "<\(mapName(value))>" }
        return "<\(typeName(value)) object>"
    }

    /// Evaluates `expression` (compiled by `compileExpression`) with `frame`'s variables and globals visible;
    /// the value stack above `stackTop` is free for it.
    public func evaluate(_ expression: CodeObject, in frame: Frame, stackTop: UnsafeMutablePointer<Ref>) throws(PyException) -> Ref {
        let namespace: Ref
        if frame.code.flags.contains(.usesLocalsDict) && !frame.localsDict.isNull {
            namespace = frame.localsDict
        } else {
            namespace = newDict()
            for (name, value) in frameLocals(frame) { dictSetStr(namespace, intern(name), value) }
        }
        let saved = frames.top
        frames.top = max(stackTop, saved)
        tempRoots.append(namespace)
        defer {
            tempRoots.removeLast()
            frames.top = saved
        }
        return try runCode(expression, globals: frame.globals, localsDict: namespace)
    }

    /// How an uncaught exception ends a program: `SystemExit`'s status (and the message it prints, if any), or
    /// status 1 and the CPython-style traceback.
    public func uncaughtOutcome(_ exc: Ref) -> (status: Int32, report: String) {
        if isInstance(exc, exceptions.SystemExit) {
            let args = sequenceItems(exceptionArgs(exc))
            guard let code = args.first, code != none else { return (0, "") }
            if let n = smallInt(code) { return (Int32(truncatingIfNeeded: n), "") }
            return (1, ((try? str(code)) ?? "") + "\n")
        }
        return (1, formatUncaught(exc))
    }
}
