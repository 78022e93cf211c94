import Meta
#if canImport(Glibc)
import Glibc
#endif

/// The interpreter's world: the heap, the layouts, the built-in types and singletons, interned strings, modules
/// and the roots the GC scans. One runtime runs one program; `Runtime.current` is it (runtime functions called
/// from interpreted or compiled code find it there).
public final class Runtime {
    nonisolated(unsafe) public static var current: Runtime!

    public let heap: Heap
    public let L: Layouts
    public let registry: TypeRegistry

    // Singletons.
    public private(set) var none = Ref.null
    public private(set) var trueObject = Ref.null
    public private(set) var falseObject = Ref.null
    public private(set) var notImplemented = Ref.null
    public private(set) var ellipsis = Ref.null
    public private(set) var emptyTuple = Ref.null

    /// Built-in types, and the type of each non-instance layout.
    public internal(set) var types: BuiltinTypes!
    var typeOfLayout: [Ref] = []
    public internal(set) var exceptions: ExceptionTypes!
    let attributeCache = AttributeCache()
    /// Instance attribute accesses by map (`MapCache.swift`), valid for `attributeCache.version`.
    let mapCache = MapCache()
    /// The JIT's per-key cells of watched namespaces (globals, builtins, class dicts).
    let namespaceCells = NamespaceCells()
    /// Interned names used on hot paths.
    public private(set) var names: Names!

    /// Interned strings: identifiers, attribute names, string constants.
    var interned: [String: Ref] = [:]
    var asciiCache: [Ref?] = Array(repeating: nil, count: 128)
    /// Every loaded code object and its runtime data (kept for the runtime's life: heap objects point at them).
    public internal(set) var codeObjects: [CodeObject] = []
    public internal(set) var codeInfos: [CodeInfo] = []
    /// Built-in function bodies, referred to by `W_Builtin.index`.
    var builtinBodies: [BuiltinBody] = []
    /// The `builtins` module's dict, `sys.modules`, and the `__main__` module.
    public internal(set) var builtinsDict = Ref.null
    public internal(set) var modules = Ref.null

    var buildClassCache = Ref.null
    /// Objects the runtime keeps for its whole life (cached built-ins).
    var tempRootsPermanent: [Ref] = []
    /// The exception raised by a residual call that returned null.
    public var pendingException = Ref.null
    /// The exception being handled (by an `except` block), or None.
    public var handledException = Ref.null

    /// References held by Swift code across a possible collection (push, then pop when done).
    public var tempRoots: [Ref] = []
    /// Where output goes (buffered; flushed at exit and before anything is written to stderr).
    public let stdout = OutputBuffer(fd: 1)

    /// The execution state of the guest program: frames and value stack.
    public let frames: FrameStack
    public var recursionLimit = 1000
    /// The JIT driver of `--jit trace` (nil: the plain interpreter).
    public var jit: JitDriver? { didSet { jitEnabled = jit != nil } }
    /// Whether `jit` is set: what the dispatch loop tests at backward jumps (a plain flag, no reference counting).
    public private(set) var jitEnabled = false
    /// Where the dispatch loops count the instructions they interpret (`--stats`); nil: not counted.
    public var instructionCounter: UnsafeMutablePointer<Int>?
    /// Directory that `import` resolves modules against (the main file's folder).
    public var searchPath = "."
    /// The source text of every loaded file, by file name (for tracebacks).
    public var sourceLines: [String: [String]] = [:]
    public var argv: [String] = []
    /// The domain the dispatch loops run in (the plain interpreter unless the Lab observes the program).
    public var interpreterMode = InterpreterMode.concrete
    /// Set by a SIGINT handler; the interpreter raises KeyboardInterrupt at the next safepoint.
    public static var interruptRequested: Int32 {
        @inline(__always) get { interruptFlag.pointee }
        @inline(__always) set { interruptFlag.pointee = newValue }
    }
    /// The word behind `interruptRequested`, at an address fixed for the process so that compiled loops poll it
    /// (`interruptField`). Touch it before installing a signal handler that sets it (its first use initialises it).
    nonisolated(unsafe) public static let interruptFlag: UnsafeMutablePointer<Int32> = {
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        p.initialize(to: 0)
        return p
    }()
    /// The two words a loop's back-edge polls (`getfield_raw_i` in a trace): Ctrl-C's flag and the heap's
    /// collect-requested byte.
    let interruptField = RawFieldDescriptor(name: "Runtime.interruptRequested", address: Runtime.interruptFlag, width: .dword)
    /// `interruptFlag`, read through the runtime where it is polled often (a global's lazy initialisation check
    /// costs a call each time).
    let interruptWord = Runtime.interruptFlag
    let collectField: RawFieldDescriptor

    public init(maxHeapBytes: Int = 4 << 30) {
        registry = TypeRegistry()
        L = Layouts(registry: registry)
        heap = Heap(registry: registry, maxHeapBytes: maxHeapBytes)
        collectField = RawFieldDescriptor(name: "Heap.collectRequested", address: heap.collectRequestedFlag, width: .byte)
        frames = FrameStack()
        Runtime.current = self
        typeOfLayout = Array(repeating: .null, count: registry.descriptors.count)
        none = alloc(L.none)
        notImplemented = alloc(L.notImplemented)
        ellipsis = alloc(L.ellipsis)
        trueObject = alloc(L.bool); trueObject.set(L.intval, 1)
        falseObject = alloc(L.bool); falseObject.set(L.intval, 0)
        emptyTuple = alloc(L.tuple, tail: 0)
        heap.rootScanners.append { [unowned self] heap in self.markRoots(heap) }
        heap.rootScanners.append { [unowned self] heap in self.namespaceCells.markRoots(heap) }
        // A collection may free name strings whose addresses key cached lookups.
        heap.rootScanners.append { [unowned self] _ in self.classesChanged() }
        bootstrapTypes()
        bootstrapExceptions()
        modules = newDict()
        builtinsDict = newDict()
        names = Names(self)
        tempRootsPermanent.append(contentsOf: names.all)
    }

    // MARK: allocation

    /// Allocates an object; heap exhaustion between safepoints ends the program with MemoryError (a catchable
    /// MemoryError is raised at safepoints and by explicit size checks before large allocations).
    @inline(__always) func alloc(_ layout: Layout, tail count: Int = 0) -> Ref {
        let size: Int
        switch registry.descriptors[Int(layout.id)].tail {
        case .none: size = layout.fixedSize
        case .refs: size = layout.fixedSize + 8 * count
        case .bytes(_, let itemSize): size = layout.fixedSize + itemSize * count
        }
        let r = heap.allocate(typeID: layout.id, size: size)
        if r.isNull { fatalMemoryError() }
        switch registry.descriptors[Int(layout.id)].tail {
        case .none: break
        case .refs(let offset), .bytes(let offset, _): r.pointer.storeBytes(of: count, toByteOffset: offset, as: Int.self)
        }
        return r
    }

    func fatalMemoryError() -> Never {
        stdout.flush()
        writeStderr("MemoryError: heap exhausted between safepoints (limit \(heap.maxHeapBytes) bytes)\n")
        exit(1)
    }

    /// Collects garbage if due, and raises MemoryError if the live heap exceeds the limit or KeyboardInterrupt on
    /// Ctrl-C. Only called where every live reference is reachable from the roots.
    ///
    /// `interruptsReachMergePoint`: the caller is about to reach a merge point of the dispatch loop (a loop's
    /// back-edge, a call entering a frame). When a Lab observer watches the
    /// merge points, Ctrl-C must *stop* the program there, so such a safepoint leaves the interrupt pending for the
    /// observer instead of raising KeyboardInterrupt (compiled loops, which reach no merge point, still raise it).
    public func safepoint(interruptsReachMergePoint: Bool = false) throws(PyException) {
        if heap.collectRequested {
            heap.collect()
            if heap.isOverLimit { throw PyException(newException(exceptions.MemoryError, message: nil)) }
        }
        if Runtime.interruptRequested != 0 {
            // An observer abandoning the guest raises the flag too: the program unwinds, uncatchably.
            if guestAbandoned { throw abandonment }
            if interruptsReachMergePoint, case .observed = interpreterMode { return }
            Runtime.interruptRequested = 0
            throw PyException(newException(exceptions.KeyboardInterrupt, message: nil))
        }
    }

    private func markRoots(_ heap: Heap) {
        for r in [none, trueObject, falseObject, notImplemented, ellipsis, emptyTuple, builtinsDict, modules,
                  pendingException, handledException] { heap.markRoot(r) }
        for r in typeOfLayout where !r.isNull { heap.markRoot(r) }
        for r in interned.values { heap.markRoot(r) }
        for r in tempRoots { heap.markRoot(r) }
        for r in tempRootsPermanent { heap.markRoot(r) }
        types.markAll(heap)
        exceptions.markAll(heap)
        for info in codeInfos { info.markRoots(heap) }
        frames.markRoots(heap)
    }

    // MARK: singletons and small constructors

    @inline(__always) public func bool(_ b: Bool) -> Ref { b ? trueObject : falseObject }

    @inline(__always) public func newInt(_ v: Int) -> Ref {
        let r = alloc(L.int)
        r.set(L.intval, v)
        return r
    }

    @inline(__always) public func newFloat(_ v: Double) -> Ref {
        let r = alloc(L.float)
        r.set(L.floatval, v)
        return r
    }

    public func newTuple(_ items: [Ref]) -> Ref {
        if items.isEmpty { return emptyTuple }
        let t = alloc(L.tuple, tail: items.count)
        let p = t.refTail(L.tuple)
        for (i, x) in items.enumerated() { p[i] = x }
        return t
    }

    /// A tuple of `count` items, all null until the caller fills them (no collection may happen before).
    public func newTupleUninitialized(_ count: Int) -> Ref {
        count == 0 ? emptyTuple : alloc(L.tuple, tail: count)
    }

    public func newCell(_ contents: Ref) -> Ref {
        let c = alloc(L.cell)
        c.set(L.cellContents, contents)
        return c
    }

    public func newSlice(_ start: Ref, _ stop: Ref, _ step: Ref) -> Ref {
        let s = alloc(L.slice)
        s.set(L.sliceStart, start); s.set(L.sliceStop, stop); s.set(L.sliceStep, step)
        return s
    }

    public func newRange(_ start: Int, _ stop: Int, _ step: Int) -> Ref {
        let r = alloc(L.range)
        r.set(L.rangeStart, start); r.set(L.rangeStop, stop); r.set(L.rangeStep, step)
        return r
    }

    public func newMethod(_ function: Ref, _ selfValue: Ref) -> Ref {
        let m = alloc(L.method)
        m.set(L.methodFunction, function); m.set(L.methodSelf, selfValue)
        return m
    }

    public func newModule(_ name: String) -> Ref {
        let m = alloc(L.module)
        m.set(L.moduleName, intern(name))
        let d = newDict()
        m.set(L.moduleDict, d)
        return m
    }

    /// Registers a host code object and returns its W_Code handle index.
    func registerCode(_ code: CodeObject) -> CodeInfo {
        if let info = code.runtimeData as? CodeInfo { return info }
        let info = CodeInfo(code: code, runtime: self)
        codeObjects.append(code)
        codeInfos.append(info)
        code.runtimeData = info
        // Constants may hold nested code objects, which register themselves: do it after this one has its index.
        for (i, c) in code.consts.enumerated() { info.consts[i] = materialize(c) }
        return info
    }

    // MARK: types

    /// The Python type of any object.
    @inline(__always) public func typeOf(_ r: Ref) -> Ref {
        let id = r.typeID
        if id == L.instance.id { return instanceClass(r) }
        return typeOfLayout[Int(id)]
    }

    /// The name of `r`'s type (`int`, `Foo`).
    public func typeName(_ r: Ref) -> String { string(typeOf(r).ref(L.typeName)) }

    /// The type's name as a Swift string.
    public func nameOfType(_ t: Ref) -> String { string(t.ref(L.typeName)) }

    /// Whether `type` is `base` or derives from it (walks the single-inheritance chain).
    @inline(__always) public func isSubtype(_ type: Ref, _ base: Ref) -> Bool {
        var t = type
        while !t.isNull {
            if t == base { return true }
            t = t.ref(L.typeBase)
        }
        return false
    }

    @inline(__always) public func isInstance(_ r: Ref, _ type: Ref) -> Bool { isSubtype(typeOf(r), type) }

    // MARK: errors

    /// A new exception instance of `type` with `message` as its single argument (no arguments if nil).
    public func newException(_ type: Ref, message: String?) -> Ref {
        newExceptionWithArgs(type, message.map { [newStr($0)] } ?? [])
    }

    public func newExceptionWithArgs(_ type: Ref, _ args: [Ref]) -> Ref {
        let e = newInstance(type)
        setOwnAttribute(e, names.args, newTuple(args))
        return e
    }

    public func error(_ type: Ref, _ message: String) -> PyException { PyException(newException(type, message: message)) }
    public func typeError(_ message: String) -> PyException { error(exceptions.TypeError, message) }
    public func valueError(_ message: String) -> PyException { error(exceptions.ValueError, message) }
    public func indexError(_ message: String) -> PyException { error(exceptions.IndexError, message) }
    public func attributeError(_ message: String) -> PyException { error(exceptions.AttributeError, message) }
    public func overflowError(_ message: String) -> PyException { error(exceptions.OverflowError, message) }
    public func zeroDivisionError(_ message: String) -> PyException { error(exceptions.ZeroDivisionError, message) }
    public func keyError(_ key: Ref) -> PyException { PyException(newExceptionWithArgs(exceptions.KeyError, [key])) }
}

/// Per-code-object runtime data: its constants materialised as guest objects, its names interned, and what a call
/// needs to know about its parameters. Code infos live as long as the runtime (`Runtime.codeInfos` keeps them),
/// so heap objects refer to them by address (W_Code.code, W_Function.code).
public final class CodeInfo {
    public unowned(unsafe) let code: CodeObject
    public let consts: UnsafeMutablePointer<Ref>
    public let names: UnsafeMutablePointer<Ref>
    /// Local slots (parameters and other locals), then cells (cellvars, freevars).
    public let nlocals: Int
    public let ncells: Int
    /// For each cellvar, the parameter index it is initialised from (or -1).
    public let cellFromArg: UnsafeBufferPointer<Int>
    /// Slots a frame of this code needs: locals, cells, value stack.
    public let frameSize: Int
    public let argcount: Int
    /// Parameters including keyword-only ones, `*args` and `**kwargs`.
    public let totalArgs: Int
    /// Only positional parameters (calls can bind arguments by position alone).
    public let hasSimpleParameters: Bool
    /// Whether the code stores to or deletes its first local (for `__init__`: rebinds `self`).
    public let rebindsFirstLocal: Bool
    public let instructions: UnsafeMutablePointer<Instruction>
    /// For each name, the entry number of the globals dict where LOAD_GLOBAL last found it, or -1: a hint, used only
    /// while that entry still holds the very same key object (`Runtime.dictValue(_:ifEntry:holds:)`), which spares
    /// the interpreter the hashed lookup (PyPy and CPython 3.11 cache global lookups too).
    let globalEntryHints: UnsafeMutablePointer<Int>
    /// The W_Code object standing for this code in the heap.
    public private(set) var codeRef = Ref.null
    /// Loop headers (by pc) the JIT will never trace or enter again (blacklisted): the dispatch loop does not call
    /// `can_enter_jit` there, sparing the driver's hashed lookups (PyPy keeps such flags in its jit cells). A raw
    /// buffer, one flag per instruction and one past the end: reading it retains nothing.
    let jitIgnoresHeader: UnsafeMutablePointer<Bool>

    init(code: CodeObject, runtime rt: Runtime) {
        self.code = code
        nlocals = code.varnames.count
        ncells = code.cellvars.count + code.freevars.count
        frameSize = nlocals + ncells + code.stackSize
        argcount = code.argcount
        totalArgs = code.totalArgs
        hasSimpleParameters = code.kwonlyargcount == 0 && !code.flags.contains(.varargs) && !code.flags.contains(.varkeywords)
        instructions = code.code.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!
        jitIgnoresHeader = .allocate(capacity: code.code.count + 1)
        jitIgnoresHeader.initialize(repeating: false, count: code.code.count + 1)
        rebindsFirstLocal = code.code.contains { ($0.opcode == .STORE_FAST || $0.opcode == .DELETE_FAST) && $0.arg == 0 }
        let sources = code.cellvars.map { name in code.varnames.prefix(code.totalArgs).firstIndex(of: name) ?? -1 }
        let cells = UnsafeMutableBufferPointer<Int>.allocate(capacity: sources.count)
        _ = cells.initialize(from: sources)
        cellFromArg = UnsafeBufferPointer(cells)
        consts = .allocate(capacity: max(code.consts.count, 1))
        consts.initialize(repeating: .null, count: max(code.consts.count, 1))
        names = .allocate(capacity: max(code.names.count, 1))
        names.initialize(repeating: .null, count: max(code.names.count, 1))
        globalEntryHints = .allocate(capacity: max(code.names.count, 1))
        globalEntryHints.initialize(repeating: -1, count: max(code.names.count, 1))
        codeRef = rt.alloc(rt.L.code)
        codeRef.set(rt.L.codeIndex, Int(bitPattern: Unmanaged.passUnretained(self).toOpaque()))
        for (i, n) in code.names.enumerated() { names[i] = rt.intern(n) }
    }

    func markRoots(_ heap: Heap) {
        heap.markRoot(codeRef)
        for i in 0..<code.consts.count { heap.markRoot(consts[i]) }
        for i in 0..<code.names.count { heap.markRoot(names[i]) }
    }
}

extension Runtime {
    /// The guest object for a compile-time constant.
    func materialize(_ c: Constant) -> Ref {
        switch c {
        case .none: return none
        case .ellipsis: return ellipsis
        case .bool(let b): return bool(b)
        case .int(let v): return newInt(v)
        case .bigInt(let v): return newInt(v)
        case .float(let v): return newFloat(v)
        case .str(let s): return intern(s)
        case .tuple(let items): return newTuple(items.map { materialize($0) })
        case .code(let code): return registerCode(code).codeRef
        }
    }

    /// The host code object behind a W_Code or W_Function.
    public func codeObject(ofCodeRef r: Ref) -> CodeObject { codeInfo(at: r.int(L.codeIndex)).code }

    /// The code info whose address a W_Code or W_Function holds.
    @inline(__always) func codeInfo(at address: Int) -> CodeInfo {
        Unmanaged<CodeInfo>.fromOpaque(UnsafeRawPointer(bitPattern: address).unsafelyUnwrapped).takeUnretainedValue()
    }
}

/// Buffered writes to a file descriptor.
public final class OutputBuffer {
    let fd: Int32
    private var buffer: [UInt8] = []
    /// When set, output is appended here instead of written (the Lab captures program output).
    public var capture: ((String) -> Void)?

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 16)
    }

    public func write(_ s: String) {
        if let capture { capture(s); return }
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func write(bytes: UnsafeRawBufferPointer) {
        if let capture { capture(String(decoding: bytes, as: UTF8.self)); return }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { flush() }
    }

    public func flush() {
        var offset = 0
        while offset < buffer.count {
            let n = buffer.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if n <= 0 { break }
            offset += n
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes to standard error, after flushing the program's buffered stdout so the two interleave correctly.
public func writeStderr(_ s: String) {
    Runtime.current?.stdout.flush()
    var bytes = Array(s.utf8)
    _ = bytes.withUnsafeMutableBytes { Glibc.write(2, $0.baseAddress, $0.count) }
}
