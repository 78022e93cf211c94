import Testing
@testable import Meta

@Test func heapContainsExactlyItsAllocatedObjects() {
    let w = IRTestWorld()
    let small = w.box(1)
    let large = w.heap.allocate(w.tuple, tailCount: 1000)
    #expect(w.heap.contains(small) && w.heap.contains(large))
    #expect(!w.heap.contains(Ref(bits: small.bits + 8)))
    #expect(!w.heap.contains(Ref(bits: large.bits + 16)))
    #expect(!w.heap.contains(.null))
    let outside = UnsafeMutablePointer<UInt>.allocate(capacity: 4)
    defer { outside.deallocate() }
    #expect(!w.heap.contains(Ref(UnsafeMutableRawPointer(outside))))
    // A freed cell is no longer an object.
    var keep = Ref.null
    w.heap.rootScanners.append { $0.markRoot(keep) }
    keep = w.box(2)
    let garbage = w.box(3)
    w.heap.collect()
    #expect(w.heap.contains(keep) && !w.heap.contains(garbage))
}

/// A trace may hold, as a reference, memory the heap does not own (a non-virtualizable guest frame's slot array):
/// collections during the loop leave that memory untouched and keep the objects it holds only through the trace.
@Test func collectionsIgnoreReferencesOutsideTheHeap() throws {
    let w = IRTestWorld(nurseryBytes: 128 << 10)
    let frame = UnsafeMutablePointer<UInt>.allocate(capacity: 2)
    defer { frame.deallocate() }
    frame[0] = w.box(0).bits
    frame[1] = 8
    let frameLayout = Layout(id: 0, fixedSize: 0)
    let trace = try w.parse("""
        [p0, i1]
        label(p0, i1, descr=Loop0)
        p2 = getarrayitem_gc_r(p0, 0, descr=<Array layout=0 base=0>)
        i3 = getfield_gc_i(p2, descr=W_Int.intval)
        i4 = int_lt(i3, i1)
        guard_true(i4) [p0, p2]
        i5 = int_add(i3, 1)
        p6 = new_with_vtable(descr=W_Int)
        setfield_gc(p6, i5, descr=W_Int.intval)
        setarrayitem_gc(p0, 0, p6, descr=<Array layout=0 base=0>)
        p7 = new_with_vtable(descr=W_Pair)
        jump(p0, i1, descr=Loop0)
        """)
    #expect(trace.ops[1].descr == .array(frameLayout))
    #expect(w.printer().print(trace).contains("p2 = getarrayitem_gc_r(p0, 0, descr=<Array layout=0 base=0>)\n"))
    let exit = try IRExecutor(trace: trace, heap: w.heap).run([.ref(Ref(UnsafeMutableRawPointer(frame))), .int(30_000)])
    #expect(w.heap.collections > 2)
    #expect(frame[1] == 8)
    #expect(exit.values == [.ref(Ref(UnsafeMutableRawPointer(frame))), .ref(Ref(bits: frame[0]))])
    #expect(w.unbox(Ref(bits: frame[0])) == 30_000)
}
