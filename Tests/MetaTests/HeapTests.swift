import Testing
@testable import Meta

/// The collector frees what is unreachable, keeps what roots reach, and reuses freed cells.
@Test func collectionFreesUnreachableAndKeepsRoots() {
    let registry = TypeRegistry()
    let pair = registry.register("Pair", fields: [("left", .ref), ("right", .ref)])
    let leaf = registry.register("Leaf", fields: [("value", .int)])
    let heap = Heap(registry: registry, nurseryBytes: 1 << 20)
    var root = Ref.null
    heap.rootScanners.append { $0.markRoot(root) }
    root = heap.allocate(pair)
    let kept = heap.allocate(leaf)
    kept.pointer.storeBytes(of: 42, toByteOffset: 16, as: Int.self)
    root.pointer.storeBytes(of: kept.bits, toByteOffset: 16, as: UInt.self)
    for _ in 0..<10_000 { _ = heap.allocate(leaf) }
    heap.collect()
    #expect(heap.liveBytesAfterCollection < 1000)
    #expect(kept.pointer.load(fromByteOffset: 16, as: Int.self) == 42)
    // Freed cells are reused: allocating the same volume again does not grow the reserved memory.
    let reserved = heap.reservedBytes
    for _ in 0..<10_000 { _ = heap.allocate(leaf) }
    #expect(heap.reservedBytes == reserved)
}

/// Many short-lived objects run in bounded memory when the runtime collects at safepoints.
@Test func manyShortLivedObjectsStayBounded() {
    let registry = TypeRegistry()
    let leaf = registry.register("Leaf", fields: [("value", .int)])
    let heap = Heap(registry: registry, nurseryBytes: 1 << 20)
    for _ in 0..<2_000_000 {
        _ = heap.allocate(leaf)
        if heap.collectRequested { heap.collect() }
    }
    #expect(heap.reservedBytes < 8 << 20)
    #expect(heap.collections > 10)
}

/// Past the hard limit allocation fails instead of crashing.
@Test func allocationPastTheHardLimitFails() {
    let registry = TypeRegistry()
    let big = registry.register("Big", fields: [("count", .int)], tail: .bytes(countOffset: 16, itemSize: 1))
    let heap = Heap(registry: registry, maxHeapBytes: 1 << 20, nurseryBytes: 1 << 20)
    #expect(heap.allocate(big, tailCount: 1 << 30).isNull)
}
