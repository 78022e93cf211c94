import Meta

/// The MiniPy dispatch loop, written once against `Domain` (DESIGN §1, §13).
///
/// Greens — the code object, the pc, the instruction — are plain Swift values read directly; every operation on
/// guest values goes through the domain `d`: frame slots (`local`, `push`, `pop`), type checks (`hasType`),
/// field reads and writes, integer and float arithmetic with overflow checks, allocation (`new`), branches on
/// guest values (`isTrue`, `isSame`), and residual calls into the runtime for everything else. The JIT hints
/// sit where RPython puts them: `jitMergePoint` at the top of each instruction and `canEnterJit` at loop
/// back-edges (`JUMP_BACKWARD`).
///
/// Guest calls push a frame and continue in the same loop (no Swift recursion); `run` returns when the frame
/// it was entered with returns.
struct Interpreter<D: Domain> {
    let rt: Runtime
    let L: Layouts

    init(_ rt: Runtime) {
        self.rt = rt
        L = rt.L
    }

    /// Boxes a red int as a W_Int (`new_with_vtable` + `setfield_gc`).
    @inline(__always) func boxInt(_ d: inout D, _ v: D.I) -> D.R {
        guard let o = d.new(L.int) else { rt.fatalMemoryError() }
        d.setfieldI(o, L.intval, v)
        return o
    }

    /// The int fast path of a binary operator (nil: overflow, a zero divisor, or an operator without one).
    @inline(__always) func intOperation(_ d: inout D, _ op: BinaryOp, _ x: D.I, _ y: D.I) -> D.I? {
        switch op {
        case .add: d.intAddOvf(x, y)
        case .sub: d.intSubOvf(x, y)
        case .mul: d.intMulOvf(x, y)
        case .floorDiv: d.intFloorDiv(x, y)
        case .mod: d.intMod(x, y)
        case .lshift: d.intLshiftOvf(x, y)
        case .rshift: d.intRshift(x, y)
        case .and: d.intAnd(x, y)
        case .or: d.intOr(x, y)
        case .xor: d.intXor(x, y)
        case .trueDiv, .pow: nil
        }
    }

    /// The float fast path of a binary operator (nil: a zero divisor, or an operator without one).
    @inline(__always) func floatOperation(_ d: inout D, _ op: BinaryOp, _ x: D.F, _ y: D.F) -> D.F? {
        switch op {
        case .add: d.floatAdd(x, y)
        case .sub: d.floatSub(x, y)
        case .mul: d.floatMul(x, y)
        case .trueDiv: d.floatIsZero(y) ? nil : d.floatTrueDiv(x, y)
        case .floorDiv, .mod, .pow, .lshift, .rshift, .and, .or, .xor: nil
        }
    }

    /// An operand of int-float arithmetic as a float: a float's value, or an int's converted to the nearest float
    /// (as Python converts the int operand); nil for anything else.
    @inline(__always) func floatOperand(_ d: inout D, _ o: D.R) -> D.F? {
        if d.hasType(o, L.float) { return d.getfieldF(o, L.floatval) }
        if d.hasType(o, L.int) { return d.intToFloat(d.getfieldI(o, L.intval)) }
        return nil
    }

    @inline(__always) func boxFloat(_ d: inout D, _ v: D.F) -> D.R {
        guard let o = d.new(L.float) else { rt.fatalMemoryError() }
        d.setfieldF(o, L.floatval, v)
        return o
    }

    @inline(__always) func boolObject(_ d: inout D, _ c: D.I) -> D.R {
        d.constRef(d.isTrue(c) ? rt.trueObject : rt.falseObject)
    }

    /// Calls a residual runtime function; a null result raises the pending exception.
    @inline(__always) func residual(_ d: inout D, _ f: ResidualFunction2, _ a: D.R, _ b: D.R) throws(PyException) -> D.R {
        sync(&d)
        let r = d.callR(f, a, b)
        if d.isNull(r) { throw rt.takePending() }
        return r
    }

    @inline(__always) func residual(_ d: inout D, _ f: ResidualFunction1, _ a: D.R) throws(PyException) -> D.R {
        sync(&d)
        let r = d.callR(f, a)
        if d.isNull(r) { throw rt.takePending() }
        return r
    }

    @discardableResult
    @inline(__always) func residual(_ d: inout D, _ f: ResidualFunction3, _ a: D.R, _ b: D.R, _ c: D.R) throws(PyException) -> D.R {
        sync(&d)
        let r = d.callR(f, a, b, c)
        if d.isNull(r) { throw rt.takePending() }
        return r
    }

    /// Publishes the executing frame's stack top, so that a collection or a nested call sees every live value.
    @inline(__always) func sync(_ d: inout D) {
        rt.frames.top = d.stackTop
        d.stackTopPublished()
    }

    /// Branch on a guest value's truth (bools and None directly, anything else through `is_true`).
    @inline(__always) func truth(_ d: inout D, _ v: D.R) throws(PyException) -> Bool {
        if d.isSame(v, d.constRef(rt.trueObject)) { return true }
        if d.isSame(v, d.constRef(rt.falseObject)) || d.isSame(v, d.constRef(rt.none)) { return false }
        if d.hasType(v, L.int) { return d.isTrue(d.intNe(d.getfieldI(v, L.intval), d.constInt(0))) }
        // An instance's truth runs guest code (`__bool__`, `__len__`): a guard on its result would follow effects.
        if D.isTracing && d.hasType(v, L.instance) { d.notTraceable("the truth of an instance") }
        let b = try residual(&d, Residuals.truth, v)
        return d.isSame(b, d.constRef(rt.trueObject))
    }

    /// A call in the concrete reading (CALL_FUNCTION, CALL_METHOD), with the callee at `slot` and `argc`
    /// positional arguments above it. A guest function's frame is pushed right here (`Runtime.pushFrame` is
    /// inlined: most calls are these), anything else goes through `Runtime.callAt`; then the loop continues in the
    /// new frame, or after the call with its result on the stack.
    @inline(__always) func call(_ d: inout D, _ state: inout DispatchState, at slot: UnsafeMutablePointer<Ref>, argc: Int) throws(PyException) {
        let callee = slot.pointee
        if _fastPath(callee.typeID == L.function.id) {
            try rt.pushFrame(function: callee, at: slot, argc: argc, kwnames: .null, constructed: .null)
        } else if try !rt.callAt(slot, argc: argc, kwnames: .null) {
            d.stackTop = slot + 1
            return
        }
        state.enter(rt.frames.current, &d)
    }

    /// Runs from the current top frame until the frame marked `isEntry` returns; returns its value.
    ///
    /// `_slowPath` and `_fastPath` mark the rare branches of hot handlers: their branch weights keep the register
    /// spills of error paths off the common ones.
    ///
    /// Under a domain whose `jitMergePoint` asks to leave (the tracer, when a trace closes or aborts), returns
    /// `Ref.null` instead, with the frames published: the JIT driver continues from them.
    func run(_ d: inout D) throws(PyException) -> Ref {
        let frames = rt.frames
        var state = DispatchState(frames.current)
        d.switchFrame(locals: state.frame.pointee.base, sp: state.frame.pointee.sp)

        while true {
            do {
                while true {
                    if D.observesFrames {
                        state.publish(&d, rt)
                        if d.jitMergePoint(code: UnsafeRawPointer(state.code), pc: state.pc, depth: frames.depth) { return .null }
                    }
                    d.instructionStarted()
                    let instruction = state.code[state.pc]
                    state.pc &+= 1
                    let arg = Int(instruction.arg)
                    switch instruction.opcode {
                    case .NOP:
                        break
                    case .POP_TOP:
                        _ = d.pop()
                    case .ROT_TWO:
                        let a = d.pop(), b = d.pop()
                        d.push(a); d.push(b)
                    case .ROT_THREE:
                        let a = d.pop(), b = d.pop(), c = d.pop()
                        d.push(a); d.push(c); d.push(b)
                    case .ROT_FOUR:
                        let a = d.pop(), b = d.pop(), c = d.pop(), e = d.pop()
                        d.push(a); d.push(e); d.push(c); d.push(b)
                    case .DUP_TOP:
                        d.push(d.peek(0))
                    case .DUP_TOP_TWO:
                        let a = d.peek(1), b = d.peek(0)
                        d.push(a); d.push(b)

                    case .LOAD_CONST:
                        d.push(d.constRef(state.consts[arg]))
                    case .LOAD_FAST:
                        let v = d.local(arg)
                        if _slowPath(d.isNull(v)) {
                            throw rt.error(rt.exceptions.UnboundLocalError,
                                           "cannot access local variable '\(state.info.code.varnames[arg])' where it is not associated with a value")
                        }
                        d.push(v)
                    case .STORE_FAST:
                        d.setLocal(arg, d.pop())
                    case .DELETE_FAST:
                        if d.isNull(d.local(arg)) {
                            throw rt.error(rt.exceptions.UnboundLocalError,
                                           "cannot access local variable '\(state.info.code.varnames[arg])' where it is not associated with a value")
                        }
                        d.setLocal(arg, d.constRef(.null))
                    case .LOAD_DEREF:
                        let cell = d.local(state.info.nlocals + arg)
                        let v = d.getfieldR(cell, L.cellContents)
                        if d.isNull(v) { throw rt.unboundDeref(state.info, arg) }
                        d.push(v)
                    case .STORE_DEREF:
                        d.setfieldR(d.local(state.info.nlocals + arg), L.cellContents, d.pop())
                    case .DELETE_DEREF:
                        d.setfieldR(d.local(state.info.nlocals + arg), L.cellContents, d.constRef(.null))
                    case .LOAD_CLOSURE:
                        d.push(d.local(state.info.nlocals + arg))
                    case .LOAD_GLOBAL:
                        if D.isTracing {
                            // A constant while the entry holds (an assumption), else a residual lookup each time.
                            if let v = rt.assumedGlobal(&d, state.frame.pointee.globals, state.names[arg]) {
                                d.push(d.constRef(v))
                            } else {
                                let globals = d.constRef(state.frame.pointee.globals)
                                d.push(try residual(&d, Residuals.loadGlobal, globals, d.constRef(state.names[arg])))
                            }
                        } else {
                            let globals = state.frame.pointee.globals
                            let v = rt.dictValue(globals, ifEntry: state.info.globalEntryHints[arg], holds: state.names[arg])
                            d.push(d.constRef(_slowPath(v.isNull) ? try rt.loadGlobal(globals, state.info, nameIndex: arg) : v))
                        }
                    case .STORE_GLOBAL:
                        let v = d.pop()
                        try residual(&d, Residuals.storeName, d.constRef(state.frame.pointee.globals), d.constRef(state.names[arg]), v)
                    case .DELETE_GLOBAL:
                        d.notTraceable("DELETE_GLOBAL")
                        if try rt.dictDelete(state.frame.pointee.globals, state.names[arg]).isNull {
                            throw rt.error(rt.exceptions.NameError, "name '\(rt.string(state.names[arg]))' is not defined")
                        }
                    case .LOAD_NAME:
                        if D.isTracing {
                            // Module code's namespace is its globals: the name is folded as LOAD_GLOBAL folds it.
                            if state.frame.pointee.localsDict == state.frame.pointee.globals,
                               let v = rt.assumedGlobal(&d, state.frame.pointee.globals, state.names[arg]) {
                                d.push(d.constRef(v))
                            } else {
                                let names = d.constRef(state.frame.pointee.localsDict), globals = d.constRef(state.frame.pointee.globals)
                                d.push(try residual(&d, Residuals.loadName, names, globals, d.constRef(state.names[arg])))
                            }
                        } else {
                            let v = rt.dictGetStr(state.frame.pointee.localsDict, state.names[arg])
                            d.push(d.constRef(v.isNull ? try rt.loadGlobal(state.frame.pointee.globals, state.names[arg]) : v))
                        }
                    case .STORE_NAME:
                        if D.isTracing {
                            let v = d.pop()
                            try residual(&d, Residuals.storeName, d.constRef(state.frame.pointee.localsDict), d.constRef(state.names[arg]), v)
                        } else {
                            rt.dictSetStr(state.frame.pointee.localsDict, state.names[arg], d.concrete(d.pop()))
                        }
                    case .DELETE_NAME:
                        d.notTraceable("DELETE_NAME")
                        if try rt.dictDelete(state.frame.pointee.localsDict, state.names[arg]).isNull {
                            throw rt.error(rt.exceptions.NameError, "name '\(rt.string(state.names[arg]))' is not defined")
                        }
                    case .LOAD_ATTR:
                        let o = d.pop()
                        d.push(try loadAttr(&d, o, state.names[arg]))
                    case .STORE_ATTR:
                        let o = d.pop(), v = d.pop()
                        try storeAttr(&d, o, state.names[arg], v)
                    case .DELETE_ATTR:
                        d.notTraceable("DELETE_ATTR")
                        sync(&d)
                        try rt.delAttr(d.concrete(d.pop()), state.names[arg])
                    case .LOAD_METHOD where D.isTracing:
                        // A constant receiver (a module, a class) has its attribute folded under assumptions; an
                        // instance's method comes from its map and its class; other receivers stay red, looked up
                        // by a residual that only reads (guards may follow it).
                        let o = d.peek(0)
                        if d.isConstant(o), let v = rt.assumedAttribute(&d, d.concrete(o), state.names[arg]) {
                            // A module's function or a class attribute (`math.sqrt(x)`, `Shape.area(s)`).
                            d.poke(0, d.constRef(.null))
                            d.push(d.constRef(v))
                            break
                        }
                        if let f = tracedInstanceMethod(&d, o, state.names[arg]) {
                            d.poke(0, d.constRef(f))
                            d.push(o)
                            continue
                        }
                        let m = d.callR(Residuals.lookupMethod, o, d.constRef(state.names[arg]))
                        if d.isNull(m) {
                            let value = try residual(&d, Residuals.getAttr, o, d.constRef(state.names[arg]))
                            d.poke(0, d.constRef(.null))
                            d.push(value)
                        } else {
                            d.poke(0, m)
                            d.push(o)
                        }
                    case .LOAD_METHOD:
                        sync(&d)
                        let o = d.concrete(d.peek(0))
                        let m = rt.lookupMethod(o, state.names[arg])
                        if m.isNull {
                            // [obj] -> [NULL obj.name]
                            let value = try rt.getAttr(o, state.names[arg])
                            d.poke(0, d.constRef(.null))
                            d.push(d.constRef(value))
                        } else {
                            // [obj] -> [method obj]
                            d.poke(0, d.constRef(m))
                            d.push(d.constRef(o))
                        }
                    case .CALL_METHOD where D.isTracing:
                        state.frame.pointee.pc = state.pc - 1
                        if d.isNull(d.peek(arg + 1)) {
                            try tracedCall(&d, &state, argc: arg, nullBelow: true)
                        } else {
                            try tracedCall(&d, &state, argc: arg + 1)
                        }
                    case .CALL_METHOD:
                        let slot = d.stackTop - arg - 2
                        var argc = arg + 1
                        if slot.pointee.isNull {
                            // [NULL callable args...] -> [callable args...]
                            slot.update(from: slot + 1, count: arg + 1)
                            d.stackTop -= 1
                            argc = arg
                        }
                        state.frame.pointee.pc = state.pc - 1  // where the caller resumes and tracebacks point
                        try call(&d, &state, at: slot, argc: argc)

                    case .UNARY_POSITIVE, .UNARY_NEGATIVE, .UNARY_INVERT:
                        let v = d.pop()
                        let op = instruction.opcode == .UNARY_NEGATIVE ? Residuals.negative : instruction.opcode == .UNARY_POSITIVE ? Residuals.positive : Residuals.invert
                        d.push(try residual(&d, op, v))
                    case .UNARY_NOT:
                        let v = d.pop()
                        d.push(d.constRef(try truth(&d, v) ? rt.falseObject : rt.trueObject))

                    case .BINARY_ADD, .BINARY_SUBTRACT, .BINARY_MULTIPLY, .BINARY_TRUE_DIVIDE, .BINARY_FLOOR_DIVIDE,
                         .BINARY_MODULO, .BINARY_POWER, .BINARY_LSHIFT, .BINARY_RSHIFT, .BINARY_AND, .BINARY_OR, .BINARY_XOR,
                         .INPLACE_ADD, .INPLACE_SUBTRACT, .INPLACE_MULTIPLY, .INPLACE_TRUE_DIVIDE, .INPLACE_FLOOR_DIVIDE,
                         .INPLACE_MODULO, .INPLACE_POWER, .INPLACE_LSHIFT, .INPLACE_RSHIFT, .INPLACE_AND, .INPLACE_OR,
                         .INPLACE_XOR:
                        // The operator is green (it comes from the opcode): int, float and int-float fast paths
                        // through the domain, everything else (big ints, strings, lists, dunder methods) a residual
                        // call.
                        let b = d.pop(), a = d.pop()
                        let (op, inplace) = instruction.opcode.binaryOperation
                        if d.hasType(a, L.int) && d.hasType(b, L.int),
                           let r = intOperation(&d, op, d.getfieldI(a, L.intval), d.getfieldI(b, L.intval)) {
                            d.push(boxInt(&d, r))
                        } else if d.hasType(a, L.float) || d.hasType(b, L.float),
                                  let x = floatOperand(&d, a), let y = floatOperand(&d, b), let r = floatOperation(&d, op, x, y) {
                            d.push(boxFloat(&d, r))
                        } else {
                            d.push(try residual(&d, (inplace ? Residuals.inplace : Residuals.binary)[op.rawValue], a, b))
                        }
                    case .BINARY_SUBSCR:
                        let k = d.pop(), o = d.pop()
                        if d.hasType(o, L.list) && d.hasType(k, L.int) {
                            let i = d.getfieldI(k, L.intval)
                            let n = d.getfieldI(o, L.listLength)
                            if d.isTrue(d.intGe(i, d.constInt(0))) && d.isTrue(d.intLt(i, n)) {
                                d.push(d.getarrayitemR(d.getfieldR(o, L.listItems), L.array, i))
                                continue
                            }
                        }
                        d.push(try residual(&d, Residuals.getItem, o, k))
                    case .STORE_SUBSCR:
                        let k = d.pop(), o = d.pop(), v = d.pop()
                        if d.hasType(o, L.list) && d.hasType(k, L.int) {
                            let i = d.getfieldI(k, L.intval)
                            let n = d.getfieldI(o, L.listLength)
                            if d.isTrue(d.intGe(i, d.constInt(0))) && d.isTrue(d.intLt(i, n)) {
                                d.setarrayitemR(d.getfieldR(o, L.listItems), L.array, i, v)
                                continue
                            }
                        }
                        try residual(&d, Residuals.setItem, o, k, v)
                    case .DELETE_SUBSCR:
                        d.notTraceable("DELETE_SUBSCR")
                        sync(&d)
                        let k = d.pop(), o = d.pop()
                        try rt.delItem(d.concrete(o), d.concrete(k))
                    case .BUILD_SLICE:
                        let step = arg == 3 ? d.pop() : d.constRef(rt.none)
                        let hi = d.pop(), lo = d.pop()
                        sync(&d)
                        d.push(d.callR(Residuals.newSlice, lo, hi, step))
                    case .COMPARE_OP:
                        let b = d.pop(), a = d.pop()
                        if d.hasType(a, L.int) && d.hasType(b, L.int) {
                            let x = d.getfieldI(a, L.intval), y = d.getfieldI(b, L.intval)
                            let c: D.I
                            switch CompareOp(operand: instruction.arg) {
                            case .lt: c = d.intLt(x, y)
                            case .le: c = d.intLe(x, y)
                            case .eq: c = d.intEq(x, y)
                            case .ne: c = d.intNe(x, y)
                            case .gt: c = d.intGt(x, y)
                            case .ge: c = d.intGe(x, y)
                            }
                            d.push(boolObject(&d, c))
                        } else if d.hasType(a, L.float) && d.hasType(b, L.float) {
                            let x = d.getfieldF(a, L.floatval), y = d.getfieldF(b, L.floatval)
                            let c: D.I
                            switch CompareOp(operand: instruction.arg) {
                            case .lt: c = d.floatLt(x, y)
                            case .le: c = d.floatLe(x, y)
                            case .eq: c = d.floatEq(x, y)
                            case .ne: c = d.floatNe(x, y)
                            case .gt: c = d.floatGt(x, y)
                            case .ge: c = d.floatGe(x, y)
                            }
                            d.push(boolObject(&d, c))
                        } else {
                            d.push(try residual(&d, Residuals.compare[arg], a, b))
                        }
                    case .IS_OP:
                        let b = d.pop(), a = d.pop()
                        let same = d.isSame(a, b)
                        d.push(d.constRef(rt.bool(same != (arg == 1))))
                    case .CONTAINS_OP:
                        let b = d.pop(), a = d.pop()
                        d.push(try residual(&d, arg == 1 ? Residuals.notContains : Residuals.contains, a, b))

                    case .JUMP_FORWARD:
                        state.pc = arg
                    case .JUMP_BACKWARD:
                        // A loop in an inlined call aborts the recording (the callee is not inlined again).
                        if D.isTracing { rt.jit?.backwardJumpWhileRecording(depth: frames.depth, code: state.info) }
                        // A safepoint for the GC and Ctrl-C (an exception raised here belongs to this instruction,
                        // inside the loop's try blocks), run when one of its two request words is set. A trace reads
                        // them (`getfield_raw_i`) and guards that both are clear, as PyPy's loops poll its action
                        // flag: a compiled loop leaves here (re-executing this instruction) when one is set, and the
                        // interpreter runs the safepoint. A recording that finds one set calls it as a residual.
                        if _slowPath(d.isTrue(d.getfieldRawI(rt.interruptField)) || d.isTrue(d.getfieldRawI(rt.collectField))) {
                            if D.isTracing {
                                _ = try residual(&d, Residuals.safepoint, d.constRef(rt.none))
                            } else {
                                sync(&d)
                                try rt.safepoint(interruptsReachMergePoint: true)
                            }
                        }
                        state.pc = arg
                        // can_enter_jit: the loop header's counter; hot loops are traced or entered from here.
                        if !D.isTracing && rt.jitEnabled && !state.info.jitIgnoresHeader[arg] {
                            state.publish(&d, rt)
                            switch rt.jit.unsafelyUnwrapped.canEnterJit(state.frame, depth: frames.depth) {
                            case .stay: break
                            case .resume: state.enter(frames.current, &d)
                            case .returned(let value): return value
                            case .raise(let exception):
                                state.enter(frames.current, &d)
                                state.pc += 1  // the unwinder blames the instruction before the pc
                                throw exception
                            case .escape(let exception):
                                throw exception  // the catch below sees it is escaping and lets it out
                            }
                        }
                    case .POP_JUMP_IF_FALSE:
                        let c = d.pop()
                        if try !truth(&d, c) { state.pc = arg }
                    case .POP_JUMP_IF_TRUE:
                        let c = d.pop()
                        if try truth(&d, c) { state.pc = arg }
                    case .JUMP_IF_FALSE_OR_POP:
                        if try !truth(&d, d.peek(0)) { state.pc = arg } else { _ = d.pop() }
                    case .JUMP_IF_TRUE_OR_POP:
                        if try truth(&d, d.peek(0)) { state.pc = arg } else { _ = d.pop() }
                    case .GET_ITER:
                        let o = d.pop()
                        d.push(try residual(&d, Residuals.getIter, o))
                    case .FOR_ITER:
                        let it = d.peek(0)
                        if d.hasType(it, L.iterator) && d.isTrue(d.intEq(d.getfieldI(it, L.iterKind), d.constInt(IteratorKind.range.rawValue))) {
                            // range iteration without a call: index/end/step live in the iterator.
                            let i = d.getfieldI(it, L.iterIndex)
                            let end = d.getfieldI(it, L.iterEnd)
                            let step = d.getfieldI(d.getfieldR(it, L.iterB), L.intval)
                            let more = d.isTrue(d.intGt(step, d.constInt(0))) ? d.isTrue(d.intLt(i, end)) : d.isTrue(d.intGt(i, end))
                            if more {
                                d.setfieldI(it, L.iterIndex, d.intAddOvf(i, step) ?? i)
                                d.push(boxInt(&d, i))
                            } else {
                                _ = d.pop()
                                state.pc = arg
                            }
                            continue
                        }
                        if try !forIterNext(&d, it) {
                            _ = d.pop()
                            state.pc = arg
                        }

                    case .BUILD_TUPLE:
                        d.push(arg == 0 ? d.constRef(rt.emptyTuple) : buildTuple(&d, count: arg))
                    case .BUILD_LIST:
                        d.push(buildList(&d, count: arg))
                    case .BUILD_SET:
                        d.notTraceable("BUILD_SET")
                        sync(&d)
                        let s = rt.newSet(capacity: arg)
                        for i in stride(from: arg - 1, through: 0, by: -1) {
                            let x = d.concrete(d.peek(i))
                            try rt.dictSet(s, x, x)
                        }
                        d.stackTop -= arg
                        d.push(d.constRef(s))
                    case .BUILD_MAP:
                        d.notTraceable("BUILD_MAP")
                        sync(&d)
                        let m = rt.newDict(capacity: arg)
                        for i in stride(from: 2 * arg - 1, through: 1, by: -2) {
                            try rt.dictSet(m, d.concrete(d.peek(i)), d.concrete(d.peek(i - 1)))
                        }
                        d.stackTop -= 2 * arg
                        d.push(d.constRef(m))
                    case .LIST_APPEND:
                        let v = d.pop()
                        if D.isTracing {
                            _ = try residual(&d, Residuals.listAppend, d.peek(arg - 1), v)
                        } else {
                            rt.listAppend(d.concrete(d.peek(arg - 1)), d.concrete(v))
                        }
                    case .SET_ADD:
                        d.notTraceable("SET_ADD")
                        sync(&d)
                        let v = d.concrete(d.pop())
                        try rt.dictSet(d.concrete(d.peek(arg - 1)), v, v)
                    case .MAP_ADD:
                        d.notTraceable("MAP_ADD")
                        sync(&d)
                        let v = d.concrete(d.pop()), k = d.concrete(d.pop())
                        try rt.dictSet(d.concrete(d.peek(arg - 1)), k, v)
                    case .LIST_EXTEND:
                        d.notTraceable("LIST_EXTEND")
                        sync(&d)
                        let src = d.concrete(d.peek(0))
                        try rt.listExtend(d.concrete(d.peek(arg)), src)
                        _ = d.pop()
                    case .LIST_TO_TUPLE:
                        d.notTraceable("LIST_TO_TUPLE")
                        d.push(d.constRef(rt.newTuple(rt.items(d.concrete(d.pop())))))
                    case .DICT_MERGE, .DICT_UPDATE:
                        d.notTraceable("DICT_MERGE")
                        sync(&d)
                        let src = d.concrete(d.peek(0))
                        try rt.dictMerge(d.concrete(d.peek(arg)), src, rejectDuplicates: instruction.opcode == .DICT_MERGE)
                        _ = d.pop()
                    case .UNPACK_SEQUENCE:
                        try unpackSequence(&d, count: arg)
                    case .UNPACK_EX:
                        d.notTraceable("UNPACK_EX")
                        sync(&d)
                        let before = arg & 0xFF, after = arg >> 8
                        let items = try rt.unpackStarred(d.concrete(d.pop()), before: before, after: after)
                        for x in items.reversed() { d.push(d.constRef(x)) }
                    case .FORMAT_VALUE:
                        try formatValue(&d, flags: arg)
                    case .BUILD_STRING:
                        try buildString(&d, count: arg)

                    case .MAKE_FUNCTION where D.isTracing:
                        // A residual allocation of the function; the code object and the globals are green.
                        let code = d.pop()
                        let closure = arg & 0x08 != 0 ? d.pop() : d.constRef(.null)
                        if arg & 0x02 != 0 { d.notTraceable("MAKE_FUNCTION with keyword-only defaults") }
                        let kwdefaults = arg & 0x02 != 0 ? d.pop() : d.constRef(.null)
                        let defaults = arg & 0x01 != 0 ? d.pop() : d.constRef(.null)
                        if arg & 0x02 != 0 {
                            d.push(d.constRef(rt.newFunction(d.concrete(code), globals: state.frame.pointee.globals, defaults: d.concrete(defaults),
                                                             kwdefaults: d.concrete(kwdefaults), closure: d.concrete(closure))))
                        } else {
                            let function = try residual(&d, Residuals.makeFunction, code, d.constRef(state.frame.pointee.globals), closure)
                            if arg & 0x01 != 0 { d.setfieldR(function, L.funcDefaults, defaults) }
                            d.push(function)
                        }
                    case .MAKE_FUNCTION:
                        let codeRef = d.concrete(d.pop())
                        let closure = arg & 0x08 != 0 ? d.concrete(d.pop()) : Ref.null
                        let kwdefaults = arg & 0x02 != 0 ? d.concrete(d.pop()) : Ref.null
                        let defaults = arg & 0x01 != 0 ? d.concrete(d.pop()) : Ref.null
                        d.push(d.constRef(rt.newFunction(codeRef, globals: state.frame.pointee.globals, defaults: defaults,
                                                         kwdefaults: kwdefaults, closure: closure)))
                    case .CALL_FUNCTION:
                        state.frame.pointee.pc = state.pc - 1  // where the caller resumes and tracebacks point
                        if D.isTracing {
                            try tracedCall(&d, &state, argc: arg)
                        } else {
                            try call(&d, &state, at: d.stackTop - arg - 1, argc: arg)
                        }
                    case .CALL_FUNCTION_KW:
                        d.notTraceable("CALL_FUNCTION_KW")
                        let kwnames = d.concrete(d.pop())
                        state.frame.pointee.pc = state.pc - 1  // where the caller resumes and tracebacks point
                        let slot = d.stackTop - arg - 1
                        if try rt.callAt(slot, argc: arg, kwnames: kwnames) { state.enter(frames.current, &d) } else { d.stackTop = slot + 1 }
                    case .CALL_FUNCTION_EX:
                        d.notTraceable("CALL_FUNCTION_EX")
                        sync(&d)
                        let kwargs = arg & 1 != 0 ? d.concrete(d.pop()) : Ref.null
                        let args = d.concrete(d.pop())
                        let f = d.concrete(d.pop())
                        let result = try rt.callWithSpread(f, args, kwargs)
                        d.push(d.constRef(result))
                    case .RETURN_VALUE:
                        if D.observesFrames { d.frameReturns(depth: frames.depth) }
                        let result = d.pop()
                        let finished = state.frame.pointee
                        // The caller's stack top is the callee's function slot: the result replaces it.
                        var value = result
                        if _slowPath(!finished.constructed.isNull) {
                            if !d.isSame(result, d.constRef(rt.none)) {
                                throw rt.typeError("__init__() should return None, not '\(rt.typeName(d.concrete(result)))'")
                            }
                            if D.isTracing && finished.base[0] == finished.constructed {
                                // An `__init__` that keeps `self` (all the tracer inlines): the instance's IR value.
                                value = d.local(0)
                            } else {
                                if D.isTracing { d.notTraceable("a return from a constructor that rebound self") }
                                value = d.constRef(finished.constructed)
                            }
                        }
                        frames.pop()
                        if _slowPath(finished.isEntry) {
                            rt.frames.top = finished.base - 1
                            return d.concrete(value)
                        }
                        state.enter(frames.current, &d)
                        state.pc += 1  // the caller resumes after its call instruction
                        d.stackTop = finished.base - 1
                        d.push(value)
                    case .LOAD_BUILD_CLASS:
                        d.push(d.constRef(rt.buildClassFunction))
                    case .IMPORT_NAME:
                        d.notTraceable("IMPORT_NAME")
                        sync(&d)
                        let fromlist = d.concrete(d.pop())
                        let level = d.concrete(d.pop())
                        d.push(d.constRef(try rt.importName(rt.string(state.names[arg]), fromlist: fromlist, level: rt.smallInt(level) ?? 0,
                                                           globals: state.frame.pointee.globals)))
                    case .IMPORT_FROM:
                        d.notTraceable("IMPORT_FROM")
                        sync(&d)
                        d.push(d.constRef(try rt.importFrom(d.concrete(d.peek(0)), state.names[arg])))
                    case .IMPORT_STAR:
                        d.notTraceable("IMPORT_STAR")
                        sync(&d)
                        try rt.importStar(d.concrete(d.pop()), into: state.frame.pointee.localsDict.isNull ? state.frame.pointee.globals : state.frame.pointee.localsDict)

                    case .RAISE_VARARGS:
                        d.notTraceable("RAISE_VARARGS")
                        sync(&d)
                        switch arg {
                        case 0:
                            if rt.handledException.isNull || rt.handledException == rt.none {
                                throw rt.error(rt.exceptions.RuntimeError, "No active exception to reraise")
                            }
                            throw PyException(rt.handledException)
                        case 1: throw PyException(try rt.makeException(d.concrete(d.pop())))
                        default:
                            _ = d.pop()
                            throw PyException(try rt.makeException(d.concrete(d.pop())))
                        }
                    case .LOAD_ASSERTION_ERROR:
                        d.push(d.constRef(rt.exceptions.AssertionError))
                    case .PUSH_EXC_INFO:
                        d.notTraceable("PUSH_EXC_INFO")
                        let exc = d.pop()
                        d.push(d.constRef(rt.handledException.isNull ? rt.none : rt.handledException))
                        d.push(exc)
                        rt.handledException = d.concrete(exc)
                    case .POP_EXCEPT:
                        d.notTraceable("POP_EXCEPT")
                        rt.handledException = d.concrete(d.pop())
                    case .JUMP_IF_NOT_EXC_MATCH:
                        d.notTraceable("JUMP_IF_NOT_EXC_MATCH")
                        let type = d.concrete(d.pop()), exc = d.concrete(d.pop())
                        if try !rt.exceptionMatches(exc, type) { state.pc = arg }
                    case .RERAISE:
                        d.notTraceable("RERAISE")
                        throw PyException(d.concrete(d.pop()))
                    }
                }
            } catch {
                // Unwind: find the innermost handler, frame by frame (DESIGN §13: no Swift recursion to undo).
                let exc = (error as! PyException).value
                if !D.isTracing, let jit = rt.jit, jit.takeEscaping(exc) { throw PyException(exc) }
                if D.observesFrames { d.notTraceable("an exception was raised") }
                state.frame.pointee.pc = state.pc - 1  // the instruction that raised
                if D.observesFrames {
                    // An observer may abandon the guest: then no handler runs, every frame up to the entry unwinds.
                    if rt.guestAbandoned { throw rt.unwindAbandonedGuest() }
                    rt.reportRaised(exc)
                }
                rt.addTraceback(exc, frame: state.frame.pointee)
                while true {
                    let failedAt = Int32(state.frame.pointee.pc)
                    if let entry = state.info.code.exceptionTable.first(where: { failedAt >= $0.start && failedAt < $0.end }) {
                        d.stackTop = state.frame.pointee.stackBase + Int(entry.depth)
                        d.push(d.constRef(exc))
                        state.pc = Int(entry.handler)
                        break
                    }
                    let finished = state.frame.pointee
                    frames.pop()
                    if finished.isEntry {
                        rt.frames.top = finished.base - 1
                        throw PyException(exc)
                    }
                    state.enter(frames.current, &d)
                    rt.addTraceback(exc, frame: state.frame.pointee)
                }
            }
        }
    }
}

extension Runtime {
    /// Takes the exception a residual call left pending.
    func takePending() -> PyException {
        let e = pendingException
        pendingException = .null
        return PyException(e)
    }

    func unboundDeref(_ info: CodeInfo, _ index: Int) -> PyException {
        let code = info.code
        if index < code.cellvars.count {
            return error(exceptions.UnboundLocalError,
                         "cannot access local variable '\(code.cellvars[index])' where it is not associated with a value")
        }
        return error(exceptions.NameError,
                     "cannot access free variable '\(code.freevars[index - code.cellvars.count])' where it is not associated with a value in enclosing scope")
    }

    /// LOAD_GLOBAL of `info.names[nameIndex]` without a valid entry hint: looks the name up in the module's
    /// globals, then the builtins, and remembers the entry where the globals hold it.
    @inline(never) func loadGlobal(_ globals: Ref, _ info: CodeInfo, nameIndex: Int) throws(PyException) -> Ref {
        let name = info.names[nameIndex]
        let e = dictEntryStr(globals, name)
        if e >= 0 {
            info.globalEntryHints[nameIndex] = e
            return dictValue(globals, at: e)
        }
        let v = dictGetStr(builtinsDict, name)
        if v.isNull { throw undefinedName(name) }
        return v
    }

    /// A global's value: module globals, then builtins.
    @inline(__always) func loadGlobal(_ globals: Ref, _ name: Ref) throws(PyException) -> Ref {
        let v = lookupGlobal(globals, name)
        if v.isNull { throw undefinedName(name) }
        return v
    }

    /// A global's value, or null if neither the module nor the builtins define it.
    @inline(__always) func lookupGlobal(_ globals: Ref, _ name: Ref) -> Ref {
        let v = dictGetStr(globals, name)
        return v.isNull ? dictGetStr(builtinsDict, name) : v
    }

    @inline(never) func undefinedName(_ name: Ref) -> PyException {
        error(exceptions.NameError, "name '\(string(name))' is not defined")
    }
}

/// The dispatch loop's view of the executing frame: what it reads on every instruction, cached in locals.
struct DispatchState {
    var frame: UnsafeMutablePointer<Frame>
    unowned(unsafe) var info: CodeInfo
    var code: UnsafeMutablePointer<Instruction>
    var consts: UnsafeMutablePointer<Ref>
    var names: UnsafeMutablePointer<Ref>
    var pc: Int

    @inline(__always) init(_ frame: UnsafeMutablePointer<Frame>) {
        self.frame = frame
        info = frame.pointee.info.takeUnretainedValue()
        code = info.instructions
        consts = info.consts
        names = info.names
        pc = frame.pointee.pc
    }

    /// Saves the pc and stack top in the executing frame's record (and the runtime's stack top), so that a hint
    /// observing the frames sees where execution is.
    @inline(__always) func publish<D: Domain>(_ d: inout D, _ rt: Runtime) {
        frame.pointee.pc = pc
        frame.pointee.sp = d.stackTop
        rt.frames.top = d.stackTop
    }

    /// Switches to `frame` (after a call or a return), resuming at its saved instruction.
    @inline(__always) mutating func enter<D: Domain>(_ frame: UnsafeMutablePointer<Frame>, _ d: inout D) {
        self = DispatchState(frame)
        d.switchFrame(locals: frame.pointee.base, sp: frame.pointee.sp)
    }
}
