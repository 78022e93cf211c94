import Foundation
@testable import Meta

/// A small object model for IR tests: boxed ints and floats, a pair, a tuple with a reference tail.
struct IRTestWorld {
    let registry = TypeRegistry()
    let int: TypeDescriptor
    let float: TypeDescriptor
    let pair: TypeDescriptor
    let tuple: TypeDescriptor
    let heap: Heap

    init(nurseryBytes: Int = 16 << 20) {
        int = registry.register("W_Int", fields: [("intval", .int)])
        float = registry.register("W_Float", fields: [("floatval", .float)])
        pair = registry.register("W_Pair", fields: [("left", .ref), ("right", .ref)])
        tuple = registry.register("W_Tuple", fields: [("length", .int)], tail: .refs(countOffset: 16))
        heap = Heap(registry: registry, nurseryBytes: nurseryBytes)
    }

    var intval: FieldDescriptor { int.field("intval") }
    var floatval: FieldDescriptor { float.field("floatval") }

    func box(_ v: Int) -> Ref {
        let r = heap.allocate(int)
        r.pointer.storeBytes(of: v, toByteOffset: Int(intval.offset), as: Int.self)
        return r
    }

    func unbox(_ r: Ref) -> Int { r.pointer.load(fromByteOffset: Int(intval.offset), as: Int.self) }

    func resolver(functions: [CallDescriptor] = [], objects: [String: Ref] = [:], pointers: [Int: Ref] = [:]) -> RegistryResolver {
        RegistryResolver(registry: registry, functions: [CallDescriptor(testScaleAdd), CallDescriptor(testUnbox), CallDescriptor(testSum3)] + functions,
                         rawFields: TestRawWords.fields, objects: objects, pointers: pointers)
    }

    func parse(_ text: String, objects: [String: Ref] = [:], pointers: [Int: Ref] = [:]) throws -> Trace {
        try TraceParser(resolver: resolver(objects: objects, pointers: pointers)).parse(text)
    }

    func printer(_ options: TracePrinter.Options = .init(), names: [Ref: String] = [:]) -> TracePrinter {
        TracePrinter(registry: registry, options: options, refName: { names[$0] })
    }

    /// Parses, verifies and runs `text` with `inputs`.
    func run(_ text: String, _ inputs: [ConcreteValue], objects: [String: Ref] = [:]) throws -> TraceExit {
        let trace = try parse(text, objects: objects)
        return try IRExecutor(trace: trace, heap: heap).run(inputs)
    }
}

/// `a * 10 + b` on two words.
let testScaleAdd = ResidualFunction2("scale_add", { a, b in UInt(bitPattern: Int(bitPattern: a) &* 10 &+ Int(bitPattern: b)) })
/// The `intval` of a `W_Int` (at offset 16).
let testUnbox = ResidualFunction1("unbox", { r in UInt(bitPattern: UnsafeRawPointer(bitPattern: r)!.load(fromByteOffset: 16, as: Int.self)) })
/// `a + b + c`.
let testSum3 = ResidualFunction3("sum3", { a, b, c in a &+ b &+ c })

/// A snapshot of one frame whose locals are `values`.
func frameSnapshot(_ values: [IRValue], pc: Int = 0) -> Snapshot {
    Snapshot(frames: [SnapshotFrame(codeID: 1, codeName: "run", pc: pc, locals: values, stack: [])])
}

/// Words outside any heap for `getfield_raw_i` tests: a flag byte (`Test.flag`) and a 32-bit counter
/// (`Test.count`), at addresses fixed for the test process. Tests that write them hold `lock`.
enum TestRawWords {
    nonisolated(unsafe) static let flag: UnsafeMutablePointer<UInt8> = {
        let p = UnsafeMutablePointer<UInt8>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    nonisolated(unsafe) static let count: UnsafeMutablePointer<UInt32> = {
        let p = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    static let fields = [RawFieldDescriptor(name: "Test.flag", address: flag, width: .byte),
                         RawFieldDescriptor(name: "Test.count", address: count, width: .dword)]
    static let lock = NSLock()
}
