/// A jump target not yet (or already) placed in the instruction stream.
struct Label: Hashable {
    let id: Int
}

/// Accumulates one code object's instructions, positions, constants, names and exception regions; resolves
/// labels and computes the stack size when finished.
struct CodeBuilder {
    private(set) var instructions: [Instruction] = []
    private var lines: [Int32] = []
    private var columns: [Int32] = []
    /// Position given to the next emitted instruction.
    var location: SourceLocation
    private var labelTargets: [Int?] = []
    private var labelReferenced: [Bool] = []
    private var jumps: [(instruction: Int, label: Label)] = []
    private(set) var consts: [Constant] = []
    private var constIndices: [String: Int] = [:]
    private(set) var names: [String] = []
    private var nameIndices: [String: Int] = [:]
    private var regions: [Region] = []
    private var pieces: [Piece] = []
    /// False after an instruction that never falls through, until a label someone jumps to is placed.
    private(set) var isReachable = true

    /// A protected range of code (it may be suspended and resumed, so it becomes several pieces).
    private struct Region {
        let handler: Label
        let depth: Int
        /// Nesting level of the construct that opened it: deeper regions are listed first.
        let level: Int
        var openSince: Int?
    }

    private struct Piece {
        let start: Int
        let end: Int
        let region: Int
    }

    init(location: SourceLocation) {
        self.location = location
    }

    var count: Int { instructions.count }

    // MARK: instructions and labels

    mutating func emit(_ op: Opcode, _ arg: Int = 0) {
        instructions.append(Instruction(op, Int32(arg)))
        lines.append(Int32(location.line))
        columns.append(Int32(location.column))
        if op.endsBlock { isReachable = false }
    }

    mutating func newLabel() -> Label {
        labelTargets.append(nil)
        labelReferenced.append(false)
        return Label(id: labelTargets.count - 1)
    }

    /// Places `label` at the next instruction.
    mutating func place(_ label: Label) {
        precondition(labelTargets[label.id] == nil, "label placed twice")
        labelTargets[label.id] = instructions.count
        if labelReferenced[label.id] { isReachable = true }
    }

    func isPlaced(_ label: Label) -> Bool { labelTargets[label.id] != nil }

    /// A jump instruction to `label` (its argument is patched when the code is finished).
    mutating func emitJump(_ op: Opcode, to label: Label) {
        labelReferenced[label.id] = true
        jumps.append((instructions.count, label))
        emit(op, 0)
    }

    /// An unconditional jump: JUMP_BACKWARD if the label is already placed (a loop back-edge), else JUMP_FORWARD.
    mutating func emitJump(to label: Label) {
        emitJump(isPlaced(label) ? .JUMP_BACKWARD : .JUMP_FORWARD, to: label)
    }

    // MARK: tables

    mutating func constant(_ c: Constant) -> Int {
        let key = CodeBuilder.dedupKey(c)
        if let k = key, let i = constIndices[k] { return i }
        consts.append(c)
        if let k = key { constIndices[k] = consts.count - 1 }
        return consts.count - 1
    }

    /// A key equal for equal constants of the same type (so `1`, `1.0` and `True` stay distinct, and `0.0` is
    /// not `-0.0`); nil for code objects, which are never shared.
    private static func dedupKey(_ c: Constant) -> String? {
        switch c {
        case .none: "N"
        case .ellipsis: "E"
        case .bool(let b): b ? "T" : "F"
        case .int(let i): "i\(i)"
        case .bigInt(let b): "I\(b)"
        case .float(let d): "f\(d.bitPattern)"
        // Code points spelled out: String keys would merge canonically equivalent strings ("é" and "e\u{301}").
        case .str(let s): "s" + s.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: ",")
        case .tuple(let items):
            items.reduce(into: Optional("(")) { key, item in
                guard let k = key, let ik = dedupKey(item) else { key = nil; return }
                key = k + String(ik.count) + ":" + ik
            }
        case .code: nil
        }
    }

    mutating func name(_ n: String) -> Int {
        if let i = nameIndices[n] { return i }
        names.append(n)
        nameIndices[n] = names.count - 1
        return names.count - 1
    }

    // MARK: exception regions

    /// Starts protecting the following instructions: an exception jumps to `handler` with the stack cut to
    /// `depth`. Returns the region's id.
    mutating func openRegion(handler: Label, depth: Int, level: Int) -> Int {
        labelReferenced[handler.id] = true
        regions.append(Region(handler: handler, depth: depth, level: level, openSince: instructions.count))
        return regions.count - 1
    }

    /// Stops protecting at the current position (the region can be resumed).
    mutating func closeRegion(_ id: Int) {
        guard let start = regions[id].openSince else { return }
        if start < instructions.count { pieces.append(Piece(start: start, end: instructions.count, region: id)) }
        regions[id].openSince = nil
    }

    mutating func resumeRegion(_ id: Int) {
        if regions[id].openSince == nil { regions[id].openSince = instructions.count }
    }

    // MARK: finishing

    /// The exception table: pieces of deeper regions first, adjacent pieces of one region merged.
    private func exceptionTable() -> [ExceptionTableEntry] {
        let sorted = pieces.enumerated().sorted { a, b in
            let (la, lb) = (regions[a.element.region].level, regions[b.element.region].level)
            return la != lb ? la > lb : a.offset < b.offset
        }.map(\.element)
        var table: [ExceptionTableEntry] = []
        var lastRegion = -1
        for piece in sorted {
            let region = regions[piece.region]
            if piece.region == lastRegion, let last = table.last, Int(last.end) == piece.start {
                table[table.count - 1].end = Int32(piece.end)
                continue
            }
            table.append(ExceptionTableEntry(start: Int32(piece.start), end: Int32(piece.end),
                                             handler: Int32(labelTargets[region.handler.id]!),
                                             depth: Int32(region.depth)))
            lastRegion = piece.region
        }
        return table
    }

    /// Resolves jumps and builds the code object.
    func finish(name: String, qualname: String, filename: String, firstLine: Int, argcount: Int,
                kwonlyargcount: Int, flags: CodeFlags, varnames: [String], cellvars: [String],
                freevars: [String]) -> CodeObject {
        var code = instructions
        for (index, label) in jumps {
            guard let target = labelTargets[label.id] else { preconditionFailure("jump to a label never placed") }
            code[index].arg = Int32(target)
        }
        let table = exceptionTable()
        return CodeObject(name: name, qualname: qualname, filename: filename, firstLine: firstLine,
                          argcount: argcount, kwonlyargcount: kwonlyargcount, flags: flags, varnames: varnames,
                          cellvars: cellvars, freevars: freevars, names: names, consts: consts, instructions: code,
                          lines: lines, columns: columns, exceptionTable: table,
                          stackSize: maximumStackDepth(code, table))
    }
}
