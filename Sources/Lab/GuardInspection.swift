import Meta
import MiniPy

/// A guard of the run's compiled code, found by number: the loop it belongs to, where it is, and the trace (the
/// loop's or one of its bridges') holding it.
struct GuardLookup {
    let loop: CompiledLoop
    let site: CompiledLoop.GuardSite
    let trace: Trace

    /// The bridge the guard's trace is, if it is one.
    var bridgeNumber: Int? { site.inBridge ? site.traceNumber : nil }
}

extension JitHistory {
    /// The run's compiled loops (the driver's, in order: their indexes are the Lab's loop numbers).
    var compiledLoops: [CompiledLoop] { runtime.jit?.compiledLoops ?? [] }

    /// Guard `number` of any loop or bridge of the run.
    func lookUpGuard(_ number: Int) -> GuardLookup? {
        for loop in compiledLoops {
            guard let site = loop.guardSites.first(where: { $0.number == number }) else { continue }
            let trace = site.inBridge ? loop.bridges.first { $0.trace.number == site.traceNumber }?.trace : loop.trace
            return trace.map { GuardLookup(loop: loop, site: site, trace: $0) }
        }
        return nil
    }

    /// `Guard 16 guard_true(i16) at run:5 #12 COMPARE_OP`: the guard without its fail arguments.
    func guardTitle(_ g: GuardLookup) -> String {
        var plain = printer
        plain.options.guardNumbers = false
        let text = TraceTree.withoutFailArgs(plain.operationTexts(g.trace)[g.site.opIndex])
        let at = g.site.op.annotation?.guest.map { " at \($0.shortText)" } ?? ""
        return "Guard \(g.site.number) \(text)\(at)"
    }

    /// The guard's snapshot, one line per frame (outermost first: function, pc, line, each local named, the stack)
    /// and per virtual object, in the IR values of the guard's trace. Unbound locals are left out.
    func snapshotLines(_ g: GuardLookup) -> [String] {
        guard let info = g.site.op.guardInfo, let texts = printer.snapshotTexts(g.trace, guardAt: g.site.opIndex) else { return [] }
        var lines: [String] = []
        for (k, (frame, text)) in zip(info.snapshot.frames, texts.frames).enumerated() {
            let code = runtime.jit?.code(ofSnapshotFrame: frame)
            let innermost = k == info.snapshot.frames.count - 1
            let line = innermost ? g.site.op.annotation?.guest?.line : code.map { Int($0.lines[min(frame.pc, $0.lines.count - 1)]) }
            let names = code.map { $0.varnames + $0.cellvars + $0.freevars } ?? []
            let locals = zip(frame.locals, text.locals).enumerated().compactMap { i, local -> String? in
                if case .ref(let r)? = g.trace.constantValue(local.0), r.isNull { return nil }  // unbound
                return "\(i < names.count ? names[i] : "slot\(i)")=\(local.1)"
            }
            let function = code?.qualname ?? frame.codeName
            let contents = !g.loop.virtualizable && text.locals.isEmpty && text.stack.isEmpty
                ? "its slots stay in the frame's memory (virtualizable off)"
                : (locals.isEmpty ? "no locals" : locals.joined(separator: " ")) + "  stack [" + text.stack.joined(separator: ", ") + "]"
            lines.append("frame \(function) #\(frame.pc)" + (line.map { " (line \($0))" } ?? "") + ": " + contents)
        }
        return lines + texts.virtuals.map { "virtual " + $0 }
    }

    /// Whether and when the guard's failures get it a bridge (the driver's rule: a virtualizable frame, a guard
    /// whose bytecode re-executes, `trace_eagerness` failures).
    func bridgeOutlook(_ g: GuardLookup) -> String {
        if !g.loop.virtualizable { return "no bridges: the frame is not virtualizable" }
        if g.loop.resumeModes[g.site.number] == .raisePending { return "no bridge: its failures raise a pending exception" }
        let eagerness = runtime.jit?.options.traceEagerness ?? 0
        return "trace_eagerness \(eagerness): a bridge is traced after that many"
    }

    /// How the interpreter continues after guard `number` failed.
    func resumeText(_ g: GuardLookup) -> String {
        g.loop.resumeModes[g.site.number] == .raisePending
            ? "raises the exception its residual call left pending" : "re-executes the bytecode whose check failed"
    }
}
