extension X64 {
    /// One way out of compiled code: why (the same reasons as the IR executor's `TraceExit`), and the types of the
    /// values its out-of-line stub writes to the frame's values area. The entry function returns the exit's index.
    public struct ExitRecord: Hashable, Sendable {
        public let reason: TraceExit.Reason
        public let valueTypes: [IRType]
        /// Where each value was when the exit was taken.
        public let valueLocations: [Location?]
        /// The stub's final rel32 `jmp` (to the epilogue): attaching a bridge re-points it to the bridge.
        public internal(set) var stubBranch: PatchSite?
    }

    /// A guard of the compiled trace: its op, number, exit, and the rel32 branches to the exit (what patching a
    /// bridge in re-points).
    public struct GuardRecord: Hashable, Sendable {
        public let opIndex: Int
        public let guardNumber: Int
        public let exitIndex: Int
        /// The guard's rel32 branches to its exit (two for `guard_class`: null, then the type id).
        public let branches: [PatchSite]
    }
}

extension X64.TraceLowering {
    /// A new exit and its out-of-line stub: it stores `values` (variables or constants) to the values area in
    /// order, puts the exit's index in `eax` and leaves through the epilogue. The values area comes before every
    /// location a variable can have, so the stores never overwrite a value still to be stored.
    func exitLabel(_ reason: TraceExit.Reason, values: [IRValue]) -> X64.Label {
        let local = exits.count
        let index = local + exitBase
        exits.append(X64.ExitRecord(reason: reason, valueTypes: values.map { trace.type(of: $0) },
                                    valueLocations: values.map { $0.isVariable ? location($0) : nil }, stubBranch: nil))
        let label = asm.newLabel()
        let sources = values.map(source)
        let tag = opIndex
        deferred.append { [self] in
            asm.tag = tag
            asm.bind(label)
            for (k, s) in sources.enumerated() { move(s, to: .slot(X64.FrameLayout.valuesStart + k)) }
            asm.emit(.movImm(.dword, .reg(.rax), Int64(index)))
            switch role {
            case .entry: exits[local].stubBranch = asm.patchableJmp(epilogue)
            case .bridge(let host): exits[local].stubBranch = asm.jmp(toAddress: host.epilogue)
            }
        }
        return label
    }

    /// Leaves right here (`finish`, a jump to another trace's loop).
    func exitNow(_ reason: TraceExit.Reason, values: [IRValue]) {
        asm.jmp(exitLabel(reason, values: values), reach: .rel32)
    }

    /// A guard: a compare and a patchable rel32 `jcc` to its exit. `failsOn` is the condition already in the flags
    /// (for the overflow guards, or a comparison fused into the guard); otherwise the guard's own check sets them.
    func lowerGuard(_ op: Operation, failsOn given: X64.Condition? = nil) {
        guard let info = op.guardInfo else { return }
        let exit = exitLabel(.guardFailed(opIndex: opIndex, guardNumber: info.number), values: info.snapshot.failArgs)
        let exitIndex = exitBase + exits.count - 1
        var branches: [X64.PatchSite] = []
        let condition: X64.Condition
        if let given {
            condition = given
        } else if let holds = guardOutcomeAtCompileTime(op) {
            // Known at compile time: the branch is still emitted (always or never taken, on the flags of
            // `cmp eax, eax`), so that every guard has its patch site.
            asm.emit(.alu(.cmp, .dword, .reg(.rax), .rax))
            condition = holds ? .notEqual : .equal
        } else {
            condition = emitGuardCheck(op, exit: exit, branches: &branches)
        }
        branches.append(asm.patchableJcc(condition, exit))
        guards.append(X64.GuardRecord(opIndex: opIndex, guardNumber: info.number, exitIndex: exitIndex, branches: branches))
    }

    /// Whether a guard on constants holds (nil when it depends on run-time values).
    private func guardOutcomeAtCompileTime(_ op: Operation) -> Bool? {
        let constants = op.args.map { trace.constantValue($0) }
        guard !op.args.isEmpty, constants.allSatisfy({ $0 != nil }) else { return nil }
        let words = constants.map { $0!.word }
        switch op.opcode {
        case .guardTrue, .guardNonnull: return words[0] != 0
        case .guardFalse, .guardIsnull: return words[0] == 0
        case .guardValue: return words[0] == words[1]
        case .guardClass:
            guard case .size(let layout) = op.descr else { return nil }
            return words[0] != 0 && Heap.typeID(of: Ref(bits: UInt(words[0]))) == layout.id
        default: return nil
        }
    }

    /// Sets the flags for a guard's check and returns the condition under which it fails.
    private func emitGuardCheck(_ op: Operation, exit: X64.Label, branches: inout [X64.PatchSite]) -> X64.Condition {
        switch op.opcode {
        case .guardTrue, .guardFalse, .guardNonnull, .guardIsnull:
            if case .location(.slot(let n)) = source(op.args[0]) {
                asm.emit(.aluImm(.cmp, .qword, .mem(Self.frameWord(n)), 0))
            } else {
                let r = gpr(op.args[0], scratch: .rax)
                asm.emit(.test(.qword, .reg(r), r))
            }
            return op.opcode == .guardTrue || op.opcode == .guardNonnull ? .equal : .notEqual
        case .guardClass:
            guard case .size(let layout) = op.descr else { preconditionFailure("guard_class without a layout") }
            // Null fails too (as in the IR executor), then the type id in the header's first word.
            let r = gpr(op.args[0], scratch: .rax)
            asm.emit(.test(.qword, .reg(r), r))
            branches.append(asm.patchableJcc(.equal, exit))
            asm.emit(.aluImm(.cmp, .dword, .mem(X64.Memory(r)), Int64(Int32(bitPattern: layout.id))))
            return .notEqual
        case .guardValue:
            // Word equality (floats by bit pattern, as the executor compares them).
            let a = gpr(op.args[0], scratch: .rax)
            emitALU(.cmp, a, aluSource(op.args[1], scratch: .r11))
            return .notEqual
        case .guardNotInvalidated:
            asm.mov(.r11, immediate: Int64(bitPattern: UInt64(runtime.invalidatedFlag)))
            asm.emit(.aluImm(.cmp, .byte, .mem(X64.Memory(.r11)), 0))
            return .notEqual
        default:
            preconditionFailure("not a guard with its own check: \(op.opcode)")
        }
    }
}
