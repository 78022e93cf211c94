import Testing
import Meta
@testable import MiniPy

/// The seed talk's loop, assembled by hand, runs on the interpreter without the front end.
@Test func handAssembledSeedLoopRuns() throws {
    // def run(a, n): b = 0; i = 0; while i < n: b += a; i += 1; return b
    let body: [Instruction] = [
        .init(.LOAD_CONST, 0), .init(.STORE_FAST, 2),           // b = 0
        .init(.LOAD_CONST, 0), .init(.STORE_FAST, 3),           // i = 0
        .init(.LOAD_FAST, 3), .init(.LOAD_FAST, 1), .init(.COMPARE_OP, CompareOp.lt.rawValue),
        .init(.POP_JUMP_IF_FALSE, 17),
        .init(.LOAD_FAST, 2), .init(.LOAD_FAST, 0), .init(.INPLACE_ADD), .init(.STORE_FAST, 2),
        .init(.LOAD_FAST, 3), .init(.LOAD_CONST, 1), .init(.INPLACE_ADD), .init(.STORE_FAST, 3),
        .init(.JUMP_BACKWARD, 4),
        .init(.LOAD_FAST, 2), .init(.RETURN_VALUE),
    ]
    let run = CodeObject(name: "run", qualname: "run", filename: "seed.py", firstLine: 1, argcount: 2, kwonlyargcount: 0,
                         flags: [], varnames: ["a", "n", "b", "i"], cellvars: [], freevars: [], names: [],
                         consts: [.int(0), .int(1)], instructions: body, lines: body.map { _ in 2 },
                         columns: body.map { _ in 1 }, exceptionTable: [], stackSize: 2)
    let module: [Instruction] = [
        .init(.LOAD_CONST, 0), .init(.MAKE_FUNCTION, 0), .init(.STORE_NAME, 0),
        .init(.LOAD_NAME, 0), .init(.LOAD_CONST, 1), .init(.LOAD_CONST, 2), .init(.CALL_FUNCTION, 2),
        .init(.RETURN_VALUE),
    ]
    let main = CodeObject(name: "<module>", qualname: "<module>", filename: "seed.py", firstLine: 1, argcount: 0,
                          kwonlyargcount: 0, flags: [.usesLocalsDict], varnames: [], cellvars: [], freevars: [],
                          names: ["run"], consts: [.code(run), .int(3), .int(1_000_000)], instructions: module,
                          lines: module.map { _ in 1 }, columns: module.map { _ in 1 }, exceptionTable: [], stackSize: 3)
    let (value, depth, failure) = runOnLargeStack { () -> (Int?, Int, String?) in
        let rt = Runtime()
        let globals = rt.newDict()
        do {
            let result = try rt.runCode(main, globals: globals, localsDict: globals)
            return (rt.smallInt(result), rt.frames.depth, nil)
        } catch {
            return (nil, rt.frames.depth, rt.exceptionLastLine((error as! PyException).value))
        }
    }
    #expect(failure == nil)
    #expect(value == 3_000_000)
    #expect(depth == 0)
}
