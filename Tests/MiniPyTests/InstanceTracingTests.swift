import Testing
import Meta
@testable import MiniPy

/// Instances with maps, concretely and in traces: map sharing and transitions, dict mode, and the tracer's view —
/// attribute access as guards on the map and slot accesses, class calls as allocations with `__init__` inlined,
/// and lesson 4's `walk` loop left without allocations, attribute lookups or calls.
@Suite(.serialized) struct InstanceTracingTests {
    /// Runs `source` concretely, then gives `check` the runtime and the module's globals.
    func withProgram(_ source: String, _ check: (Runtime, (String) -> Ref) throws -> Void) throws {
        let (rt, dict, failure): (Runtime, Ref, String?) = runOnLargeStack {
            let rt = Runtime()
            rt.installBuiltins()
            rt.installInterpreterBuiltins()
            let dict = rt.newModule("__main__").ref(rt.L.moduleDict)
            rt.dictSetStr(dict, rt.intern("__name__"), rt.intern("__main__"))
            do {
                _ = try rt.runCode(try compileModule(source: source, filename: "t.py"), globals: dict, localsDict: dict)
                return (rt, dict, nil)
            } catch let e as PyException {
                return (rt, dict, rt.exceptionLastLine(e.value))
            } catch {
                return (rt, dict, "\(error)")
            }
        }
        if let failure { throw TestFailure(failure) }
        try check(rt) { rt.dictGetStr(dict, rt.intern($0)) }
    }

    @Test func instancesBuiltAlikeShareMapsAndOtherOrdersGetOthers() throws {
        try withProgram("""
            class P:
                pass
            a = P(); a.x = 1; a.y = 2
            b = P(); b.x = 3; b.y = 4
            c = P(); c.y = 5; c.x = 6
            e = P()
            """) { rt, g in
            let L = rt.L
            let (a, b, c, e) = (g("a"), g("b"), g("c"), g("e"))
            #expect(a.ref(L.instanceMap) == b.ref(L.instanceMap))
            #expect(a.ref(L.instanceMap) != c.ref(L.instanceMap))
            #expect(rt.mapName(a.ref(L.instanceMap)) == "map P{x, y}")
            #expect(rt.mapName(c.ref(L.instanceMap)) == "map P{y, x}")
            #expect(rt.mapName(e.ref(L.instanceMap)) == "map P{}")
            #expect(e.ref(L.instanceMap) == rt.rootMap(g("P")))
            #expect(a.ref(L.instanceSlot(1)).int(L.intval) == 2)
            #expect(c.ref(L.instanceSlot(1)).int(L.intval) == 6)
        }
    }

    @Test func attributesPastTheInlineSlotsLiveInTheStorageAndPastTheLimitInADict() throws {
        try withProgram("""
            class P:
                pass
            w = P()
            for k in range(9):
                setattr(w, "f" + str(k), k)
            h = P()
            for k in range(70):
                setattr(h, "f" + str(k), k)
            """) { rt, g in
            let L = rt.L
            let w = g("w"), h = g("h")
            let storage = w.ref(L.instanceStorage)
            #expect(storage.int(L.arrayCapacity) == Runtime.storageCapacity(forCount: 9))
            #expect(storage.refTail(L.array)[2].int(L.intval) == 8)
            #expect(rt.isDictMode(h.ref(L.instanceMap)))
            #expect(rt.dictCount(h.ref(L.instanceStorage)) == 70)
        }
    }

    @Test func theDictOfAnInstanceStaysItsAttributes() throws {
        try withProgram("""
            class P:
                def __init__(self):
                    self.x = 1
            p = P()
            d = p.__dict__
            d["y"] = 2
            p.z = 3
            seen = (p.y, d["z"], list(d))
            del p.x
            after = list(p.__dict__)
            """) { rt, g in
            let seen = try rt.repr(g("seen")), after = try rt.repr(g("after"))
            #expect(seen == "(2, 3, ['x', 'y', 'z'])")
            #expect(after == "['y', 'z']")
            #expect(rt.isDictMode(g("p").ref(rt.L.instanceMap)))
        }
    }

    static let walk = """
        class Point:
            def __init__(self, x, y):
                self.x = x
                self.y = y

        def walk(n):
            p = Point(0, 0)
            i = 0
            while i < n:
                p = Point(p.x + 1, p.y + 2)
                i += 1
            return p.x + p.y

        result = walk(100)
        """

    var options: TracerOptions {
        var o = TracerOptions()
        o.threshold = 3
        return o
    }

    /// LOAD_ATTR of an instance attribute: the map promoted, the class lookup (no property `x`) assumed — the
    /// trace's first assumption records its `guard_not_invalidated` — and one slot read.
    @Test func attributeReadsAreMapGuardsAndSlotReads() throws {
        let r = runTraced(Self.walk, options: options, globals: ["result"])
        #expect(r.failure == nil && r.values["result"] == "300")
        let trace = try #require(r.log.compiled.first)
        let code = try compiled(Self.walk, "walk")
        let names = operations(code)
        let loadX = try #require(names.indices.first { names[$0] == "LOAD_ATTR x" })
        let L = r.layouts
        let read = ops(of: trace, function: "walk", pc: loadX)
        #expect(read.map(\.opcode) == [.guardClass, .getfieldGcR, .guardValue, .getfieldGcR])
        #expect(read[0].descr == .size(L.instance))
        #expect(read[1].descr == .field(L.instanceMap))
        #expect(read[3].descr == .field(L.instanceSlot(0)))
        #expect(trace.ops.filter { $0.opcode == .guardNotInvalidated }.count == 1)
    }

    /// The class call: a guarded callee, one allocation with the empty map, and `__init__` inlined — its
    /// STORE_ATTRs set slots and move the instance along the map transitions.
    @Test func classCallsAllocateAndInlineInit() throws {
        let r = runTraced(Self.walk, options: options, globals: ["result"])
        let trace = try #require(r.log.compiled.first)
        let L = r.layouts
        let news = trace.ops.filter { $0.opcode == .newWithVtable && $0.descr == .size(L.instance) }
        #expect(news.count == 1)
        #expect(!trace.ops.contains { $0.opcode.info.category == .call && $0.descr.callName?.hasPrefix("call_") == true })
        let initOps = trace.ops.filter { $0.annotation?.guest?.function == "__init__" && $0.opcode != .debugMergePoint }
        let mapStores = initOps.filter { $0.opcode == .setfieldGc && $0.descr == .field(L.instanceMap) }
        #expect(mapStores.count == 2)
        #expect(initOps.contains { $0.opcode == .setfieldGc && $0.descr == .field(L.instanceSlot(1)) })
        #expect(r.stats.aborts == 0)
    }

    /// Lesson 4's promise: the optimized `walk` loop allocates nothing, reads no attribute (its only loads are the
    /// back-edge's safepoint polls) and calls nothing (the global `Point` and its `__init__` are folded under
    /// assumptions); its guards are the loop test's, the overflow checks', the polls' and the one
    /// `guard_not_invalidated`.
    @Test func optimizedWalkLoopIsTight() throws {
        let r = runTraced(Self.walk, options: options, optimizer: Optimizer(), globals: ["result"])
        #expect(r.failure == nil && r.values["result"] == "300")
        var walkLoops: [Trace] = []
        for case .loopCompiled(let t, let o?) in r.log.events where t.name.hasPrefix("walk") { walkLoops.append(o.trace) }
        let optimized = try #require(walkLoops.first)
        #expect(!optimized.ops.contains { $0.opcode == .newWithVtable })
        let labels = optimized.ops.indices.filter { optimized.ops[$0].opcode == .label }
        #expect(labels.count == 2)
        let body = optimized.ops[(labels[1] + 1)...]
        let calls = Set(body.filter { $0.opcode.info.category == .call }.compactMap(\.descr.callName))
        #expect(calls.isEmpty)
        #expect(!body.contains { ($0.opcode.info.category == .memory && $0.opcode != .getfieldRawI) || $0.opcode.info.category == .allocation })
        for g in body where g.opcode.info.isGuard {
            let bytecode = g.annotation?.guest?.bytecode ?? "?"
            let expected = g.opcode == .guardNotInvalidated || g.opcode == .guardNoOverflow
                || (g.opcode == .guardTrue && bytecode == "COMPARE_OP") || (g.opcode == .guardFalse && bytecode == "JUMP_BACKWARD")
            #expect(expected, "unexpected guard \(g.opcode) at \(bytecode)")
        }
        #expect(!body.contains { $0.annotation?.guest?.function == "__init__" && $0.opcode != .debugMergePoint })
    }

    /// A guard failing inside an inlined `__init__` rebuilds its frame as a constructor's: its return yields the
    /// instance.
    @Test func guardFailingInsideInitResumesTheConstruction() throws {
        let source = """
            class Cell:
                def __init__(self, v):
                    self.v = v
                    if v > 20:
                        self.big = True
            cells = []
            for i in range(40):
                cells.append(Cell(i))
            result = (len(cells), cells[30].big, cells[30].v, hasattr(cells[3], "big"))
            """
        let r = runTraced(source, options: options, optimizer: Optimizer(), globals: ["result"])
        #expect(r.failure == nil)
        #expect(r.values["result"] == "(40, True, 30, False)")
        #expect(r.stats.deopts > 0)
        let failedInInit = r.log.events.contains { event in
            guard case .deoptimized(_, let frames) = event else { return false }
            return frames == 2
        }
        #expect(failedInInit)
    }
}

private extension Descriptor {
    /// The residual function's name of a call descriptor.
    var callName: String? { if case .call(let c) = self { c.name } else { nil } }
}
