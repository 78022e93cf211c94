import Meta
#if canImport(Glibc)
import Glibc
#endif

/// Calling: functions (a new frame in the same dispatch loop), built-ins, bound methods, classes, and callable
/// instances; argument binding with defaults, keywords, `*args` and `**kwargs`.
extension Runtime {
    public func newFunction(_ codeRef: Ref, globals: Ref, defaults: Ref, kwdefaults: Ref, closure: Ref) -> Ref {
        let code = codeObject(ofCodeRef: codeRef)
        let f = alloc(L.function)
        f.set(L.funcCode, codeRef.int(L.codeIndex))
        f.set(L.funcGlobals, globals)
        f.set(L.funcName, intern(code.name))
        f.set(L.funcQualname, intern(code.qualname))
        f.set(L.funcDefaults, defaults)
        f.set(L.funcKwdefaults, kwdefaults)
        f.set(L.funcClosure, closure)
        return f
    }

    @inline(__always) func codeInfo(ofFunction f: Ref) -> CodeInfo { codeInfo(at: f.int(L.funcCode)) }

    /// Performs the call whose callee is at `slot[0]` and whose `argc` arguments follow it on the value stack
    /// (the last `len(kwnames)` of them keyword values). Returns true when a guest frame was pushed (the dispatch
    /// loop must switch to it); otherwise the result has replaced the callee and the stack top is `slot + 1`
    /// (`frames.top` is set; the caller sets its own stack pointer).
    func callAt(_ slot: UnsafeMutablePointer<Ref>, argc: Int, kwnames: Ref) throws(PyException) -> Bool {
        frames.top = slot + 1 + argc
        var argc = argc
        var callee = slot.pointee
        while true {
            let id = callee.typeID
            if id == L.function.id {
                try pushFrame(function: callee, at: slot, argc: argc, kwnames: kwnames, constructed: .null)
                return true
            }
            if id == L.method.id || (id == L.instance.id && !userMethod(callee, names.__call__).isNull) {
                let (function, selfValue) = id == L.method.id
                    ? (callee.ref(L.methodFunction), callee.ref(L.methodSelf))
                    : (userMethod(callee, names.__call__), callee)
                memmove(slot + 2, slot + 1, argc * MemoryLayout<Ref>.stride)
                slot[1] = selfValue
                slot[0] = function
                argc += 1
                frames.top = slot + 1 + argc
                callee = function
                continue
            }
            let result: Ref
            if id == L.builtin.id {
                result = try callBuiltinAt(callee, slot, argc: argc, kwnames: kwnames)
            } else if id == L.type.id {
                if let (instance, initFunction) = try instantiate(callee, slot, argc: argc, kwnames: kwnames) {
                    memmove(slot + 2, slot + 1, argc * MemoryLayout<Ref>.stride)
                    slot[1] = instance
                    slot[0] = initFunction
                    frames.top = slot + 2 + argc
                    try pushFrame(function: initFunction, at: slot, argc: argc + 1, kwnames: kwnames, constructed: instance)
                    return true
                }
                result = slot.pointee
            } else {
                throw typeError("'\(typeName(callee))' object is not callable")
            }
            slot.pointee = result
            frames.top = slot + 1
            return false
        }
    }

    /// Calls a built-in with the arguments at `slot + 1`.
    private func callBuiltinAt(_ b: Ref, _ slot: UnsafeMutablePointer<Ref>, argc: Int, kwnames: Ref) throws(PyException) -> Ref {
        let nkw = kwnames.isNull ? 0 : kwnames.int(L.tupleLength)
        let args = Arguments(positional: UnsafeBufferPointer(start: slot + 1, count: argc - nkw),
                             keywordNames: kwnames,
                             keywordValues: UnsafeBufferPointer(start: slot + 1 + argc - nkw, count: nkw))
        let selfValue = b.ref(L.builtinSelf)
        return try callBuiltin(b, selfValue: selfValue, args)
    }

    /// Sets up the frame of a guest function whose arguments are at `slot + 1` (they become its first locals).
    ///
    /// Always inlined, with everything but a plain positional call out of line: a call with the parameters'
    /// count of positional arguments and no cells goes through a few compares and the frame record's stores,
    /// without a call or register spills (as a function, with its slow paths inline, it was a tenth of fib_rec's
    /// time).
    @inline(__always)
    func pushFrame(function: Ref, at slot: UnsafeMutablePointer<Ref>, argc: Int, kwnames: Ref, constructed: Ref,
                   localsDict: Ref = .null) throws(PyException) {
        unowned(unsafe) let info = codeInfo(ofFunction: function)
        let base = slot + 1
        // `_slowPath` and `_fastPath`: branch weights that keep the rare paths' register spills off the common one.
        if _slowPath(frames.depth >= min(recursionLimit, FrameStack.capacity - 1) || base + info.frameSize + 64 >= frames.stackEnd) {
            throw recursionError(stackTop: base + argc)
        }
        // A plain positional call's arguments are already where the locals go.
        if _slowPath(!(argc == info.argcount && kwnames.isNull && info.hasSimpleParameters)) {
            try bindArguments(function, info, base, argc: argc, kwnames: kwnames)
        }
        let bound = info.totalArgs
        if info.nlocals + info.ncells > bound {
            (base + bound).initialize(repeating: .null, count: info.nlocals + info.ncells - bound)
        }
        if _slowPath(info.ncells != 0) { setUpCells(function, info, base) }
        let stackBase = base + info.nlocals + info.ncells
        frames.push(Frame(info: Unmanaged.passUnretained(info), function: function, globals: function.ref(L.funcGlobals),
                          localsDict: localsDict, base: base, stackBase: stackBase, sp: stackBase, pc: 0,
                          constructed: constructed, isEntry: false))
        frames.top = stackBase
        if _slowPath(heap.collectRequested || interruptWord.pointee != 0) { try safepointEnteringFrame(slot, argc: argc) }
    }

    /// The RecursionError of a call refused, with the stack top after its arguments.
    @inline(never) private func recursionError(stackTop: UnsafeMutablePointer<Ref>) -> PyException {
        frames.top = stackTop
        return error(exceptions.RecursionError, "maximum recursion depth exceeded")
    }

    /// A new frame's cells: fresh ones for its cellvars (holding the argument of the same name, if any), then the
    /// function's closure cells for its freevars.
    @inline(never) private func setUpCells(_ function: Ref, _ info: CodeInfo, _ base: UnsafeMutablePointer<Ref>) {
        for (i, argIndex) in info.cellFromArg.enumerated() {
            base[info.nlocals + i] = newCell(argIndex >= 0 ? base[argIndex] : .null)
        }
        let closureRef = function.ref(L.funcClosure)
        if !closureRef.isNull {
            let closure = sequenceItems(closureRef)
            let first = info.nlocals + info.cellFromArg.count
            for j in 0..<closure.count { base[first + j] = closure[j] }
        }
    }

    /// The safepoint of a call (a collection, Ctrl-C), run with the new frame pushed; if it raises, the frame is
    /// popped again, so that the exception belongs to the call instruction.
    @inline(never) private func safepointEnteringFrame(_ slot: UnsafeMutablePointer<Ref>, argc: Int) throws(PyException) {
        do { try safepoint(interruptsReachMergePoint: true) } catch {
            frames.pop()
            frames.top = slot + 1 + argc
            throw error
        }
    }

    /// Binds the arguments at `base` to the parameters of a call that is not a plain positional one: defaults
    /// for missing positional arguments, or the general binding.
    @inline(never)
    private func bindArguments(_ function: Ref, _ info: CodeInfo, _ base: UnsafeMutablePointer<Ref>, argc: Int,
                               kwnames: Ref) throws(PyException) {
        frames.top = base + argc
        let defaultsRef = function.ref(L.funcDefaults)
        if kwnames.isNull && info.hasSimpleParameters && argc < info.argcount && !defaultsRef.isNull
            && argc >= info.argcount - defaultsRef.int(L.tupleLength) {
            let defaults = sequenceItems(defaultsRef)
            let first = info.argcount - defaults.count
            for i in argc..<info.argcount { base[i] = defaults[i - first] }
        } else {
            let bound = try bindGeneral(function, info, base, argc: argc, kwnames: kwnames)
            for (i, v) in bound.enumerated() { base[i] = v }
        }
    }

    /// General argument binding (keywords, defaults, `*args`, `**kwargs`), with CPython's error messages.
    private func bindGeneral(_ function: Ref, _ info: CodeInfo, _ base: UnsafeMutablePointer<Ref>, argc: Int,
                             kwnames: Ref) throws(PyException) -> [Ref] {
        let code = info.code
        let name = code.qualname
        let nkw = kwnames.isNull ? 0 : kwnames.int(L.tupleLength)
        let npos = argc - nkw
        var slots = [Ref](repeating: .null, count: code.totalArgs)
        let positionalCount = min(npos, code.argcount)
        for i in 0..<positionalCount { slots[i] = base[i] }
        var index = code.argcount + code.kwonlyargcount
        if code.flags.contains(.varargs) {
            slots[index] = npos > code.argcount ? newTuple(Array(UnsafeBufferPointer(start: base + code.argcount, count: npos - code.argcount))) : emptyTuple
            index += 1
        } else if npos > code.argcount {
            let defaults = function.ref(L.funcDefaults).isNull ? 0 : function.ref(L.funcDefaults).int(L.tupleLength)
            let takes = defaults > 0 ? "from \(code.argcount - defaults) to \(code.argcount)" : "\(code.argcount)"
            throw typeError("\(name)() takes \(takes) positional argument\(code.argcount == 1 && defaults == 0 ? "" : "s") but \(npos) \(npos == 1 ? "was" : "were") given")
        }
        var kwargsDict = Ref.null
        if code.flags.contains(.varkeywords) {
            kwargsDict = newDict()
            slots[index] = kwargsDict
        }
        if nkw > 0 {
            let names = sequenceItems(kwnames)
            for k in 0..<nkw {
                let key = string(names[k])
                let value = base[npos + k]
                if let i = code.varnames.prefix(code.argcount + code.kwonlyargcount).firstIndex(of: key) {
                    if !slots[i].isNull { throw typeError("\(name)() got multiple values for argument '\(key)'") }
                    slots[i] = value
                } else if !kwargsDict.isNull {
                    dictSetStr(kwargsDict, names[k], value)
                } else {
                    throw typeError("\(name)() got an unexpected keyword argument '\(key)'")
                }
            }
        }
        // Defaults for missing positional parameters.
        let defaults = function.ref(L.funcDefaults).isNull ? [] : items(function.ref(L.funcDefaults))
        let firstDefault = code.argcount - defaults.count
        var missing: [String] = []
        for i in 0..<code.argcount where slots[i].isNull {
            if i >= firstDefault { slots[i] = defaults[i - firstDefault] } else { missing.append(code.varnames[i]) }
        }
        if !missing.isEmpty { throw missingArguments(name, missing, kind: "positional") }
        let kwdefaults = function.ref(L.funcKwdefaults)
        var missingKw: [String] = []
        for i in code.argcount..<(code.argcount + code.kwonlyargcount) where slots[i].isNull {
            let dflt = kwdefaults.isNull ? Ref.null : dictGetStr(kwdefaults, intern(code.varnames[i]))
            if dflt.isNull { missingKw.append(code.varnames[i]) } else { slots[i] = dflt }
        }
        if !missingKw.isEmpty { throw missingArguments(name, missingKw, kind: "keyword-only") }
        return slots
    }

    private func missingArguments(_ name: String, _ missing: [String], kind: String) -> PyException {
        let quoted = missing.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + quoted.last!
        }
        return typeError("\(name)() missing \(missing.count) required \(kind) argument\(missing.count == 1 ? "" : "s"): \(list)")
    }

    // MARK: calls from Swift

    /// Calls any callable from Swift code (built-ins calling back into guest code). Guest functions run in a
    /// nested dispatch loop that returns when their frame does.
    public func call(_ callee: Ref, _ args: [Ref], keywords: [(String, Ref)] = []) throws(PyException) -> Ref {
        let slot = frames.top
        if slot + args.count + keywords.count + 2 >= frames.stackEnd {
            throw error(exceptions.RecursionError, "maximum recursion depth exceeded")
        }
        slot[0] = callee
        for (i, a) in args.enumerated() { slot[1 + i] = a }
        for (i, kw) in keywords.enumerated() { slot[1 + args.count + i] = kw.1 }
        let kwnames = keywords.isEmpty ? Ref.null : newTuple(keywords.map { intern($0.0) })
        frames.top = slot + 1 + args.count + keywords.count
        tempRoots.append(kwnames)
        defer { tempRoots.removeLast() }
        do {
            if try callAt(slot, argc: args.count + keywords.count, kwnames: kwnames) {
                frames.current.pointee.isEntry = true
                let r = try runDispatchLoop(from: slot)
                frames.top = slot
                return r
            }
            frames.top = slot
            return slot.pointee
        } catch {
            frames.top = slot
            throw error
        }
    }

    /// `f(*args, **kwargs)`.
    func callWithSpread(_ f: Ref, _ args: Ref, _ kwargs: Ref) throws(PyException) -> Ref {
        let positional = try collect(args)
        tempRoots.append(contentsOf: positional)
        defer { tempRoots.removeLast(positional.count) }
        var keywords: [(String, Ref)] = []
        if !kwargs.isNull {
            guard kwargs.typeID == L.dict.id else { throw typeError("argument after ** must be a mapping, not \(typeName(kwargs))") }
            for (k, v) in dictItems(kwargs) {
                guard k.typeID == L.str.id else { throw typeError("keywords must be strings") }
                keywords.append((string(k), v))
            }
        }
        return try call(f, positional, keywords: keywords)
    }

    /// Runs a code object (module or class body) with `localsDict` as its namespace; returns its result.
    func runCode(_ code: CodeObject, globals: Ref, localsDict: Ref, closure: Ref = .null) throws(PyException) -> Ref {
        let info = registerCode(code)
        let function = newFunction(info.codeRef, globals: globals, defaults: .null, kwdefaults: .null, closure: closure)
        let slot = frames.top
        slot[0] = function
        frames.top = slot + 1
        try pushFrame(function: function, at: slot, argc: 0, kwnames: .null, constructed: .null, localsDict: localsDict)
        frames.current.pointee.isEntry = true
        defer { frames.top = slot }
        return try runDispatchLoop(from: slot)
    }

    /// Unpacks an iterable into exactly `count` values.
    func unpack(_ v: Ref, count: Int) throws(PyException) -> [Ref] {
        let items = try collectForUnpack(v)
        if items.count != count {
            if items.count > count { throw valueError("too many values to unpack (expected \(count))") }
            throw valueError("not enough values to unpack (expected \(count), got \(items.count))")
        }
        return items
    }

    /// Unpacks for `a, *b, c = v`: `before` values, a list of the middle, `after` values.
    func unpackStarred(_ v: Ref, before: Int, after: Int) throws(PyException) -> [Ref] {
        let items = try collectForUnpack(v)
        if items.count < before + after {
            throw valueError("not enough values to unpack (expected at least \(before + after), got \(items.count))")
        }
        let middle = newList(Array(items[before..<(items.count - after)]))
        return Array(items[..<before]) + [middle] + Array(items[(items.count - after)...])
    }

    private func collectForUnpack(_ v: Ref) throws(PyException) -> [Ref] {
        if builtinLength(v) == nil && v.typeID != L.iterator.id && v.typeID == L.instance.id
            && userMethod(v, names.__iter__).isNull && userMethod(v, names.__getitem__).isNull {
            throw typeError("cannot unpack non-iterable \(typeName(v)) object")
        }
        if isInt(v) || v.typeID == L.float.id || v.typeID == L.none.id || v.typeID == L.function.id {
            throw typeError("cannot unpack non-iterable \(typeName(v)) object")
        }
        return try collect(v)
    }

    /// `{**a}` and `f(**a)` merging.
    func dictMerge(_ target: Ref, _ source: Ref, rejectDuplicates: Bool) throws(PyException) {
        guard source.typeID == L.dict.id else {
            throw typeError("'\(typeName(source))' object is not a mapping")
        }
        for (k, v) in dictItems(source) {
            if rejectDuplicates, try !dictGet(target, k).isNull {
                throw typeError("got multiple values for keyword argument '\(try str(k))'")
            }
            try dictSet(target, k, v)
        }
    }

    /// FORMAT_VALUE: `f"{v!r:>8}"`.
    func formatForFString(_ v: Ref, conversion: Int, spec: String) throws(PyException) -> Ref {
        var value = v
        switch conversion {
        case 1: value = newStr(try str(v))
        case 2, 3: value = newStr(try repr(v))
        default: break
        }
        if spec.isEmpty && value.typeID == L.str.id { return value }
        return newStr(try formatValue(value, spec: spec))
    }
}
