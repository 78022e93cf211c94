/// One guest frame of a resume snapshot: which code and pc to resume at and the frame's contents as IR values.
/// `codeID` is opaque to the framework (the guest language knows what it means); `codeName` is for printing.
public struct SnapshotFrame: Hashable, Sendable {
    public var codeID: Int
    public var codeName: String
    public var pc: Int
    public var locals: [IRValue]
    public var stack: [IRValue]

    public init(codeID: Int, codeName: String, pc: Int, locals: [IRValue], stack: [IRValue]) {
        self.codeID = codeID
        self.codeName = codeName
        self.pc = pc
        self.locals = locals
        self.stack = stack
    }
}

/// One field of a virtual object and the value it must hold when the object is materialised.
public struct VirtualField: Hashable, Sendable {
    public var field: FieldDescriptor
    public var value: IRValue

    public init(field: FieldDescriptor, value: IRValue) {
        self.field = field
        self.value = value
    }
}

/// An object the optimized trace never allocated: wherever the snapshot mentions `value`, deoptimization must
/// allocate an object of `layout` with these fields (which may name other virtuals) instead.
public struct VirtualObject: Hashable, Sendable {
    public var value: IRValue
    public var layout: Layout
    public var fields: [VirtualField]

    public init(value: IRValue, layout: Layout, fields: [VirtualField]) {
        self.value = value
        self.layout = layout
        self.fields = fields
    }
}

/// A guard's resume data: the guest frames to rebuild (outermost first, innermost last) and the virtual objects
/// to materialise when the guard fails.
public struct Snapshot: Hashable, Sendable {
    public var frames: [SnapshotFrame]
    public var virtuals: [VirtualObject]

    public init(frames: [SnapshotFrame], virtuals: [VirtualObject] = []) {
        self.frames = frames
        self.virtuals = virtuals
    }

    /// The virtual object standing for `value`, if any.
    public func virtual(for value: IRValue) -> VirtualObject? { virtuals.first { $0.value == value } }

    /// The variables the snapshot needs at run time, in order of first mention (frames outermost first, locals
    /// before stack; a virtual's fields where the virtual is first mentioned). Constants and virtuals themselves
    /// are not fail arguments. This is the list printed after a guard: `guard_class(p5, W_Int) [p0, i1, p5]`.
    public var failArgs: [IRValue] {
        var result: [IRValue] = []
        // Seen variables by number (computed on every guard failure: an array beats a hash set).
        var largest = -1
        for frame in frames {
            for v in frame.locals { largest = max(largest, v.variableNumber) }
            for v in frame.stack { largest = max(largest, v.variableNumber) }
        }
        for virtual in virtuals {
            for f in virtual.fields { largest = max(largest, f.value.variableNumber) }
        }
        var seen = [Bool](repeating: false, count: largest + 1)
        for frame in frames {
            for v in frame.locals { collect(v, into: &result, seen: &seen) }
            for v in frame.stack { collect(v, into: &result, seen: &seen) }
        }
        return result
    }

    /// Appends `v` to `result`, or the fail arguments among its fields for a virtual, once each. A method with
    /// `inout` state rather than a nested recursive function: capturing `result` and `seen` boxed them on the
    /// heap and cost some 400 instructions per value, on every guard failure.
    private func collect(_ v: IRValue, into result: inout [IRValue], seen: inout [Bool]) {
        guard v.isVariable else { return }
        let n = v.variableNumber
        guard !seen[n] else { return }
        seen[n] = true
        if let k = virtuals.firstIndex(where: { $0.value == v }) {
            for f in virtuals[k].fields { collect(f.value, into: &result, seen: &seen) }
        } else {
            result.append(v)
        }
    }
}

/// A guard's identity and resume data. `number` is unique among all guards of a run (the tracer assigns it); a
/// bridge names the guard it leaves from by it.
public struct GuardInfo: Hashable, Sendable {
    public var number: Int
    public var snapshot: Snapshot

    public init(number: Int, snapshot: Snapshot) {
        self.number = number
        self.snapshot = snapshot
    }
}
