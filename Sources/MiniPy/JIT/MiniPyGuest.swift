import Meta

/// MiniPy as the meta-tracer sees it (`TracedGuest`): frame views over `Runtime.frames`, guest locations from
/// code objects and line tables, and MiniPy's immutable data (ints, floats, tuples, method objects, functions'
/// code and closures, instance maps) whose reads from constants fold.
final class MiniPyGuest: TracedGuest {
    unowned let rt: Runtime
    /// The functions frames run, numbered, each with whether its frame runs a constructor's `__init__` (whose
    /// return yields the instance, its first local): a snapshot frame's `codeID` indexes this table
    /// (deoptimization pushes frames of inlined calls with these functions). Kept alive as GC roots.
    private(set) var functions: [(function: Ref, constructs: Bool)] = []
    private var functionNumbers: [FrameFunction: Int] = [:]
    private var codeInfosByInstructions: [UnsafeRawPointer: CodeInfo] = [:]
    private let immutableFields: Set<FieldDescriptor>

    init(_ rt: Runtime) {
        self.rt = rt
        let L = rt.L
        immutableFields = [L.intval, L.floatval, L.tupleLength, L.strLength, L.methodFunction, L.methodSelf,
                           L.funcCode, L.funcGlobals, L.funcClosure, L.funcDefaults, L.rangeStart, L.rangeStop, L.rangeStep,
                           L.mapClass, L.mapAttributes, L.mapCount]
    }

    func number(ofFunction f: Ref, constructs: Bool) -> Int {
        let key = FrameFunction(function: f, constructs: constructs)
        if let n = functionNumbers[key] { return n }
        functions.append((f, constructs))
        functionNumbers[key] = functions.count - 1
        return functions.count - 1
    }

    func frame(atDepth depth: Int) -> GuestFrameView {
        let f = rt.frames.frames[depth - 1]
        let info = f.info.takeUnretainedValue()
        return GuestFrameView(codeID: number(ofFunction: f.function, constructs: !f.constructed.isNull), codeName: info.code.name,
                              code: UnsafeRawPointer(info.instructions), pc: f.pc, locals: f.base,
                              localCount: info.nlocals + info.ncells, stackBase: f.stackBase, stackTop: f.sp)
    }

    func codeInfo(instructions code: UnsafeRawPointer) -> CodeInfo? {
        if let info = codeInfosByInstructions[code] { return info }
        for info in rt.codeInfos where UnsafeRawPointer(info.instructions) == code {
            codeInfosByInstructions[code] = info
            return info
        }
        return nil
    }

    func location(code: UnsafeRawPointer, pc: Int) -> GuestLocation {
        guard let info = codeInfo(instructions: code), pc < info.code.code.count else {
            return GuestLocation(function: "?", pc: pc, bytecode: "?", line: 0)
        }
        return GuestLocation(function: info.code.name, pc: pc, bytecode: info.code.code[pc].opcode.name, line: Int(info.code.lines[pc]))
    }

    func isImmutable(_ field: FieldDescriptor) -> Bool { immutableFields.contains(field) }
    func hasImmutableItems(_ layout: Layout) -> Bool { layout.id == rt.L.tuple.id }
    var publishStackTop: ResidualFunction2 { Residuals.publishStackTop }

    func markRoots(_ heap: Heap) {
        for f in functions { heap.markRoot(f.function) }
    }
}

/// A function as a frame runs it: plainly, or as the `__init__` of a class call.
private struct FrameFunction: Hashable {
    let function: Ref
    let constructs: Bool
}
