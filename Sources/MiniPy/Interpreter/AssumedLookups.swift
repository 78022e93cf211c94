import Meta

/// Lookups a trace folds to constants under assumptions (RPython's quasi-immutable fields, PyPy's celldict): the
/// value found now becomes a constant of the trace, and `d.assume` makes the trace depend on the cell of every dict
/// entry the lookup went through — the entry that held the value and each entry found absent before it. Writing
/// any of those entries invalidates the loops compiled from such traces (`NamespaceCells`). Each returns nil when
/// an entry on the way changes too often to fold: the handler then looks up with a residual call, as it would
/// without assumptions.
///
/// Under a domain that does not trace, `assume` does nothing; handlers call these only when `D.isTracing`, and
/// before their first effect (the `guard_not_invalidated` they may record resumes at the bytecode).
extension Runtime {
    /// LOAD_GLOBAL's value: the module's entry, else the builtin. Nil also when neither defines the name (the
    /// residual lookup raises the NameError).
    func assumedGlobal<D: Domain>(_ d: inout D, _ globals: Ref, _ name: Ref) -> Ref? {
        let global = namespaceCells.cell(globals, name, subject: "global '\(string(name))'", self)
        guard global.isStable else { return nil }
        let v = dictGetStr(globals, name)
        if !v.isNull {
            d.assume(global.assumption)
            return v
        }
        let builtin = namespaceCells.cell(builtinsDict, name, subject: "builtin '\(string(name))'", self)
        let b = dictGetStr(builtinsDict, name)
        guard builtin.isStable, !b.isNull else { return nil }
        d.assume(global.assumption)
        d.assume(builtin.assumption)
        return b
    }

    /// The tracing helper for attribute lookups on a class known to the trace: `name` looked up along the MRO of
    /// `cls` (a constant of the trace, e.g. an instance's class under a guard), as `lookupInType` finds it — the
    /// raw class attribute (a function, a `W_Wrapper`, any value), or `Ref.null` when no class on the MRO has it
    /// — under the assumption that every class dict from `cls` up to the one that holds it (all of them for a
    /// miss) keeps its entry for `name`: redefining a method or assigning a class attribute in any of those
    /// classes, or defining it in a subclass that now shadows it, invalidates the loops that used the result.
    /// Nil when one of those entries changes too often to fold (a class attribute used as a counter): look it up
    /// with a residual call. Binding (methods, descriptors) is the caller's business.
    func assumedClassAttribute<D: Domain>(_ d: inout D, _ cls: Ref, _ name: Ref) -> Ref? {
        var cells: [NamespaceCell] = []
        var value = Ref.null
        var t = cls
        while !t.isNull {
            let dict = t.ref(L.typeDict)
            let cell = namespaceCells.cell(dict, name, subject: "attribute '\(string(name))' of class '\(nameOfType(t))'", self)
            guard cell.isStable else { return nil }
            cells.append(cell)
            value = dictGetStr(dict, name)
            if !value.isNull { break }
            t = t.ref(L.typeBase)
        }
        for cell in cells { d.assume(cell.assumption) }
        return value
    }

    /// `o.name` for an object the trace knows as a constant, when it is a module or a class and the attribute is
    /// one whose value reading it returns unchanged (a module's entry; a class attribute that is not a
    /// classmethod); nil otherwise (the residual `getattr` handles everything else, errors included).
    func assumedAttribute<D: Domain>(_ d: inout D, _ o: Ref, _ name: Ref) -> Ref? {
        switch o.typeID {
        case L.module.id:
            let dict = o.ref(L.moduleDict)
            let cell = namespaceCells.cell(dict, name, subject: "attribute '\(string(name))' of module '\(string(o.ref(L.moduleName)))'", self)
            let v = dictGetStr(dict, name)
            guard cell.isStable, !v.isNull else { return nil }
            d.assume(cell.assumption)
            return v
        case L.type.id:
            guard let v = assumedClassAttribute(&d, o, name), !v.isNull else { return nil }
            guard v.typeID == L.wrapper.id else { return v }
            switch WrapperKind(rawValue: v.int(L.wrapperKind))! {
            case .staticmethod: return v.ref(L.wrapperFunction)
            case .property: return v
            case .classmethod: return nil
            }
        default:
            return nil
        }
    }
}
