import Meta
#if canImport(Glibc)
import Glibc
#endif

/// One guest frame's bookkeeping. Its locals, cells and value stack live in the shared value stack region from
/// `base` on: `nlocals` locals, `ncells` cells, then the stack from `stackBase`. A call's arguments, pushed by the
/// caller, become the callee's first locals without copying.
public struct Frame {
    public var info: Unmanaged<CodeInfo>
    /// The W_Function being run (null for module code and class bodies run without one).
    public var function: Ref
    public var globals: Ref
    /// The dict that LOAD_NAME/STORE_NAME use (module and class bodies), else null.
    public var localsDict: Ref
    public var base: UnsafeMutablePointer<Ref>
    public var stackBase: UnsafeMutablePointer<Ref>
    /// Saved stack pointer and instruction index while the frame is not executing.
    public var sp: UnsafeMutablePointer<Ref>
    public var pc: Int
    /// For `__init__` frames started by a class call: the instance to return instead of `__init__`'s None.
    public var constructed: Ref
    /// Whether returning from this frame returns from the `run` call that started it.
    public var isEntry: Bool

    public var code: CodeObject { info.takeUnretainedValue().code }
}

/// The guest frame stack and the value stack region all frames share. Frames are pushed and popped by the
/// interpreter, never by Swift recursion (DESIGN §13), so deep guest recursion raises RecursionError instead of
/// overflowing the Swift stack.
public final class FrameStack {
    /// Frame records, in a region reserved once and never moved: dispatch loops suspended in nested calls hold
    /// pointers to their frames.
    public let frames: UnsafeMutablePointer<Frame>
    /// The most frames that can exist (deeper recursion raises RecursionError whatever the recursion limit).
    public static let capacity = 1 << 20
    public var depth = 0
    /// The value stack region (reserved lazily by the kernel) and its end.
    public let stackStart: UnsafeMutablePointer<Ref>
    public let stackEnd: UnsafeMutablePointer<Ref>
    /// The value stack's top while no frame is executing in the dispatch loop (synced before any call out).
    public var top: UnsafeMutablePointer<Ref>

    static let stackSlots = 16 << 20

    init() {
        let frameBytes = FrameStack.capacity * MemoryLayout<Frame>.stride
        guard let region = mmap(nil, frameBytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0),
              region != MAP_FAILED else { fatalError("cannot reserve the frame stack") }
        frames = region.bindMemory(to: Frame.self, capacity: FrameStack.capacity)
        let bytes = FrameStack.stackSlots * MemoryLayout<Ref>.stride
        let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
        guard let raw, raw != MAP_FAILED else { fatalError("cannot reserve the value stack") }
        stackStart = raw.assumingMemoryBound(to: Ref.self)
        stackEnd = stackStart + FrameStack.stackSlots
        top = stackStart
    }

    /// Pushes a frame record (the caller has set up its slots and checked `depth < capacity`).
    @inline(__always) func push(_ f: Frame) {
        (frames + depth).initialize(to: f)
        depth &+= 1
    }

    @inline(__always) func pop() {
        depth &-= 1
        (frames + depth).deinitialize(count: 1)
    }

    /// The innermost frame.
    @inline(__always) public var current: UnsafeMutablePointer<Frame> { frames + (depth &- 1) }

    func markRoots(_ heap: Heap) {
        var p = stackStart
        while p < top {
            if !p.pointee.isNull { heap.markRoot(p.pointee) }
            p += 1
        }
        for i in 0..<depth {
            let f = frames[i]
            heap.markRoot(f.function)
            heap.markRoot(f.globals)
            heap.markRoot(f.localsDict)
            heap.markRoot(f.constructed)
        }
    }
}
