import Meta

/// Installs the `builtins` namespace and the methods of the built-in types.
extension Runtime {
    /// Fills `builtinsDict` with every built-in function, type and constant, and defines the methods of the
    /// built-in types. Call once, after `init`.
    public func installBuiltins() {
        let d = builtinsDict
        installCoreFunctions(d)
        installNumericFunctions(d)
        installAggregateFunctions(d)
        let t = types!
        let typeNames: [(String, Ref)] = [
            ("object", t.object), ("type", t.type), ("int", t.int), ("bool", t.bool), ("float", t.float),
            ("str", t.str), ("list", t.list), ("tuple", t.tuple), ("dict", t.dict), ("set", t.set),
            ("range", t.range), ("slice", t.slice), ("staticmethod", t.staticmethod),
            ("classmethod", t.classmethod), ("property", t.property),
        ]
        for (name, type) in typeNames { dictSetStr(d, intern(name), type) }
        for (name, type) in exceptions.all { dictSetStr(d, intern(name), type) }
        dictSetStr(d, intern("None"), none)
        dictSetStr(d, intern("True"), trueObject)
        dictSetStr(d, intern("False"), falseObject)
        dictSetStr(d, intern("NotImplemented"), notImplemented)
        dictSetStr(d, intern("Ellipsis"), ellipsis)
        installListMethods()
        installStrMethods()
        installDictMethods()
        installSetMethods()
        installNumberMethods()
    }

    /// `int.bit_length`, `float.is_integer` and the other number methods.
    private func installNumberMethods() {
        let t = types!
        defineTypedMethod(t.int, "bit_length") { rt, me, args throws(PyException) in
            try args.check("bit_length", min: 0, max: 0, rt)
            return rt.newInt(rt.bigValue(me).magnitude.bitWidth)
        }
        defineTypedMethod(t.int, "conjugate") { rt, me, args throws(PyException) in
            try args.check("conjugate", min: 0, max: 0, rt)
            return try rt.toInt(me)
        }
        defineTypedMethod(t.float, "is_integer") { rt, me, args throws(PyException) in
            try args.check("is_integer", min: 0, max: 0, rt)
            let v = me.float(rt.L.floatval)
            return rt.bool(v.isFinite && v == v.rounded(.towardZero))
        }
        defineTypedMethod(t.float, "conjugate") { rt, me, args throws(PyException) in
            try args.check("conjugate", min: 0, max: 0, rt)
            return me
        }
    }
}
