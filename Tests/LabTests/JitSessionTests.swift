import Foundation
import Testing
@testable import Lab
import MiniPy

/// The Lab's JIT stages in-process: knobs, the trace/opt/asm views, JIT-event breakpoints, stepping through a
/// recording. Part of `SessionTests`, whose tests run one at a time (each session's runtime installs itself as
/// `Runtime.current`, which residual functions use: a second suite would run sessions concurrently with these).
extension SessionTests {
    static let jitLoop = """
        def run(a, n):
            b = 0
            i = 0
            while i < n:
                b += a
                i += 1
            return b

        print("total", run(3, 50))

        """

    func jitSession(_ commands: [String]) throws -> (output: String, ok: Bool) {
        try LabTestSupport.session(["load loop.py", "set jit trace", "set threshold 3"] + commands, files: ["loop.py": Self.jitLoop])
    }

    /// The text between the line starting with `start` and the next line starting with `end`.
    func section(_ output: String, from start: String, to end: String) -> [Substring] {
        let lines = output.split(separator: "\n")
        guard let first = lines.firstIndex(where: { $0.hasPrefix(start) }) else { return [] }
        let rest = lines[(first + 1)...]
        return Array(rest.prefix { !$0.hasPrefix(end) })
    }

    @Test func knobsAreCheckedAndShown() throws {
        let (output, ok) = try LabTestSupport.session(
            ["set jit fast", "set threshold 0", "set trace_limit x", "set virtualizable maybe", "set backend arm", "set passes fold,bogus",
             "set passes fold,dce", "show passes", "set passes all", "show passes", "set backend ir", "show backend", "show jit"],
            files: [:])
        #expect(ok)
        let errors = output.split(separator: "\n").filter { $0.hasPrefix("test.mlab:") }
        #expect(errors.count == 6, "\(output)")
        #expect(output.contains("error: jit is off or trace, not 'fast'"))
        #expect(output.contains("threshold must be a positive integer, got '0'"))
        #expect(output.contains("unknown optimization pass 'bogus'"))
        #expect(output.contains("passes = fold,dce"))
        #expect(output.contains("passes = all"))
        #expect(output.contains("backend = ir"))
        #expect(output.contains("jit = off"))
    }

    @Test func jitKnobsAndEventsComplete() throws {
        let session = Session(mode: .script, color: false) { _ in }
        #expect(Set(session.completions(for: "break trace-")) == ["trace-start", "trace-abort"])
        #expect(session.completions(for: "set thr") == ["threshold"])
        #expect(session.completions(for: "help as") == ["asm"])
        #expect(session.completions(for: "set jit ") == ["off", "trace"])
        #expect(session.completions(for: "set passes ") == ["all", "none"])
        #expect(session.completions(for: "set threshold ") == [])
    }

    @Test func viewsNeedTheJit() throws {
        let (output, _) = try LabTestSupport.session(["load loop.py", "trace", "set jit trace", "trace"], files: ["loop.py": Self.jitLoop])
        #expect(output.contains("error: the JIT is off — 'set jit trace', then run the program"))
        #expect(output.contains("error: the program has not run with the JIT yet"))
    }

    @Test func traceShowsTheRecordedAndTheOptimizedLoop() throws {
        let (output, ok) = try jitSession(["set passes all", "run", "trace", "trace 0", "trace 1"])
        #expect(ok)
        #expect(output.contains("total 150"), "compiled code computes what the interpreter does")
        let recorded = section(output, from: "Loop 0, recorded", to: "Loop 0, optimized")
        #expect(recorded.contains { $0.contains("i9 = int_add_ovf(i7, i8)") }, "\(output)")
        #expect(recorded.contains { $0.contains("new_with_vtable(descr=W_Int)") })
        let optimized = section(output, from: "Loop 0, optimized by peel, virtuals, heap, guards, fold, intbounds, dce", to: "Loop 0, recorded")
        #expect(!optimized.isEmpty)
        #expect(optimized.filter { $0.contains("new_with_vtable") }.isEmpty, "the virtuals pass removes the boxes")
        #expect(output.contains("error: no loop 1 (loops 0 to 0 were compiled)"))
    }

    @Test func optShowsOnePassAtATimeAndWrapsAround() throws {
        let (output, ok) = try jitSession(["set passes all", "run"] + Array(repeating: "opt", count: 8))
        #expect(ok)
        for (k, pass) in ["peel", "virtuals", "heap", "guards", "fold", "intbounds", "dce"].enumerated() {
            #expect(output.contains("Loop 0, pass \(k + 1) of 7: \(pass) — "), "\(pass)")
        }
        #expect(output.components(separatedBy: "pass 1 of 7: peel").count == 3, "the 8th 'opt' starts again")
        let virtuals = section(output, from: "Loop 0, pass 2 of 7: virtuals", to: "Loop 0, pass 3")
        #expect(virtuals.contains { $0.hasPrefix("- ") && $0.contains("new_with_vtable(descr=W_Int)") }, "\(virtuals)")
        #expect(virtuals.contains { $0.hasPrefix("~ ") })
        let noPasses = try jitSession(["set passes none", "run", "opt"]).output
        #expect(noPasses.contains("error: loop 0 ran as recorded (no optimization pass was enabled)"))
    }

    @Test func asmListsOffsetsBytesAndTheIROps() throws {
        let (output, ok) = try jitSession(["run", "asm"])
        #expect(ok)
        #expect(output.contains("Loop 0: "))
        #expect(output.contains("  +0000  55 "), "the listing starts at offset 0 with push rbp")
        #expect(output.contains("# i9 = int_add_ovf(i7, i8)"))
        #expect(output.contains("# out of line: guard exits and slow paths"))
        #expect(output.contains(" jo "), "the overflow check is a branch on the overflow flag")
        let ir = try jitSession(["set backend ir", "run", "asm"]).output
        #expect(ir.contains("error: loop 0 has no machine code (it runs on the IR executor)"))
    }

    @Test func jitEventBreakpointsStopTheProgram() throws {
        let (output, ok) = try jitSession(["break trace-start", "break loop-compiled", "break guard-fail", "break deopt", "break trace-abort",
                                        "run", "where", "continue", "continue", "continue", "continue", "info breakpoints"])
        #expect(ok)
        #expect(output.contains("Breakpoint 1, tracing started at run:4 #"), "\(output)")
        #expect(output.contains("Breakpoint 2, loop 0 compiled (run:4 #"))
        #expect(output.contains("Breakpoint 3, guard "))
        #expect(output.contains("Breakpoint 4, deoptimized at guard "))
        #expect(output.contains("total 150"))
        #expect(output.contains("JIT event trace-abort"))
    }

    @Test func stepOpWhileRecordingShowsBytecodeInterpreterLineAndIROp() throws {
        let (output, ok) = try jitSession(["break trace-start", "run", "step op 4", "step op", "trace"])
        #expect(ok)
        #expect(output.contains("  bytecode  run #"), "\(output)")
        #expect(output.contains("  interp    Interpreter.swift:"))
        #expect(output.contains("  ir        guard_nonnull(p"))
        #expect(output.contains("Recording from run:4 #"))
    }

    @Test func stepByBytecodeWhileRecordingStopsAtEachMergePoint() throws {
        let (output, ok) = try jitSession(["break trace-start", "run", "step", "step 2", "info locals"])
        #expect(ok)
        #expect(output.contains("ir        debug_merge_point(0, 'run:4 #5 LOAD_FAST')"), "\(output)")
        #expect(output.contains("ir        debug_merge_point(0, 'run:4 #7 POP_JUMP_IF_FALSE')"))
        #expect(!output.contains("total 150"), "the program is still stopped in the recording")
    }

    @Test func naiveFrameTraceReadsTheSlotArray() throws {
        let (output, ok) = try jitSession(["set virtualizable off", "run", "trace"])
        #expect(ok)
        #expect(output.contains("getarrayitem_gc_r("), "\(output)")
        #expect(output.contains("setarrayitem_gc("))
        #expect(output.contains("total 150"))
    }
}
