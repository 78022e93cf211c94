import Testing
import Meta
@testable import MiniPy

/// Collects the tracer's events.
final class TracerEventLog: TracerObserver {
    var events: [TracerEvent] = []
    func tracer(_ event: TracerEvent) { events.append(event) }
    var compiled: [Trace] { events.compactMap { if case .loopCompiled(let t, _) = $0 { t } else { nil } } }
    var aborts: [String] { events.compactMap { if case .traceAborted(_, let r) = $0 { r } else { nil } } }
}

/// Runs `source` as `__main__` under `--jit trace` with `options` (and `optimizer`, none by default); returns the runtime's view of the globals
/// `names`, the events, and the driver's statistics.
func runTraced(_ source: String, options: TracerOptions, optimizer: Optimizer? = nil, globals names: [String] = [])
    -> (values: [String: String], log: TracerEventLog, stats: JitStatistics, failure: String?, layouts: Layouts) {
    runOnLargeStack {
        let rt = Runtime()
        rt.installBuiltins()
        rt.installInterpreterBuiltins()
        let jit = JitDriver(runtime: rt, options: options, optimizer: optimizer)
        let log = TracerEventLog()
        jit.observers.append(log)
        rt.jit = jit
        let main = rt.newModule("__main__")
        let dict = main.ref(rt.L.moduleDict)
        rt.dictSetStr(dict, rt.intern("__name__"), rt.intern("__main__"))
        var failure: String?
        do {
            let code = try compileModule(source: source, filename: "t.py")
            _ = try rt.runCode(code, globals: dict, localsDict: dict)
        } catch let e as PyException {
            failure = rt.exceptionLastLine(e.value)
        } catch {
            failure = "\(error)"
        }
        var values: [String: String] = [:]
        for n in names {
            let v = rt.dictGetStr(dict, rt.intern(n))
            values[n] = v.isNull ? "<unset>" : ((try? rt.repr(v)) ?? "<repr failed>")
        }
        return (values, log, jit.statistics, failure, rt.L)
    }
}

/// The ops recorded for the bytecode at `pc` of `function` (without its debug_merge_point).
func ops(of trace: Trace, function: String, pc: Int) -> [Operation] {
    trace.ops.filter { $0.opcode != .debugMergePoint && $0.annotation?.guest?.function == function && $0.annotation?.guest?.pc == pc }
}

let seedLoop = """
def run(a, n):
    b = 0
    i = 0
    while i < n:
        b += a
        i += 1
    return b
result = run(3, 100)
"""

/// The pc of the seed loop's `b += a` (LOAD_FAST b, LOAD_FAST a, INPLACE_ADD).
func seedInplaceAddPC() throws -> Int {
    let code = try compiled(seedLoop, "run")
    let names = operations(code)
    guard let i = names.indices.first(where: { names[$0] == "INPLACE_ADD" && $0 >= 2 && names[$0 - 2] == "LOAD_FAST b" }) else {
        throw TestFailure("no INPLACE_ADD of b in \(names)")
    }
    return i
}

/// Serialized: a runtime installs itself as `Runtime.current`, which residual functions use.
@Suite(.serialized) struct TraceRecorderTests {
    var options: TracerOptions {
        var o = TracerOptions()
        o.threshold = 3
        return o
    }

    /// The seed slide: INPLACE_ADD of two W_Ints records the class checks, the field reads, the overflow-checked
    /// add and its guard, then the new box — and with a virtualizable frame no frame traffic at all.
    @Test func seedLoopInplaceAddIsTheSlidesTrace() throws {
        let r = runTraced(seedLoop, options: options, globals: ["result"])
        #expect(r.failure == nil)
        #expect(r.values["result"] == "300")
        let trace = try #require(r.log.compiled.first)
        let add = ops(of: trace, function: "run", pc: try seedInplaceAddPC())
        #expect(add.map(\.opcode) == [.guardClass, .guardClass, .getfieldGcI, .getfieldGcI, .intAddOvf, .guardNoOverflow,
                                     .newWithVtable, .setfieldGc])
        let L = r.layouts
        #expect(add[0].descr == .size(L.int))
        #expect(add[2].descr == .field(L.intval))
        #expect(add[4].args == [add[2].result, add[3].result])
        #expect(add[6].descr == .size(L.int))
        #expect(add[7].args == [add[6].result, add[4].result])
        #expect(!trace.ops.contains { $0.opcode == .getarrayitemGcR || $0.opcode == .setarrayitemGc })
        // Loop shape: label first, jump last, with the frame's four locals as the reds.
        #expect(trace.ops.first?.opcode == .label && trace.ops.last?.opcode == .jump)
        #expect(trace.inputArgs.count == 4)
    }

    /// The back-edge's safepoint is two flag reads and their guards (PyPy's action-flag poll), not a call: the
    /// guards resume by re-executing JUMP_BACKWARD, where the interpreter runs the safepoint itself.
    @Test func theBackEdgePollsTheSafepointFlags() throws {
        let r = runTraced(seedLoop, options: options, globals: ["result"])
        let trace = try #require(r.log.compiled.first)
        let code = try compiled(seedLoop, "run")
        let backEdge = try #require(operations(code).firstIndex { $0.hasPrefix("JUMP_BACKWARD") })
        let poll = ops(of: trace, function: "run", pc: backEdge)
        #expect(poll.map(\.opcode) == [.getfieldRawI, .guardFalse, .getfieldRawI, .guardFalse])
        let names = poll.compactMap { op -> String? in if case .rawField(let f) = op.descr { "\(f)" } else { nil } }
        #expect(names == ["Runtime.interruptRequested", "Heap.collectRequested"])
        #expect(poll[1].guardInfo?.snapshot.frames.last?.pc == backEdge)
        #expect(!trace.ops.contains { $0.opcode.info.category == .call })
    }

    /// With `virtualizable=off` the same bytecodes read and write the frame's slots (the slide's naive trace).
    @Test func nonVirtualizableFrameRecordsFrameTraffic() throws {
        var o = options
        o.virtualizable = false
        let r = runTraced(seedLoop, options: o, globals: ["result"])
        #expect(r.failure == nil)
        #expect(r.values["result"] == "300")
        let trace = try #require(r.log.compiled.first)
        let pc = try seedInplaceAddPC()
        let loadB = ops(of: trace, function: "run", pc: pc - 2)
        #expect(loadB.map(\.opcode) == [.getarrayitemGcR, .guardNonnull, .setarrayitemGc])
        let add = ops(of: trace, function: "run", pc: pc)
        #expect(add.map(\.opcode) == [.getarrayitemGcR, .getarrayitemGcR, .guardClass, .guardClass, .getfieldGcI, .getfieldGcI,
                                     .intAddOvf, .guardNoOverflow, .newWithVtable, .setfieldGc, .setarrayitemGc])
        #expect(trace.inputArgs.count == 1)
        #expect(r.stats.loopEntries == 1)
        #expect(r.stats.guardFailures == 1)
    }

    /// Every op carries where it came from: the guest bytecode and the interpreter's Swift line.
    @Test func opsCarryCrossLayerAnnotations() throws {
        let r = runTraced(seedLoop, options: options)
        let trace = try #require(r.log.compiled.first)
        let add = ops(of: trace, function: "run", pc: try seedInplaceAddPC())
        let ovf = try #require(add.first { $0.opcode == .intAddOvf })
        #expect(ovf.annotation?.guest?.bytecode == "INPLACE_ADD")
        #expect(ovf.annotation?.guest?.line == 5)
        #expect(ovf.annotation?.interpreter?.file == "MiniPy/Interpreter.swift")
        #expect((ovf.annotation?.interpreter?.line ?? 0) > 0)
        let merges = trace.ops.filter { $0.opcode == .debugMergePoint }
        #expect(merges.count == 13)
        #expect(merges.first?.descr == .text("run:4 #4 LOAD_FAST"))
    }

    /// Guards carry the frames as IR values: the root frame's four locals and the stack as the bytecode found it.
    @Test func guardsCarryResumeSnapshots() throws {
        let r = runTraced(seedLoop, options: options)
        let trace = try #require(r.log.compiled.first)
        let add = ops(of: trace, function: "run", pc: try seedInplaceAddPC())
        let snapshot = try #require(add[0].guardInfo?.snapshot)
        #expect(snapshot.frames.count == 1)
        #expect(snapshot.frames[0].codeName == "run")
        #expect(snapshot.frames[0].pc == (try seedInplaceAddPC()))
        #expect(snapshot.frames[0].locals == trace.inputArgs)
        #expect(snapshot.frames[0].stack.count == 2)
        // Guard numbers are unique.
        let numbers = trace.ops.compactMap { $0.guardInfo?.number }
        #expect(Set(numbers).count == numbers.count)
    }

    /// A loop that calls a guest function inlines it: no residual call, the callee's bytecodes in the trace at
    /// depth 1.
    @Test func guestCallsAreInlined() throws {
        let source = """
        def add(x, y):
            return x + y
        def run(n):
            s = 0
            for i in range(n):
                s = add(s, i)
            return s
        result = run(50)
        """
        let r = runTraced(source, options: options, globals: ["result"])
        #expect(r.values["result"] == "1225")
        let trace = try #require(r.log.compiled.first)
        #expect(trace.ops.contains { $0.annotation?.guest?.function == "add" })
        #expect(trace.ops.contains { $0.descr == .text("add:2 #0 LOAD_FAST") })
        #expect(!trace.ops.contains { if case .call(let c) = $0.descr { c.name.hasPrefix("call_") } else { false } })
    }

    /// A call the trace does not inline (a built-in) with one or two arguments is one residual call taking them
    /// as they are (`call_1`, `call_2`); with more, the arguments go in a tuple (`call_with_tuple`).
    @Test func residualCallsPassUpToTwoArgumentsDirectly() throws {
        let source = """
        def run(n):
            s = 0
            for i in range(n):
                s = s + abs(i - 25) + max(i, 3) + min(i, 7, 40)
            return s
        result = run(50)
        """
        let r = runTraced(source, options: options, globals: ["result"])
        #expect(r.values["result"] == "2178")  // as python3 computes it
        let trace = try #require(r.log.compiled.first)
        let calls = trace.ops.compactMap { op -> String? in if case .call(let c) = op.descr { c.name } else { nil } }
        #expect(calls.filter { $0 == "call_1" }.count == 1, "\(calls)")
        #expect(calls.filter { $0 == "call_2" }.count == 1, "\(calls)")
        #expect(calls.filter { $0 == "call_with_tuple" }.count == 1, "\(calls)")
    }

    /// Untraceable bytecodes abort with a reason, and the location backs off instead of retracing forever.
    @Test func untraceableLoopAbortsAndBacksOff() throws {
        let source = """
        def run(n):
            out = []
            for i in range(n):
                out.append({i: i})
            return len(out)
        result = run(200)
        """
        let r = runTraced(source, options: options, globals: ["result"])
        #expect(r.values["result"] == "200")
        #expect(r.log.compiled.isEmpty)
        #expect(r.log.aborts.contains("BUILD_MAP"))
        #expect(r.stats.aborts == TracerOptions().maxAborts)
    }

    /// Reaching the trace limit aborts.
    @Test func traceLimitAborts() throws {
        var o = options
        o.traceLimit = 20
        let r = runTraced(seedLoop, options: o, globals: ["result"])
        #expect(r.values["result"] == "300")
        #expect(r.log.compiled.isEmpty)
        #expect(r.log.aborts.first?.hasPrefix("trace too long") == true)
    }
}
