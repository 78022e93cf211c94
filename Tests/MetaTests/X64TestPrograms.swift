@testable import Meta

/// Functions built with the assembler, shared by the native execution tests and the emulator's differential tests.
enum TestPrograms {
    typealias A = X64.Assembler
    typealias M = X64.Memory

    /// sum(n) = 1 + 2 + … + n (0 for n ≤ 0 is not promised; callers pass n ≥ 0).
    static func sumToN(_ a: A) {
        let loop = a.newLabel(), done = a.newLabel()
        a.emit(.alu(.xor, .dword, .reg(.rax), .rax))
        a.emit(.test(.qword, .reg(.rdi), .rdi))
        a.jcc(.equal, done)
        a.bind(loop)
        a.emit(.alu(.add, .qword, .reg(.rax), .rdi))
        a.emit(.unary(.dec, .qword, .reg(.rdi)))
        a.jcc(.notEqual, loop)
        a.bind(done)
        a.emit(.ret)
    }

    /// f(a…h) = 1a + 2b + 3c + 4d + 5e + 6f + 7g + 8h; g and h arrive on the stack above the return address.
    static func weightedSum(_ a: A) {
        a.emit(.lea(.qword, .rax, M(.rdi, index: .rsi, scale: .x2)))
        a.emit(.imulImm(.qword, .rdx, .reg(.rdx), 3))
        a.emit(.alu(.add, .qword, .reg(.rax), .rdx))
        a.emit(.lea(.qword, .rax, M(.rax, index: .rcx, scale: .x4)))
        a.emit(.imulImm(.qword, .r8, .reg(.r8), 5))
        a.emit(.alu(.add, .qword, .reg(.rax), .r8))
        a.emit(.imulImm(.qword, .r9, .reg(.r9), 6))
        a.emit(.alu(.add, .qword, .reg(.rax), .r9))
        a.emit(.imulImm(.qword, .r10, .mem(M(.rsp, 8)), 7))
        a.emit(.alu(.add, .qword, .reg(.rax), .r10))
        a.emit(.load(.qword, .r11, M(.rsp, 16)))
        a.emit(.lea(.qword, .rax, M(.rax, index: .r11, scale: .x8)))
        a.emit(.ret)
    }

    /// The native function `callThrough` calls: a*10 + b.
    static let callback: @convention(c) (Int, Int) -> Int = { a, b in a &* 10 &+ b }

    /// g(x, y) = callback(y, 7) + x, keeping x in callee-saved rbx (whose push also aligns the stack to 16).
    static func callThrough(_ a: A) {
        a.emit(.push(.rbx))
        a.emit(.mov(.qword, .reg(.rbx), .rdi))
        a.emit(.mov(.qword, .reg(.rdi), .rsi))
        a.mov(.rsi, immediate: 7)
        a.mov(.rax, immediate: Int64(Int(bitPattern: unsafeBitCast(callback, to: UnsafeRawPointer.self))))
        a.emit(.callIndirect(.reg(.rax)))
        a.emit(.alu(.add, .qword, .reg(.rax), .rbx))
        a.emit(.pop(.rbx))
        a.emit(.ret)
    }

    /// h(x, y, n) = sqrt(x*x + y*y) + n/4 - min(x, y), computed mostly in xmm8–xmm15.
    static func hypotenuse(_ a: A) {
        a.emit(.sse(.movapd, .xmm8, .xmm(.xmm0)))
        a.emit(.sse(.mulsd, .xmm8, .xmm(.xmm0)))
        a.emit(.sse(.movsd, .xmm9, .xmm(.xmm1)))
        a.emit(.sse(.mulsd, .xmm9, .xmm(.xmm1)))
        a.emit(.sse(.addsd, .xmm8, .xmm(.xmm9)))
        a.emit(.sse(.sqrtsd, .xmm10, .xmm(.xmm8)))
        a.emit(.cvtsi2sd(.xmm11, .qword, .reg(.rdi)))
        a.mov(.rax, immediate: Int64(bitPattern: 4.0.bitPattern))
        a.emit(.movqToXMM(.xmm15, .rax))
        a.emit(.sse(.divsd, .xmm11, .xmm(.xmm15)))
        a.emit(.sse(.addsd, .xmm10, .xmm(.xmm11)))
        a.emit(.sse(.minsd, .xmm0, .xmm(.xmm1)))
        a.emit(.sse(.subsd, .xmm10, .xmm(.xmm0)))
        a.emit(.sse(.movapd, .xmm0, .xmm(.xmm10)))
        a.emit(.ret)
    }

    /// sumAbove(p, n, limit, out) = Int(truncated sum of the p[i] > limit), the sum also stored to *out; the array
    /// is read through [rdi+rcx*8]; NaN compares unordered and is skipped (ucomisd sets CF and ZF, `jbe` jumps).
    static func sumAbove(_ a: A) {
        let loop = a.newLabel(), skip = a.newLabel(), done = a.newLabel()
        a.emit(.sse(.xorpd, .xmm1, .xmm(.xmm1)))
        a.emit(.alu(.xor, .dword, .reg(.rcx), .rcx))
        a.bind(loop)
        a.emit(.alu(.cmp, .qword, .reg(.rcx), .rsi))
        a.jcc(.greaterOrEqual, done)
        a.emit(.sse(.movsd, .xmm2, .mem(M(.rdi, index: .rcx, scale: .x8))))
        a.emit(.sse(.ucomisd, .xmm2, .xmm(.xmm0)))
        a.jcc(.belowOrEqual, skip)
        a.emit(.sse(.addsd, .xmm1, .mem(M(.rdi, index: .rcx, scale: .x8))))
        a.bind(skip)
        a.emit(.unary(.inc, .qword, .reg(.rcx)))
        a.jmp(loop)
        a.bind(done)
        a.emit(.movsdStore(M(.rdx), .xmm1))
        a.emit(.cvttsd2si(.qword, .rax, .xmm(.xmm1)))
        a.emit(.ret)
    }

    /// divmod(a, b, out) stores a/b and a%b (truncating, as Swift does); returns a<b ? 1 : 0 via setl+movzx.
    static func divmod(_ a: A) {
        a.emit(.mov(.qword, .reg(.r8), .rdx))
        a.emit(.mov(.qword, .reg(.rax), .rdi))
        a.emit(.signExtendAccumulator(.qword))
        a.emit(.unary(.idiv, .qword, .reg(.rsi)))
        a.emit(.mov(.qword, .mem(M(.r8)), .rax))
        a.emit(.mov(.qword, .mem(M(.r8, 8)), .rdx))
        a.emit(.alu(.cmp, .qword, .reg(.rdi), .rsi))
        a.emit(.setcc(.less, .reg(.rax)))
        a.emit(.extend(signed: false, .dword, .rax, .reg(.rax), from: .byte))
        a.emit(.ret)
    }

    /// shifty(x, n) = max(x << n, x >>arith n) ^ (x >>logical n), shifting by cl.
    static func shifty(_ a: A) {
        a.emit(.mov(.qword, .reg(.rcx), .rsi))
        a.emit(.mov(.qword, .reg(.rax), .rdi))
        a.emit(.shift(.shl, .qword, .reg(.rax), .cl))
        a.emit(.mov(.qword, .reg(.rdx), .rdi))
        a.emit(.shift(.sar, .qword, .reg(.rdx), .cl))
        a.emit(.alu(.cmp, .qword, .reg(.rax), .rdx))
        a.emit(.cmov(.less, .qword, .rax, .reg(.rdx)))
        a.emit(.shift(.shr, .qword, .reg(.rdi), .cl))
        a.emit(.alu(.xor, .qword, .reg(.rax), .rdi))
        a.emit(.ret)
    }

    /// fib(n) computed by a recursive call to itself (rel32 call to a label inside the code).
    static func recursiveFibonacci(_ a: A) {
        let entry = a.newLabel(), base = a.newLabel()
        a.bind(entry)
        a.emit(.aluImm(.cmp, .qword, .reg(.rdi), 2))
        a.jcc(.less, base)
        a.emit(.push(.rbx))
        a.emit(.push(.r12))
        a.emit(.push(.r13))                              // three pushes: rsp aligned again for the calls
        a.emit(.mov(.qword, .reg(.rbx), .rdi))
        a.emit(.lea(.qword, .rdi, M(.rbx, -1)))
        a.call(entry)
        a.emit(.mov(.qword, .reg(.r12), .rax))
        a.emit(.lea(.qword, .rdi, M(.rbx, -2)))
        a.call(entry)
        a.emit(.alu(.add, .qword, .reg(.rax), .r12))
        a.emit(.pop(.r13))
        a.emit(.pop(.r12))
        a.emit(.pop(.rbx))
        a.emit(.ret)
        a.bind(base)
        a.emit(.mov(.qword, .reg(.rax), .rdi))
        a.emit(.ret)
    }
}
