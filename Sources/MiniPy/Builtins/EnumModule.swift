import Meta

/// The `enum` module: `Enum` (members made from the plain class attributes by `finishEnumClass`, with
/// `name`/`value`, repr `<Color.RED: 1>`, str `Color.RED`, identity comparison) and `auto()`.
extension Runtime {
    public func makeModule_enum() throws(PyException) -> Ref {
        let (m, d) = newBuiltinModule("enum")
        let e = newType(name: "Enum", base: types.object, layout: L.instance, flags: TypeFlag.enumBase, module: "enum")
        dictSetStr(d, intern("Enum"), e)
        defineTypedMethod(e, "__repr__") { rt, me, args throws(PyException) in
            try args.check("__repr__", min: 0, max: 0, rt)
            let value = try rt.repr(rt.enumField(me, "_value_"))
            return rt.newStr("<\(rt.typeName(me)).\(try rt.str(rt.enumField(me, "_name_"))): \(value)>")
        }
        defineTypedMethod(e, "__str__") { rt, me, args throws(PyException) in
            try args.check("__str__", min: 0, max: 0, rt)
            return rt.newStr("\(rt.typeName(me)).\(try rt.str(rt.enumField(me, "_name_")))")
        }
        let auto = newType(name: "auto", base: types.object, layout: L.instance, flags: TypeFlag.builtin, module: "enum")
        dictSetStr(d, intern("_auto_type"), auto)
        defineFunction(in: d, "auto") { rt, _, args throws(PyException) in
            try args.check("auto", min: 0, max: 0, rt)
            return rt.newInstance(auto)
        }
        return m
    }

    /// A member's `_name_`/`_value_` (None for an object that is not a member).
    private func enumField(_ member: Ref, _ name: String) -> Ref {
        let v = member.typeID == L.instance.id ? ownAttribute(member, intern(name)) : Ref.null
        return v.isNull ? none : v
    }

    /// Whether `cls` derives from `enum.Enum` (and is not Enum itself).
    public func isEnumClass(_ cls: Ref) -> Bool {
        // Enum itself has no base with the flag; subclasses do (even if they inherited the flag).
        var t = cls.ref(L.typeBase)
        while !t.isNull {
            if t.int(L.typeFlags) & TypeFlag.enumBase != 0 { return true }
            t = t.ref(L.typeBase)
        }
        return false
    }

    /// Turns the class attributes of a new Enum subclass into members. Attributes that are functions,
    /// descriptors, classes or `_`-prefixed names stay as they are; `auto()` counts up from the last int value;
    /// an attribute whose value equals an earlier member's is an alias of it. The interpreter calls this after
    /// creating any class whose bases include `enum.Enum` (a no-op otherwise).
    public func finishEnumClass(_ cls: Ref) throws(PyException) {
        guard isEnumClass(cls) else { return }
        let dict = cls.ref(L.typeDict)
        let names = newList()
        dictSetStr(dict, intern("_member_names_"), names)
        let memberMap = newDict()
        dictSetStr(dict, intern("_member_map_"), memberMap)
        var lastInt = 0
        for (key, attribute) in dictItems(dict) where key.typeID == L.str.id {
            let name = string(key)
            if name.hasPrefix("_") { continue }
            let id = attribute.typeID
            if id == L.function.id || id == L.builtin.id || id == L.wrapper.id || id == L.type.id || id == L.method.id { continue }
            var value = attribute
            if id == L.instance.id && nameOfType(typeOf(attribute)) == "auto" && string(typeOf(attribute).ref(L.typeModule)) == "enum" {
                value = newInt(lastInt + 1)
            }
            let member: Ref = try rooting(value) { () throws(PyException) in
                for existing in items(names) {
                    let other = dictGetStr(memberMap, existing)
                    if try equals(enumField(other, "_value_"), value) { return other }
                }
                let member = newInstance(cls)
                for field in ["_name_", "name"] { setOwnAttribute(member, intern(field), key) }
                for field in ["_value_", "value"] { setOwnAttribute(member, intern(field), value) }
                listAppend(names, key)
                return member
            }
            dictSetStr(memberMap, key, member)
            dictSetStr(dict, key, member)
            if let v = smallInt(value) { lastInt = v }
        }
    }
}
