import Meta

/// Methods of `dict`; `keys()`, `values()` and `items()` return live views (W_Iterator of a view kind).
extension Runtime {
    func installDictMethods() {
        let dict = types.dict
        defineTypedMethod(dict, "get") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "get")
            try args.check("get", min: 1, max: 2, rt)
            let v = try rt.dictGet(me, args[0])
            return v.isNull ? (args.count == 2 ? args[1] : rt.none) : v
        }
        for (name, kind) in [("keys", IteratorKind.keysView), ("values", .valuesView), ("items", .itemsView)] {
            defineTypedMethod(dict, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 0, max: 0, rt)
                return rt.newIterator(kind, a: me)
            }
        }
        defineTypedMethod(dict, "pop") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "pop")
            try args.check("pop", min: 1, max: 2, rt)
            let v = try rt.dictDelete(me, args[0])
            if !v.isNull { return v }
            if args.count == 2 { return args[1] }
            throw rt.keyError(args[0])
        }
        defineTypedMethod(dict, "setdefault") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "setdefault")
            try args.check("setdefault", min: 1, max: 2, rt)
            let v = try rt.dictGet(me, args[0])
            if !v.isNull { return v }
            let dflt = args.count == 2 ? args[1] : rt.none
            try rt.dictSet(me, args[0], dflt)
            return dflt
        }
        defineTypedMethod(dict, "update") { rt, me, args throws(PyException) in
            guard args.count <= 1 else { throw rt.typeError("update expected at most 1 argument, got \(args.count)") }
            try rt.dictUpdate(me, args.count == 1 ? args[0] : .null, args)
            return rt.none
        }
        // dict and set share their storage, so one copy and one clear serve both.
        for table in [dict, types.set] {
            defineTypedMethod(table, "copy") { rt, me, args throws(PyException) in
                try args.check("copy", min: 0, max: 0, rt)
                return rt.dictCopy(me)
            }
            defineTypedMethod(table, "clear") { rt, me, args throws(PyException) in
                try args.check("clear", min: 0, max: 0, rt)
                rt.dictClear(me)
                return rt.none
            }
        }
        defineTypedMethod(dict, "popitem") { rt, me, args throws(PyException) in
            try args.check("popitem", min: 0, max: 0, rt)
            var i = rt.dictFilled(me) - 1
            while i >= 0 && rt.dictKey(me, at: i).isNull { i -= 1 }
            guard i >= 0 else { throw rt.keyError(rt.newStr("popitem(): dictionary is empty")) }
            let k = rt.dictKey(me, at: i), v = rt.dictValue(me, at: i)
            let pair = rt.newTuple([k, v])
            try rt.dictDelete(me, k)
            return pair
        }
        // A class method: works the same called on `dict` or on an instance.
        defineMethod(dict, "fromkeys") { rt, _, args throws(PyException) in
            try args.noKeywords(rt, "fromkeys")
            try args.check("fromkeys", min: 1, max: 2, rt)
            let value = args.count == 2 ? args[1] : rt.none
            let d = rt.newDict()
            try rt.rooting(d) { () throws(PyException) in
                try rt.forEach(args[0]) { k throws(PyException) in try rt.dictSet(d, k, value) }
            }
            return d
        }
    }

    /// The dict behind a dict view.
    @inline(__always) func viewDict(_ view: Ref) -> Ref { view.ref(L.iterA) }
}
