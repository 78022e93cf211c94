import Testing
@testable import Meta

// Every unit trace of the pass tests, run from several inputs with no pass, all passes and each pass alone:
// the runs must leave the same way with the same rebuilt guest state and the same heap.

extension IRTestWorld {
    func pair(_ left: Ref, _ right: Ref) -> Ref {
        let r = heap.allocate(pair)
        r.pointer.storeBytes(of: left.bits, toByteOffset: 16, as: UInt.self)
        r.pointer.storeBytes(of: right.bits, toByteOffset: 24, as: UInt.self)
        return r
    }

    func boxFloat(_ v: Double) -> Ref {
        let r = heap.allocate(float)
        r.pointer.storeBytes(of: v, toByteOffset: 16, as: Double.self)
        return r
    }

    func tuple(_ items: [Ref]) -> Ref {
        let t = heap.allocate(tuple, tailCount: items.count)
        t.pointer.storeBytes(of: items.count, toByteOffset: 16, as: Int.self)
        for (k, item) in items.enumerated() { t.pointer.storeBytes(of: item.bits, toByteOffset: tuple.fixedSize + 8 * k, as: UInt.self) }
        return t
    }
}

/// Inputs of plain values (no objects).
func plain(_ values: [ConcreteValue]) -> (IRTestWorld) -> (values: [ConcreteValue], roots: [Ref]) {
    { _ in (values, []) }
}

@Test func foldPreservesExecution() throws {
    for v in [[3, 5], [5, 3], [Int.max, 1], [Int.min / 2, -3]] {
        try expectEquivalentUnderAllPasses(foldTrace, "\(v)", inputs: plain([.int(v[0]), .int(v[1]), .float(-0.0)]))
    }
    for v in [[3, 5], [-4, 9]] {
        try expectEquivalentUnderAllPasses(elidableCallTrace, "\(v)", inputs: { w in
            let b = w.box(1)
            return ([.int(v[0]), .int(v[1]), .ref(b)], [b])
        })
    }
}

@Test func intboundsPreservesExecution() throws {
    for v in [[0, 7], [0, 8], [-5, 7], [97, 7], [Int.max - 1, 7]] {
        try expectEquivalentUnderAllPasses(boundsTrace, "\(v)", inputs: plain([.int(v[0]), .int(v[1])]))
    }
}

@Test func guardsPreservesExecution() throws {
    for (k, (i2, i3, nullFirst, floatSecond, nonzeroField)) in [(7, 1, false, false, false), (6, 1, false, false, false), (7, 0, false, false, false),
                                                              (7, 1, true, false, false), (7, 1, false, true, false), (7, 1, false, false, true)].enumerated() {
        try expectEquivalentUnderAllPasses(guardsTrace, "case \(k)", inputs: { w in
            let a = nullFirst ? Ref.null : w.box(nonzeroField ? 4 : 0)
            let b = floatSecond ? w.boxFloat(1.5) : w.box(3)
            return ([.ref(a), .ref(b), .int(i2), .int(i3)], [a, b].filter { !$0.isNull })
        })
    }
}

@Test func heapPreservesExecutionEvenWhenObjectsAlias() throws {
    for aliased in [false, true] {
        try expectEquivalentUnderAllPasses(heapTrace, "aliased \(aliased)", inputs: { w in
            let a = w.box(10), b = aliased ? a : w.box(20)
            let p = w.pair(w.box(1), w.box(2))
            return ([.ref(a), .ref(b), .ref(p), .int(42)], [a, b, p])
        })
    }
    for index in 0..<3 {
        try expectEquivalentUnderAllPasses(arrayTrace, "index \(index)", inputs: { w in
            let t = w.tuple([w.box(0), w.box(1), w.box(2)])
            return ([.ref(t), .int(index)], [t])
        })
    }
}

@Test func freshObjectAliasingPreservesExecution() throws {
    try expectEquivalentUnderAllPasses(freshObjectTrace, inputs: { w in
        let a = w.box(5), p = w.pair(w.box(1), w.box(2))
        return ([.ref(a), .ref(p), .int(9)], [a, p])
    })
}

@Test func virtualsPreservesExecution() throws {
    for i0 in [3, 12] {
        try expectEquivalentUnderAllPasses(virtualsTrace, "i0 \(i0)", inputs: { w in
            let p = w.pair(w.box(1), w.box(2))
            return ([.int(i0), .ref(p)], [p])
        })
    }
    for n in [0, 1, 5] {
        try expectEquivalentUnderAllPasses(listBuildingLoop, "n \(n)", inputs: plain([.ref(.null), .int(0), .int(n)]))
    }
    for n in [0, 2, 7] {
        try expectEquivalentUnderAllPasses(nestedVirtualLoop, "n \(n)", inputs: { w in
            let p = w.pair(w.box(0), .null)
            return ([.ref(p), .int(n)], [p])
        })
        try expectEquivalentUnderAllPasses(sharedVirtualLoop, "shared n \(n)", inputs: { w in
            let b = w.box(0)
            let p = w.pair(b, b)
            return ([.ref(p), .int(n)], [p])
        })
    }
}

@Test func peelPreservesExecution() throws {
    for (k, (value, start, end, isFloat)) in [(3, 0, 50, false), (3, 0, 0, false), (3, 5, 6, false), (3, 0, 9, true)].enumerated() {
        try expectEquivalentUnderAllPasses(invariantLoopTrace, "case \(k)", inputs: { w in
            let p = isFloat ? w.boxFloat(3) : w.box(value)
            return ([.ref(p), .int(start), .int(end)], [p])
        })
    }
    for aliased in [false, true] {
        try expectEquivalentUnderAllPasses(writingLoopTrace, "aliased \(aliased)", inputs: { w in
            let a = w.box(100), b = aliased ? a : w.box(0)
            return ([.ref(a), .ref(b), .int(30)], [a, b])
        })
    }
}

@Test func readOnlyCallsPreserveExecution() throws {
    for (value, limit) in [(1, 10), (3, 1), (2, 0)] {
        try expectEquivalentUnderAllPasses(readOnlyCallLoop, "\(value), \(limit)", inputs: { w in
            let a = w.box(value), b = w.box(limit)
            return ([.ref(a), .ref(b), .int(0)], [a, b])
        })
    }
}

@Test func allocatingLoopPreservesExecution() throws {
    for (value, start) in [(7, 0), (1, 99), (0, 100)] {
        try expectEquivalentUnderAllPasses(allocatingLoop, "\(value), \(start)", inputs: { w in
            let a = w.box(value), b = w.box(-1)
            return ([.ref(a), .ref(b), .int(start)], [a, b])
        })
    }
}

@Test func dcePreservesExecution() throws {
    for i0 in [0, 1, Int.max] {
        try expectEquivalentUnderAllPasses(deadCodeTrace, "i0 \(i0)", inputs: { w in
            let b = w.box(5)
            return ([.int(i0), .ref(b)], [b])
        })
    }
}

@Test func theBoxedLoopComputesTheSameSumsAndFailures() throws {
    for (start, sum) in [(0, 0), (95, 1 << 62), (100, 0), (0, Int.max - 100)] {
        try expectEquivalentUnderAllPasses(boxedSumLoop, "\(start), \(sum)", inputs: { w in
            let a = w.box(start), b = w.box(sum)
            return ([.ref(a), .ref(b)], [a, b])
        })
    }
    try expectEquivalentUnderAllPasses(boxedSumLoop, "a float", inputs: { w in
        let a = w.boxFloat(1), b = w.box(0)
        return ([.ref(a), .ref(b)], [a, b])
    })
}

/// The comparison itself notices what the optimizer must not change (so the tests above can fail).
@Test func theComparatorSeesDifferentExitsValuesAndHeaps() throws {
    let w1 = IRTestWorld(nurseryBytes: 1 << 20), w2 = IRTestWorld(nurseryBytes: 1 << 20)
    let text = "[p0, i1]\nsetfield_gc(p0, i1, descr=W_Int.intval)\nguard_true(i1) [p0, i1]\np2 = new_with_vtable(descr=W_Int)\nfinish(p2, i1)"
    func run(_ w: IRTestWorld, _ i: Int, _ b: Ref) throws -> Observation {
        try observe(try w.optParser().parse(text), passes: [], world: w, inputs: [.ref(b), .int(i)], roots: [b])
    }
    let b1 = w1.box(0), b2 = w2.box(0)
    var same = ObservationComparator(try run(w1, 2, b1), try run(w2, 2, b2))
    #expect(same.differences().isEmpty)
    var exits = ObservationComparator(try run(w1, 0, b1), try run(w2, 2, b2))
    #expect(!exits.differences().isEmpty)
    var heaps = ObservationComparator(try run(w1, 3, b1), try run(w2, 2, b2))
    #expect(!heaps.differences().isEmpty)
}
