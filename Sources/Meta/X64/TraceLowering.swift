extension X64 {
    /// The addresses compiled code uses at run time: the runtime's C-convention entry points and the flags it polls.
    struct RuntimeAddresses {
        /// `(frame, typeID, size) -> Ref bits` (0 when the heap is full): `Heap.allocate`.
        var allocate: UInt
        /// `(frame) -> Void`: collects when the heap asks for it (the frame's GC map names the live references).
        var safepoint: UInt
        /// The heap's collect-requested byte.
        var collectFlag: UInt
        /// The heap's free-list heads (one word per size class) and its two allocation-accounting words
        /// (bytes since the last collection, the threshold), for inline allocation.
        var freeHeads: UInt
        var allocationCounters: UInt
        /// The compiled trace's invalidated byte (`guard_not_invalidated`).
        var invalidatedFlag: UInt
    }

    /// How compiled code is entered and left. A trace the runtime calls has its own prologue and epilogue; a
    /// bridge is entered from a guard's exit stub of the code it is attached to (its inputs already in the values
    /// area), runs on that code's frame and leaves through that code's epilogue.
    enum TraceRole {
        case entry
        case bridge(BridgeHost)
    }

    /// What a bridge needs of the compiled trace it is attached to.
    struct BridgeHost {
        let epilogue: UnsafeRawPointer
        /// The loops the bridge may jump to: the label's address and where its arguments live.
        let loops: [LoopToken: (address: UnsafeRawPointer, locations: [Location])]
        /// The bridge's exits and GC maps are numbered after the host's.
        let exitBase: Int
        let siteBase: Int
    }

    /// Lowers one trace to machine code, given its register assignment: the ops in order (each instruction tagged
    /// with its op index), then the out-of-line code (guard exits, safepoint slow paths), then the shared epilogue.
    ///
    /// Lowering never lets a scratch register carry a value from one op to the next, except the flags an `*_ovf`
    /// op leaves for the guard that directly follows it.
    final class TraceLowering {
        let trace: Trace
        let assignment: RegisterAssignment
        let runtime: RuntimeAddresses
        let asm = Assembler()
        var exits: [ExitRecord] = []
        var guards: [GuardRecord] = []
        var gcMaps: [[Int]] = []
        /// Out-of-line code, emitted after the ops.
        var deferred: [() -> Void] = []
        /// The save slot of each variable that needed one (saved around calls, or a reference shown to the GC).
        var homeSlots: [Int: Int] = [:]
        var nextSlot: Int
        let epilogue: Label
        var loopLabels: [LoopToken: Label] = [:]
        /// The condition meaning "overflowed" that the previous `*_ovf` op left in the flags.
        var overflowCondition: Condition?
        /// A comparison whose only use is the guard right after it is not materialised: it leaves in the flags the
        /// condition under which its result would be 1, and the guard branches on it.
        var fusedComparison: (value: IRValue, holds: Condition)?
        /// The last position reading each variable (see `LiveInterval`).
        let lastUse: [Int: Int]
        /// Index of the op being lowered.
        var opIndex = 0
        /// Where the out-of-line code (exit stubs, slow paths) begins.
        var outOfLineStart = 0

        let role: TraceRole

        init(trace: Trace, assignment: RegisterAssignment, runtime: RuntimeAddresses, role: TraceRole = .entry) {
            self.trace = trace
            self.assignment = assignment
            self.runtime = runtime
            self.role = role
            self.nextSlot = assignment.firstFreeSlot
            self.epilogue = asm.newLabel()
            lastUse = Dictionary(uniqueKeysWithValues: assignment.intervals.map { ($0.variable.variableNumber, $0.end) })
        }

        /// Lowers the whole trace.
        func lower() throws {
            prologue()
            for (i, op) in trace.ops.enumerated() {
                opIndex = i
                asm.tag = i
                try lower(op)
            }
            outOfLineStart = asm.offset
            for emitDeferred in deferred { emitDeferred() }
            asm.tag = nil
            guard case .entry = role else { return }
            asm.bind(epilogue)
            asm.emit(.mov(.qword, .mem(Self.frameWord(FrameLayout.iterationsWord)), Registers.iterationCounter))
            asm.emit(.aluImm(.add, .qword, .reg(.rsp), 8))
            for r in Registers.calleeSaved.reversed() { asm.emit(.pop(r)) }
            asm.emit(.pop(.rbp))
            asm.emit(.ret)
        }

        /// Saves the callee-saved registers, aligns the stack for calls, points `rbp` at the frame (the entry's
        /// only argument), zeroes the iteration counter and loads the input arguments from the values area into
        /// their locations.
        private func prologue() {
            if case .entry = role {
                asm.emit(.push(.rbp))
                for r in Registers.calleeSaved { asm.emit(.push(r)) }
                // 7 pushes after the return address leave rsp 16-byte aligned minus 8.
                asm.emit(.aluImm(.sub, .qword, .reg(.rsp), 8))
                asm.emit(.mov(.qword, .reg(.rbp), .rdi))
                asm.emit(.alu(.xor, .dword, .reg(Registers.iterationCounter), Registers.iterationCounter))
            }
            for (k, v) in trace.inputArgs.enumerated() {
                move(.location(.slot(FrameLayout.valuesStart + k)), to: location(v))
            }
        }

        private func lower(_ op: Operation) throws {
            let condition = overflowCondition, comparison = fusedComparison
            overflowCondition = nil
            fusedComparison = nil
            switch op.opcode {
            case .label: lowerLabel(op)
            case .jump: try lowerJump(op)
            case .finish: exitNow(.finished(opIndex: opIndex), values: op.args)
            case .debugMergePoint: break
            case .intAdd, .intSub, .intMul, .intAnd, .intOr, .intXor: lowerIntBinary(op)
            case .intAddOvf, .intSubOvf, .intMulOvf: overflowCondition = lowerIntBinary(op)
            case .intLshiftOvf: overflowCondition = lowerLshiftOvf(op)
            case .intLshift, .intRshift: lowerShift(op)
            case .intPyFloordiv, .intPyMod: lowerDivision(op)
            case .intLt, .intLe, .intEq, .intNe, .intGt, .intGe, .ptrEq, .ptrNe: lowerIntCompare(op)
            case .intIsTrue, .intIsZero: lowerIntTest(op)
            case .intNeg: lowerIntNeg(op)
            case .floatAdd, .floatSub, .floatMul, .floatTruediv: lowerFloatBinary(op)
            case .floatNeg: lowerFloatNeg(op)
            case .floatLt, .floatLe, .floatEq, .floatNe, .floatGt, .floatGe: lowerFloatCompare(op)
            case .castIntToFloat: lowerCastIntToFloat(op)
            case .getfieldGcI, .getfieldGcR, .getfieldGcF, .getarrayitemGcI, .getarrayitemGcR: lowerLoad(op)
            case .getfieldRawI: lowerRawLoad(op)
            case .setfieldGc, .setarrayitemGc: lowerStore(op)
            case .newWithVtable: lowerNew(op)
            case .callI, .callR, .callF, .callN: lowerCall(op)
            case .sameAsI, .sameAsR, .sameAsF:
                move(source(op.args[0]), to: resultLocation(op))
            case .guardTrue, .guardFalse:
                if let comparison, comparison.value == op.args[0] {
                    lowerGuard(op, failsOn: op.opcode == .guardTrue ? comparison.holds.negated : comparison.holds)
                } else {
                    lowerGuard(op)
                }
            case .guardClass, .guardValue, .guardNonnull, .guardIsnull, .guardNotInvalidated:
                lowerGuard(op)
            case .guardNoOverflow, .guardOverflow:
                guard let overflowed = condition else {
                    throw BackendError(opIndex: opIndex, message: "\(op.opcode) does not follow an *_ovf operation")
                }
                lowerGuard(op, failsOn: op.opcode == .guardNoOverflow ? overflowed : overflowed.negated)
            }
        }

        // MARK: locations and operands

        func location(_ v: IRValue) -> Location { assignment.location(of: v) }

        /// The number of the first exit and GC map of this code (a bridge's follow its host's).
        var exitBase: Int { if case .bridge(let host) = role { return host.exitBase } else { return 0 } }
        var siteBase: Int { if case .bridge(let host) = role { return host.siteBase } else { return 0 } }

        /// Where an op's result goes.
        func resultLocation(_ op: Operation) -> Location { location(op.result) }

        func source(_ v: IRValue) -> Source {
            if let c = trace.constantValue(v) { return .constant(c.word) }
            return .location(location(v))
        }

        static func frameWord(_ n: Int) -> Memory { Memory(.rbp, Int32(8 * n)) }

        /// The register holding `v`'s word: its own general register, or `scratch` loaded with it.
        func gpr(_ v: IRValue, scratch: GPR) -> GPR { gpr(source(v), scratch: scratch) }

        func gpr(_ s: Source, scratch: GPR) -> GPR {
            switch s {
            case .location(.gpr(let r)): return r
            case .location(.xmm(let x)): asm.emit(.movqFromXMM(scratch, x))
            case .location(.slot(let n)): asm.emit(.load(.qword, scratch, Self.frameWord(n)))
            case .constant(let w): asm.mov(scratch, immediate: Int64(bitPattern: w))
            }
            return scratch
        }

        /// Loads `v`'s word into `register`.
        func load(_ v: IRValue, into register: GPR) {
            let r = gpr(v, scratch: register)
            if r != register { asm.emit(.mov(.qword, .reg(register), r)) }
        }

        /// `v` as the second operand of an integer ALU op.
        enum ALUSource { case rm(RM), imm(Int64) }

        func aluSource(_ v: IRValue, scratch: GPR) -> ALUSource {
            switch source(v) {
            case .constant(let w) where Int32(exactly: Int64(bitPattern: w)) != nil: return .imm(Int64(bitPattern: w))
            case .location(.slot(let n)): return .rm(.mem(Self.frameWord(n)))
            default: return .rm(.reg(gpr(v, scratch: scratch)))
            }
        }

        /// `op dst, s` on qwords.
        func emitALU(_ op: ALUOp, _ dst: GPR, _ s: ALUSource) {
            switch s {
            case .rm(.reg(let r)): asm.emit(.alu(op, .qword, .reg(dst), r))
            case .rm(.mem(let m)): asm.emit(.aluLoad(op, .qword, dst, m))
            case .imm(let i): asm.emit(.aluImm(op, .qword, .reg(dst), i))
            }
        }

        /// The register holding float `v`: its own XMM register, or `scratch` loaded with it.
        func xmm(_ v: IRValue, scratch: XMM) -> XMM {
            switch source(v) {
            case .location(.xmm(let x)): return x
            case .location(.slot(let n)): asm.emit(.sse(.movsd, scratch, .mem(Self.frameWord(n))))
            case .location(.gpr(let r)): asm.emit(.movqToXMM(scratch, r))
            case .constant(let w):
                asm.mov(.r11, immediate: Int64(bitPattern: w))
                asm.emit(.movqToXMM(scratch, .r11))
            }
            return scratch
        }

        /// Float `v` as the source operand of an SSE op.
        func xmmOperand(_ v: IRValue, scratch: XMM) -> XMMOrMem {
            if case .location(.slot(let n)) = source(v) { return .mem(Self.frameWord(n)) }
            return .xmm(xmm(v, scratch: scratch))
        }

        /// Moves one word (flags untouched; `rax` is the temporary for memory-to-memory and constant moves).
        func move(_ s: Source, to d: Location) {
            if s == .location(d) { return }
            switch (s, d) {
            case (_, .gpr(let r)):
                let from = gpr(s, scratch: r)
                if from != r { asm.emit(.mov(.qword, .reg(r), from)) }
            case (.location(.xmm(let x)), .xmm(let y)): asm.emit(.sse(.movapd, y, .xmm(x)))
            case (.location(.slot(let n)), .xmm(let y)): asm.emit(.sse(.movsd, y, .mem(Self.frameWord(n))))
            case (_, .xmm(let y)): asm.emit(.movqToXMM(y, gpr(s, scratch: .rax)))
            case (.location(.xmm(let x)), .slot(let n)): asm.emit(.movsdStore(Self.frameWord(n), x))
            case (.constant(let w), .slot(let n)) where Int32(exactly: Int64(bitPattern: w)) != nil:
                asm.emit(.movImm(.qword, .mem(Self.frameWord(n)), Int64(bitPattern: w)))
            case (_, .slot(let n)): asm.emit(.mov(.qword, .mem(Self.frameWord(n)), gpr(s, scratch: .rax)))
            }
        }

        /// Stores general register `r` as the value at `d`.
        func store(_ r: GPR, to d: Location) { move(.location(.gpr(r)), to: d) }

        /// Stores XMM register `x` as the value at `d`.
        func store(_ x: XMM, to d: Location) { move(.location(.xmm(x)), to: d) }

        /// The general register an op computes its result in: the result's own register, or `scratch`.
        func resultGPR(_ d: Location, scratch: GPR = .rax) -> GPR {
            if case .gpr(let r) = d { return r }
            return scratch
        }

        /// The XMM register an op computes its result in: the result's own register, or the scratch one.
        func resultXMM(_ d: Location) -> XMM {
            if case .xmm(let x) = d { return x }
            return Registers.scratchXMM
        }

        // MARK: labels and jumps

        private func lowerLabel(_ op: Operation) {
            guard case .loop(let token) = op.descr else { return }
            let label = asm.newLabel()
            asm.bind(label)
            loopLabels[token] = label
            asm.emit(.unary(.inc, .qword, .reg(Registers.iterationCounter)))
            emitSafepoint(live: op.args)
        }

        private func lowerJump(_ op: Operation) throws {
            guard case .loop(let token) = op.descr else {
                throw BackendError(opIndex: opIndex, message: "jump without a loop token")
            }
            guard let label = loopLabels[token],
                  let labelOp = trace.ops.last(where: { $0.opcode == .label && $0.descr == op.descr }) else {
                if case .bridge(let host) = role, let target = host.loops[token] {
                    // Into the host's loop: its label's arguments are where its code expects them.
                    var moves = ParallelMove(zip(op.args, target.locations).map { (source($0), $1) })
                    moves.emit { move($0, to: $1) }
                    asm.jmp(toAddress: target.address)
                } else {
                    exitNow(.jumped(token), values: op.args)
                }
                return
            }
            // The verifier guarantees a label's arguments are distinct variables, so the destinations are distinct.
            var moves = ParallelMove(zip(op.args, labelOp.args.map(location)).map { (source($0), $1) })
            moves.emit { move($0, to: $1) }
            asm.jmp(label)
        }
    }

    /// A trace the backend cannot compile (the verifier accepted it, but the backend cannot lower it).
    public struct BackendError: Error, Hashable, Sendable, CustomStringConvertible {
        public let opIndex: Int?
        public let message: String
        public var description: String { opIndex.map { "op \($0): \(message)" } ?? message }
    }
}
