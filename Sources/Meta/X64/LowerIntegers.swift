extension X64.TraceLowering {
    typealias GPR = X64.GPR
    typealias Condition = X64.Condition

    /// `dst = a op b` for add, sub, mul (and their `_ovf` forms), and, or, xor: `mov r, a; op r, b` in the result's
    /// register (never one of the arguments', see `RegisterAllocator`), or in `rax` then stored. Returns the
    /// condition that means "overflowed" (`jo`), for a following `guard_no_overflow`.
    @discardableResult
    func lowerIntBinary(_ op: Operation) -> Condition {
        let d = resultLocation(op)
        let r = resultGPR(d)
        load(op.args[0], into: r)
        let b = aluSource(op.args[1], scratch: .r11)
        switch op.opcode {
        case .intAdd, .intAddOvf: emitALU(.add, r, b)
        case .intSub, .intSubOvf: emitALU(.sub, r, b)
        case .intAnd: emitALU(.and, r, b)
        case .intOr: emitALU(.or, r, b)
        case .intXor: emitALU(.xor, r, b)
        default:
            switch b {
            case .rm(let rm): asm.emit(.imul(.qword, r, rm))
            case .imm(let i): asm.emit(.imulImm(.qword, r, .reg(r), i))
            }
        }
        store(r, to: d)
        return .overflow
    }

    /// `int_lshift_ovf` as `IntSemantics.lshiftReportingOverflow`: in range (0...63), `a << b` overflowed when
    /// shifting back does not give `a`; out of range the result is 0 and it overflowed unless `a == 0, b >= 0`.
    /// Leaves ZF clear exactly on overflow, so the overflow condition is `notEqual`.
    func lowerLshiftOvf(_ op: Operation) -> Condition {
        let outOfRange = asm.newLabel(), done = asm.newLabel()
        load(op.args[0], into: .rax)
        load(op.args[1], into: .rcx)
        asm.emit(.aluImm(.cmp, .qword, .reg(.rcx), 63))
        asm.jcc(.above, outOfRange)
        asm.emit(.mov(.qword, .reg(.rdx), .rax))
        asm.emit(.shift(.shl, .qword, .reg(.rdx), .cl))
        asm.emit(.mov(.qword, .reg(.r11), .rdx))
        asm.emit(.shift(.sar, .qword, .reg(.r11), .cl))
        asm.emit(.alu(.cmp, .qword, .reg(.r11), .rax))
        asm.jmp(done)
        asm.bind(outOfRange)
        asm.emit(.movImm(.dword, .reg(.rdx), 0))
        // A negative count overflows: `test` leaves ZF clear. A count of 64 or more overflows unless a == 0.
        asm.emit(.test(.qword, .reg(.rcx), .rcx))
        asm.jcc(.sign, done)
        asm.emit(.test(.qword, .reg(.rax), .rax))
        asm.bind(done)
        store(.rdx, to: resultLocation(op))
        return .notEqual
    }

    /// `int_lshift`/`int_rshift` with Swift's smart-shift semantics (what the IR executor computes): a negative
    /// count shifts the other way, a count of 64 or more gives 0 (left) or the sign (right). Counts known in 0...63
    /// are one `shl`/`sar`.
    func lowerShift(_ op: Operation) {
        let d = resultLocation(op)
        let left = op.opcode == .intLshift
        if case .int(let k)? = trace.constantValue(op.args[1]), (0...63).contains(k) {
            let r = resultGPR(d)
            load(op.args[0], into: r)
            if k != 0 { asm.emit(.shift(left ? .shl : .sar, .qword, .reg(r), .imm(UInt8(k)))) }
            store(r, to: d)
            return
        }
        let big = asm.newLabel(), negative = asm.newLabel(), reverse = asm.newLabel(), done = asm.newLabel()
        load(op.args[0], into: .rax)
        load(op.args[1], into: .rcx)
        asm.emit(.aluImm(.cmp, .qword, .reg(.rcx), 63))
        asm.jcc(.above, big)
        asm.emit(.shift(left ? .shl : .sar, .qword, .reg(.rax), .cl))
        asm.jmp(done)
        asm.bind(big)
        asm.emit(.test(.qword, .reg(.rcx), .rcx))
        asm.jcc(.sign, negative)
        // 64 or more: a left shift gives 0, a right shift the sign.
        if left { asm.emit(.movImm(.dword, .reg(.rax), 0)) } else { asm.emit(.shift(.sar, .qword, .reg(.rax), .imm(63))) }
        asm.jmp(done)
        asm.bind(negative)
        asm.emit(.unary(.neg, .qword, .reg(.rcx)))
        asm.emit(.aluImm(.cmp, .qword, .reg(.rcx), 63))
        asm.jcc(.belowOrEqual, reverse)
        // The reversed count is 64 or more (or Int.min, which stays negative: unsigned, it is above 63).
        if left { asm.emit(.shift(.sar, .qword, .reg(.rax), .imm(63))) } else { asm.emit(.movImm(.dword, .reg(.rax), 0)) }
        asm.jmp(done)
        asm.bind(reverse)
        asm.emit(.shift(left ? .sar : .shl, .qword, .reg(.rax), .cl))
        asm.bind(done)
        store(.rax, to: d)
    }

    /// Python's `//` and `%` as `IntSemantics` computes them: a zero divisor gives 0, -1 gives `-a` (wrapping) and
    /// 0; otherwise `idiv` truncates and a non-zero remainder whose sign differs from the divisor's moves the
    /// quotient down by one and the remainder up by the divisor.
    func lowerDivision(_ op: Operation) {
        let d = resultLocation(op)
        let isMod = op.opcode == .intPyMod
        let special = asm.newLabel(), minusOne = asm.newLabel(), done = asm.newLabel()
        load(op.args[0], into: .rax)
        load(op.args[1], into: .rcx)
        asm.emit(.test(.qword, .reg(.rcx), .rcx))
        asm.jcc(.equal, special)
        asm.emit(.aluImm(.cmp, .qword, .reg(.rcx), -1))
        asm.jcc(.equal, minusOne)
        asm.emit(.signExtendAccumulator(.qword))
        asm.emit(.unary(.idiv, .qword, .reg(.rcx)))
        asm.emit(.test(.qword, .reg(.rdx), .rdx))
        asm.jcc(.equal, done)
        asm.emit(.mov(.qword, .reg(.r11), .rdx))
        asm.emit(.alu(.xor, .qword, .reg(.r11), .rcx))
        asm.jcc(.noSign, done)
        if isMod { asm.emit(.alu(.add, .qword, .reg(.rdx), .rcx)) } else { asm.emit(.unary(.dec, .qword, .reg(.rax))) }
        asm.jmp(done)
        asm.bind(minusOne)
        if isMod { asm.emit(.movImm(.dword, .reg(.rdx), 0)) } else { asm.emit(.unary(.neg, .qword, .reg(.rax))) }
        asm.jmp(done)
        asm.bind(special)
        asm.emit(.movImm(.dword, .reg(isMod ? .rdx : .rax), 0))
        asm.bind(done)
        store(isMod ? .rdx : .rax, to: d)
    }

    /// `cmp a, b; setcc al; movzx` for the integer and pointer comparisons.
    func lowerIntCompare(_ op: Operation) {
        let d = resultLocation(op)
        let a = gpr(op.args[0], scratch: .rax)
        emitALU(.cmp, a, aluSource(op.args[1], scratch: .r11))
        let condition: Condition
        switch op.opcode {
        case .intLt: condition = .less
        case .intLe: condition = .lessOrEqual
        case .intEq, .ptrEq: condition = .equal
        case .intNe, .ptrNe: condition = .notEqual
        case .intGt: condition = .greater
        default: condition = .greaterOrEqual
        }
        setBool(op, condition, d)
    }

    /// `int_is_true`/`int_is_zero`: compare with zero.
    func lowerIntTest(_ op: Operation) {
        let d = resultLocation(op)
        if case .location(.slot(let n)) = source(op.args[0]) {
            asm.emit(.aluImm(.cmp, .qword, .mem(Self.frameWord(n)), 0))
        } else {
            let a = gpr(op.args[0], scratch: .rax)
            asm.emit(.test(.qword, .reg(a), a))
        }
        setBool(op, op.opcode == .intIsTrue ? .notEqual : .equal, d)
    }

    func lowerIntNeg(_ op: Operation) {
        let d = resultLocation(op)
        let r = resultGPR(d)
        load(op.args[0], into: r)
        asm.emit(.unary(.neg, .qword, .reg(r)))
        store(r, to: d)
    }

    /// Whether `op`'s result is read only by a `guard_true`/`guard_false` right after it (not even by its fail
    /// arguments), so that the op may leave its outcome in the flags instead (`fusedComparison`).
    func onlyTestedByNextGuard(_ op: Operation) -> Bool {
        let next = opIndex + 1
        return next < trace.ops.count && [.guardTrue, .guardFalse].contains(trace.ops[next].opcode)
            && trace.ops[next].args[0] == op.result && lastUse[op.result.variableNumber] == next + 1
            && trace.ops[next].guardInfo?.snapshot.failArgs.contains(op.result) == false
    }

    /// The result of comparison `op` given the flags: fused into the next op when that is a `guard_true`/
    /// `guard_false` on it and nothing else reads it (see `fusedComparison`), else materialised as 0 or 1 at `d`.
    func setBool(_ op: Operation, _ condition: Condition, _ d: X64.Location) {
        if onlyTestedByNextGuard(op) {
            fusedComparison = (op.result, condition)
            return
        }
        asm.emit(.setcc(condition, .reg(.rax)))
        asm.emit(.extend(signed: false, .dword, .rax, .reg(.rax), from: .byte))
        store(.rax, to: d)
    }
}
