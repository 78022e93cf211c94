import Meta
import BigInt

/// The semantics of the built-in types' operators: numbers, sequences, mappings. Each function answers for the
/// built-in types it knows and returns nil ("not handled") otherwise, so that `Operations` can fall back to the
/// guest's dunder methods.
extension Runtime {
    /// `a op b` for numbers (int, bool, float, big ints).
    public func numberBinary(_ op: BinaryOp, _ a: Ref, _ b: Ref) throws(PyException) -> Ref? {
        if let x = smallInt(a), let y = smallInt(b) {
            switch op {
            case .add: if case (let r, false) = x.addingReportingOverflow(y) { return newInt(r) }
            case .sub: if case (let r, false) = x.subtractingReportingOverflow(y) { return newInt(r) }
            case .mul: if case (let r, false) = x.multipliedReportingOverflow(by: y) { return newInt(r) }
            case .and: return newInt(x & y)
            case .or: return newInt(x | y)
            case .xor: return newInt(x ^ y)
            default: break
            }
        }
        if isInt(a) && isInt(b) {
            let x = bigValue(a), y = bigValue(b)
            switch op {
            case .add: return newInt(x + y)
            case .sub: return newInt(x - y)
            case .mul: return newInt(x * y)
            case .floorDiv, .mod:
                if y == 0 { throw zeroDivisionError(op == .mod ? "integer modulo by zero" : "integer division or modulo by zero") }
                var (q, r) = x.quotientAndRemainder(dividingBy: y)
                if r != 0 && ((r < 0) != (y < 0)) { q -= 1; r += y }
                return newInt(op == .mod ? r : q)
            case .trueDiv:
                if y == 0 { throw zeroDivisionError("division by zero") }
                return newFloat(Double(x) / Double(y))
            case .pow:
                if y < 0 { return newFloat(Foundation_pow(Double(x), Double(y))) }
                return newInt(x.power(Int(y)))
            case .lshift: return newInt(x << Int(y))
            case .rshift: return newInt(x >> Int(y))
            case .and: return newInt(x & y)
            case .or: return newInt(x | y)
            case .xor: return newInt(x ^ y)
            }
        }
        guard let x = floatValue(a), let y = floatValue(b) else { return nil }
        switch op {
        case .add: return newFloat(x + y)
        case .sub: return newFloat(x - y)
        case .mul: return newFloat(x * y)
        case .trueDiv:
            if y == 0 { throw zeroDivisionError("float division by zero") }
            return newFloat(x / y)
        case .floorDiv, .mod:
            if y == 0 { throw zeroDivisionError(op == .mod ? "float modulo" : "float floor division by zero") }
            var m = x.truncatingRemainder(dividingBy: y)
            if m != 0 && ((m < 0) != (y < 0)) { m += y }
            return newFloat(op == .mod ? m : ((x - m) / y).rounded())
        case .pow: return newFloat(Foundation_pow(x, y))
        default: return nil
        }
    }

    /// The value of an int, bool or float as a Double (nil for other types).
    public func floatValue(_ r: Ref) -> Double? {
        let id = r.typeID
        if id == L.float.id { return r.float(L.floatval) }
        if id == L.int.id || id == L.bool.id { return Double(r.int(L.intval)) }
        if id == L.long.id { return Double(bigValue(r)) }
        return nil
    }

    /// `a op b` comparisons between numbers (nil if either is not a number).
    public func numberCompare(_ op: CompareOp, _ a: Ref, _ b: Ref) -> Bool? {
        if let x = smallInt(a), let y = smallInt(b) { return op.apply(x, y) }
        if isInt(a) && isInt(b) { return op.apply(bigValue(a), bigValue(b)) }
        guard let x = floatValue(a), let y = floatValue(b) else { return nil }
        return op.apply(x, y)
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

@inline(__always) func Foundation_pow(_ x: Double, _ y: Double) -> Double {
    #if canImport(Glibc)
    return Glibc.pow(x, y)
    #endif
}

#if canImport(Glibc)
import Glibc
#endif

extension CompareOp {
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
