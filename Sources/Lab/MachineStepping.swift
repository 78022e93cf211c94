import Meta
import MiniPy

/// `stepi`: entries of compiled loops run in the x86-64 emulator (`X64.Emulator`) instead of natively, one machine
/// instruction at a time — the very bytes installed, with residual calls made natively. One per guest run; the JIT
/// driver asks it first at every loop entry (`JitDriver.loopEntry`).
///
/// `stepi N` away from machine code asks for the next loop entry: the driver hands that entry here, the first N
/// instructions run and are shown, and the program stops between instructions (the session's command loop runs
/// inside the emulated call). A resuming command runs the rest of the entry in the emulator and hands its exit to
/// the driver, exactly as a native run would.
final class MachineStepping {
    unowned let session: Session
    unowned let runtime: Runtime
    /// The instructions to step at the next loop entry (`stepi` away from machine code).
    var pendingSteps: Int?
    /// The emulated entry the program is stopped in, between two of its instructions (not while guest code a
    /// residual call of it runs is stopped).
    private(set) var stoppedEntry: EmulatedEntry?

    init(session: Session, runtime: Runtime) {
        self.session = session
        self.runtime = runtime
    }

    /// The driver's `loopEntry`: nil (run natively) unless `stepi` asked for this entry.
    func enter(_ loop: CompiledLoop, _ inputs: [ConcreteValue]) -> TraceExit? {
        guard let steps = pendingSteps, let compiled = loop.runner as? X64.CompiledTrace,
              let history = session.jitHistory, let index = history.loopIndex(number: loop.trace.number) else { return nil }
        pendingSteps = nil
        do {
            return try compiled.runEmulated(inputs) { call in
                let entry = EmulatedEntry(loopIndex: index, compiled: compiled, call: call, history: history)
                session.writeLine("Loop \(index): entering its machine code in the emulator (\(compiled.code.instructions.count) instructions, \(compiled.bridges.count) bridges)")
                if try step(steps, in: entry) { return }
                session.writeLine("=> " + session.machineCodeLine(entry.next!.record, in: entry.next!.code, prefix: entry.prefix(of: entry.next!.code)))
                let frameTop = runtime.frames.top
                let frame = runtime.frames.current
                let here = GuestPosition(depth: runtime.frames.depth, frame: frame, code: frame.pointee.code, pc: frame.pointee.pc)
                let outer = stoppedEntry
                stoppedEntry = entry
                defer { stoppedEntry = outer }
                session.stopped(Stop(position: here, reason: .step, operation: nil, stackTop: frameTop, events: []), report: false)
                runtime.frames.top = frameTop
            }
        } catch {
            // The emulator is validated against the CPU; an instruction it cannot execute is its bug. Half a run
            // cannot be taken back, so the program is abandoned.
            session.writeLine("error: the emulator stopped: \(error); the program is abandoned")
            session.execution?.abandon(.quit)
            return nil
        }
    }

    /// Executes up to `count` instructions of the current entry, showing each; returns whether the entry function
    /// returned (then it says through which exit, and the program stops where the interpreter resumes).
    func step(_ count: Int, in entry: EmulatedEntry) throws -> Bool {
        // A residual call may run guest code that stops: `stepi` there must not re-enter this half-done step.
        let stopped = stoppedEntry
        stoppedEntry = nil
        defer { stoppedEntry = stopped }
        for _ in 0..<count {
            guard let executed = try entry.call.step() else { break }
            session.writeExecuted(executed, entry)
            if entry.call.hasReturned { break }
        }
        guard entry.call.hasReturned else { return false }
        let index = Int(truncatingIfNeeded: entry.call.emulator.registers[Int(X64.GPR.rax.rawValue)])
        let reason = entry.compiled.exits.indices.contains(index) ? describe(entry.compiled.exits[index].reason) : "an unknown exit"
        session.writeLine("Loop \(entry.loopIndex) left its machine code through exit \(index): \(reason)")
        session.execution?.monitor.condition = StepCondition(granularity: .instruction, count: 1, overCalls: false, from: nil)
        return true
    }

    private func describe(_ reason: TraceExit.Reason) -> String {
        switch reason {
        case .guardFailed(let op, let number): "guard \(number) failed (op \(op))"
        case .finished(let op): "finish (op \(op))"
        case .jumped(let token): "jump to loop \(token)"
        case .outOfMemory(let op): "out of memory (op \(op))"
        }
    }
}

/// An entry of a compiled loop running in the emulator, with what is needed to show its instructions.
final class EmulatedEntry {
    let loopIndex: Int
    let compiled: X64.CompiledTrace
    let call: X64.EmulatedCall
    /// Each code's trace and op texts (the loop's own and its bridges'), by code.
    private let traces: [ObjectIdentifier: (trace: Trace, texts: [String], prefix: String)]
    /// The code and op of the instruction shown last (the op's line is shown when it changes).
    var shownOp: (ObjectIdentifier, Int?)?

    init(loopIndex: Int, compiled: X64.CompiledTrace, call: X64.EmulatedCall, history: JitHistory) {
        self.loopIndex = loopIndex
        self.compiled = compiled
        self.call = call
        let printer = history.printer
        var traces = [ObjectIdentifier(compiled.code): (compiled.trace, printer.operationTexts(compiled.trace), "+")]
        for bridge in compiled.bridges {
            traces[ObjectIdentifier(bridge.code)] = (bridge.trace, printer.operationTexts(bridge.trace), "bridge \(bridge.trace.number) +")
        }
        self.traces = traces
    }

    var next: (code: X64.ExecutableCode, record: X64.InstructionRecord)? { call.next }

    /// How offsets in `code` are written: `+` for the loop's code, `bridge K +` for its bridges'.
    func prefix(of code: X64.ExecutableCode) -> String { traces[ObjectIdentifier(code)]?.prefix ?? "?+" }

    func op(_ index: Int?, in code: X64.ExecutableCode) -> (Meta.Operation, String)? {
        guard let index, let t = traces[ObjectIdentifier(code)], index < t.texts.count else { return nil }
        return (t.trace.ops[index], t.texts[index])
    }

    /// `value` as shown in a register change: addresses the run knows by where they point, numbers in decimal.
    func describe(_ value: UInt64, heap: Heap) -> String {
        let frameStart = UInt64(UInt(bitPattern: call.frame.baseAddress!))
        if value >= frameStart, value < frameStart + UInt64(call.frame.count) { return "<frame+\(hex(value - frameStart))>" }
        let rsp = call.entryStackPointer
        if value <= rsp, rsp - value <= 1 << 16 { return value == rsp ? "<stack>" : "<stack-\(hex(rsp - value))>" }
        if value > rsp, value - rsp <= 8 { return "<stack+\(hex(value - rsp))>" }
        for code in [compiled.code] + compiled.bridges.map(\.code) {
            let start = UInt64(UInt(bitPattern: code.address))
            if value >= start, value < start + UInt64(code.byteCount) { return "<\(prefix(of: code))\(hex(value - start))>" }
        }
        if value % 8 == 0, value != 0, heap.contains(Ref(bits: UInt(value))) { return "<ref>" }
        if value >= 1 << 32, value < 1 << 48 { return "<address>" }
        return String(Int64(bitPattern: value))
    }
}

private func hex(_ n: UInt64) -> String { "0x" + String(n, radix: 16) }

extension Session {
    /// One machine instruction as `asm` lists it: offset from the start of its code, bytes, instruction.
    func machineCodeLine(_ record: X64.InstructionRecord, in code: X64.ExecutableCode, prefix: String = "+") -> String {
        let bytes = code.bytes(of: record).map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
        let offset = String(record.offset, radix: 16)
        return prefix + String(repeating: "0", count: max(0, 4 - offset.count)) + offset + "  "
            + bytes.padding(toLength: max(bytes.count, 30), withPad: " ", startingAt: 0) + "  " + record.text
    }

    /// An instruction `stepi` executed: its IR op's line when the op changes, the instruction, what it changed.
    func writeExecuted(_ executed: X64.ExecutedInstruction, _ entry: EmulatedEntry) {
        let code = ObjectIdentifier(executed.code)
        if entry.shownOp == nil || entry.shownOp!.0 != code || entry.shownOp!.1 != executed.record.tag {
            entry.shownOp = (code, executed.record.tag)
            if let (op, text) = entry.op(executed.record.tag, in: executed.code) { writeIROp(op, text, prefix: "# ") }
        }
        writeLine("  " + machineCodeLine(executed.record, in: executed.code, prefix: entry.prefix(of: executed.code)))
        let heap = entry.compiled.heap
        var changes = executed.changes.map { change -> String in
            switch change.register {
            case .gpr(let r): return "\(r.name(.qword)) \(entry.describe(change.old[0], heap: heap)) -> \(entry.describe(change.new[0], heap: heap))"
            case .xmm(let x): return "\(x.name) \(double(change.old)) -> \(double(change.new))"
            }
        }
        let names: [(X64.CPUFlags, String)] = [(.carry, "CF"), (.parity, "PF"), (.zero, "ZF"), (.sign, "SF"), (.overflow, "OF")]
        for (flag, name) in names {
            func value(_ flags: X64.CPUFlags, _ undefined: X64.CPUFlags) -> String {
                undefined.contains(flag) ? "?" : flags.contains(flag) ? "1" : "0"
            }
            let old = value(executed.flagsBefore, executed.undefinedFlagsBefore)
            let new = value(executed.flagsAfter, executed.undefinedFlagsAfter)
            if old != new { changes.append("\(name) \(old) -> \(new)") }
        }
        if !changes.isEmpty { writeLine("          " + palette.dim(changes.joined(separator: ", "))) }
    }
}

/// An xmm register's scalar double, with its high lane when that is not zero.
private func double(_ lanes: SIMD2<UInt64>) -> String {
    let low = "\(Double(bitPattern: lanes[0]))"
    return lanes[1] == 0 ? low : low + " (high lane \(hex(lanes[1])))"
}

/// The `stepi` command.
enum MachineCommands {
    static let all: [Command] = [stepi]

    static let stepi = Command(
        name: "stepi", aliases: ["si"], usage: "stepi [N]",
        summary: "execute N machine instructions of a compiled loop in the emulator (default 1), showing what they change",
        details: "Stopped in a compiled loop's machine code, executes the next N instructions in the x86-64 emulator and shows each (offset, bytes, instruction, under the IR op it came from) with the registers and flags it changed (old -> new; '?' is an undefined flag). Elsewhere, runs the program to the next entry of a compiled loop (breakpoints still stop it) and steps there. Any other resuming command ('continue', 'step', ...) runs the rest of that entry in the emulator and goes on as a native run would. When the machine code returns, the program stops where the interpreter resumes. Values show as <frame+OFF> (the run's frame area), <stack-OFF> (the emulated stack, from the entry's stack pointer), <+OFF> (the loop's code), <ref> (a heap object), <address> (any other value from 2^32 to 2^48, a number that large too), else in decimal. Needs 'set jit trace' and 'set backend x64'.") { session, args throws(CommandError) in
            guard args.words.count <= 1 else { throw CommandError("stepi takes at most a count", hint: "usage: stepi [N]") }
            let count = try args.words.first.map { word throws(CommandError) in try parseCount(word, for: "stepi [N]") } ?? 1
            let (execution, _) = try session.requireStop()
            guard let machine = execution.machineStepping else {
                throw CommandError("the JIT is off", hint: "'set jit trace', then run the program")
            }
            if let entry = machine.stoppedEntry {
                do {
                    return try machine.step(count, in: entry) ? .resume : .stay
                } catch {
                    throw CommandError("the emulator stopped: \(error)", hint: "resuming abandons the program")
                }
            }
            guard session.settings.jit.tracer.backend == .x64 else {
                throw CommandError("loops run on the IR executor, not machine code", hint: "'set backend x64', then run again")
            }
            machine.pendingSteps = count
            return try session.proceed(RunFreely())
        }
}
