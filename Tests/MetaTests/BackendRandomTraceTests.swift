import Testing
@testable import Meta

/// Random loops, run natively and under the IR executor: many values of both register classes, constants of every
/// size in every operand position, residual calls, guards that fail at some iteration, and back-edges that permute
/// the label's arguments (parallel moves with cycles through registers and frame slots).
@Suite struct BackendRandomTraceTests {
    /// Builds one random loop trace's text.
    struct LoopGenerator {
        var random: SplitMix64
        var lines: [String] = []
        var ints: [String] = []
        var floats: [String] = []
        /// References known to be non-null `W_Pair`s at this point.
        var pairs: [String] = []
        var next = 0

        init(seed: UInt64) { random = SplitMix64(seed: seed) }

        mutating func fresh(_ prefix: String) -> String { defer { next += 1 }; return "\(prefix)\(next)" }
        mutating func chance(_ percent: UInt64) -> Bool { random.next() % 100 < percent }
        mutating func pick<T>(_ values: [T]) -> T { values[Int(random.next() % UInt64(values.count))] }

        mutating func intOperand() -> String {
            if chance(20) { return pick(["0", "1", "-1", "7", "-64", "63", "64", "2147483647", "-2147483648", "4294967296", "-9223372036854775808"]) }
            return pick(ints)
        }

        mutating func floatOperand() -> String {
            if chance(15) { return pick(["0.0", "-0.0", "1.5", "-2.25", "1e300", "inf", "nan"]) }
            return pick(floats)
        }

        mutating func generate(intCount: Int, floatCount: Int, pairCount: Int = 0, ops: Int, iterations: Int) -> String {
            ints = (0..<intCount).map { _ in fresh("i") }
            floats = (0..<floatCount).map { _ in fresh("f") }
            pairs = (0..<pairCount).map { _ in fresh("p") }
            let counter = fresh("i")
            let labelArgs = [counter] + ints + floats + pairs
            lines.append("[\(labelArgs.joined(separator: ", "))]")
            lines.append("label(\(labelArgs.joined(separator: ", ")), descr=Loop0)")
            let check = fresh("i")
            lines.append("\(check) = int_lt(\(counter), \(iterations))")
            lines.append("guard_true(\(check)) [\(labelArgs.joined(separator: ", "))]")
            let intBinary = ["int_add", "int_sub", "int_mul", "int_and", "int_or", "int_xor", "int_lshift", "int_rshift",
                             "int_py_floordiv", "int_py_mod", "int_lt", "int_le", "int_eq", "int_ne", "int_gt", "int_ge"]
            let floatBinary = ["float_add", "float_sub", "float_mul", "float_truediv"]
            let floatCompare = ["float_lt", "float_le", "float_eq", "float_ne", "float_gt", "float_ge"]
            for _ in 0..<ops {
                if !pairs.isEmpty && chance(35) {
                    referenceOp()
                    continue
                }
                switch random.next() % 12 {
                case 0...4:
                    let v = fresh("i")
                    lines.append("\(v) = \(pick(intBinary))(\(intOperand()), \(intOperand()))")
                    ints.append(v)
                case 5:
                    let v = fresh("i")
                    lines.append("\(v) = \(pick(["int_neg", "int_is_true", "int_is_zero", "same_as_i"]))(\(pick(ints)))")
                    ints.append(v)
                case 6, 7:
                    let v = fresh("f")
                    lines.append("\(v) = \(pick(floatBinary))(\(floatOperand()), \(floatOperand()))")
                    floats.append(v)
                case 8:
                    let v = fresh("i")
                    lines.append("\(v) = \(pick(floatCompare))(\(floatOperand()), \(floatOperand()))")
                    ints.append(v)
                case 9:
                    let v = fresh("f")
                    lines.append(chance(50) ? "\(v) = cast_int_to_float(\(pick(ints)))" : "\(v) = float_neg(\(pick(floats)))")
                    floats.append(v)
                case 10:
                    let v = fresh("i")
                    if chance(50) {
                        lines.append("\(v) = call_i(ConstClass(sum3), \(intOperand()), \(intOperand()), \(intOperand()))")
                        ints.append(v)
                    } else {
                        let f = fresh("f")
                        lines.append("\(f) = call_f(ConstClass(half_as_float), \(intOperand()))")
                        floats.append(f)
                    }
                default:
                    // An overflow check or a rarely failing guard, with a random handful of fail arguments.
                    let failArgs = Array(Set((0..<4).map { _ in chance(50) ? pick(ints) : pick(floats) })).sorted()
                    if chance(50) {
                        let v = fresh("i")
                        lines.append("\(v) = \(pick(["int_add_ovf", "int_sub_ovf", "int_mul_ovf", "int_lshift_ovf"]))(\(intOperand()), \(intOperand()))")
                        lines.append("\(chance(5) ? "guard_overflow" : "guard_no_overflow")() [\(failArgs.joined(separator: ", "))]")
                        ints.append(v)
                    } else {
                        let low = fresh("i"), v = fresh("i")
                        let holds = chance(50)
                        lines.append("\(low) = int_and(\(pick(ints)), 1023)")
                        lines.append("\(v) = \(holds ? "int_ne" : "int_eq")(\(low), 517)")
                        lines.append("\(holds ? "guard_true" : "guard_false")(\(v)) [\(failArgs.joined(separator: ", "))]")
                        ints.append(low)
                    }
                }
            }
            let nextCounter = fresh("i")
            lines.append("\(nextCounter) = int_add(\(counter), 1)")
            // The back-edge: each label argument gets a random value of its type (old ones included).
            let jumpArgs = [nextCounter] + (0..<intCount).map { _ in pick(ints) } + (0..<floatCount).map { _ in pick(floats) }
                + (0..<pairCount).map { _ in pick(pairs) }
            lines.append("jump(\(jumpArgs.joined(separator: ", ")), descr=Loop0)")
            return lines.joined(separator: "\n")
        }

        /// One op on the object graph: allocate and link a pair, follow a field (guarded: it may hold a box or
        /// null), overwrite a field, box an integer into a field, compare references, or a call that collects.
        mutating func referenceOp() {
            let field = pick(["W_Pair.left", "W_Pair.right"])
            switch random.next() % 6 {
            case 0:
                let p = fresh("p")
                lines.append("\(p) = new_with_vtable(descr=W_Pair)")
                lines.append("setfield_gc(\(p), \(pick(pairs)), descr=W_Pair.left)")
                if chance(70) { lines.append("setfield_gc(\(p), \(pick(pairs)), descr=W_Pair.right)") }
                pairs.append(p)
            case 1:
                let p = fresh("p")
                lines.append("\(p) = getfield_gc_r(\(pick(pairs)), descr=\(field))")
                let failArgs = Array(Set([pick(ints), pick(pairs), pick(pairs)])).sorted()
                lines.append("guard_nonnull(\(p)) [\(failArgs.joined(separator: ", "))]")
                lines.append("guard_class(\(p), W_Pair) [\(p), \(failArgs.joined(separator: ", "))]")
                pairs.append(p)
            case 2:
                lines.append("setfield_gc(\(pick(pairs)), \(chance(10) ? "ConstPtr(null)" : pick(pairs)), descr=\(field))")
            case 3:
                let box = fresh("p")
                lines.append("\(box) = new_with_vtable(descr=W_Int)")
                lines.append("setfield_gc(\(box), \(intOperand()), descr=W_Int.intval)")
                lines.append("setfield_gc(\(pick(pairs)), \(box), descr=\(field))")
            case 4:
                let v = fresh("i")
                lines.append("\(v) = \(pick(["ptr_eq", "ptr_ne"]))(\(pick(pairs)), \(pick(pairs)))")
                ints.append(v)
            default:
                let p = fresh("p")
                lines.append("\(p) = call_r(ConstClass(collect_now), \(pick(pairs)))")
                pairs.append(p)
            }
        }
    }

    @Test(arguments: 0..<30)
    func randomLoopsOverAnObjectGraphRunLikeTheExecutor(seed: Int) throws {
        var generator = LoopGenerator(seed: UInt64(seed) &* 0x51_7CC1 &+ 5)
        let pairCount = 1 + seed % 9, intCount = 2 + seed % 5, floatCount = 1 + seed % 3
        let text = generator.generate(intCount: intCount, floatCount: floatCount, pairCount: pairCount,
                                      ops: 15 + seed * 2, iterations: 2 + seed * 11)
        let run = DifferentialRun(text, functions: [CallDescriptor(testHalfAsFloat), CallDescriptor(testCollectNow)],
                                  nurseryBytes: 32 << 10, setup: { w in
            var inputs: [ConcreteValue] = [.int(0)]
            for k in 0..<intCount { inputs.append(.int(k * 37 - 50)) }
            for k in 0..<floatCount { inputs.append(.float(Double(k) + 0.25)) }
            // A ring of pairs, each also pointing at a box.
            let pairs = (0..<pairCount).map { _ in w.heap.allocate(w.pair) }
            for (k, p) in pairs.enumerated() {
                p.pointer.storeBytes(of: pairs[(k + 1) % pairCount].bits, toByteOffset: 16, as: UInt.self)
                p.pointer.storeBytes(of: (k % 2 == 0 ? pairs[k] : w.box(k)).bits, toByteOffset: 24, as: UInt.self)
            }
            return (inputs + pairs.map { .ref($0) }, [:])
        })
        do {
            try run.check()
        } catch {
            Issue.record("seed \(seed): \(error)\n\(text)")
        }
    }

    @Test(arguments: 0..<40)
    func randomLoopsRunLikeTheExecutor(seed: Int) throws {
        var generator = LoopGenerator(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        let intCount = 3 + seed % 14, floatCount = 1 + seed % 17
        let text = generator.generate(intCount: intCount, floatCount: floatCount, ops: 20 + seed * 3, iterations: 1 + seed * 7)
        var inputs: [ConcreteValue] = [.int(0)]
        for k in 0..<intCount { inputs.append(.int([3, -5, 1 << 40, .min, 0, 99][k % 6] &+ k)) }
        for k in 0..<floatCount { inputs.append(.float([0.5, -3.25, 1e-3, 7][k % 4] * Double(k + 1))) }
        let run = DifferentialRun(text, functions: [CallDescriptor(testHalfAsFloat)], inputs: inputs)
        do {
            try run.check()
        } catch {
            Issue.record("seed \(seed): \(error)\n\(text)")
        }
    }
}
