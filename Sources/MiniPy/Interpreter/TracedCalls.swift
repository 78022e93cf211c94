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
    /// concrete interpreter does), anything else — built-ins, classes, keyword-only parameters, calls past the
    /// inlining depth — is one residual call that runs it concretely. All checks come before the stack changes.
    func tracedCall(_ d: inout D, _ state: inout DispatchState, argc: Int, nullBelow: Bool = false) throws(PyException) {
        let frames = rt.frames
        var callee = d.peek(argc)
        var selfValue: D.R?
        if d.hasType(callee, L.method) {
            selfValue = d.getfieldR(callee, L.methodSelf)
            callee = d.getfieldR(callee, L.methodFunction)
        }
        let f = d.concrete(callee)
        let n = argc + (selfValue == nil ? 0 : 1)
        var inlined: CodeInfo?
        if f.typeID == L.function.id, let jit = rt.jit, case let info = rt.codeInfo(ofFunction: f), jit.mayInline(info, depth: frames.depth) {
            let defaults = f.ref(L.funcDefaults)
            let defaultCount = defaults.isNull ? 0 : defaults.int(L.tupleLength)
            let base = d.stackTop - argc - (nullBelow ? 1 : 0)
            if info.hasSimpleParameters && n <= info.argcount && n >= info.argcount - defaultCount
                && frames.depth < min(rt.recursionLimit, FrameStack.capacity - 1) && base + info.frameSize + 64 < frames.stackEnd {
                inlined = info
            }
        }
        // Checked; now act: [NULL?] callee args... -> function [self] args... (+ defaults), or a residual call.
        var args: [D.R] = []
        for _ in 0..<argc { args.append(d.pop()) }
        _ = d.pop()
        if nullBelow { _ = d.pop() }
        if let selfValue { args.append(selfValue) }
        args.reverse()
        if let info = inlined {
            d.push(callee)
            for a in args { d.push(a) }
            let defaults = rt.sequenceItemsOrEmpty(f.ref(L.funcDefaults))
            for i in n..<info.argcount { d.push(d.constRef(defaults[i - (info.argcount - defaults.count)])) }
            inlineFrame(&d, &state, function: f, info: info)
            return
        }
        for a in args { d.push(a) }
        let tuple = buildTuple(&d, count: args.count)
        d.push(try residual(&d, Residuals.callWithTuple, callee, tuple))
    }

    /// Pushes the frame of `function`, whose arguments are the top `info.argcount` stack slots, and switches to
    /// it; its other locals and its cells are set through the domain.
    private func inlineFrame(_ d: inout D, _ state: inout DispatchState, function f: Ref, info: CodeInfo) {
        let frames = rt.frames
        let base = d.stackTop - info.argcount
        let stackBase = base + info.nlocals + info.ncells
        frames.push(Frame(info: Unmanaged.passUnretained(info), function: f, globals: f.ref(L.funcGlobals), localsDict: .null,
                          base: base, stackBase: stackBase, sp: stackBase, pc: 0, constructed: .null, isEntry: false))
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
