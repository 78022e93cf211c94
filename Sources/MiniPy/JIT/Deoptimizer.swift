import Meta

/// Rebuilds MiniPy frames from a failed guard's resume state (DESIGN §9): the root frame of the loop gets its
/// slots, pc and stack top back; each inlined call gets its frame record pushed, with the function the snapshot
/// names — and for an inlined constructor's `__init__`, the instance it constructs, its first local (the tracer
/// inlines only `__init__`s that never rebind it). Virtual objects were already materialised by
/// `Trace.resumeState`.
struct Deoptimizer {
    unowned let rt: Runtime
    unowned let guest: MiniPyGuest

    /// Rebuilds the frames on top of the root frame at `rootDepth`; returns how many frames were rebuilt. With
    /// `stackDepths` (a non-virtualizable frame) the slots are already in memory and only the records are set up.
    func rebuild(_ resume: ResumeState, stackDepths: [Int]?, rootDepth: Int) -> Int {
        let frames = rt.frames
        let L = rt.L
        var base = frames.frames[rootDepth - 1].base
        for (k, rf) in resume.frames.enumerated() {
            let frame: UnsafeMutablePointer<Frame>
            if k == 0 {
                frame = frames.frames + (rootDepth - 1)
            } else {
                let function = guest.functions[rf.codeID].function
                let info = rt.codeInfo(ofFunction: function)
                let stackBase = base + info.nlocals + info.ncells
                frames.push(Frame(info: Unmanaged.passUnretained(info), function: function, globals: function.ref(L.funcGlobals),
                                  localsDict: .null, base: base, stackBase: stackBase, sp: stackBase, pc: 0,
                                  constructed: .null, isEntry: false))
                frame = frames.current
            }
            for (i, v) in rf.locals.enumerated() { frame.pointee.base[i] = ref(v) }
            if k > 0 && guest.functions[rf.codeID].constructs { frame.pointee.constructed = frame.pointee.base[0] }
            for (i, v) in rf.stack.enumerated() { frame.pointee.stackBase[i] = ref(v) }
            frame.pointee.pc = rf.pc
            frame.pointee.sp = frame.pointee.stackBase + (stackDepths?[k] ?? rf.stack.count)
            base = frame.pointee.sp
        }
        frames.top = frames.current.pointee.sp
        return resume.frames.count
    }

    private func ref(_ v: ConcreteValue) -> Ref {
        if case .ref(let r) = v { return r }
        fatalError("a MiniPy frame slot holds a reference, not \(v)")
    }
}
