import Meta
import BigInt

/// The semantics of the built-in types' operators: numbers, sequences, mappings. Each function answers for the
/// built-in types it knows and returns nil ("not handled") otherwise, so that `Operations` can fall back to the
/// guest's dunder methods.
extension Runtime {
    /// `a op b` for numbers (int, bool, float, big ints), with Python's semantics from the numeric core: 64-bit
    /// fast paths that fall back to big ints on overflow, floor division and modulo rounding toward negative
    /// infinity, int/int true division correctly rounded, exact int/float mixing.
    public func numberBinary(_ op: BinaryOp, _ a: Ref, _ b: Ref) throws(PyException) -> Ref? {
        if a.typeID == L.bool.id && b.typeID == L.bool.id && (op == .and || op == .or || op == .xor) {
            let x = a == trueObject, y = b == trueObject
            return bool(op == .and ? x && y : op == .or ? x || y : x != y)
        }
        if let x = smallInt(a), let y = smallInt(b), let r = try numeric({ () throws(NumberError) in try smallIntBinary(op, x, y) }) {
            return r
        }
        if isInt(a) && isInt(b) {
            let x = bigValue(a), y = bigValue(b)
            return try numeric { () throws(NumberError) in try bigIntBinary(op, x, y) }
        }
        guard a.typeID == L.float.id || b.typeID == L.float.id,
              let x = try floatOperand(a), let y = try floatOperand(b) else { return nil }
        return try numeric { () throws(NumberError) in try floatBinary(op, x, y) }
    }

    /// The operation on two 64-bit ints, or nil when the result needs a big int.
    private func smallIntBinary(_ op: BinaryOp, _ x: Int, _ y: Int) throws(NumberError) -> Ref? {
        switch op {
        case .add: let (r, o) = x.addingReportingOverflow(y); return o ? nil : newInt(r)
        case .sub: let (r, o) = x.subtractingReportingOverflow(y); return o ? nil : newInt(r)
        case .mul: let (r, o) = x.multipliedReportingOverflow(by: y); return o ? nil : newInt(r)
        case .floorDiv: return try pyFloorDiv(x, y).map(newInt)
        case .mod: return newInt(try pyMod(x, y))
        case .trueDiv: return newFloat(try pyTrueDiv(x, y))
        case .pow: return y < 0 ? nil : pyPow(x, y).map(newInt)
        case .lshift: return try pyShiftLeft(x, y).map(newInt)
        case .rshift: return newInt(try pyShiftRight(x, y))
        case .and: return newInt(x & y)
        case .or: return newInt(x | y)
        case .xor: return newInt(x ^ y)
        }
    }

    private func bigIntBinary(_ op: BinaryOp, _ x: BigInt, _ y: BigInt) throws(NumberError) -> Ref {
        switch op {
        case .add: return newInt(x + y)
        case .sub: return newInt(x - y)
        case .mul: return newInt(x * y)
        case .floorDiv: return newInt(try pyFloorDiv(x, y))
        case .mod: return newInt(try pyMod(x, y))
        case .trueDiv: return newFloat(try pyTrueDiv(x, y))
        case .pow:
            switch try pyPow(x, y) {
            case .int(let v): return newInt(v)
            case .float(let d): return newFloat(d)
            }
        case .lshift: return newInt(try pyShiftLeft(x, y))
        case .rshift: return newInt(try pyShiftRight(x, y))
        case .and: return newInt(pyBitAnd(x, y))
        case .or: return newInt(pyBitOr(x, y))
        case .xor: return newInt(pyBitXor(x, y))
        }
    }

    /// The operation on two floats (an int operand already converted); nil for operators floats lack.
    private func floatBinary(_ op: BinaryOp, _ x: Double, _ y: Double) throws(NumberError) -> Ref? {
        switch op {
        case .add: return newFloat(x + y)
        case .sub: return newFloat(x - y)
        case .mul: return newFloat(x * y)
        case .trueDiv: return newFloat(try pyFloatTrueDiv(x, y))
        case .floorDiv: return newFloat(try pyFloatFloorDiv(x, y))
        case .mod: return newFloat(try pyFloatMod(x, y))
        case .pow: return newFloat(try pyFloatPow(x, y))
        case .lshift, .rshift, .and, .or, .xor: return nil
        }
    }

    /// An int or float operand of a float operation as a Double (nil for other types); huge ints raise
    /// OverflowError as in Python.
    private func floatOperand(_ r: Ref) throws(PyException) -> Double? {
        if r.typeID == L.float.id { return r.float(L.floatval) }
        if let v = smallInt(r) { return Double(v) }
        if isInt(r) {
            let big = bigValue(r)
            return try numeric { () throws(NumberError) in try pyIntToDouble(big) }
        }
        return nil
    }

    /// The value of an int, bool or float as a Double (nil for other types; huge ints saturate to ±inf).
    public func floatValue(_ r: Ref) -> Double? {
        let id = r.typeID
        if id == L.float.id { return r.float(L.floatval) }
        if id == L.int.id || id == L.bool.id { return Double(r.int(L.intval)) }
        if id == L.long.id { return (try? pyIntToDouble(bigValue(r))) ?? (bigValue(r).signum() < 0 ? -.infinity : .infinity) }
        return nil
    }

    /// Comparisons between numbers (nil if either is not a number); int/float comparisons are exact.
    public func numberCompare(_ op: CompareOp, _ a: Ref, _ b: Ref) -> Bool? {
        if let x = smallInt(a), let y = smallInt(b) { return op.apply(x, y) }
        if isInt(a) && isInt(b) { return op.apply(bigValue(a), bigValue(b)) }
        let aFloat = a.typeID == L.float.id, bFloat = b.typeID == L.float.id
        if aFloat && bFloat { return op.apply(a.float(L.floatval), b.float(L.floatval)) }
        if aFloat && isInt(b) { return intFloatCompare(op.swapped, bigValue(b), a.float(L.floatval)) }
        if bFloat && isInt(a) { return intFloatCompare(op, bigValue(a), b.float(L.floatval)) }
        return nil
    }

    /// `i op d` compared exactly (NaN: only `!=` holds).
    private func intFloatCompare(_ op: CompareOp, _ i: BigInt, _ d: Double) -> Bool {
        guard let c = pyCompare(i, d) else { return op == .ne }
        return op.apply(c, 0)
    }

    /// `-a`, `+a`, `~a` on numbers.
    public func numberUnary(_ op: UnaryOp, _ a: Ref) throws(PyException) -> Ref? {
        if let x = smallInt(a) {
            switch op {
            case .negative: return x == Int.min ? newInt(-BigInt(x)) : newInt(-x)
            case .positive: return newInt(x)
            case .invert: return newInt(~x)
            }
        }
        if isInt(a) {
            let x = bigValue(a)
            switch op {
            case .negative: return newInt(-x)
            case .positive: return a
            case .invert: return newInt(-x - 1)
            }
        }
        if a.typeID == L.float.id {
            let x = a.float(L.floatval)
            switch op {
            case .negative: return newFloat(-x)
            case .positive: return a
            case .invert: throw typeError("bad operand type for unary ~: 'float'")
            }
        }
        return nil
    }

    /// `+` and `*` on str, list and tuple (nil if not applicable).
    public func sequenceBinary(_ op: BinaryOp, _ a: Ref, _ b: Ref) throws(PyException) -> Ref? {
        let ta = a.typeID, tb = b.typeID
        switch op {
        case .add where ta == L.str.id && tb == L.str.id: return strConcat(a, b)
        case .add where ta == L.list.id && tb == L.list.id: return newList(items(a) + items(b))
        case .add where ta == L.tuple.id && tb == L.tuple.id: return newTuple(items(a) + items(b))
        case .or where ta == L.dict.id && tb == L.dict.id:
            let merged = dictCopy(a)
            try rooting(merged) { () throws(PyException) in try dictUpdate(merged, b, Arguments(positional: .init(start: nil, count: 0))) }
            return merged
        case .or, .and, .sub, .xor:
            guard let x = try setOperand(a) else { return nil }
            return try rooting(x) { () throws(PyException) in
                guard let y = try setOperand(b) else { return nil }
                return try rooting(y) { () throws(PyException) in try setOperation(op, x, y) }
            }
        case .mul:
            if let n = smallInt(b), ta == L.str.id || ta == L.list.id || ta == L.tuple.id { return try repeatSequence(a, n) }
            if let n = smallInt(a), tb == L.str.id || tb == L.list.id || tb == L.tuple.id { return try repeatSequence(b, n) }
            return nil
        default: return nil
        }
    }

    private func repeatSequence(_ s: Ref, _ n: Int) throws(PyException) -> Ref {
        let count = max(n, 0)
        if s.typeID == L.str.id {
            let total = strBytes(s).count.multipliedReportingOverflow(by: count)
            if total.overflow || total.partialValue > heap.maxHeapBytes { throw PyException(newException(exceptions.MemoryError, message: nil)) }
            return newStr(String(repeating: string(s), count: count))
        }
        let base = items(s)
        let total = base.count.multipliedReportingOverflow(by: count)
        if total.overflow || total.partialValue * 8 > heap.maxHeapBytes { throw PyException(newException(exceptions.MemoryError, message: nil)) }
        var out: [Ref] = []
        out.reserveCapacity(total.partialValue)
        for _ in 0..<count { out.append(contentsOf: base) }
        return s.typeID == L.list.id ? newList(out) : newTuple(out)
    }

    /// Truth value of built-in objects (nil for instances, which may define `__bool__`/`__len__`).
    public func builtinTruth(_ r: Ref) -> Bool? {
        let id = r.typeID
        if id == L.bool.id || id == L.int.id { return r.int(L.intval) != 0 }
        if id == L.none.id { return false }
        if id == L.str.id { return r.int(L.strCount) != 0 }
        if id == L.list.id { return r.int(L.listLength) != 0 }
        if id == L.tuple.id { return r.int(L.tupleLength) != 0 }
        if id == L.dict.id || id == L.set.id { return dictCount(r) != 0 }
        if id == L.float.id { return r.float(L.floatval) != 0 }
        if id == L.long.id { return true }
        if id == L.instance.id { return nil }
        if id == L.range.id { return rangeLength(r) != 0 }
        if id == L.iterator.id && iteratorKind(r).isView { return dictCount(r.ref(L.iterA)) != 0 }
        return true
    }

    /// `len()` of built-in containers (nil when the type has no length).
    public func builtinLength(_ r: Ref) -> Int? {
        let id = r.typeID
        if id == L.str.id { return r.int(L.strLength) }
        if id == L.list.id { return r.int(L.listLength) }
        if id == L.tuple.id { return r.int(L.tupleLength) }
        if id == L.dict.id || id == L.set.id { return dictCount(r) }
        if id == L.range.id { return rangeLength(r) }
        if id == L.iterator.id && iteratorKind(r).isView { return dictCount(r.ref(L.iterA)) }
        return nil
    }

    public func rangeLength(_ r: Ref) -> Int {
        let start = r.int(L.rangeStart), stop = r.int(L.rangeStop), step = r.int(L.rangeStep)
        if step > 0 { return stop > start ? (stop - start - 1) / step + 1 : 0 }
        return start > stop ? (start - stop - 1) / (-step) + 1 : 0
    }
}


#if canImport(Glibc)
import Glibc
#endif

extension CompareOp {
    /// The comparison with its operands exchanged (`a < b` is `b > a`).
    var swapped: CompareOp {
        switch self {
        case .lt: .gt
        case .le: .ge
        case .gt: .lt
        case .ge: .le
        case .eq, .ne: self
        }
    }

    @inline(__always) func apply<T: Comparable>(_ a: T, _ b: T) -> Bool {
        switch self {
        case .lt: a < b
        case .le: a <= b
        case .eq: a == b
        case .ne: a != b
        case .gt: a > b
        case .ge: a >= b
        }
    }
}
