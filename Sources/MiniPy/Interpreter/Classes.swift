import Meta

/// Classes: `__build_class__` (running the class body into a namespace and making the type), instantiation, and
/// `super()`.
extension Runtime {
    /// The `__build_class__` built-in that LOAD_BUILD_CLASS pushes.
    var buildClassFunction: Ref {
        if buildClassCache.isNull {
            buildClassCache = newBuiltin("__build_class__") { rt, _, args throws(PyException) in
                try rt.buildClass(args)
            }
            tempRootsPermanent.append(buildClassCache)
        }
        return buildClassCache
    }

    private func buildClass(_ args: Arguments) throws(PyException) -> Ref {
        guard args.count >= 2, args[0].typeID == L.function.id, args[1].typeID == L.str.id else {
            throw typeError("__build_class__: not enough arguments")
        }
        if args.hasKeywords { throw typeError("MiniPy: class keywords (metaclass=...) are not supported") }
        let body = args[0]
        let name = string(args[1])
        if args.count > 3 { throw typeError("MiniPy: multiple inheritance is not supported (class \(name))") }
        let base = args.count == 3 ? args[2] : types.object
        guard base.typeID == L.type.id else { throw typeError("bases must be types") }
        let flags = base.int(L.typeFlags)
        if flags & TypeFlag.builtin != 0 && flags & TypeFlag.exception == 0 && base != types.object
            && !isUserSubclassable(base) {
            throw typeError("MiniPy: subclassing the built-in type '\(nameOfType(base))' is not supported")
        }
        let globals = body.ref(L.funcGlobals)
        let namespace = newDict()
        tempRoots.append(namespace)
        defer { tempRoots.removeLast() }
        let moduleName = dictGetStr(globals, intern("__name__"))
        dictSetStr(namespace, intern("__module__"), moduleName.isNull ? intern("__main__") : moduleName)
        dictSetStr(namespace, intern("__qualname__"), body.ref(L.funcQualname))
        let info = codeInfo(ofFunction: body)
        let classCell = try runCode(info.code, globals: globals, localsDict: namespace, closure: body.ref(L.funcClosure))
        let cls = newType(name: name, base: base, layout: L.instance, flags: flags & TypeFlag.exception,
                          module: moduleName.isNull ? "__main__" : string(moduleName))
        cls.set(L.typeDict, namespace)
        for (_, v) in dictItems(namespace) {
            if v.typeID == L.function.id { v.set(L.funcOwner, cls) }
            if v.typeID == L.wrapper.id && v.ref(L.wrapperFunction).typeID == L.function.id {
                v.ref(L.wrapperFunction).set(L.funcOwner, cls)
            }
        }
        // A body whose methods use `super()`/`__class__` returns the `__class__` cell: it now holds the class.
        if classCell.typeID == L.cell.id { classCell.set(L.cellContents, cls) }
        _ = try? dictDelete(namespace, intern("__classcell__"))
        classesChanged()
        try finishClass(cls)
        classesChanged()
        return cls
    }

    /// Built-in bases a user class may derive from (their instances are plain instances).
    private func isUserSubclassable(_ base: Ref) -> Bool {
        let name = nameOfType(base)
        return string(base.ref(L.typeModule)) != "builtins" || name == "object"
    }

    /// For a call of the class `cls`: makes the instance, and returns it with its `__init__` function when that is a
    /// guest function (the caller pushes its frame); otherwise finishes the call and leaves the result in `slot[0]`.
    func instantiate(_ cls: Ref, _ slot: UnsafeMutablePointer<Ref>, argc: Int, kwnames: Ref) throws(PyException) -> (Ref, Ref)? {
        let nkw = kwnames.isNull ? 0 : kwnames.int(L.tupleLength)
        if cls.int(L.typeFlags) & TypeFlag.builtin != 0 && cls.int(L.typeFlags) & TypeFlag.exception == 0
            && string(cls.ref(L.typeModule)) == "builtins" {
            let args = Arguments(positional: UnsafeBufferPointer(start: slot + 1, count: argc - nkw), keywordNames: kwnames,
                                 keywordValues: UnsafeBufferPointer(start: slot + 1 + argc - nkw, count: nkw))
            if cls == types.superType { slot.pointee = try makeSuper(args); return nil }
            if let r = try constructBuiltin(cls, args) { slot.pointee = r; return nil }
            if cls == types.object {
                slot.pointee = newInstance(cls)
                return nil
            }
            throw typeError("cannot create '\(nameOfType(cls))' instances")
        }
        try checkInstantiable(cls)
        let instance = newInstance(cls)
        let isException = cls.int(L.typeFlags) & TypeFlag.exception != 0
        if isException {
            setOwnAttribute(instance, names.args, newTuple(Array(UnsafeBufferPointer(start: slot + 1, count: argc - nkw))))
        }
        var initFunction = lookupInType(cls, names.__init__)
        if initFunction == lookupInType(types.object, names.__init__) { initFunction = .null }
        if !initFunction.isNull && initFunction.typeID == L.function.id { return (instance, initFunction) }
        if !initFunction.isNull {
            // A built-in or otherwise callable __init__ (e.g. inherited from a built-in base).
            var args = Array(UnsafeBufferPointer(start: slot + 1, count: argc - nkw))
            args.insert(instance, at: 0)
            tempRoots.append(instance)
            defer { tempRoots.removeLast() }
            _ = try call(initFunction, args)
        }
        if !isException && argc > 0 && initFunction.isNull {
            throw typeError("\(nameOfType(cls))() takes no arguments")
        }
        slot.pointee = instance
        return nil
    }

    /// Whether calling `cls` just makes an instance and runs `__init__`: no class on its MRO but `object` is a
    /// built-in, exception, `abc.ABC` or `enum.Enum` class (whose instantiation does more).
    func isPlainClass(_ cls: Ref) -> Bool {
        var t = cls
        while !t.isNull && t != types.object {
            if t.int(L.typeFlags) & (TypeFlag.builtin | TypeFlag.exception | TypeFlag.abcBase | TypeFlag.enumBase) != 0 { return false }
            t = t.ref(L.typeBase)
        }
        return true
    }

    /// `super()` (zero-argument form, from a method) or `super(Class, obj)`.
    private func makeSuper(_ args: Arguments) throws(PyException) -> Ref {
        var cls = Ref.null, obj = Ref.null
        if args.count == 2 {
            cls = args[0]; obj = args[1]
        } else if args.count == 0 {
            let f = frames.current.pointee
            cls = f.function.isNull ? .null : f.function.ref(L.funcOwner)
            if cls.isNull || f.info.takeUnretainedValue().code.argcount == 0 {
                throw error(exceptions.RuntimeError, "super(): no arguments")
            }
            obj = f.base[0]
            if obj.typeID == L.cell.id { obj = obj.ref(L.cellContents) }
        } else {
            throw typeError("super() takes 0 or 2 arguments")
        }
        let s = alloc(L.superProxy)
        s.set(L.superClass, cls)
        s.set(L.superSelf, obj)
        return s
    }

    /// Attribute lookup through a `super()` proxy: the MRO after its class, bound to its object.
    func superAttr(_ s: Ref, _ name: Ref) throws(PyException) -> Ref {
        let cls = s.ref(L.superClass), obj = s.ref(L.superSelf)
        let v = lookupInType(cls.ref(L.typeBase), name)
        if v.isNull {
            throw attributeError("'super' object has no attribute '\(string(name))'")
        }
        if v.typeID == L.function.id { return obj.typeID == L.type.id ? v : newMethod(v, obj) }
        if v.typeID == L.builtin.id { return bindBuiltin(v, obj) }
        if v.typeID == L.wrapper.id {
            switch WrapperKind(rawValue: v.int(L.wrapperKind))! {
            case .staticmethod: return v.ref(L.wrapperFunction)
            case .classmethod: return newMethod(v.ref(L.wrapperFunction), obj.typeID == L.type.id ? obj : typeOf(obj))
            case .property: return try call(v.ref(L.wrapperFunction), [obj])
            }
        }
        return v
    }
}

extension Runtime {
    /// Post-processing of a new class: Enum subclasses get their members made.
    func finishClass(_ cls: Ref) throws(PyException) {
        let enumModule = dictGetStr(modules, intern("enum"))
        guard !enumModule.isNull else { return }
        let enumBase = dictGetStr(enumModule.ref(L.moduleDict), intern("Enum"))
        if !enumBase.isNull && cls != enumBase && isSubtype(cls, enumBase) { try finishEnumClass(cls) }
    }
}
