extension X64.Emulator {
    /// Everything but control flow: integer and SSE data operations and their flags.
    func executeData(_ instruction: X64.Instruction, next: UInt64, at address: UInt64) throws {
        if instruction.readsCarry, undefinedFlags.contains(.carry) {
            throw X64.EmulatorError.undefinedFlagRead(address: address, flags: X64.CPUFlags.carry.rawValue)
        }
        switch instruction {
        case .alu(let op, let size, let rm, let reg):
            let result = alu(op, size, read(rm, size, next: next), registers[Int(reg.rawValue)] & size.mask)
            if op != .cmp { write(rm, size, result, next: next) }
        case .aluLoad(let op, let size, let reg, let mem):
            let result = alu(op, size, registers[Int(reg.rawValue)] & size.mask, read(.mem(mem), size, next: next))
            if op != .cmp { setRegister(reg, size, result) }
        case .aluImm(let op, let size, let rm, let imm):
            let result = alu(op, size, read(rm, size, next: next), UInt64(bitPattern: imm) & size.mask)
            if op != .cmp { write(rm, size, result, next: next) }
        case .test(let size, let rm, let reg):
            _ = alu(.and, size, read(rm, size, next: next), registers[Int(reg.rawValue)] & size.mask)
        case .testImm(let size, let rm, let imm):
            _ = alu(.and, size, read(rm, size, next: next), UInt64(bitPattern: imm) & size.mask)
        case .imul(let size, let reg, let rm):
            setRegister(reg, size, multiply(size, registers[Int(reg.rawValue)], read(rm, size, next: next)))
        case .imulImm(let size, let reg, let rm, let imm):
            setRegister(reg, size, multiply(size, read(rm, size, next: next), UInt64(bitPattern: imm)))
        case .unary(let op, let size, let rm):
            try unary(op, size, rm, next: next, at: address)
        case .shift(let op, let size, let rm, let count):
            let n: UInt8
            switch count {
            case .cl: n = UInt8(truncatingIfNeeded: registers[Int(X64.GPR.rcx.rawValue)])
            case .imm(let value): n = value
            }
            shift(op, size, rm, count: Int(n & (size == .qword ? 63 : 31)), next: next)
        case .signExtendAccumulator(let size):
            let negative = registers[0] & signBit(size) != 0
            setRegister(.rdx, size, negative ? size.mask : 0)
        case .mov(let size, let rm, let reg):
            write(rm, size, registers[Int(reg.rawValue)] & size.mask, next: next)
        case .load(let size, let reg, let mem):
            setRegister(reg, size, read(.mem(mem), size, next: next))
        case .movImm(let size, let rm, let imm):
            write(rm, size, UInt64(bitPattern: imm) & size.mask, next: next)
        case .movabs(let reg, let imm):
            registers[Int(reg.rawValue)] = UInt64(bitPattern: imm)
        case .extend(let signed, let size, let reg, let rm, let from):
            let value = read(rm, from, next: next)
            setRegister(reg, size, signed ? UInt64(bitPattern: from.signExtend(Int64(bitPattern: value))) : value)
        case .lea(let size, let reg, let mem):
            setRegister(reg, size, self.address(mem, next: next) & size.mask)
        case .setcc(let condition, let rm):
            write(rm, .byte, try holds(condition, at: address) ? 1 : 0, next: next)
        case .cmov(let condition, let size, let reg, let rm):
            let value = read(rm, size, next: next)
            // A dword cmov writes (zero-extending) its destination even when the condition is false.
            setRegister(reg, size, try holds(condition, at: address) ? value : registers[Int(reg.rawValue)])
        case .sse(let op, let x, let source):
            let value = try readXMM(source, fullRegister: op.readsFullRegister, next: next, at: address)
            sse(op, Int(x.rawValue), value, fromMemory: source.isMemory)
        case .movsdStore(let mem, let x):
            store(self.address(mem, next: next), .qword, xmm[Int(x.rawValue)][0])
        case .cvtsi2sd(let x, let size, let rm):
            let value = Int64(bitPattern: read(rm, size, next: next))
            xmm[Int(x.rawValue)][0] = Double(size.signExtend(value)).bitPattern
        case .cvttsd2si(let size, let reg, let source):
            let value = Double(bitPattern: try readXMM(source, fullRegister: false, next: next, at: address)[0])
            setRegister(reg, size, truncate(value, size))
        case .movqToXMM(let x, let reg):
            xmm[Int(x.rawValue)] = SIMD2(registers[Int(reg.rawValue)], 0)
        case .movqFromXMM(let reg, let x):
            registers[Int(reg.rawValue)] = xmm[Int(x.rawValue)][0]
        case .jmp, .jcc, .jmpIndirect, .call, .callIndirect, .ret, .push, .pop, .nop, .int3, .ud2:
            preconditionFailure("control flow is executed by Emulator.execute")
        }
    }

    // MARK: - Integer

    func signBit(_ size: X64.OperandSize) -> UInt64 { 1 << UInt64(size.bits - 1) }

    /// Sets ZF, SF and PF from a result, and CF and OF as given; they all become defined.
    func setFlags(_ result: UInt64, _ size: X64.OperandSize, carry: Bool, overflow: Bool) {
        var new: X64.CPUFlags = []
        if carry { new.insert(.carry) }
        if overflow { new.insert(.overflow) }
        if result & size.mask == 0 { new.insert(.zero) }
        if result & signBit(size) != 0 { new.insert(.sign) }
        if (result & 0xFF).nonzeroBitCount % 2 == 0 { new.insert(.parity) }
        flags = new
        undefinedFlags = []
    }

    /// `a op b` at `size` (operands already masked), setting the flags as the CPU does.
    func alu(_ op: X64.ALUOp, _ size: X64.OperandSize, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let mask = size.mask, sign = signBit(size)
        let carryIn: UInt64 = flags.contains(.carry) ? 1 : 0
        switch op {
        case .add, .adc:
            let c = op == .adc ? carryIn : 0
            let (partial, o1) = a.addingReportingOverflow(b)
            let (sum, o2) = partial.addingReportingOverflow(c)
            let result = sum & mask
            let carry = size == .qword ? o1 || o2 : sum > mask
            setFlags(result, size, carry: carry, overflow: (a ^ result) & (b ^ result) & sign != 0)
            return result
        case .sub, .sbb, .cmp:
            let c = op == .sbb ? carryIn : 0
            let result = (a &- b &- c) & mask
            let borrow = c == 1 ? b >= a : b > a
            setFlags(result, size, carry: borrow, overflow: (a ^ b) & (a ^ result) & sign != 0)
            return result
        case .and, .or, .xor:
            let result = op == .and ? a & b : op == .or ? a | b : a ^ b
            setFlags(result, size, carry: false, overflow: false)
            return result
        }
    }

    /// Signed multiply truncated to `size`; CF = OF = the product did not fit. SF, ZF, PF are undefined.
    func multiply(_ size: X64.OperandSize, _ a: UInt64, _ b: UInt64) -> UInt64 {
        let x = size.signExtend(Int64(bitPattern: a)), y = size.signExtend(Int64(bitPattern: b))
        let product = x.multipliedFullWidth(by: y)
        let low = Int64(bitPattern: product.low)
        let fits = product.high == (low < 0 ? -1 : 0) && size.signExtend(low) == low
        flags = fits ? [] : [.carry, .overflow]
        undefinedFlags = [.zero, .sign, .parity]
        return UInt64(bitPattern: low) & size.mask
    }

    func unary(_ op: X64.UnaryOp, _ size: X64.OperandSize, _ rm: X64.RM, next: UInt64, at address: UInt64) throws {
        let value = read(rm, size, next: next)
        switch op {
        case .not:
            write(rm, size, ~value & size.mask, next: next)
        case .neg:
            write(rm, size, alu(.sub, size, 0, value), next: next)
        case .inc, .dec:
            let carry = flags.contains(.carry), carryDefined = !undefinedFlags.contains(.carry)
            let result = alu(op == .inc ? .add : .sub, size, value, 1)
            if carry { flags.insert(.carry) } else { flags.remove(.carry) }
            if !carryDefined { undefinedFlags.insert(.carry) }
            write(rm, size, result, next: next)
        case .div, .idiv:
            try divide(signed: op == .idiv, size, by: value, at: address)
        }
    }

    /// `div`/`idiv`: the double-width accumulator (ax for a byte divisor, else dx:ax / edx:eax / rdx:rax)
    /// divided by `divisor`; the quotient to al/ax/eax/rax, the remainder to ah/dx/edx/rdx. All flags undefined.
    func divide(signed: Bool, _ size: X64.OperandSize, by divisor: UInt64, at address: UInt64) throws {
        let bits = size.bits
        let low = registers[0] & size.mask
        let high = size == .byte ? (registers[0] >> 8) & 0xFF : registers[2] & size.mask
        let dividendBits = UInt128(high) << UInt128(bits) | UInt128(low)
        guard divisor != 0 else { throw X64.EmulatorError.divideError(address: address) }
        let quotient: UInt128, remainder: UInt128
        if signed {
            // Sign-extend the 2×bits dividend and the divisor to 128 bits.
            let shift = 128 - 2 * bits
            let dividend = Int128(bitPattern: dividendBits << UInt128(shift)) >> Int128(shift)
            let d = Int128(size.signExtend(Int64(bitPattern: divisor)))
            let q = dividend / d
            let limit = Int128(1) << Int128(bits - 1)
            guard q >= -limit, q < limit else { throw X64.EmulatorError.divideError(address: address) }
            quotient = UInt128(bitPattern: q)
            remainder = UInt128(bitPattern: dividend % d)
        } else {
            let q = dividendBits / UInt128(divisor)
            guard q <= UInt128(size.mask) else { throw X64.EmulatorError.divideError(address: address) }
            quotient = q
            remainder = dividendBits % UInt128(divisor)
        }
        let q = UInt64(truncatingIfNeeded: quotient) & size.mask, r = UInt64(truncatingIfNeeded: remainder) & size.mask
        if size == .byte {
            setRegister(.rax, .word, r << 8 | q)
        } else {
            setRegister(.rax, size, q)
            setRegister(.rdx, size, r)
        }
        undefinedFlags = .all
    }

    /// shl/shr/sar by an already-masked count. A zero count leaves the flags alone (but still writes the
    /// operand, so a dword register is zero-extended); CF is the last bit shifted out (undefined for shl/shr once the
    /// count reaches the width, which only byte and word shifts allow); OF is defined only for a count of 1.
    func shift(_ op: X64.ShiftOp, _ size: X64.OperandSize, _ rm: X64.RM, count: Int, next: UInt64) {
        let value = read(rm, size, next: next)
        guard count > 0 else { return write(rm, size, value, next: next) }
        let bits = size.bits
        let signed = size.signExtend(Int64(bitPattern: value))
        let result: UInt64
        let carry: Bool
        switch op {
        case .shl:
            result = count >= 64 ? 0 : (value << UInt64(count)) & size.mask
            carry = count <= bits && (value >> UInt64(bits - count)) & 1 == 1
        case .shr:
            result = count >= 64 ? 0 : value >> UInt64(count)
            carry = count <= bits && (value >> UInt64(count - 1)) & 1 == 1
        case .sar:
            result = UInt64(bitPattern: signed >> Int64(min(count, 63))) & size.mask
            carry = (signed >> Int64(min(count - 1, 63))) & 1 == 1
        }
        let overflow: Bool
        switch op {
        case .shl: overflow = (result & signBit(size) != 0) != carry
        case .shr: overflow = value & signBit(size) != 0
        case .sar: overflow = false
        }
        setFlags(result, size, carry: carry, overflow: overflow)
        if count != 1 { undefinedFlags.insert(.overflow) }
        if count >= bits && op != .sar { undefinedFlags.insert(.carry) }
        write(rm, size, result, next: next)
    }

    // MARK: - SSE2

    func sse(_ op: X64.SSEOp, _ index: Int, _ source: SIMD2<UInt64>, fromMemory: Bool) {
        let d = Double(bitPattern: xmm[index][0]), s = Double(bitPattern: source[0])
        func scalar(_ value: Double) { xmm[index][0] = value.bitPattern }
        switch op {
        case .movsd: xmm[index] = fromMemory ? SIMD2(source[0], 0) : SIMD2(source[0], xmm[index][1])
        case .movapd: xmm[index] = source
        case .addsd: scalar(d + s)
        case .subsd: scalar(d - s)
        case .mulsd: scalar(d * s)
        case .divsd: scalar(d / s)
        case .sqrtsd: scalar(s.squareRoot())
        // With a NaN or two zeros the CPU returns the second (source) operand.
        case .minsd: scalar(d < s ? d : s)
        case .maxsd: scalar(d > s ? d : s)
        case .andpd: xmm[index] &= source
        case .xorpd: xmm[index] ^= source
        case .ucomisd, .comisd:
            if d.isNaN || s.isNaN { flags = [.zero, .parity, .carry] }
            else if d < s { flags = [.carry] }
            else if d == s { flags = [.zero] }
            else { flags = [] }
            undefinedFlags = []
        }
    }

    /// cvttsd2si: truncation toward zero; NaN and out-of-range values give the "integer indefinite" minimum.
    func truncate(_ value: Double, _ size: X64.OperandSize) -> UInt64 {
        // In range when the truncated value fits: [-2^63, 2^63) for a qword, (-2^31 - 1, 2^31) for a dword.
        let inRange = size == .qword ? value >= -0x1p63 && value < 0x1p63 : value > -0x1p31 - 1 && value < 0x1p31
        guard inRange else { return signBit(size) }
        return UInt64(bitPattern: Int64(value.rounded(.towardZero))) & size.mask
    }
}

extension X64.XMMOrMem {
    var isMemory: Bool {
        if case .mem = self { return true }
        return false
    }
}

extension X64.Instruction {
    /// Whether the instruction reads CF as an input (adc, sbb); conditions are checked by `Emulator.holds`.
    var readsCarry: Bool {
        switch self {
        case .alu(let op, _, _, _), .aluLoad(let op, _, _, _), .aluImm(let op, _, _, _): return op == .adc || op == .sbb
        default: return false
        }
    }
}
