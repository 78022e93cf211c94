extension X64.TraceLowering {
    /// The address a field or array op touches: `[p + offset]` for a field, `[p + 8*i + fixedSize]` for an array
    /// item (an item known at compile time folds into the displacement). The object goes into `r11` and a variable
    /// index into `rcx` when they are not in registers already.
    func address(_ op: Operation) -> X64.Memory {
        let base = gpr(op.args[0], scratch: .r11)
        switch op.descr {
        case .field(let f):
            return X64.Memory(base, f.offset)
        case .array(let layout):
            if case .int(let k)? = trace.constantValue(op.args[1]),
               let displacement = Int32(exactly: layout.fixedSize &+ 8 &* k) {
                return X64.Memory(base, displacement)
            }
            let index = gpr(op.args[1], scratch: .rcx)
            return X64.Memory(base, index: index, scale: .x8, Int32(layout.fixedSize))
        default:
            preconditionFailure("\(op.opcode) without a field or array descriptor")
        }
    }

    /// `getfield_gc_*`/`getarrayitem_gc_*`: one load into the result's register (or through `rax`).
    func lowerLoad(_ op: Operation) {
        let d = resultLocation(op)
        let m = address(op)
        switch d {
        case .xmm(let x): asm.emit(.sse(.movsd, x, .mem(m)))
        case .gpr(let r): asm.emit(.load(.qword, r, m))
        case .slot:
            asm.emit(.load(.qword, .rax, m))
            store(.rax, to: d)
        }
    }

    /// `getfield_raw_i`: the word's absolute address into `r11`, then a zero-extending load; when only the next
    /// guard tests the value, a compare with zero instead, fused into the guard (`cmp byte [r11], 0; jne exit`).
    func lowerRawLoad(_ op: Operation) {
        guard case .rawField(let field) = op.descr else { preconditionFailure("getfield_raw_i without a raw field") }
        asm.mov(.r11, immediate: Int64(bitPattern: UInt64(field.address)))
        let m = X64.Memory(.r11)
        let size: X64.OperandSize
        switch field.width {
        case .byte: size = .byte
        case .dword: size = .dword
        case .qword: size = .qword
        }
        if onlyTestedByNextGuard(op) {
            asm.emit(.aluImm(.cmp, size, .mem(m), 0))
            fusedComparison = (op.result, .notEqual)
            return
        }
        let d = resultLocation(op)
        let r = resultGPR(d)
        switch field.width {
        case .byte: asm.emit(.extend(signed: false, .dword, r, .mem(m), from: .byte))
        case .dword: asm.emit(.load(.dword, r, m))
        case .qword: asm.emit(.load(.qword, r, m))
        }
        store(r, to: d)
    }

    /// `setfield_gc(p, v)`/`setarrayitem_gc(p, i, v)`: one store of the value's word.
    func lowerStore(_ op: Operation) {
        let value = op.args[op.opcode == .setfieldGc ? 1 : 2]
        let m = address(op)
        switch source(value) {
        case .location(.xmm(let x)): asm.emit(.movsdStore(m, x))
        case .constant(let w) where Int32(exactly: Int64(bitPattern: w)) != nil:
            asm.emit(.movImm(.qword, .mem(m), Int64(bitPattern: w)))
        default: asm.emit(.mov(.qword, .mem(m), gpr(value, scratch: .rax)))
        }
    }
}
