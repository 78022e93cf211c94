import Foundation
import Testing
@testable import Meta

/// A code memory for one compilation (code memory is not thread-safe, and tests run in parallel).
func testCodeMemory() throws -> X64.CodeMemory { try X64.CodeMemory(capacity: 1 << 20) }

/// What one backend did with a trace: its exit, and the heap reachable from the exit's values and the inputs,
/// rendered address-independently (see `HeapRendering`).
struct BackendOutcome: Equatable, CustomStringConvertible {
    let reason: TraceExit.Reason
    let iterations: Int
    let values: [String]
    let inputsAfter: [String]
    /// Collections run and bytes allocated: inline allocation must account exactly as `Heap.allocate`.
    let collections: Int
    let allocatedBytes: Int
    var description: String {
        "\(reason) iterations=\(iterations) values=\(values) inputs after=\(inputsAfter) collections=\(collections) allocated=\(allocatedBytes)"
    }
}

/// Renders values and the objects they reach canonically: objects are numbered in breadth-first order of first
/// sight, so two heaps with the same shapes and contents render the same whatever their addresses.
struct HeapRendering {
    let registry: TypeRegistry
    private var numbers: [UInt: Int] = [:]
    private var objects: [String] = []

    init(registry: TypeRegistry) { self.registry = registry }

    mutating func render(_ values: [ConcreteValue]) -> [String] {
        var queue: [Ref] = []
        let texts = values.map { v -> String in
            switch v {
            case .int(let i): return "i:\(i)"
            case .float(let d): return "f:\(d.bitPattern)"
            case .ref(let r): return "r:" + name(r, &queue)
            }
        }
        var head = 0
        while head < queue.count {
            let r = queue[head]
            head += 1
            let d = registry.descriptors[Int(Heap.typeID(of: r))]
            var fields: [String] = []
            for f in d.fields {
                switch f.kind {
                case .int: fields.append(String(r.pointer.load(fromByteOffset: Int(f.offset), as: Int.self)))
                case .float: fields.append("f\(r.pointer.load(fromByteOffset: Int(f.offset), as: UInt64.self))")
                case .ref: fields.append(name(Ref(bits: r.pointer.load(fromByteOffset: Int(f.offset), as: UInt.self)), &queue))
                }
            }
            if case .refs(let countOffset) = d.tail {
                let count = r.pointer.load(fromByteOffset: countOffset, as: Int.self)
                for k in 0..<count {
                    fields.append(name(Ref(bits: r.pointer.load(fromByteOffset: d.fixedSize + 8 * k, as: UInt.self)), &queue))
                }
            }
            objects.append("\(d.name)(\(fields.joined(separator: ",")))")
        }
        return texts
    }

    /// All objects rendered so far, in number order.
    var heapText: String { objects.enumerated().map { "#\($0.offset)=\($0.element)" }.joined(separator: " ") }

    private mutating func name(_ r: Ref, _ queue: inout [Ref]) -> String {
        if r.isNull { return "null" }
        if let n = numbers[r.bits] { return "#\(n)" }
        numbers[r.bits] = numbers.count
        queue.append(r)
        return "#\(numbers.count - 1)"
    }
}

/// A differential run: the same trace text and the same inputs, built afresh in two identical worlds, under the IR
/// executor and as machine code. Their exits (reason, values) and the heaps their values and inputs reach after the
/// run must be identical.
struct DifferentialRun {
    var text: String
    var functions: [CallDescriptor] = []
    var nurseryBytes = 16 << 20
    var verifier = TraceVerifier()
    /// Builds the inputs (and `ConstPtr` objects) in a world.
    var setup: (IRTestWorld) -> (inputs: [ConcreteValue], pointers: [Int: Ref])

    init(_ text: String, functions: [CallDescriptor] = [], nurseryBytes: Int = 16 << 20,
         setup: @escaping (IRTestWorld) -> (inputs: [ConcreteValue], pointers: [Int: Ref])) {
        self.text = text
        self.functions = functions
        self.nurseryBytes = nurseryBytes
        self.setup = setup
    }

    init(_ text: String, functions: [CallDescriptor] = [], inputs: [ConcreteValue]) {
        self.init(text, functions: functions, setup: { _ in (inputs, [:]) })
    }

    /// Runs the trace on `backend`; given `emulating`, the machine code runs in the emulator, `emulating` getting
    /// the call at its first instruction (see `CompiledTrace.runEmulated`).
    func outcome(_ backend: TraceBackend, emulating: ((X64.EmulatedCall) throws -> Void)? = nil) throws
        -> (BackendOutcome, IRTestWorld, TraceExit) {
        let w = IRTestWorld(nurseryBytes: nurseryBytes)
        let (inputs, pointers) = setup(w)
        let trace = try TraceParser(resolver: w.resolver(functions: functions, pointers: pointers)).parse(text)
        let runner = try backend.prepare(trace, heap: w.heap, memory: try testCodeMemory(), verifier: verifier)
        // The caller keeps its inputs alive (as the interpreter's frames do): what the trace drops must not be
        // freed under the test's feet, whichever backend marks what.
        let exit = try withTestHeap(w.heap) {
            try w.heap.withExtraRoots({ heap in
                for case .ref(let r) in inputs where !r.isNull { heap.markRoot(r) }
            }, {
                guard let emulating else { return try runner.run(inputs) }
                return try (runner as! X64.CompiledTrace).runEmulated(inputs, emulating)
            })
        }
        var rendering = HeapRendering(registry: w.registry)
        let values = rendering.render(exit.values)
        let after = rendering.render(inputs)
        let outcome = BackendOutcome(reason: exit.reason, iterations: exit.iterations, values: values, inputsAfter: after + [rendering.heapText],
                                     collections: w.heap.collections,
                                     allocatedBytes: w.heap.totalAllocatedBytes + w.heap.bytesSinceCollection)
        return (outcome, w, exit)
    }

    /// Runs both backends, records an issue if they differ, and returns the machine code's exit.
    @discardableResult
    func check(sourceLocation: SourceLocation = #_sourceLocation) throws -> TraceExit {
        let (ir, _, _) = try outcome(.ir)
        let (native, _, exit) = try outcome(.x64)
        #expect(native == ir, sourceLocation: sourceLocation)
        return exit
    }
}

/// Parses and compiles `text` in `w`.
func compile(_ text: String, in w: IRTestWorld, functions: [CallDescriptor] = []) throws -> X64.CompiledTrace {
    let trace = try TraceParser(resolver: w.resolver(functions: functions)).parse(text)
    return try X64.CompiledTrace(trace: trace, heap: w.heap, memory: try testCodeMemory())
}

/// The heap of the differential run in progress on this thread (for residual functions that collect; tests run
/// in parallel).
let testHeapKey = "metalab.backend-tests.heap"
var currentTestHeap: Heap? { Thread.current.threadDictionary[testHeapKey] as? Heap }

/// Runs `body` with `heap` as this thread's `currentTestHeap`.
func withTestHeap<T>(_ heap: Heap, _ body: () throws -> T) rethrows -> T {
    Thread.current.threadDictionary[testHeapKey] = heap
    defer { Thread.current.threadDictionary[testHeapKey] = nil }
    return try body()
}

/// Collects now (a residual call that runs the GC, as one that re-enters the interpreter may) and returns its
/// argument.
let testCollectNow = ResidualFunction1("collect_now", { a in
    currentTestHeap?.collect()
    return a
})

/// Half of an integer, as a float's bit pattern (a float residual: `call_f`).
let testHalfAsFloat = ResidualFunction1("half_as_float", { a in UInt((Double(Int(bitPattern: a)) / 2).bitPattern) })

/// Allocates a `W_Int` holding `a` (a residual that allocates and may collect first).
let testBoxCollecting = ResidualFunction1("box_collecting", { a in
    guard let heap = currentTestHeap else { return 0 }
    heap.collect()
    let r = heap.allocate(typeID: 1, size: 24)
    r.pointer.storeBytes(of: a, toByteOffset: 16, as: UInt.self)
    return r.bits
})
