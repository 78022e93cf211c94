#if canImport(Glibc)
import Glibc
#endif

/// The guest heap: a non-moving mark-and-sweep collector over size-classed pages, plus separately allocated large
/// objects.
///
/// Allocation pops a cell from its size class's free list (a free cell has a zero type word and the next free cell
/// in its GC word). Collection is precise and happens only at *safepoints* the runtime chooses (loop back-edges,
/// calls), when every live reference is reachable from the roots the runtime registers; between safepoints the heap
/// only grows. `collectRequested` tells the runtime that a collection is due.
///
/// Limits: `maxHeapBytes` bounds what survives a collection (the runtime raises `MemoryError` past it); between
/// safepoints the heap may grow to `hardLimitBytes`, past which allocation returns `Ref.null`.
public final class Heap {
    public let registry: TypeRegistry

    /// Bytes of the small-object cells in each size class.
    public static let cellSizes: [Int] = [16, 32, 48, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384, 448, 512,
                                          640, 768, 896, 1024, 1280, 1536, 1792, 2048]
    public static let largestCell = 2048
    static let pageSize = 256 * 1024

    @usableFromInline let freeHeads: UnsafeMutablePointer<UInt>
    @usableFromInline let cellSizeOfClass: UnsafeMutablePointer<Int>
    /// Size class index for each 16-byte granule count (index `(size + 15) >> 4`).
    @usableFromInline let classOfGranules: UnsafeMutablePointer<UInt8>
    private var pages: [[UnsafeMutableRawPointer]]
    /// Every page's start address, sorted, and its size class (for `contains`).
    private var pageStarts: [UInt] = []
    private var pageClasses: [Int] = []
    private var largeObjects: [UnsafeMutableRawPointer: Int] = [:]
    private var markStack: [UInt] = []

    /// Bytes handed out since the last collection.
    @usableFromInline var bytesSinceCollection: Int {
        @inlinable @inline(__always) get { allocationCounters[0] }
        @inlinable @inline(__always) set { allocationCounters[0] = newValue }
    }
    /// `bytesSinceCollection` and `collectionThreshold`, in two words at an address fixed for the heap's lifetime,
    /// so that compiled code's inline allocation keeps the same accounting.
    @usableFromInline let allocationCounters: UnsafeMutablePointer<Int>
    /// Bytes reserved from the system (pages and large objects).
    public private(set) var reservedBytes = 0
    /// Bytes in live objects after the last collection.
    public private(set) var liveBytesAfterCollection = 0
    /// Allocation volume that triggers the next collection.
    @usableFromInline var collectionThreshold: Int {
        @inlinable @inline(__always) get { allocationCounters[1] }
        @inlinable @inline(__always) set { allocationCounters[1] = newValue }
    }
    /// Set when enough has been allocated that the next safepoint should collect. It lives in its own byte
    /// (`collectRequestedFlag`) so that compiled code can poll it at a fixed address.
    public var collectRequested: Bool {
        @inlinable @inline(__always) get { collectRequestedFlag.pointee }
        @inlinable @inline(__always) set { collectRequestedFlag.pointee = newValue }
    }
    /// The byte behind `collectRequested`, at an address fixed for the heap's lifetime.
    public let collectRequestedFlag: UnsafeMutablePointer<Bool>

    public var maxHeapBytes: Int
    public var hardLimitBytes: Int { maxHeapBytes &* 2 &+ 64 << 20 }
    public let minimumNurseryBytes: Int

    /// Functions that mark the runtime's roots (frames, globals, caches) by calling `markRoot`.
    public var rootScanners: [(Heap) -> Void] = []

    /// Runs `body` with `scan` as an additional root scanner: for a component that holds references only for a
    /// while, such as the IR executor's registers while a trace runs (any collection during `body`, at a
    /// safepoint or inside a residual call, keeps what `scan` marks). Uses may nest; `body` must not remove
    /// scanners it did not add.
    public func withExtraRoots<T>(_ scan: @escaping (Heap) -> Void, _ body: () throws -> T) rethrows -> T {
        rootScanners.append(scan)
        let index = rootScanners.count - 1
        defer { rootScanners.remove(at: index) }
        return try body()
    }

    // Statistics.
    public private(set) var collections = 0
    public private(set) var totalAllocatedBytes = 0
    public private(set) var totalFreedBytes = 0
    public private(set) var collectionNanoseconds: UInt64 = 0

    /// `nurseryBytes` is the least allocation volume between collections. 4 MiB rather than more: fewer fresh
    /// pages fault in before the first collection, and reused cells stay in cache (float_loop 53 → 47 ms, dicts
    /// 1.51 → 1.41 s against 16 MiB; nothing measured slower).
    public init(registry: TypeRegistry, maxHeapBytes: Int = 4 << 30, nurseryBytes: Int = 4 << 20) {
        self.registry = registry
        self.maxHeapBytes = maxHeapBytes
        self.minimumNurseryBytes = nurseryBytes
        allocationCounters = .allocate(capacity: 2)
        allocationCounters.initialize(repeating: 0, count: 2)
        collectRequestedFlag = .allocate(capacity: 1)
        collectRequestedFlag.initialize(to: false)
        let classes = Heap.cellSizes.count
        freeHeads = .allocate(capacity: classes)
        freeHeads.initialize(repeating: 0, count: classes)
        cellSizeOfClass = .allocate(capacity: classes)
        for (i, s) in Heap.cellSizes.enumerated() { cellSizeOfClass[i] = s }
        let granules = Heap.largestCell / 16 + 1
        classOfGranules = .allocate(capacity: granules)
        for g in 0..<granules {
            let size = max(g * 16, 16)
            classOfGranules[g] = UInt8(Heap.cellSizes.firstIndex(where: { $0 >= size })!)
        }
        pages = Array(repeating: [], count: classes)
        collectionThreshold = nurseryBytes
    }

    deinit {
        for list in pages { for p in list { p.deallocate() } }
        for (p, _) in largeObjects { p.deallocate() }
        freeHeads.deallocate()
        collectRequestedFlag.deallocate()
        allocationCounters.deallocate()
        cellSizeOfClass.deallocate()
        classOfGranules.deallocate()
        for layout in markLayouts { layout.refOffsets.deallocate() }
    }

    // MARK: allocation

    /// Allocates a zeroed object of layout `type` with `tailCount` tail items; `Ref.null` if the heap is full.
    @inlinable public func allocate(_ type: TypeDescriptor, tailCount: Int = 0) -> Ref {
        allocate(typeID: type.id, size: type.size(tailCount: tailCount))
    }

    /// Allocates `size` zeroed bytes whose header names `typeID`; `Ref.null` if the heap is full.
    @inlinable @inline(__always) public func allocate(typeID: UInt32, size: Int) -> Ref {
        guard size <= Heap.largestCell else { return allocateLarge(typeID: typeID, size: size) }
        let cls = Int(classOfGranules[(size &+ 15) &>> 4])
        var cell = freeHeads[cls]
        if _slowPath(cell == 0) {
            cell = refill(cls)
            if cell == 0 { return .null }
        }
        let p = UnsafeMutableRawPointer(bitPattern: cell).unsafelyUnwrapped
        freeHeads[cls] = p.load(fromByteOffset: 8, as: UInt.self)
        p.storeBytes(of: 0, toByteOffset: 8, as: UInt.self)
        if size <= 64 {
            // Small objects (boxed ints and floats, most instances): a few stores beat a call to memset. They are
            // written out, not looped (the optimizer turns such a loop into a memset call), 16 bytes each: a cell
            // is a multiple of 16 bytes, so the last store may clear bytes of the cell past `size`.
            let zero = SIMD2<UInt64>(repeating: 0)
            if size > 16 { p.storeBytes(of: zero, toByteOffset: 16, as: SIMD2<UInt64>.self) }
            if size > 32 { p.storeBytes(of: zero, toByteOffset: 32, as: SIMD2<UInt64>.self) }
            if size > 48 { p.storeBytes(of: zero, toByteOffset: 48, as: SIMD2<UInt64>.self) }
        } else {
            (p + 16).initializeMemory(as: UInt8.self, repeating: 0, count: size &- 16)
        }
        p.storeBytes(of: UInt64(typeID), as: UInt64.self)
        let cellSize = cellSizeOfClass[cls]
        bytesSinceCollection &+= cellSize
        if _slowPath(bytesSinceCollection > collectionThreshold) { collectRequested = true }
        return Ref(p)
    }

    /// Threads a fresh page of class `cls` onto its free list; returns the first cell, or 0 past the hard limit.
    @usableFromInline func refill(_ cls: Int) -> UInt {
        guard reservedBytes + Heap.pageSize <= hardLimitBytes else { return 0 }
        let cellSize = cellSizeOfClass[cls]
        let page = UnsafeMutableRawPointer.allocate(byteCount: Heap.pageSize, alignment: 16)
        reservedBytes += Heap.pageSize
        pages[cls].append(page)
        let start = UInt(bitPattern: page)
        let at = pageStarts.firstIndex { $0 > start } ?? pageStarts.count
        pageStarts.insert(start, at: at)
        pageClasses.insert(cls, at: at)
        var next: UInt = 0
        var offset = (Heap.pageSize / cellSize - 1) * cellSize
        while offset >= 0 {
            let c = page + offset
            c.storeBytes(of: 0, as: UInt.self)
            c.storeBytes(of: next, toByteOffset: 8, as: UInt.self)
            next = UInt(bitPattern: c)
            offset -= cellSize
        }
        freeHeads[cls] = next
        return next
    }

    @usableFromInline func allocateLarge(typeID: UInt32, size: Int) -> Ref {
        guard size >= 0, reservedBytes &+ size <= hardLimitBytes else { return .null }
        let p = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
        p.initializeMemory(as: UInt8.self, repeating: 0, count: size)
        p.storeBytes(of: UInt64(typeID), as: UInt64.self)
        largeObjects[p] = size
        reservedBytes += size
        bytesSinceCollection &+= size
        if _slowPath(bytesSinceCollection > collectionThreshold) { collectRequested = true }
        return Ref(p)
    }

    // MARK: object access helpers

    /// The type id in `ref`'s header.
    @inlinable @inline(__always) public static func typeID(of ref: Ref) -> UInt32 {
        UInt32(truncatingIfNeeded: ref.pointer.load(as: UInt64.self))
    }

    /// The layout of `ref`.
    @inlinable public func descriptor(of ref: Ref) -> TypeDescriptor {
        registry.descriptors[Int(Heap.typeID(of: ref))]
    }

    /// Whether `ref` is an object of this heap (the start of an allocated cell or large object). For root
    /// scanners that may hold references to memory outside the heap, such as the IR executor, whose trace may
    /// treat a guest frame's slot array as a reference. Costs a binary search over the pages.
    public func contains(_ ref: Ref) -> Bool {
        let address = ref.bits
        var low = 0, high = pageStarts.count
        while low < high {
            let mid = (low + high) / 2
            if pageStarts[mid] <= address { low = mid + 1 } else { high = mid }
        }
        if low > 0, address - pageStarts[low - 1] < UInt(Heap.pageSize) {
            let offset = address - pageStarts[low - 1], cellSize = UInt(cellSizeOfClass[pageClasses[low - 1]])
            return offset % cellSize == 0 && offset / cellSize < UInt(Heap.pageSize) / cellSize && Heap.typeID(of: ref) != 0
        }
        guard let p = UnsafeMutableRawPointer(bitPattern: address) else { return false }
        return largeObjects[p] != nil
    }

    // MARK: collection

    /// Marks `ref` (and, transitively, what it references) live. Called by root scanners.
    public func markRoot(_ ref: Ref) {
        if ref.isNull { return }
        mark(ref.bits)
        drainMarkStack()
    }

    @inline(__always) private func mark(_ bits: UInt) {
        let p = UnsafeMutableRawPointer(bitPattern: bits).unsafelyUnwrapped
        let gc = p.load(fromByteOffset: ObjectHeader.gcWordOffset, as: UInt64.self)
        if gc & ObjectHeader.markBit != 0 { return }
        p.storeBytes(of: gc | ObjectHeader.markBit, toByteOffset: ObjectHeader.gcWordOffset, as: UInt64.self)
        markStack.append(bits)
    }

    /// What marking needs of one layout, as plain values: its reference fields' offsets (a buffer owned by the
    /// heap), and for a tail of references the offset of its count and where it starts (`tailCountOffset` -1: none).
    private struct MarkLayout {
        var refOffsets: UnsafeBufferPointer<Int>
        var tailCountOffset: Int
        var tailStart: Int
    }

    /// `MarkLayout`s by type id, extended as types are registered. Reading a `TypeDescriptor` (a class) and its
    /// offsets array per object retained and released both: a third of marking's time.
    private var markLayouts: [MarkLayout] = []

    private func updateMarkLayouts() {
        let descriptors = registry.descriptors
        for d in descriptors[markLayouts.count...] {
            let offsets = UnsafeMutableBufferPointer<Int>.allocate(capacity: d.refOffsets.count)
            _ = offsets.initialize(from: d.refOffsets)
            var layout = MarkLayout(refOffsets: UnsafeBufferPointer(offsets), tailCountOffset: -1, tailStart: d.fixedSize)
            if case .refs(let countOffset) = d.tail { layout.tailCountOffset = countOffset }
            markLayouts.append(layout)
        }
    }

    private func drainMarkStack() {
        if markLayouts.count < registry.descriptors.count { updateMarkLayouts() }
        let layouts = markLayouts
        while let bits = markStack.popLast() {
            let p = UnsafeMutableRawPointer(bitPattern: bits).unsafelyUnwrapped
            let layout = layouts[Int(UInt32(truncatingIfNeeded: p.load(as: UInt64.self)))]
            for offset in layout.refOffsets {
                let child = p.load(fromByteOffset: offset, as: UInt.self)
                if child != 0 { mark(child) }
            }
            if layout.tailCountOffset >= 0 {
                let count = p.load(fromByteOffset: layout.tailCountOffset, as: Int.self)
                var offset = layout.tailStart
                for _ in 0..<count {
                    let child = p.load(fromByteOffset: offset, as: UInt.self)
                    if child != 0 { mark(child) }
                    offset += 8
                }
            }
        }
    }

    /// Runs a full collection now. Only call at a safepoint: every live object must be reachable from the roots
    /// that `rootScanners` mark.
    public func collect() {
        let start = monotonicNanoseconds()
        totalAllocatedBytes += bytesSinceCollection
        for scan in rootScanners { scan(self) }
        drainMarkStack()
        let freed = sweep()
        totalFreedBytes += freed
        collections += 1
        liveBytesAfterCollection = max(0, liveBytesAfterCollection + bytesSinceCollection - freed)
        bytesSinceCollection = 0
        collectionThreshold = max(minimumNurseryBytes, liveBytesAfterCollection)
        collectRequested = false
        collectionNanoseconds += monotonicNanoseconds() - start
    }

    /// Frees every unmarked object, clears the marks of the rest; returns the bytes freed.
    private func sweep() -> Int {
        var freed = 0
        for cls in 0..<Heap.cellSizes.count {
            let cellSize = cellSizeOfClass[cls]
            let cellsPerPage = Heap.pageSize / cellSize
            var head: UInt = 0
            for page in pages[cls] {
                var offset = (cellsPerPage - 1) * cellSize
                while offset >= 0 {
                    let c = page + offset
                    if c.load(as: UInt64.self) != 0 {
                        let gc = c.load(fromByteOffset: 8, as: UInt64.self)
                        if gc & ObjectHeader.markBit != 0 {
                            c.storeBytes(of: gc & ~ObjectHeader.markBit, toByteOffset: 8, as: UInt64.self)
                            offset -= cellSize
                            continue
                        }
                        c.storeBytes(of: 0, as: UInt64.self)
                        freed += cellSize
                    }
                    c.storeBytes(of: head, toByteOffset: 8, as: UInt.self)
                    head = UInt(bitPattern: c)
                    offset -= cellSize
                }
            }
            freeHeads[cls] = head
        }
        for (p, size) in largeObjects {
            let gc = p.load(fromByteOffset: 8, as: UInt64.self)
            if gc & ObjectHeader.markBit != 0 {
                p.storeBytes(of: gc & ~ObjectHeader.markBit, toByteOffset: 8, as: UInt64.self)
            } else {
                largeObjects[p] = nil
                p.deallocate()
                reservedBytes -= size
                freed += size
            }
        }
        return freed
    }

    /// Whether the heap holds more live data than `maxHeapBytes` (checked by the runtime after a collection).
    public var isOverLimit: Bool { liveBytesAfterCollection > maxHeapBytes }
}

/// Nanoseconds from a monotonic clock.
public func monotonicNanoseconds() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}
