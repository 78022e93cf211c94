import Foundation
import Testing
@testable import Lab
import MiniPy

/// `stepi`: a compiled loop's entry run in the emulator one instruction at a time (part of `SessionTests`, whose
/// tests run one at a time).
extension SessionTests {
    /// The lines of `output` that show a machine instruction (as `asm` lists them and `stepi` executes them).
    func instructionLines(_ lines: [Substring]) -> [Substring] { lines.filter { $0.hasPrefix("  +") } }

    /// What the program prints (its `total` line) with the JIT off.
    func outputWithoutJit() throws -> [Substring] {
        let (output, ok) = try LabTestSupport.session(["load loop.py", "run"], files: ["loop.py": Self.jitLoop])
        #expect(ok)
        return output.split(separator: "\n").filter { $0.hasPrefix("total") }
    }

    @Test func stepiExecutesTheListedInstructionsAndShowsChangedRegisters() throws {
        let (output, ok) = try jitSession(["set passes all", "break loop-compiled", "run", "asm", "stepi 14", "stepi 4", "continue"])
        #expect(ok, "\(output)")
        let listing = instructionLines(section(output, from: "Loop 0:", to: "Loop 0: entering"))
        let stepped = instructionLines(section(output, from: "Loop 0: entering", to: "The program finished"))
        #expect(stepped.count == 18, "\(output)")
        // Straight-line code from the entry: the instructions executed are the listing's first ones, in order.
        #expect(Array(stepped) == Array(listing.prefix(18)), "\(output)")
        #expect(output.contains("=> " + listing[14].dropFirst(2)))
        // The prologue points rbp at the run's frame area; the pushes move the emulated stack pointer.
        #expect(output.contains("rbp 0 -> <frame+0x0>"), "\(output)")
        #expect(output.contains("rsp <stack> -> <stack-0x8>"), "\(output)")
        // Instructions come under the IR op they implement.
        #expect(output.contains("# label("), "\(output)")
        #expect(output.split(separator: "\n").filter { $0.hasPrefix("total") } == (try outputWithoutJit()))
    }

    @Test func stepiThroughTheExitStopsWhereTheInterpreterResumes() throws {
        let (output, ok) = try jitSession(["break 5", "run", "delete 1", "stepi 100000", "info locals", "continue"])
        #expect(ok, "\(output)")
        #expect(output.contains("Loop 0: entering its machine code in the emulator"), "\(output)")
        let exit = try #require(output.split(separator: "\n").firstIndex { $0.hasPrefix("Loop 0 left its machine code through exit") })
        let lines = output.split(separator: "\n")
        #expect(lines[exit].contains("guard") && lines[exit].contains("failed"), "\(output)")
        // The last instruction of the run is the epilogue's return; then the guest stops at its next bytecode.
        #expect(instructionLines(Array(lines[..<exit])).last?.hasSuffix("ret") == true, "\(output)")
        // The stop says the frames were rebuilt, then where the interpreter resumes.
        #expect(lines[exit + 1].hasPrefix("--deopt-- guard "), "\(output)")
        #expect(lines[(exit + 2)...].prefix(2).contains { $0.hasPrefix("->") }, "\(output)")
        // Deoptimized from the emulated exit: the loop ran to its end (i == n).
        #expect(output.contains("i = 50"), "\(output)")
        #expect(lines.filter { $0.hasPrefix("total") } == (try outputWithoutJit()))
    }

    @Test func stepiExplainsWhenItCannotRun() throws {
        let (noJit, _) = try LabTestSupport.session(["load loop.py", "break 5", "run", "stepi"], files: ["loop.py": Self.jitLoop])
        #expect(noJit.contains("error: the JIT is off"), "\(noJit)")
        let (notRunning, _) = try jitSession(["stepi"])
        #expect(notRunning.contains("error: the program is not running"), "\(notRunning)")
        let (ir, _) = try jitSession(["set backend ir", "break 5", "run", "stepi"])
        #expect(ir.contains("error: loops run on the IR executor, not machine code"), "\(ir)")
        let (badCount, _) = try jitSession(["break 5", "run", "stepi 0"])
        #expect(badCount.contains("error: '0' is not a positive count"), "\(badCount)")
    }
}
