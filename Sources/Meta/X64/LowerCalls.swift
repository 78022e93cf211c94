extension X64.TraceLowering {
    /// The frame slot a variable is saved to (around calls, or to show a reference to the GC): its spill slot if
    /// it has one, else a slot of its own given on first use.
    func homeSlot(of v: IRValue) -> Int {
        if case .slot(let n) = location(v) { return n }
        if let n = homeSlots[v.variableNumber] { return n }
        let n = nextSlot
        nextSlot += 1
        homeSlots[v.variableNumber] = n
        return n
    }

    /// The variables live across op `index` (defined before it, read after it).
    func liveAcross(_ index: Int) -> [IRValue] {
        let position = index + 1
        return assignment.intervals.filter { $0.start < position && $0.end > position }.map(\.variable)
    }

    /// Calls the C-convention function at `function` with `arguments` in `rdi`, `rsi`, `rdx` (System V); its
    /// result is left in `rax`.
    ///
    /// `saved` (the values live across the call) that sit in caller-saved registers are stored to their home slots
    /// and reloaded afterwards. For a call that can collect, `references` gives what the GC must see: those
    /// references are stored to their home slots and the slots, as the call site's GC map, are published in the
    /// frame's site word for the root scanner. The heap never moves objects, so references need no reload.
    func callOut(_ function: UInt, arguments: [X64.Source], saved: [IRValue], references: [IRValue]?) {
        var stored = Set<IRValue>()
        var reload: [(IRValue, X64.Location)] = []
        for v in saved {
            let l = location(v)
            if l.isRegister && !X64.Registers.survivesCalls(l) {
                move(.location(l), to: .slot(homeSlot(of: v)))
                stored.insert(v)
                reload.append((v, l))
            }
        }
        if let references {
            var map: [Int] = []
            for v in references where v.isVariable && trace.type(of: v) == .ref {
                let slot = homeSlot(of: v)
                if location(v).isRegister && stored.insert(v).inserted { move(.location(location(v)), to: .slot(slot)) }
                if !map.contains(slot) { map.append(slot) }
            }
            gcMaps.append(map)
            asm.emit(.movImm(.qword, .mem(Self.frameWord(X64.FrameLayout.siteWord)), Int64(siteBase + gcMaps.count - 1)))
        }
        var moves = X64.ParallelMove(zip(arguments, X64.SystemV.integerArguments).map { ($0, .gpr($1)) })
        moves.emit { move($0, to: $1) }
        asm.emit(.movabs(.rax, Int64(bitPattern: UInt64(function))))
        asm.emit(.callIndirect(.reg(.rax)))
        for (v, l) in reload { move(.location(.slot(homeSlot(of: v))), to: l) }
    }

    /// `call_*`: the residual function gets its words in `rdi`, `rsi`, `rdx` and returns one in `rax` (floats
    /// travel as their bit patterns, as `ResidualFunction` declares them). A call can collect, so references live
    /// across it and its reference arguments are in the call's GC map.
    func lowerCall(_ op: Operation) {
        guard case .call(let descriptor) = op.descr else { return }
        let live = liveAcross(opIndex)
        callOut(descriptor.address, arguments: op.args.map(source), saved: live, references: live + op.args)
        if !op.result.isNone { store(.rax, to: resultLocation(op)) }
    }

    /// Objects up to this size are allocated inline (their fields are zeroed with one store per word).
    static let largestInlineAllocation = 256

    /// `new_with_vtable`: `Heap.allocate`'s fast path inline — pop a cell off the size class's free list, zero it,
    /// write the type id, account for the cell and ask for a collection past the threshold, exactly as the heap
    /// does. An empty free list (or a large object) takes an out-of-line call to `Heap.allocate` itself, which
    /// refills the list (it never collects); a null result leaves through an out-of-memory exit.
    func lowerNew(_ op: Operation) {
        guard case .size(let layout) = op.descr else { return }
        let size = layout.fixedSize
        let slow = asm.newLabel(), done = asm.newLabel()
        if size <= Self.largestInlineAllocation,
           let cls = Heap.cellSizes.firstIndex(where: { $0 >= max(size, 16) }) {
            let cellSize = Heap.cellSizes[cls]
            asm.mov(.r11, immediate: Int64(bitPattern: UInt64(runtime.freeHeads + UInt(8 * cls))))
            asm.emit(.load(.qword, .rax, X64.Memory(.r11)))
            asm.emit(.test(.qword, .reg(.rax), .rax))
            asm.jcc(.equal, slow, reach: .rel32)
            asm.emit(.load(.qword, .rcx, X64.Memory(.rax, 8)))
            asm.emit(.mov(.qword, .mem(X64.Memory(.r11)), .rcx))
            for offset in stride(from: ObjectHeader.gcWordOffset, to: size, by: 8) {
                asm.emit(.movImm(.qword, .mem(X64.Memory(.rax, Int32(offset))), 0))
            }
            asm.emit(.movImm(.qword, .mem(X64.Memory(.rax)), Int64(layout.id)))
            asm.mov(.r11, immediate: Int64(bitPattern: UInt64(runtime.allocationCounters)))
            asm.emit(.aluImm(.add, .qword, .mem(X64.Memory(.r11)), Int64(cellSize)))
            asm.emit(.load(.qword, .rcx, X64.Memory(.r11)))
            asm.emit(.aluLoad(.cmp, .qword, .rcx, X64.Memory(.r11, 8)))
            asm.jcc(.lessOrEqual, done)
            asm.mov(.r11, immediate: Int64(bitPattern: UInt64(runtime.collectFlag)))
            asm.emit(.movImm(.byte, .mem(X64.Memory(.r11)), 1))
        } else {
            asm.jmp(slow, reach: .rel32)
        }
        asm.bind(done)
        if !op.result.isNone { store(.rax, to: resultLocation(op)) }
        let index = opIndex, live = liveAcross(opIndex)
        let outOfMemory = exitLabel(.outOfMemory(opIndex: index), values: [])
        deferred.append { [self] in
            asm.tag = index
            asm.bind(slow)
            callOut(runtime.allocate,
                    arguments: [.location(.gpr(.rbp)), .constant(UInt64(layout.id)), .constant(UInt64(size))],
                    saved: live, references: nil)
            asm.emit(.test(.qword, .reg(.rax), .rax))
            asm.jcc(.equal, outOfMemory, reach: .rel32)
            asm.jmp(done, reach: .rel32)
        }
    }

    /// The safepoint at a label (where the IR executor collects too): poll the heap's collect-requested byte; when
    /// set, an out-of-line path calls the runtime's safepoint with the label's arguments (all that is live after a
    /// label) saved and their references in a GC map, then resumes.
    func emitSafepoint(live: [IRValue]) {
        let slow = asm.newLabel(), resume = asm.newLabel()
        asm.mov(.r11, immediate: Int64(bitPattern: UInt64(runtime.collectFlag)))
        asm.emit(.aluImm(.cmp, .byte, .mem(X64.Memory(.r11)), 0))
        asm.jcc(.notEqual, slow, reach: .rel32)
        asm.bind(resume)
        let index = opIndex
        let variables = live.filter(\.isVariable)
        deferred.append { [self] in
            asm.tag = index
            asm.bind(slow)
            callOut(runtime.safepoint, arguments: [.location(.gpr(.rbp))], saved: variables, references: variables)
            asm.jmp(resume)
        }
    }
}
