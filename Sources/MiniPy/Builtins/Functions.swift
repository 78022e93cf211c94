import Meta
import BigInt

/// The general built-in functions: I/O, introspection, attribute access, conversions to text, iteration.
extension Runtime {
    func installCoreFunctions(_ d: Ref) {
        defineFunction(in: d, "print") { rt, _, args throws(PyException) in
            var sep = " ", end = "\n"
            var file: Ref = .null
            for (i, name) in args.keywordList(rt).enumerated() {
                let v = args.keywordValues[i]
                switch name {
                case "sep", "end":
                    if v == rt.none { continue }
                    guard v.typeID == rt.L.str.id else { throw rt.typeError("\(name) must be None or a string, not \(rt.typeName(v))") }
                    if name == "sep" { sep = rt.string(v) } else { end = rt.string(v) }
                case "file": if v != rt.none { file = v }
                case "flush": break
                default: throw rt.typeError("print() got an unexpected keyword argument '\(name)'")
                }
            }
            var text = ""
            for i in 0..<args.count {
                if i > 0 { text += sep }
                text += try rt.str(args[i])
            }
            text += end
            if file.isNull {
                rt.stdout.write(text)
            } else {
                _ = try rt.call(try rt.getAttr(file, rt.intern("write")), [rt.newStr(text)])
            }
            return rt.none
        }
        defineFunction(in: d, "len") { rt, _, args throws(PyException) in
            try args.check("len", min: 1, max: 1, rt)
            let x = args[0]
            if x.typeID == rt.L.iterator.id && !rt.iteratorKind(x).isView {
                throw rt.typeError("object of type '\(rt.iteratorKind(x).typeName)' has no len()")
            }
            return rt.newInt(try rt.lengthOf(x))
        }
        defineFunction(in: d, "repr") { rt, _, args throws(PyException) in
            try args.check("repr", min: 1, max: 1, rt)
            return rt.newStr(try rt.repr(args[0]))
        }
        defineFunction(in: d, "ascii") { rt, _, args throws(PyException) in
            try args.check("ascii", min: 1, max: 1, rt)
            return rt.newStr(rt.asciiRepr(try rt.repr(args[0])))
        }
        defineFunction(in: d, "format") { rt, _, args throws(PyException) in
            try args.check("format", min: 1, max: 2, rt)
            let spec = args.count > 1 ? try rt.strArgument(args[1], "format() argument 2") : ""
            return rt.newStr(try rt.formatValue(args[0], spec: spec))
        }
        defineFunction(in: d, "ord") { rt, _, args throws(PyException) in
            try args.check("ord", min: 1, max: 1, rt)
            let x = args[0]
            guard x.typeID == rt.L.str.id else { throw rt.typeError("ord() expected string of length 1, but \(rt.typeName(x)) found") }
            guard rt.strLength(x) == 1 else { throw rt.typeError("ord() expected a character, but string of length \(rt.strLength(x)) found") }
            return rt.newInt(Int(rt.string(x).unicodeScalars.first!.value))
        }
        defineFunction(in: d, "chr") { rt, _, args throws(PyException) in
            try args.check("chr", min: 1, max: 1, rt)
            let v = try rt.indexArgument(args[0])
            guard v >= 0 && v < 0x110000 else { throw rt.valueError("chr() arg not in range(0x110000)") }
            if v < 128 { return rt.asciiChar(UInt8(v)) }
            // Lone surrogates cannot be Swift strings; they print as their escape.
            guard let scalar = Unicode.Scalar(UInt32(v)) else { return rt.newStr(Self.escapeCodePoint(UInt32(v))) }
            return rt.newStr(String(Character(scalar)))
        }
        defineFunction(in: d, "hash") { rt, _, args throws(PyException) in
            try args.check("hash", min: 1, max: 1, rt)
            return rt.newInt(try rt.hashOf(args[0]))
        }
        defineFunction(in: d, "id") { rt, _, args throws(PyException) in
            try args.check("id", min: 1, max: 1, rt)
            return rt.newInt(Int(bitPattern: args[0].bits))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                let v = try rt.bigIndexArgument(args[0])
                return rt.newStr((v < 0 ? "-" : "") + prefix + String(v.magnitude, radix: radix))
            }
        }
        defineFunction(in: d, "callable") { rt, _, args throws(PyException) in
            try args.check("callable", min: 1, max: 1, rt)
            return rt.bool(rt.isCallable(args[0]))
        }
        defineFunction(in: d, "isinstance") { rt, _, args throws(PyException) in
            try args.check("isinstance", min: 2, max: 2, rt)
            return rt.bool(try rt.matchesClassInfo(rt.typeOf(args[0]), args[1], "isinstance() arg 2"))
        }
        defineFunction(in: d, "issubclass") { rt, _, args throws(PyException) in
            try args.check("issubclass", min: 2, max: 2, rt)
            guard args[0].typeID == rt.L.type.id else { throw rt.typeError("issubclass() arg 1 must be a class") }
            return rt.bool(try rt.matchesClassInfo(args[0], args[1], "issubclass() arg 2"))
        }
        installAttributeFunctions(d)
        installIterationFunctions(d)
        defineFunction(in: d, "__import__") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "__import__", ["name", "globals", "locals", "fromlist", "level"], required: 1)
            let name = try rt.strArgument(slots[0]!, "__import__() argument 1")
            let module = try rt.importModule(name)
            let fromlist = slots[3] ?? rt.none
            if let dot = name.firstIndex(of: "."), try !rt.isTrue(fromlist) {
                return try rt.importModule(String(name[..<dot]))
            }
            return module
        }
    }

    /// Whether `x` can be called.
    public func isCallable(_ x: Ref) -> Bool {
        let id = x.typeID
        if id == L.function.id || id == L.builtin.id || id == L.method.id || id == L.type.id { return true }
        if id == L.instance.id { return !userMethod(x, "__call__").isNull }
        return false
    }

    /// Whether `type` is a subclass of `info` (a type or a tuple of them, nested), as isinstance/issubclass test.
    func matchesClassInfo(_ type: Ref, _ info: Ref, _ what: String) throws(PyException) -> Bool {
        if info.typeID == L.type.id { return isSubtype(type, info) }
        if info.typeID == L.tuple.id {
            for t in items(info) where try matchesClassInfo(type, t, what) { return true }
            return false
        }
        throw typeError("\(what) must be a type, a tuple of types, or a union")
    }

    private func installAttributeFunctions(_ d: Ref) {
        func name(_ rt: Runtime, _ x: Ref) throws(PyException) -> Ref {
            guard x.typeID == rt.L.str.id else { throw rt.typeError("attribute name must be string, not '\(rt.typeName(x))'") }
            return x
        }
        defineFunction(in: d, "getattr") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "getattr")
            if args.count < 2 || args.count > 3 { throw rt.typeError("getattr expected at least 2 arguments, got \(args.count)") }
            let attr = try name(rt, args[1])
            do throws(PyException) {
                return try rt.getAttr(args[0], attr)
            } catch {
                if args.count == 3 && rt.isInstance(error.value, rt.exceptions.AttributeError) { return args[2] }
                throw error
            }
        }
        defineFunction(in: d, "hasattr") { rt, _, args throws(PyException) in
            try args.check("hasattr", min: 2, max: 2, rt)
            let attr = try name(rt, args[1])
            do throws(PyException) {
                _ = try rt.getAttr(args[0], attr)
                return rt.trueObject
            } catch {
                if rt.isInstance(error.value, rt.exceptions.AttributeError) { return rt.falseObject }
                throw error
            }
        }
        defineFunction(in: d, "setattr") { rt, _, args throws(PyException) in
            try args.check("setattr", min: 3, max: 3, rt)
            try rt.setAttr(args[0], try name(rt, args[1]), args[2])
            return rt.none
        }
        defineFunction(in: d, "delattr") { rt, _, args throws(PyException) in
            try args.check("delattr", min: 2, max: 2, rt)
            try rt.delAttr(args[0], try name(rt, args[1]))
            return rt.none
        }
    }

    private func installIterationFunctions(_ d: Ref) {
        defineFunction(in: d, "iter") { rt, _, args throws(PyException) in
            try args.check("iter", min: 1, max: 2, rt)
            if args.count == 2 {
                guard rt.isCallable(args[0]) else { throw rt.typeError("iter(v, w): v must be callable") }
                return rt.newIterator(.callable, a: args[0], b: args[1])
            }
            return try rt.getIter(args[0])
        }
        defineFunction(in: d, "next") { rt, _, args throws(PyException) in
            try args.check("next", min: 1, max: 2, rt)
            let it = args[0]
            let isIterator = it.typeID == rt.L.iterator.id ? !rt.iteratorKind(it).isView : !rt.userMethod(it, "__next__").isNull
            guard isIterator else {
                let name = it.typeID == rt.L.iterator.id ? rt.iteratorKind(it).typeName : rt.typeName(it)
                throw rt.typeError("'\(name)' object is not an iterator")
            }
            let v = try rt.next(it)
            if !v.isNull { return v }
            if args.count == 2 { return args[1] }
            throw PyException(rt.newException(rt.exceptions.StopIteration, message: nil))
        }
        defineFunction(in: d, "enumerate") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "enumerate", ["iterable", "start"], required: 1)
            let start = try slots[1].map { v throws(PyException) in try rt.indexArgument(v) } ?? 0
            return rt.newIterator(.enumerate, a: try rt.getIter(slots[0]!), index: start)
        }
        defineFunction(in: d, "zip") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "zip")
            return rt.newIterator(.zip, a: try rt.iteratorTuple(args, from: 0, "zip"))
        }
        defineFunction(in: d, "map") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "map")
            guard args.count >= 2 else { throw rt.typeError("map() must have at least two arguments.") }
            return rt.newIterator(.map, a: args[0], b: try rt.iteratorTuple(args, from: 1, "map"))
        }
        defineFunction(in: d, "filter") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "filter")
            try args.check("filter", min: 2, max: 2, rt)
            return rt.newIterator(.filter, a: args[0], b: try rt.getIter(args[1]))
        }
        defineFunction(in: d, "reversed") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "reversed")
            try args.check("reversed", min: 1, max: 1, rt)
            return try rt.reversedIterator(args[0])
        }
    }

    /// A tuple of iterators over `args[from...]` (each iterator is kept in the tuple while the next is made).
    private func iteratorTuple(_ args: Arguments, from start: Int, _ function: String) throws(PyException) -> Ref {
        let n = args.count - start
        let t = newTupleUninitialized(n)
        for k in 0..<n { t.refTail(L.tuple)[k] = none }
        try rooting(t) { () throws(PyException) in
            for k in 0..<n {
                do throws(PyException) {
                    t.refTail(L.tuple)[k] = try getIter(args[start + k])
                } catch {
                    if function != "zip" || !isInstance(error.value, exceptions.TypeError) { throw error }
                    throw typeError("zip argument #\(k + 1) must support iteration")
                }
            }
        }
        return t
    }

    /// `reversed(x)`: lists and tuples iterate in place backwards, ranges reverse arithmetically, other
    /// sequences (str, dict, objects with `__len__` and `__getitem__`) through a snapshot; `__reversed__` wins.
    public func reversedIterator(_ x: Ref) throws(PyException) -> Ref {
        let id = x.typeID
        if id == L.list.id || id == L.tuple.id { return newIterator(.reversed, a: x, index: sequenceItems(x).count - 1) }
        if id == L.range.id {
            let n = rangeLength(x), start = x.int(L.rangeStart), step = x.int(L.rangeStep)
            let last = start + (n - 1) * step
            return newIterator(.range, a: .null, index: n == 0 ? start : last, end: n == 0 ? start : start - step, b: newInt(-step))
        }
        let m = userMethod(x, "__reversed__")
        if !m.isNull { return try callMethod(m, x, []) }
        let reversible = id == L.str.id || id == L.dict.id ||
            (id == L.iterator.id && iteratorKind(x).isView) ||
            (!userMethod(x, "__len__").isNull && !userMethod(x, "__getitem__").isNull)
        guard reversible else { throw typeError("'\(typeName(x))' object is not reversible") }
        let snapshot = newTuple(try collect(x))
        return newIterator(.reversed, a: snapshot, index: sequenceItems(snapshot).count - 1)
    }
}
