extension X64.TraceLowering {
    /// `dst = a op b` in SSE2 scalar doubles: `movsd x, a; op x, b` in the result's XMM register or the scratch one.
    func lowerFloatBinary(_ op: Operation) {
        let d = resultLocation(op)
        let x = resultXMM(d)
        move(source(op.args[0]), to: .xmm(x))
        let b = xmmOperand(op.args[1], scratch: X64.Registers.scratchXMM2)
        let sse: X64.SSEOp
        switch op.opcode {
        case .floatAdd: sse = .addsd
        case .floatSub: sse = .subsd
        case .floatMul: sse = .mulsd
        default: sse = .divsd
        }
        asm.emit(.sse(sse, x, b))
        store(x, to: d)
    }

    /// Flips the sign bit (as Swift's unary minus does, NaNs included).
    func lowerFloatNeg(_ op: Operation) {
        let d = resultLocation(op)
        load(op.args[0], into: .rax)
        asm.emit(.movabs(.r11, Int64.min))
        asm.emit(.alu(.xor, .qword, .reg(.rax), .r11))
        store(.rax, to: d)
    }

    /// `ucomisd` and the flags that give IEEE comparisons (false when unordered, except `!=`): `a < b` is
    /// `b > a` ("above", which an unordered result never is), equality also needs "not parity".
    func lowerFloatCompare(_ op: Operation) {
        let d = resultLocation(op)
        let swapped = op.opcode == .floatLt || op.opcode == .floatLe
        let left = swapped ? op.args[1] : op.args[0], right = swapped ? op.args[0] : op.args[1]
        let x = xmm(left, scratch: X64.Registers.scratchXMM)
        asm.emit(.sse(.ucomisd, x, xmmOperand(right, scratch: X64.Registers.scratchXMM2)))
        switch op.opcode {
        case .floatLt, .floatGt: setBool(op, .above, d)
        case .floatLe, .floatGe: setBool(op, .aboveOrEqual, d)
        case .floatEq, .floatNe:
            let equal = op.opcode == .floatEq
            asm.emit(.setcc(equal ? .equal : .notEqual, .reg(.rax)))
            asm.emit(.setcc(equal ? .noParity : .parity, .reg(.rcx)))
            asm.emit(.alu(equal ? .and : .or, .byte, .reg(.rax), .rcx))
            asm.emit(.extend(signed: false, .dword, .rax, .reg(.rax), from: .byte))
            store(.rax, to: d)
        default: preconditionFailure("not a float comparison: \(op.opcode)")
        }
    }

    /// `cvtsi2sd` from the qword integer.
    func lowerCastIntToFloat(_ op: Operation) {
        let d = resultLocation(op)
        let x = resultXMM(d)
        let a: X64.RM
        if case .location(.slot(let n)) = source(op.args[0]) { a = .mem(Self.frameWord(n)) }
        else { a = .reg(gpr(op.args[0], scratch: .rax)) }
        // cvtsi2sd writes only the low lane; clear the register first so no stale dependency lingers.
        asm.emit(.sse(.xorpd, x, .xmm(x)))
        asm.emit(.cvtsi2sd(x, .qword, a))
        store(x, to: d)
    }
}
