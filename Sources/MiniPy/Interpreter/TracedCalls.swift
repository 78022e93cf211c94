import Meta

/// The tracing forms of calls and tuple building: everything through domain operations, so that a trace replays
/// it (the concrete forms in `Runtime.callAt` move frame slots with memmove and set up frames directly).
extension Interpreter {
    /// BUILD_TUPLE of the `count` values on top of the stack (`new_with_vtable`, `setfield_gc`, `setarrayitem_gc`).
    @inline(never) func buildTuple(_ d: inout D, count: Int) -> D.R {
        guard let t = d.new(Layout(id: L.tuple.id, fixedSize: L.tuple.fixedSize + 8 * count)) else { rt.fatalMemoryError() }
        d.setfieldI(t, L.tupleLength, d.constInt(count))
        for i in 0..<count { d.setarrayitemR(t, L.tuple, d.constInt(count - 1 - i), d.pop()) }
        return t
    }

    /// CALL_FUNCTION (and CALL_METHOD, whose unused method slot below the callee is `nullBelow`) while tracing,
    /// with the callee and `argc` arguments on the stack. The callee becomes green (`guard_value`); a guest
    /// function with positional parameters is inlined (its frame is pushed and the loop continues in it, as the
    /// concrete interpreter does), a plain class is instantiated in the trace (`construct`), anything else —
    /// built-ins, other classes, keyword-only parameters, calls past the inlining depth — is one residual call
    /// that runs it concretely. All checks come before the stack changes.
    func tracedCall(_ d: inout D, _ state: inout DispatchState, argc: Int, nullBelow: Bool = false) throws(PyException) {
        var callee = d.peek(argc)
        var selfValue: D.R?
        if d.hasType(callee, L.method) {
            selfValue = d.getfieldR(callee, L.methodSelf)
            callee = d.getfieldR(callee, L.methodFunction)
        }
        let f = d.concrete(callee)
        let n = argc + (selfValue == nil ? 0 : 1)
        if selfValue == nil && f.typeID == L.type.id, let plan = constructionPlan(&d, cls: f, argc: argc, nullBelow: nullBelow) {
            construct(&d, &state, cls: f, plan, argc: argc, nullBelow: nullBelow)
            return
        }
        let inlined = f.typeID == L.function.id ? inlinableCode(f, argc: n, nullBelow: nullBelow, d: d) : nil
        // Checked; now act: [NULL?] callee args... -> function [self] args... (+ defaults), or a residual call.
        var args = popArguments(&d, argc: argc, nullBelow: nullBelow)
        if let selfValue { args.insert(selfValue, at: 0) }
        if let info = inlined {
            d.push(callee)
            pushArguments(&d, args, function: f, info: info)
            inlineFrame(&d, &state, function: f, info: info, constructs: false)
            return
        }
        switch args.count {
        case 1: d.push(try residual(&d, Residuals.call1, callee, args[0]))
        case 2: d.push(try residual(&d, Residuals.call2, callee, args[0], args[1]))
        default:
            for a in args { d.push(a) }
            let tuple = buildTuple(&d, count: args.count)
            d.push(try residual(&d, Residuals.callWithTuple, callee, tuple))
        }
    }

    /// The code of guest function `f` if a call with `n` positional arguments can be inlined here.
    private func inlinableCode(_ f: Ref, argc n: Int, nullBelow: Bool, d: D) -> CodeInfo? {
        let frames = rt.frames
        let info = rt.codeInfo(ofFunction: f)
        guard let jit = rt.jit, jit.mayInline(info, depth: frames.depth) else { return nil }
        let defaults = f.ref(L.funcDefaults)
        let defaultCount = defaults.isNull ? 0 : defaults.int(L.tupleLength)
        let base = d.stackTop - n - (nullBelow ? 1 : 0)
        guard info.hasSimpleParameters && n <= info.argcount && n >= info.argcount - defaultCount
                && frames.depth < min(rt.recursionLimit, FrameStack.capacity - 1) && base + info.frameSize + 64 < frames.stackEnd else {
            return nil
        }
        return info
    }

    /// Pops `argc` arguments, the callee and (with `nullBelow`) the slot below it; returns the arguments in order.
    private func popArguments(_ d: inout D, argc: Int, nullBelow: Bool) -> [D.R] {
        var args: [D.R] = []
        for _ in 0..<argc { args.append(d.pop()) }
        _ = d.pop()
        if nullBelow { _ = d.pop() }
        return args.reversed()
    }

    /// Pushes `args` and the defaults of `function`'s missing parameters.
    private func pushArguments(_ d: inout D, _ args: [D.R], function f: Ref, info: CodeInfo) {
        for a in args { d.push(a) }
        let defaults = rt.sequenceItemsOrEmpty(f.ref(L.funcDefaults))
        for i in args.count..<info.argcount { d.push(d.constRef(defaults[i - (info.argcount - defaults.count)])) }
    }

    /// How a class call is traced: allocation alone (no `__init__`, no arguments) or with `__init__` inlined.
    enum ConstructionPlan {
        case allocateOnly
        case inlineInit(Ref, CodeInfo)
    }

    /// Whether `cls(args)` can be traced as an allocation (and an inlined `__init__`): a plain class (no built-in,
    /// exception, `abc` or `enum` class on its MRO, no `__new__`), whose `__init__` is `object`'s with no arguments
    /// or a guest function with positional parameters that keeps `self` (its frame's return yields `self`).
    private func constructionPlan(_ d: inout D, cls: Ref, argc: Int, nullBelow: Bool) -> ConstructionPlan? {
        guard rt.isPlainClass(cls), let new = classLookup(&d, cls, rt.intern("__new__")), new.isNull,
              let initFunction = classLookup(&d, cls, rt.names.__init__) else { return nil }
        if initFunction.isNull || initFunction == rt.lookupInType(rt.types.object, rt.names.__init__) {
            return argc == 0 ? .allocateOnly : nil
        }
        guard initFunction.typeID == L.function.id,
              let info = inlinableCode(initFunction, argc: argc + 1, nullBelow: nullBelow, d: d), !info.rebindsFirstLocal else { return nil }
        return .inlineInit(initFunction, info)
    }

    /// `cls(args)` in the trace: `new_with_vtable` of an instance with the class's empty map, then `__init__`'s frame
    /// with the instance as `self` (its RETURN_VALUE yields the instance), as the concrete `instantiate` does.
    private func construct(_ d: inout D, _ state: inout DispatchState, cls: Ref, _ plan: ConstructionPlan, argc: Int, nullBelow: Bool) {
        let args = popArguments(&d, argc: argc, nullBelow: nullBelow)
        guard let instance = d.new(L.instance) else { rt.fatalMemoryError() }
        d.setfieldR(instance, L.instanceMap, d.constRef(rt.rootMap(cls)))
        switch plan {
        case .allocateOnly:
            d.push(instance)
        case .inlineInit(let initFunction, let info):
            d.push(d.constRef(initFunction))
            pushArguments(&d, [instance] + args, function: initFunction, info: info)
            inlineFrame(&d, &state, function: initFunction, info: info, constructs: true)
        }
    }

    /// Pushes the frame of `function`, whose arguments are the top `info.argcount` stack slots, and switches to
    /// it; its other locals and its cells are set through the domain. A frame that `constructs` runs a class
    /// call's `__init__`: it records the instance, its first argument (read from the slot: memory holds the
    /// values the domain wrote), to return it.
    private func inlineFrame(_ d: inout D, _ state: inout DispatchState, function f: Ref, info: CodeInfo, constructs: Bool) {
        let frames = rt.frames
        let base = d.stackTop - info.argcount
        let stackBase = base + info.nlocals + info.ncells
        frames.push(Frame(info: Unmanaged.passUnretained(info), function: f, globals: f.ref(L.funcGlobals), localsDict: .null,
                          base: base, stackBase: stackBase, sp: stackBase, pc: 0, constructed: constructs ? base[0] : .null,
                          isEntry: false))
        frames.top = stackBase
        state.enter(frames.current, &d)
        for i in info.argcount..<(info.nlocals + info.ncells) { d.setLocal(i, d.constRef(.null)) }
        for (i, argIndex) in info.cellFromArg.enumerated() {
            guard let cell = d.new(L.cell) else { rt.fatalMemoryError() }
            d.setfieldR(cell, L.cellContents, argIndex >= 0 ? d.local(argIndex) : d.constRef(.null))
            d.setLocal(info.nlocals + i, cell)
        }
        let closure = rt.sequenceItemsOrEmpty(f.ref(L.funcClosure))
        let first = info.nlocals + info.cellFromArg.count
        for j in 0..<closure.count { d.setLocal(first + j, d.constRef(closure[j])) }
    }
}

extension Runtime {
    /// The items of a tuple, or none for null.
    func sequenceItemsOrEmpty(_ r: Ref) -> UnsafeMutableBufferPointer<Ref> {
        r.isNull ? UnsafeMutableBufferPointer(start: nil, count: 0) : sequenceItems(r)
    }
}
