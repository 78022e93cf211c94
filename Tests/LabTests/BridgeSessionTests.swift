import Foundation
import Testing
@testable import Lab
import MiniPy

/// Guard failure, deoptimization and bridges in the Lab: `guards`, `tree`, `break guard-fail|deopt|bridge [GUARD]`
/// and `step` through a deoptimization. Part of `SessionTests` (its tests run one at a time).
extension SessionTests {
    /// A hot loop calling max(a, b) whose branch flips half-way: the `a > b` guard fails, counts up and gets a
    /// bridge after `trace_eagerness` (3) failures.
    static let flippingMax = """
        def max2(a, b):
            if a > b:
                return a
            return b

        def run(values):
            total = 0
            for v in values:
                total += max2(v, 3)
            return total

        print("total", run([5] * 30 + [1] * 30))

        """

    func bridgeSession(_ commands: [String]) throws -> (output: String, ok: Bool) {
        try LabTestSupport.session(["load max.py", "set jit trace", "set threshold 5", "set trace_eagerness 3"] + commands,
                                   files: ["max.py": Self.flippingMax])
    }

    /// The guards of `output`'s `tree` lines that have a bridge: (guard number, failures, bridge number).
    func bridgedGuards(_ output: String) -> [(guardNumber: Int, failures: Int, bridge: Int)] {
        let pattern = #/Guard (\d+) .*: (\d+) failures?, bridge (\d+)$/#
        return output.split(separator: "\n").compactMap { line in
            (try? pattern.firstMatch(in: String(line))).map { m in (Int(m.1)!, Int(m.2)!, Int(m.3)!) }
        }
    }

    @Test func treeHangsEachBridgeUnderItsGuard() throws {
        let (output, ok) = try bridgeSession(["run", "tree", "tree all", "tree some"])
        #expect(ok)
        #expect(output.contains("total 240"), "the bridge computes what the interpreter does")
        let lines = output.split(separator: "\n").map(String.init)
        let bridged = bridgedGuards(output)
        #expect(!bridged.isEmpty, "\(output)")
        for b in bridged {
            #expect(b.failures == 3, "a guard gets its bridge at its trace_eagerness-th failure")
            guard let g = lines.firstIndex(where: { $0.contains("Guard \(b.guardNumber) ") && $0.hasSuffix("bridge \(b.bridge)") }) else { continue }
            let bridgeLine = lines[g + 1]
            #expect(bridgeLine.contains("└─ Bridge \(b.bridge): "), "\(bridgeLine)")
            let indent = { (s: String) in s.prefix { $0 == " " || $0 == "│" || $0 == "├" || $0 == "└" || $0 == "─" }.count }
            #expect(indent(bridgeLine) > indent(lines[g]), "the bridge is indented under its guard")
        }
        let loopLine = try #require(lines.first { $0.hasPrefix("Loop 0 (run:") })
        #expect(loopLine.contains(" entries, ") && loopLine.contains(" iterations, "))
        // `tree all` lists the guards that never failed, which `tree` only counts.
        #expect(lines.contains { $0.hasSuffix(" more guards never failed") })
        #expect(lines.filter { $0.hasSuffix(": never failed") }.count > 3)
        #expect(output.contains("error: tree takes at most 'all'"))
    }

    @Test func bridgesGrowOffBridges() throws {
        // Floats arrive (a float bridge off the loop's class guard), then floats greater than 3: the float bridge's
        // own `a > b` guard fails and gets a bridge.
        let program = Self.flippingMax.replacingOccurrences(of: "[5] * 30 + [1] * 30", with: "[5] * 30 + [1] * 30 + [2.5] * 30 + [7.5] * 30")
        let (output, ok) = try LabTestSupport.session(["load max.py", "set jit trace", "set threshold 5", "set trace_eagerness 3", "run", "tree"],
                                                      files: ["max.py": program])
        #expect(ok)
        #expect(output.contains("555.0"))
        let lines = output.split(separator: "\n").map(String.init)
        let depth = { (s: String) in s.prefix { $0 == " " || $0 == "│" || $0 == "├" || $0 == "└" || $0 == "─" }.count }
        // A guard with a bridge, deeper than the bridge line above it: a guard of that bridge.
        let nested = lines.indices.filter { i in
            !bridgedGuards(lines[i]).isEmpty && lines[..<i].last { $0.contains("└─ Bridge ") }.map { depth($0) < depth(lines[i]) } == true
        }
        #expect(!nested.isEmpty, "\(output)")
        if let i = nested.first { #expect(lines[i + 1].contains("└─ Bridge ") && depth(lines[i + 1]) > depth(lines[i])) }
    }

    @Test func treeSaysWhenALoopWasDropped() throws {
        // With the naive frame no guard gets a bridge: a guard failing every other iteration makes the loop
        // unprofitable, and the driver stops entering it.
        let program = """
            def run(n):
                h = 0
                for i in range(n):
                    if i & 1:
                        h += 1
                    else:
                        h -= 3
                return h

            print(run(5000))

            """
        let (output, ok) = try LabTestSupport.session(["load drop.py", "set jit trace", "set threshold 3", "set virtualizable off", "run", "tree", "guards"],
                                                      files: ["drop.py": program])
        #expect(ok)
        #expect(output.contains("-5000"))
        let loop = try #require(output.split(separator: "\n").first { $0.hasPrefix("Loop 0 (run:3 #") && $0.contains(" entries, ") }, "\(output)")
        #expect(loop.contains("; dropped: ") && loop.hasSuffix(" entries"), "\(loop)")
        let failing = output.split(separator: "\n").compactMap { line in
            (try? #/^├─ Guard \d+ .* at run:4 #\d+ POP_JUMP_IF_FALSE: (\d+) failures$/#.firstMatch(in: String(line))).map { Int($0.1)! }
        }
        #expect(failing.contains { $0 > 100 }, "the branch's guard failed on every other iteration: \(output)")
        #expect(output.contains("no bridges: the frame is not virtualizable"))
    }

    @Test func guardsListFailuresSnapshotsAndBridges() throws {
        let (output, ok) = try bridgeSession(["run", "tree", "guards", "guards 1"])
        #expect(ok)
        let bridged = try #require(bridgedGuards(output).first, "\(output)")
        let lines = output.split(separator: "\n").map(String.init)
        let g = try #require(lines.firstIndex { $0.hasPrefix("Guard \(bridged.guardNumber) ") && $0.contains(" — ") }, "\(output)")
        #expect(lines[g].hasSuffix("— 3 failures, bridge \(bridged.bridge)"), "\(lines[g])")
        #expect(lines[g].contains(" at max2:2 #2 COMPARE_OP"), "the a > b guard is inlined from max2")
        // Its snapshot: run's frame at the call, then max2's at the comparison, with the slots named.
        #expect(lines[g + 1].hasPrefix("    frame run #") && lines[g + 1].contains("values=p"), "\(lines[g + 1])")
        #expect(lines[g + 2].hasPrefix("    frame max2 #2 (line 2): a=") && lines[g + 2].contains(" stack ["), "\(lines[g + 2])")
        #expect(output.contains("In bridge \(bridged.bridge) (out of guard \(bridged.guardNumber)):"))
        #expect(output.contains("a guard gets a bridge after 3 failures (trace_eagerness)"))
        #expect(output.contains("error: no loop 1 (loops 0 to 0 were compiled)"))
    }

    @Test func breakGuardFailOfOneGuardStopsAtItsFailuresOnly() throws {
        let first = try bridgeSession(["run", "tree"])
        let bridged = try #require(bridgedGuards(first.output).first, "\(first.output)")
        let n = bridged.guardNumber
        let (output, ok) = try bridgeSession(["break guard-fail \(n)", "run", "step", "where", "print a, b",
                                              "continue", "continue", "continue", "info breakpoints"])
        #expect(ok)
        let stops = output.components(separatedBy: "Breakpoint 1, guard ").count - 1
        #expect(stops == 3, "only guard \(n)'s failures stop, and it stops failing once it has its bridge: \(output)")
        #expect(!output.split(separator: "\n").contains { $0.hasPrefix("Breakpoint 1, guard ") && !$0.hasPrefix("Breakpoint 1, guard \(n) ") })
        #expect(output.contains("  Guard \(n) guard_true(") && output.contains(": failure 1 (trace_eagerness 3"))
        #expect(output.contains(": failure 3 (trace_eagerness 3"))
        #expect(output.contains("    frame max2 #2 (line 2): a="), "the stop shows the snapshot")
        // `step` goes through the deoptimization into the interpreter, inside the inlined call.
        #expect(output.contains("--deopt-- guard \(n) failed: 2 frames rebuilt from its snapshot; the interpreter resumes at max2 #2 COMPARE_OP (line 2)"), "\(output)")
        #expect(output.contains("> max2 at max.py:2: if a > b:"))
        #expect(output.contains("> #2 max2 at max.py:2"))
        #expect(output.contains("(1, 3)"))
        #expect(output.contains("JIT event guard-fail of guard \(n)"))
        #expect(output.contains("total 240"))
    }

    @Test func breakDeoptShowsTheRebuiltFrames() throws {
        let first = try bridgeSession(["run", "tree"])
        let n = try #require(bridgedGuards(first.output).first).guardNumber
        let (output, ok) = try bridgeSession(["break deopt \(n)", "run", "info locals"])
        #expect(ok)
        #expect(output.contains("Breakpoint 1, deoptimized at guard \(n): 2 frames rebuilt"), "\(output)")
        #expect(output.contains("  frames rebuilt from the snapshot (outermost first):"))
        #expect(output.contains("    run at max.py:9  "), "the caller's frame, at its call")
        #expect(output.contains("      a=1 b=3  stack [1, 3]"), "max2's frame, with the values of the failing iteration")
        #expect(output.contains("the interpreter re-executes the bytecode whose check failed"))
        #expect(output.contains("a = 1"), "the interpreter's frame is the rebuilt one")
    }

    @Test func breakBridgeShowsItsTraceAndMachineCode() throws {
        let (output, ok) = try bridgeSession(["break bridge", "run", "tree"])
        #expect(ok)
        let bridged = try #require(bridgedGuards(output).first, "\(output)")
        #expect(output.contains("Breakpoint 1, bridge \(bridged.bridge) compiled from guard \(bridged.guardNumber) of loop 0 ("))
        let trace = section(output, from: "Bridge \(bridged.bridge), optimized by", to: "Bridge \(bridged.bridge): ")
        #expect(trace.contains { $0.contains("guard_false(") }, "the bridge checks a > b is false: \(trace)")
        #expect(trace.last?.contains("jump(") == true, "it jumps back to the loop")
        #expect(output.firstMatch(of: #/\nBridge \d+: [1-9]\d* bytes of machine code, [1-9]\d* instructions\n/#) != nil, "\(output)")
        #expect(output.contains("# out of line: guard exits and slow paths"))
        let ir = try bridgeSession(["set backend ir", "break bridge", "run"]).output
        #expect(ir.contains("Breakpoint 1, bridge "))
        #expect(!ir.contains("bytes of machine code"), "the IR executor runs the bridge")
    }

    @Test func guardBreakpointsAreChecked() throws {
        let (output, _) = try bridgeSession(["break guard-fail x", "break trace-start 3", "break bridge 7", "info breakpoints"])
        #expect(output.contains("error: 'x' is not a guard number"))
        #expect(output.contains("error: break takes one location (or a guard's JIT event and the guard's number)"))
        #expect(output.contains("JIT event bridge of guard 7"))
        let views = try bridgeSession(["tree", "guards"]).output
        #expect(views.contains("error: the program has not run with the JIT yet"))
    }

    /// `trace`, `opt` and `asm` show a bridge after the run as they show a loop: its recorded and optimized
    /// trace, each pass, and its machine code, which ends with the jump into its loop.
    @Test func bridgeViewsShowItsTracePassesAndCode() throws {
        let (output, _) = try bridgeSession(["run", "trace bridge 0", "opt bridge 0", "opt bridge 0", "asm bridge 0",
                                             "asm bridge 5", "trace bridge", "trace 0 0", "tree"])
        let bridged = try #require(bridgedGuards(output).first { $0.bridge == 0 }, "\(output)")
        let title = "Bridge 0 (out of guard \(bridged.guardNumber) of loop 0)"
        #expect(output.contains("\(title), recorded ("))
        #expect(output.contains("\(title), optimized by peel, virtuals, heap, guards, fold, intbounds, dce ("))
        #expect(output.contains("\(title), pass 1 of 7: peel"))
        #expect(output.contains("\(title), pass 2 of 7: virtuals"))
        #expect(output.contains(#/Bridge 0 \(out of guard \d+ of loop 0\): \d+ bytes of machine code, \d+ instructions/#))
        #expect(output.contains("# jump("), "the listing names the jump into the loop")
        #expect(output.contains("error: no bridge 5 (bridges 0 to 1 were compiled)"))
        #expect(output.contains("error: expected one bridge number after 'bridge'"))
        #expect(output.contains("error: expected a loop number or 'bridge N'"))
    }

    @Test func guardNumbersAndTreeComplete() throws {
        let dir = try LabTestSupport.directory(["max.py": Self.flippingMax])
        let session = Session(mode: .script, color: false, baseDirectory: dir.path) { _ in }
        #expect(session.completions(for: "tree ") == ["all"])
        #expect(session.completions(for: "asm b") == ["bridge"])
        #expect(session.completions(for: "break guard-fail ") == [], "no guards before a run")
        let script = ["load max.py", "set jit trace", "set threshold 5", "run"].joined(separator: "\n") + "\n"
        _ = runOnLargeStack { session.run(ScriptSource(name: "t.mlab", text: script)) }
        let numbers = session.completions(for: "break guard-fail ")
        #expect(!numbers.isEmpty && numbers.allSatisfy { Int($0) != nil })
        #expect(session.completions(for: "break deopt 1").allSatisfy { $0.hasPrefix("1") })
    }
}
