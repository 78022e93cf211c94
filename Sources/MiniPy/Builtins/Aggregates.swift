import Meta

/// Built-ins that consume a whole iterable: min, max, sum, any, all, sorted — and the stable merge sort that
/// `sorted` and `list.sort` share.
extension Runtime {
    func installAggregateFunctions(_ d: Ref) {
        defineFunction(in: d, "min") { rt, _, args throws(PyException) in try rt.minMax(args, "min", .lt) }
        defineFunction(in: d, "max") { rt, _, args throws(PyException) in try rt.minMax(args, "max", .gt) }
        defineFunction(in: d, "sum") { rt, _, args throws(PyException) in
            let slots = try args.bind(rt, "sum", ["iterable", "start"], required: 1)
            let start = slots[1] ?? rt.newInt(0)
            if start.typeID == rt.L.str.id { throw rt.typeError("sum() can't sum strings [use ''.join(seq) instead]") }
            // The running total sits in a root slot: __add__ of instances may collect.
            let slot = rt.tempRoots.count
            rt.tempRoots.append(start)
            defer { rt.tempRoots.removeLast() }
            try rt.forEach(slots[0]!) { x throws(PyException) in
                rt.tempRoots[slot] = try rt.binaryOp(.add, rt.tempRoots[slot], x)
            }
            return rt.tempRoots[slot]
        }
        defineFunction(in: d, "any") { rt, _, args throws(PyException) in
            try args.check("any", min: 1, max: 1, rt)
            return rt.bool(try rt.firstItem(in: args[0], truthIs: true))
        }
        defineFunction(in: d, "all") { rt, _, args throws(PyException) in
            try args.check("all", min: 1, max: 1, rt)
            return rt.bool(try !rt.firstItem(in: args[0], truthIs: false))
        }
        defineFunction(in: d, "sorted") { rt, _, args throws(PyException) in
            guard args.count == 1 else { throw rt.typeError("sorted expected 1 argument, got \(args.count)") }
            let (key, reverse) = try rt.sortOptions(args, "sorted")
            let list = try rt.newListFrom(args[0])
            try rt.rooting(list) { () throws(PyException) in try rt.sortList(list, key: key, reverse: reverse) }
            return list
        }
    }

    /// Whether some item of `iterable` has truth value `truthIs` (stops at the first).
    private func firstItem(in iterable: Ref, truthIs: Bool) throws(PyException) -> Bool {
        let it = try getIter(iterable)
        return try rooting(iterable, it) { () throws(PyException) in
            while true {
                let x = try next(it)
                if x.isNull { return false }
                if try isTrue(x) == truthIs { return true }
            }
        }
    }

    /// `min`/`max`: one iterable (with `default=`) or several arguments; `key=`; the first extreme item wins.
    private func minMax(_ args: Arguments, _ name: String, _ op: CompareOp) throws(PyException) -> Ref {
        var key: Ref = .null, dflt: Ref = .null
        for (i, k) in args.keywordList(self).enumerated() {
            switch k {
            case "key": key = args.keywordValues[i] == none ? .null : args.keywordValues[i]
            case "default": dflt = args.keywordValues[i]
            default: throw typeError("\(name)() got an unexpected keyword argument '\(k)'")
            }
        }
        if args.count == 0 { throw typeError("\(name) expected at least 1 argument, got 0") }
        if args.count > 1 && !dflt.isNull {
            throw typeError("Cannot specify a default for \(name)() with multiple positional arguments")
        }
        let source = args.count == 1 ? args[0] : newTuple(Array(args.positional))
        // Root slots: the source, the best item and its key.
        let base = tempRoots.count
        tempRoots.append(contentsOf: [source, Ref.null, Ref.null])
        defer { tempRoots.removeSubrange(base...) }
        try forEach(source) { x throws(PyException) in
            let k = key.isNull ? x : try rooting(x) { () throws(PyException) in try call(key, [x]) }
            if tempRoots[base + 1].isNull {
                tempRoots[base + 1] = x; tempRoots[base + 2] = k
                return
            }
            let better = try rooting(x, k) { () throws(PyException) in try isTrue(compare(op, k, tempRoots[base + 2])) }
            if better { tempRoots[base + 1] = x; tempRoots[base + 2] = k }
        }
        if tempRoots[base + 1].isNull {
            if !dflt.isNull { return dflt }
            throw valueError("\(name)() arg is an empty sequence")
        }
        return tempRoots[base + 1]
    }

    /// The `key=` and `reverse=` keyword arguments of `sorted` and `list.sort`.
    func sortOptions(_ args: Arguments, _ name: String) throws(PyException) -> (key: Ref, reverse: Bool) {
        var key: Ref = .null
        var reverse = false
        for (i, k) in args.keywordList(self).enumerated() {
            let v = args.keywordValues[i]
            switch k {
            case "key": key = v == none ? .null : v
            case "reverse":
                guard isInt(v) || v.typeID == L.float.id else { throw typeError("'\(typeName(v))' object cannot be interpreted as an integer") }
                reverse = try isTrue(v)
            default: throw typeError("'\(k)' is an invalid keyword argument for \(name)()")
            }
        }
        return (key, reverse)
    }

    /// Sorts `list` in place, stably, comparing keys with `<` (guest `__lt__` included). The items and keys
    /// are kept in guest containers during the sort, so guest comparisons may collect.
    public func sortList(_ list: Ref, key: Ref, reverse: Bool) throws(PyException) {
        let n = listLength(list)
        if n < 2 { return }
        let snapshot = newTuple(items(list))
        try rooting(snapshot) { () throws(PyException) in
            var keys = snapshot
            if !key.isNull {
                keys = newList(capacity: n)
                try rooting(keys) { () throws(PyException) in
                    for i in 0..<n { listAppend(keys, try call(key, [sequenceItems(snapshot)[i]])) }
                }
            }
            try rooting(keys) { () throws(PyException) in
                var order = Array(0..<n)
                try mergeSort(&order) { i, j throws(PyException) in
                    let k = self.sequenceItems(keys)
                    return reverse ? try self.lessThan(k[j], k[i]) : try self.lessThan(k[i], k[j])
                }
                let sorted = order.map { sequenceItems(snapshot)[$0] }
                listSetItems(list, sorted)
            }
        }
    }

    /// `a < b` as sorting sees it, with fast paths for ints and strings.
    @inline(__always) func lessThan(_ a: Ref, _ b: Ref) throws(PyException) -> Bool {
        if let x = smallInt(a), let y = smallInt(b) { return x < y }
        if a.typeID == L.str.id && b.typeID == L.str.id { return strCompare(a, b) < 0 }
        if a.typeID == L.float.id && b.typeID == L.float.id { return a.float(L.floatval) < b.float(L.floatval) }
        return try isTrue(compare(.lt, a, b))
    }
}

/// A stable merge sort whose comparison may throw (insertion sort for short runs, then bottom-up merges).
/// `less(a, b)` is true when `a` must come before `b`; equal elements keep their order.
func mergeSort<T>(_ a: inout [T], _ less: (T, T) throws(PyException) -> Bool) throws(PyException) {
    let n = a.count
    let run = 16
    var start = 0
    while start < n {
        let end = min(start + run, n)
        var i = start + 1
        while i < end {
            let x = a[i]
            var j = i
            while j > start, try less(x, a[j - 1]) {
                a[j] = a[j - 1]
                j -= 1
            }
            a[j] = x
            i += 1
        }
        start = end
    }
    var width = run
    var buffer = a
    while width < n {
        var lo = 0
        while lo < n {
            let mid = min(lo + width, n), hi = min(lo + 2 * width, n)
            var i = lo, j = mid, k = lo
            while i < mid && j < hi {
                // Take from the right run only when strictly smaller: that keeps the sort stable.
                if try less(a[j], a[i]) { buffer[k] = a[j]; j += 1 } else { buffer[k] = a[i]; i += 1 }
                k += 1
            }
            while i < mid { buffer[k] = a[i]; i += 1; k += 1 }
            while j < hi { buffer[k] = a[j]; j += 1; k += 1 }
            lo = hi
        }
        swap(&a, &buffer)
        width *= 2
    }
}
