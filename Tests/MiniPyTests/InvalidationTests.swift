import Testing
import Meta
@testable import MiniPy

/// Quasi-immutable globals and class attributes: a trace folds them to constants under assumptions, and a
/// compiled loop whose assumption breaks is invalidated exactly then, and traced afresh.
@Suite(.serialized) struct InvalidationTests {
    var options: TracerOptions {
        var o = TracerOptions()
        o.threshold = 3
        return o
    }

    func invalidations(_ log: TracerEventLog) -> [String] {
        log.events.compactMap { if case .loopInvalidated(_, let reason) = $0 { reason } else { nil } }
    }

    func residualCalls(_ trace: Trace, named name: String) -> [Operation] {
        trace.ops.filter { if case .call(let f) = $0.descr { f.name == name } else { false } }
    }

    let callsGlobal = """
    def step(x):
        return x + 1
    def run(n):
        total = 0
        i = 0
        while i < n:
            total = step(total)
            i += 1
        return total
    first = run(50)
    """

    /// A loop calling a global function: the optimized loop has the function folded away (no `load_global` call,
    /// no `guard_value` on the callee), one `guard_not_invalidated` per iteration, and nothing is invalidated.
    @Test func aStableGlobalIsAConstantOfTheOptimizedTrace() throws {
        let r = runTraced(callsGlobal, options: options, optimizer: Optimizer(), globals: ["first"])
        #expect(r.failure == nil)
        #expect(r.values["first"] == "50")
        let loop = try #require(r.log.compiled.first)
        #expect(residualCalls(loop, named: "load_global").isEmpty)
        #expect(!loop.ops.contains { $0.opcode == .guardValue })
        // The preamble's check and the peeled body's.
        #expect(loop.ops.count { $0.opcode == .guardNotInvalidated } == 2)
        #expect(r.stats.loopsInvalidated == 0)
        #expect(invalidations(r.log).isEmpty)
    }

    /// Rebinding the function mid-loop invalidates the loop (once, with the reason), the rest of the run is
    /// right, and the next run traces a fresh loop calling the new function.
    @Test func rebindingTheGlobalInvalidatesTheLoopOnce() throws {
        let r = runTraced("""
        def step(x):
            return x + 1
        def step2(x):
            return x + 2
        def run(n, switch):
            global step
            total = 0
            for i in range(n):
                total = step(total)
                if i == switch:
                    step = step2
            return total
        first = run(50, 20)
        second = run(50, 100)
        """, options: options, optimizer: Optimizer(), globals: ["first", "second"])
        #expect(r.failure == nil)
        #expect(r.values["first"] == "79")
        #expect(r.values["second"] == "100")
        #expect(invalidations(r.log) == ["global 'step' rebound"])
        #expect(r.stats.loopsInvalidated == 1)
        #expect(r.stats.loops == 2)
    }

    /// Shadowing a builtin with a global is a change of the global's (absent) entry.
    @Test func shadowingABuiltinInvalidates() throws {
        let r = runTraced("""
        def count(words):
            total = 0
            for w in words:
                total += len(w)
            return total
        words = ["ab", "c"] * 20
        first = count(words)
        len = lambda s: 10
        second = count(words)
        """, options: options, globals: ["first", "second"])
        #expect(r.failure == nil)
        #expect(r.values["first"] == "60")
        #expect(r.values["second"] == "400")
        #expect(invalidations(r.log) == ["global 'len' assigned"])
    }

    /// A global the loop itself rebinds: the recording that folded it aborts when the loop writes it (the loop
    /// would be invalid at once), the entry is no longer folded, and the next trace looks it up each time and
    /// is never invalidated.
    @Test func aGlobalCounterStopsBeingFolded() throws {
        let r = runTraced("""
        count = 0
        def tick(n):
            global count
            for i in range(n):
                count = count + 1
        tick(100)
        tick(100)
        """, options: options, globals: ["count"])
        #expect(r.failure == nil)
        #expect(r.values["count"] == "200")
        #expect(r.log.aborts == ["global 'count' rebound while the trace relied on it"])
        #expect(invalidations(r.log).isEmpty)
        let loop = try #require(r.log.compiled.first)
        #expect(r.log.compiled.count == 1)
        #expect(residualCalls(loop, named: "load_global").count == 1)
    }

    /// One check covers every folded name until a call that may run guest code: `a + b` of two globals records
    /// one `guard_not_invalidated`, and `str(i)` (a residual call) makes the next global need another.
    @Test func theRecorderChecksOncePerStretchWithoutCalls() throws {
        let r = runTraced("""
        a = 1
        b = 2
        def run(n):
            t = 0
            for i in range(n):
                t += a + b
                if t < 0:
                    print(t)
                t += a
            return t
        result = run(20)
        """, options: options, globals: ["result"])
        #expect(r.values["result"] == "80")
        let loop = try #require(r.log.compiled.first)
        #expect(loop.ops.count { $0.opcode == .guardNotInvalidated } == 1)
        let r2 = runTraced("""
        a = 1
        def run(n):
            t = 0
            for i in range(n):
                t += a
                s = str(i)
                t += a
            return t
        result = run(20)
        """, options: options, globals: ["result"])
        #expect(r2.values["result"] == "40")
        let loop2 = try #require(r2.log.compiled.first)
        #expect(loop2.ops.count { $0.opcode == .guardNotInvalidated } == 2)
    }

    /// A class attribute read through the class is folded; assigning it in a subclass that shadows it (the MRO
    /// lookup changes) or in the class itself invalidates.
    @Test func classAttributesAlongTheMroAreAssumptions() throws {
        let r = runTraced("""
        class Base:
            bonus = 1
        class Child(Base):
            pass
        def total(n):
            t = 0
            for i in range(n):
                t += Child.bonus
            return t
        first = total(30)
        Child.bonus = 5
        second = total(30)
        Base.bonus = 7
        third = total(30)
        Base.other = 1
        fourth = total(30)
        """, options: options, optimizer: Optimizer(), globals: ["first", "second", "third", "fourth"])
        #expect(r.failure == nil)
        #expect(r.values["first"] == "30")
        #expect(r.values["second"] == "150")
        #expect(r.values["third"] == "150")
        #expect(r.values["fourth"] == "150")
        // Base.bonus is behind Child's own entry once Child has one; an unrelated attribute changes nothing.
        #expect(invalidations(r.log) == ["attribute 'bonus' of class 'Child' assigned"])
        let loop = try #require(r.log.compiled.first)
        #expect(residualCalls(loop, named: "getattr").isEmpty)
    }

    /// The tracing helper other handlers use: a lookup on a constant class, under assumptions.
    @Test func assumedClassAttributeFindsTheValueAlongTheMroOrNull() throws {
        let rt = Runtime()
        rt.installBuiltins()
        rt.installInterpreterBuiltins()
        let main = rt.newModule("__main__")
        let dict = main.ref(rt.L.moduleDict)
        rt.dictSetStr(dict, rt.intern("__name__"), rt.intern("__main__"))
        let code = try compileModule(source: "class A:\n    x = 1\nclass B(A):\n    pass\n", filename: "t.py")
        _ = try rt.runCode(code, globals: dict, localsDict: dict)
        let b = rt.dictGetStr(dict, rt.intern("B"))
        var d = ConcreteDomain(heap: rt.heap, locals: rt.frames.top, sp: rt.frames.top)
        let x = try #require(rt.assumedClassAttribute(&d, b, rt.intern("x")))
        #expect(rt.smallInt(x) == 1)
        #expect(rt.assumedClassAttribute(&d, b, rt.intern("missing")) == Ref.null)
        // Changed more than NamespaceCells.maximumChanges times: no longer folded.
        for k in 0...NamespaceCells.maximumChanges { try rt.setAttr(b, rt.intern("x"), rt.newInt(k)) }
        #expect(rt.assumedClassAttribute(&d, b, rt.intern("x")) == nil)
    }
}
