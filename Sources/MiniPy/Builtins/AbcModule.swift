import Meta

/// Flags this library sets in W_Type.flags on its own classes.
extension TypeFlag {
    /// `abc.ABC`: classes deriving from it refuse instantiation while abstract methods remain.
    public static let abcBase = 1 << 8
    /// `enum.Enum`: classes deriving from it get their members made by `finishEnumClass`.
    public static let enumBase = 1 << 9
}

/// The `abc` module: `ABC` and `abstractmethod`. Functions have no attribute dict, so `abstractmethod` records
/// the functions it marks in a guest set held by the ABC class (under `__abstract_registry__`) — the GC sees it.
extension Runtime {
    public func makeModule_abc() throws(PyException) -> Ref {
        let (m, d) = newBuiltinModule("abc")
        let abc = newType(name: "ABC", base: types.object, layout: L.instance, flags: TypeFlag.abcBase, module: "abc")
        let registry = newSet()
        dictSetStr(abc.ref(L.typeDict), intern("__abstract_registry__"), registry)
        classesChanged()
        dictSetStr(d, intern("ABC"), abc)
        // `abstractmethod` is bound to the registry: it arrives as the built-in's receiver.
        let mark = newBuiltin("abstractmethod") { rt, registry, args throws(PyException) in
            try args.check("abstractmethod", min: 1, max: 1, rt)
            let f = args[0]
            let target = f.typeID == rt.L.wrapper.id ? f.ref(rt.L.wrapperFunction) : f
            try rt.setAdd(registry, target)
            return f
        }
        dictSetStr(d, intern("abstractmethod"), bindBuiltin(mark, registry))
        return m
    }

    /// The names of the abstract methods `cls` still has (sorted), or [] if it does not derive from `abc.ABC`.
    public func abstractMethodNames(of cls: Ref) -> [String] {
        // The topmost flagged class is abc.ABC itself (robust to subclasses inheriting the flag).
        var abc = Ref.null
        var t = cls
        while !t.isNull {
            if t.int(L.typeFlags) & TypeFlag.abcBase != 0 { abc = t }
            t = t.ref(L.typeBase)
        }
        guard !abc.isNull else { return [] }
        let registry = dictGetStr(abc.ref(L.typeDict), intern("__abstract_registry__"))
        guard !registry.isNull else { return [] }
        let marked = Set(dictItems(registry).map(\.key))
        var names = Set<String>()
        t = cls
        while !t.isNull && t != abc {
            for (k, _) in dictItems(t.ref(L.typeDict)) where k.typeID == L.str.id {
                var v = lookupInType(cls, k)
                if v.typeID == L.wrapper.id { v = v.ref(L.wrapperFunction) }
                if marked.contains(v) { names.insert(string(k)) }
            }
            t = t.ref(L.typeBase)
        }
        return names.sorted()
    }

    /// Raises CPython 3.11's TypeError if `cls` still has abstract methods (the interpreter calls this before
    /// instantiating a class).
    public func checkInstantiable(_ cls: Ref) throws(PyException) {
        let names = abstractMethodNames(of: cls)
        if names.isEmpty { return }
        throw typeError("Can't instantiate abstract class \(nameOfType(cls)) with abstract method\(names.count == 1 ? "" : "s") \(names.joined(separator: ", "))")
    }
}
