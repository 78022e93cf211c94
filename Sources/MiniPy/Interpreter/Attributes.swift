import Meta

/// Kinds of W_Wrapper.
enum WrapperKind: Int {
    case staticmethod = 0, classmethod, property
}

/// Attribute access: `o.name`, `o.name = v`, `del o.name`, and the method lookup behind LOAD_METHOD.
extension Runtime {
    public func newWrapper(_ kind: Int, _ function: Ref) -> Ref {
        let w = alloc(L.wrapper)
        w.set(L.wrapperKind, kind)
        w.set(L.wrapperFunction, function)
        return w
    }

    /// What a class attribute becomes when read through an instance (`bind` is the instance) or the class.
    private func bindClassAttribute(_ v: Ref, instance: Ref?, owner: Ref) throws(PyException) -> Ref {
        let id = v.typeID
        if id == L.function.id { return instance.map { newMethod(v, $0) } ?? v }
        if id == L.builtin.id { return instance.map { bindBuiltin(v, $0) } ?? v }
        if id == L.wrapper.id {
            switch WrapperKind(rawValue: v.int(L.wrapperKind))! {
            case .staticmethod: return v.ref(L.wrapperFunction)
            case .classmethod: return newMethod(v.ref(L.wrapperFunction), owner)
            case .property:
                guard let instance else { return v }
                return try call(v.ref(L.wrapperFunction), [instance])
            }
        }
        return v
    }

    public func getAttr(_ o: Ref, _ name: Ref) throws(PyException) -> Ref {
        let r = try lookupAttr(o, name)
        if r.isNull { throw attributeMissing(o, name) }
        return r
    }

    func attributeMissing(_ o: Ref, _ name: Ref) -> PyException {
        let n = string(name)
        if o.typeID == L.module.id {
            return attributeError("module '\(string(o.ref(L.moduleName)))' has no attribute '\(n)'")
        }
        if o.typeID == L.type.id { return attributeError("type object '\(nameOfType(o))' has no attribute '\(n)'") }
        return attributeError("'\(typeName(o))' object has no attribute '\(n)'")
    }

    /// `o.name` for an instance in the cases `InstanceRead.general` covers, or null.
    private func generalInstanceAttr(_ o: Ref, _ name: Ref) throws(PyException) -> Ref {
        let cls = instanceClass(o)
        let classValue = lookupInType(cls, name)
        if isProperty(classValue) { return try bindClassAttribute(classValue, instance: o, owner: cls) }
        let own = ownAttribute(o, name)
        if !own.isNull { return own }
        if !classValue.isNull { return try bindClassAttribute(classValue, instance: o, owner: cls) }
        if string(name) == "__class__" { return cls }
        if string(name) == "__dict__" { return instanceDict(o) }
        let getattr = lookupInType(cls, names.__getattr__)
        if !getattr.isNull {
            do { return try call(getattr, [o, name]) } catch {
                if isInstance(error.value, exceptions.AttributeError) { return .null }
                throw error
            }
        }
        return .null
    }

    /// `o.name`, or null if there is no such attribute.
    public func lookupAttr(_ o: Ref, _ name: Ref) throws(PyException) -> Ref {
        let id = o.typeID
        if id == L.instance.id {
            let map = o.ref(L.instanceMap)
            switch instanceRead(map, name) {
            case .slot(let k): return slotValue(o, k)
            case .value(let v): return v
            case .method(let f): return newMethod(f, o)
            case .general: return try generalInstanceAttr(o, name)
            }
        }
        if id == L.module.id { return dictGetStr(o.ref(L.moduleDict), name) }
        if id == L.superProxy.id { return try superAttr(o, name) }
        if id == L.type.id {
            let v = lookupInType(o, name)
            if !v.isNull { return try bindClassAttribute(v, instance: nil, owner: o) }
            switch string(name) {
            case "__name__", "__qualname__": return o.ref(L.typeName)
            case "__base__": return o.ref(L.typeBase).isNull ? none : o.ref(L.typeBase)
            case "__module__": return o.ref(L.typeModule)
            case "__dict__": return dictCopy(o.ref(L.typeDict))  // a snapshot: class dicts change only via setattr
            case "__class__": return types.type
            case "__mro__":
                var chain: [Ref] = []
                var t = o
                while !t.isNull { chain.append(t); t = t.ref(L.typeBase) }
                return newTuple(chain)
            default: return .null
            }
        }
        let type = typeOf(o)
        let v = lookupInType(type, name)
        if !v.isNull { return try bindClassAttribute(v, instance: o, owner: type) }
        switch string(name) {
        case "__class__": return type
        case "__name__" where id == L.function.id: return o.ref(L.funcName)
        case "__qualname__" where id == L.function.id: return o.ref(L.funcQualname)
        case "__name__" where id == L.builtin.id: return o.ref(L.builtinName)
        case "__self__" where id == L.method.id: return o.ref(L.methodSelf)
        case "__func__" where id == L.method.id: return o.ref(L.methodFunction)
        case "__name__" where id == L.method.id: return try lookupAttr(o.ref(L.methodFunction), name)
        case "__name__" where id == L.module.id: return o.ref(L.moduleName)
        case "start" where id == L.range.id: return newInt(o.int(L.rangeStart))
        case "stop" where id == L.range.id: return newInt(o.int(L.rangeStop))
        case "step" where id == L.range.id: return newInt(o.int(L.rangeStep))
        case "start" where id == L.slice.id: return o.ref(L.sliceStart)
        case "stop" where id == L.slice.id: return o.ref(L.sliceStop)
        case "step" where id == L.slice.id: return o.ref(L.sliceStep)
        case "real" where isInt(o) || id == L.float.id: return o
        case "imag" where isInt(o): return newInt(0)
        case "imag" where id == L.float.id: return newFloat(0)
        case "__func__" where id == L.wrapper.id, "fget" where id == L.wrapper.id: return o.ref(L.wrapperFunction)
        default: return .null
        }
    }

    public func setAttr(_ o: Ref, _ name: Ref, _ value: Ref) throws(PyException) {
        let id = o.typeID
        if id == L.instance.id {
            let cls = instanceClass(o)
            if isProperty(lookupInType(cls, name)) {
                throw attributeError("property '\(string(name))' of '\(typeName(o))' object has no setter")
            }
            let setattr = lookupInType(cls, names.__setattr__)
            if !setattr.isNull { _ = try call(setattr, [o, name, value]); return }
            setOwnAttribute(o, name, value)
            return
        }
        if id == L.module.id { dictSetStr(o.ref(L.moduleDict), name, value); return }
        if id == L.type.id {
            if o.int(L.typeFlags) & TypeFlag.builtin != 0 {
                throw typeError("cannot set '\(string(name))' attribute of immutable type '\(nameOfType(o))'")
            }
            dictSetStr(o.ref(L.typeDict), name, value)
            classesChanged()
            return
        }
        if try !lookupAttr(o, name).isNull {
            throw attributeError("'\(typeName(o))' object attribute '\(string(name))' is read-only")
        }
        throw attributeError("'\(typeName(o))' object has no attribute '\(string(name))'")
    }

    public func delAttr(_ o: Ref, _ name: Ref) throws(PyException) {
        switch o.typeID {
        case L.instance.id:
            if !deleteOwnAttribute(o, name) { throw attributeMissing(o, name) }
        case L.module.id:
            if try dictDelete(o.ref(L.moduleDict), name).isNull { throw attributeMissing(o, name) }
        case L.type.id where o.int(L.typeFlags) & TypeFlag.builtin == 0:
            if try dictDelete(o.ref(L.typeDict), name).isNull { throw attributeMissing(o, name) }
            classesChanged()
        default: throw attributeMissing(o, name)
        }
    }

    /// LOAD_METHOD's lookup: the plain function or built-in method `name` found on `o`'s type, to be called with
    /// `o` as its first argument (no bound-method object is made); null when `o.name` is something else.
    @inline(__always) func lookupMethod(_ o: Ref, _ name: Ref) -> Ref {
        let id = o.typeID
        if id == L.instance.id {
            if case .method(let f) = instanceRead(o.ref(L.instanceMap), name) { return f }
        } else if id != L.type.id && id != L.module.id && id != L.superProxy.id {
            let v = lookupInType(typeOf(o), name)
            if !v.isNull && (v.typeID == L.builtin.id || v.typeID == L.function.id) { return v }
        }
        return .null
    }
}
