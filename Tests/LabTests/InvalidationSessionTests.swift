import Foundation
import Testing
@testable import Lab
import MiniPy

/// `break loop-invalidated` in the Lab (part of `SessionTests`, whose tests run one at a time).
extension SessionTests {
    @Test func loopInvalidatedIsABreakpointEvent() throws {
        let program = """
            def step(x):
                return x + 1
            def run(n):
                t = 0
                for i in range(n):
                    t = step(t)
                return t
            print(run(20))
            def step(x):
                return x + 2
            print(run(20))

            """
        let (output, ok) = try LabTestSupport.session(["load g.py", "set jit trace", "set threshold 3", "break loop-invalidated", "run",
                                                       "continue"], files: ["g.py": program])
        #expect(ok)
        #expect(output.contains("Breakpoint 1, loop 0 (run:5 #"), "\(output)")
        #expect(output.contains("invalidated: global 'step' rebound"))
        #expect(output.contains("20\n") && output.contains("40\n"))
    }
}
