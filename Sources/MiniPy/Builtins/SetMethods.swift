import Meta

/// Methods and operators of `set` (a hash table whose entries map each element to itself).
extension Runtime {
    func installSetMethods() {
        let set = types.set
        defineTypedMethod(set, "add") { rt, me, args throws(PyException) in
            try args.check("add", min: 1, max: 1, rt)
            try rt.setAdd(me, args[0])
            return rt.none
        }
        for (name, strict) in [("remove", true), ("discard", false)] {
            defineTypedMethod(set, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                if try rt.dictDelete(me, args[0]).isNull && strict { throw rt.keyError(args[0]) }
                return rt.none
            }
        }
        defineTypedMethod(set, "pop") { rt, me, args throws(PyException) in
            try args.check("pop", min: 0, max: 0, rt)
            var i = 0
            while i < rt.dictFilled(me) && rt.dictKey(me, at: i).isNull { i += 1 }
            guard i < rt.dictFilled(me) else { throw rt.keyError(rt.newStr("pop from an empty set")) }
            let k = rt.dictKey(me, at: i)
            try rt.dictDelete(me, k)
            return k
        }
        // copy and clear are shared with dict (DictMethods.swift): both use the same hash table storage.
        // union/intersection/difference/symmetric_difference take iterables; the *_update forms mutate.
        let operations: [(String, BinaryOp, Bool)] = [
            ("union", .or, false), ("intersection", .and, false), ("difference", .sub, false),
            ("symmetric_difference", .xor, false), ("update", .or, true), ("intersection_update", .and, true),
            ("difference_update", .sub, true), ("symmetric_difference_update", .xor, true),
        ]
        for (name, op, inPlace) in operations {
            defineTypedMethod(set, name) { rt, me, args throws(PyException) in
                try args.noKeywords(rt, "set.\(name)")
                if op == .xor { try args.check(name, min: 1, max: 1, rt) }
                let result = inPlace ? me : rt.dictCopy(me)
                try rt.rooting(result) { () throws(PyException) in
                    for other in args.positional {
                        if op == .or { try rt.setAddAll(result, other); continue }
                        let otherSet = other.typeID == rt.L.set.id ? other : try rt.newSetFrom(other)
                        let combined = try rt.rooting(otherSet) { () throws(PyException) in try rt.setOperation(op, result, otherSet) }
                        rt.replaceContents(result, with: combined)
                    }
                }
                return inPlace ? rt.none : result
            }
        }
        for (name, op) in [("issubset", CompareOp.le), ("issuperset", .ge)] {
            defineTypedMethod(set, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                let other = args[0].typeID == rt.L.set.id ? args[0] : try rt.newSetFrom(args[0])
                return rt.bool(try rt.rooting(other) { () throws(PyException) in try rt.setCompare(op, me, other) })
            }
        }
        defineTypedMethod(set, "isdisjoint") { rt, me, args throws(PyException) in
            try args.check("isdisjoint", min: 1, max: 1, rt)
            let other = args[0].typeID == rt.L.set.id ? args[0] : try rt.newSetFrom(args[0])
            return try rt.rooting(other) { () throws(PyException) in
                rt.bool(rt.dictCount(try rt.setOperation(.and, me, other)) == 0)
            }
        }
    }

    /// A new set of the items of an iterable.
    public func newSetFrom(_ iterable: Ref) throws(PyException) -> Ref {
        let s = newSet()
        try rooting(s) { () throws(PyException) in try setAddAll(s, iterable) }
        return s
    }

    /// Makes `target`'s table that of `source` (used by the in-place set methods).
    func replaceContents(_ target: Ref, with source: Ref) {
        if target == source { return }
        target.set(L.dictIndex, source.ref(L.dictIndex))
        target.set(L.dictEntries, source.ref(L.dictEntries))
        target.set(L.dictUsed, source.int(L.dictUsed))
        target.set(L.dictFilled, source.int(L.dictFilled))
    }

    /// `a | b`, `a & b`, `a - b`, `a ^ b` of two sets (both reachable by the caller); a new set.
    public func setOperation(_ op: BinaryOp, _ a: Ref, _ b: Ref) throws(PyException) -> Ref {
        if op == .or {
            let r = dictCopy(a)
            try rooting(r) { () throws(PyException) in try setAddAll(r, b) }
            return r
        }
        let r = newSet()
        try rooting(r) { () throws(PyException) in
            for (k, _) in dictItems(a) {
                let inB = try !dictGet(b, k).isNull
                if inB == (op == .and) { try setAdd(r, k) }
            }
            if op == .xor {
                for (k, _) in dictItems(b) where try dictGet(a, k).isNull { try setAdd(r, k) }
            }
        }
        return r
    }

    /// Subset/superset comparisons of two sets (`<=`, `<`, `>=`, `>`; `==`/`!=` by content).
    public func setCompare(_ op: CompareOp, _ a: Ref, _ b: Ref) throws(PyException) -> Bool {
        func isSubset(_ x: Ref, _ y: Ref) throws(PyException) -> Bool {
            if dictCount(x) > dictCount(y) { return false }
            for (k, _) in dictItems(x) where try dictGet(y, k).isNull { return false }
            return true
        }
        switch op {
        case .le: return try isSubset(a, b)
        case .lt: return dictCount(a) < dictCount(b) ? try isSubset(a, b) : false
        case .ge: return try isSubset(b, a)
        case .gt: return dictCount(a) > dictCount(b) ? try isSubset(b, a) : false
        case .eq: return dictCount(a) == dictCount(b) ? try isSubset(a, b) : false
        case .ne: return dictCount(a) == dictCount(b) ? try !isSubset(a, b) : true
        }
    }

    /// The set an operand of a set operator stands for: a set itself, or a snapshot of a keys/items view.
    func setOperand(_ x: Ref) throws(PyException) -> Ref? {
        if x.typeID == L.set.id { return x }
        if x.typeID == L.iterator.id, iteratorKind(x) == .keysView || iteratorKind(x) == .itemsView { return try newSetFrom(x) }
        return nil
    }
}
