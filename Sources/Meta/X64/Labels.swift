extension X64 {
    /// A position in code that branches can target before it is known; bind it with `Assembler.bind`.
    public struct Label: Hashable, Sendable {
        public let id: Int
    }

    /// A rel32 branch (jmp, jcc or call) that can be re-pointed after the code is finished and installed — for
    /// example a guard's exit jump, later patched to go to a bridge.
    public struct PatchSite: Hashable, Sendable {
        /// The index of the branch's instruction record.
        public let instructionIndex: Int
        /// The branch's offset and length; its rel32 field is the last four bytes.
        public let offset: Int
        public let length: Int

        public var end: Int { offset + length }
        /// Where the displacement field starts.
        public var displacementOffset: Int { end - 4 }
    }
}

extension X64.Assembler {
    public typealias Label = X64.Label
    public typealias PatchSite = X64.PatchSite

    public func newLabel() -> Label {
        labelOffsets.append(nil)
        pendingBranches.append([])
        return Label(id: labelOffsets.count - 1)
    }

    /// Binds `label` to the current offset and resolves the branches already waiting for it.
    public func bind(_ label: Label) {
        precondition(labelOffsets[label.id] == nil, "label L\(label.id) is bound twice")
        labelOffsets[label.id] = offset
        for index in pendingBranches[label.id] {
            let record = records[index]
            if case .jmp(_, .rel8) = record.instruction, !reachesShort(from: record, to: offset) { continue }
            if case .jcc(_, _, .rel8) = record.instruction, !reachesShort(from: record, to: offset) { continue }
            replace(index, with: record.instruction.retargeted(offset))
        }
        pendingBranches[label.id] = []
    }

    /// Where `label` is bound, if it is.
    public func offset(of label: Label) -> Int? { labelOffsets[label.id] }

    /// `jmp label`; `reach` nil picks rel8 for a bound label within reach, else rel32.
    public func jmp(_ label: Label, reach: X64.Reach? = nil) {
        branch(to: label, reach: reach) { .jmp(target: $0, $1) }
    }

    /// `jcc label`; `reach` nil picks rel8 for a bound label within reach, else rel32.
    public func jcc(_ condition: X64.Condition, _ label: Label, reach: X64.Reach? = nil) {
        branch(to: label, reach: reach) { .jcc(condition, target: $0, $1) }
    }

    /// A rel32 `jmp label` that can be re-pointed later.
    @discardableResult
    public func patchableJmp(_ label: Label) -> PatchSite {
        site(branch(to: label, reach: .rel32) { .jmp(target: $0, $1) })
    }

    /// A rel32 `jcc label` that can be re-pointed later.
    @discardableResult
    public func patchableJcc(_ condition: X64.Condition, _ label: Label) -> PatchSite {
        site(branch(to: label, reach: .rel32) { .jcc(condition, target: $0, $1) })
    }

    /// `call label` (rel32, so it can be re-pointed later too).
    @discardableResult
    public func call(_ label: Label) -> PatchSite {
        site(branch(to: label, reach: .rel32) { target, _ in .call(target: target) })
    }

    /// A rel32 `jmp` to an absolute address, resolved at install (it must lie within ±2 GB of the code, as all
    /// code of one `CodeMemory` does).
    @discardableResult
    public func jmp(toAddress address: UnsafeRawPointer) -> PatchSite {
        external(address, emit(.jmp(target: offset, .rel32)))
    }

    /// A rel32 `jcc` to an absolute address, resolved at install.
    @discardableResult
    public func jcc(_ condition: X64.Condition, toAddress address: UnsafeRawPointer) -> PatchSite {
        external(address, emit(.jcc(condition, target: offset, .rel32)))
    }

    /// A rel32 `call` to an absolute address, resolved at install.
    @discardableResult
    public func call(toAddress address: UnsafeRawPointer) -> PatchSite {
        external(address, emit(.call(target: offset)))
    }

    private func external(_ address: UnsafeRawPointer, _ index: Int) -> PatchSite {
        externalBranches.append(X64.ExternalBranch(instructionIndex: index, address: UInt(bitPattern: address)))
        return site(index)
    }

    private func site(_ index: Int) -> PatchSite {
        PatchSite(instructionIndex: index, offset: records[index].offset, length: records[index].length)
    }

    @discardableResult
    private func branch(to label: Label, reach: X64.Reach?,
                        _ make: (Int, X64.Reach) -> X64.Instruction) -> Int {
        if let target = labelOffsets[label.id] {
            let chosen = reach ?? (Int8(exactly: target - (offset + 2)) != nil ? .rel8 : .rel32)
            if chosen == .rel8, Int8(exactly: target - (offset + 2)) == nil {
                problems.append(.shortBranchOutOfRange(offset: offset, distance: target - (offset + 2)))
                return emit(make(offset, .rel8))
            }
            return emit(make(target, chosen))
        }
        // Forward: the branch targets itself until the label is bound.
        let index = emit(make(offset, reach ?? .rel32))
        pendingBranches[label.id].append(index)
        return index
    }

    private func reachesShort(from record: X64.InstructionRecord, to target: Int) -> Bool {
        if Int8(exactly: target - record.end) != nil { return true }
        problems.append(.shortBranchOutOfRange(offset: record.offset, distance: target - record.end))
        return false
    }
}
