import Meta

/// Methods of `list` and `tuple`.
extension Runtime {
    func installListMethods() {
        let list = types.list, tuple = types.tuple
        defineTypedMethod(list, "append") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "list.append")
            try args.check("append", min: 1, max: 1, rt)
            rt.listAppend(me, args[0])
            return rt.none
        }
        defineTypedMethod(list, "extend") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "list.extend")
            try args.check("extend", min: 1, max: 1, rt)
            try rt.listExtend(me, args[0])
            return rt.none
        }
        defineTypedMethod(list, "insert") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "list.insert")
            try args.check("insert", min: 2, max: 2, rt)
            let n = rt.listLength(me)
            var i = try rt.indexArgument(args[0])
            if i < 0 { i = max(i + n, 0) } else if i > n { i = n }
            rt.listInsert(me, i, args[1])
            return rt.none
        }
        defineTypedMethod(list, "pop") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "list.pop")
            try args.check("pop", min: 0, max: 1, rt)
            let n = rt.listLength(me)
            if n == 0 { throw rt.indexError("pop from empty list") }
            let i = args.count == 1 ? try rt.indexArgument(args[0]) : -1
            guard let j = rt.normalizeIndex(i, n) else { throw rt.indexError("pop index out of range") }
            return rt.listRemove(at: j, from: me)
        }
        defineTypedMethod(list, "remove") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "list.remove")
            try args.check("remove", min: 1, max: 1, rt)
            guard let i = try rt.findItem(me, args[0], 0, Int.max) else { throw rt.valueError("list.remove(x): x not in list") }
            rt.listRemove(at: i, from: me)
            return rt.none
        }
        defineTypedMethod(list, "reverse") { rt, me, args throws(PyException) in
            try args.check("reverse", min: 0, max: 0, rt)
            var buffer = rt.sequenceItems(me)
            buffer.reverse()
            return rt.none
        }
        defineTypedMethod(list, "copy") { rt, me, args throws(PyException) in
            try args.check("copy", min: 0, max: 0, rt)
            return rt.newList(rt.items(me))
        }
        defineTypedMethod(list, "clear") { rt, me, args throws(PyException) in
            try args.check("clear", min: 0, max: 0, rt)
            rt.listSetItems(me, [])
            return rt.none
        }
        defineTypedMethod(list, "sort") { rt, me, args throws(PyException) in
            if args.count > 0 { throw rt.typeError("sort() takes no positional arguments") }
            let (key, reverse) = try rt.sortOptions(args, "sort")
            try rt.sortList(me, key: key, reverse: reverse)
            return rt.none
        }
        for (type, what) in [(list, "list"), (tuple, "tuple")] {
            defineTypedMethod(type, "index") { rt, me, args throws(PyException) in
                try args.noKeywords(rt, "\(what).index")
                try args.check("index", min: 1, max: 3, rt)
                let (start, end) = try rt.searchBounds(args, 1, count: rt.sequenceItems(me).count)
                guard let i = try rt.findItem(me, args[0], start, end) else {
                    if what == "tuple" { throw rt.valueError("tuple.index(x): x not in tuple") }
                    throw rt.valueError("\(try rt.repr(args[0])) is not in list")
                }
                return rt.newInt(i)
            }
            defineTypedMethod(type, "count") { rt, me, args throws(PyException) in
                try args.noKeywords(rt, "\(what).count")
                try args.check("count", min: 1, max: 1, rt)
                var n = 0, i = 0
                while i < rt.sequenceItems(me).count {
                    let x = rt.sequenceItems(me)[i]
                    if x == args[0] { n += 1 } else if try rt.equals(x, args[0]) { n += 1 }
                    i += 1
                }
                return rt.newInt(n)
            }
        }
    }

    /// The first position in `start..<end` of a list or tuple holding an item equal to `x`.
    func findItem(_ seq: Ref, _ x: Ref, _ start: Int, _ end: Int) throws(PyException) -> Int? {
        var i = start
        while i < min(end, sequenceItems(seq).count) {
            let item = sequenceItems(seq)[i]
            if item == x { return i }
            if try equals(item, x) { return i }
            i += 1
        }
        return nil
    }

    /// Optional `start`, `end` arguments at `args[first]`, `args[first + 1]` clamped like slice bounds
    /// (None means the default).
    func searchBounds(_ args: Arguments, _ first: Int, count: Int) throws(PyException) -> (Int, Int) {
        func bound(_ i: Int, _ dflt: Int) throws(PyException) -> Int {
            guard i < args.count, args[i] != none else { return dflt }
            let v = try indexArgument(args[i])
            return v < 0 ? max(v + count, 0) : min(v, count)
        }
        return (try bound(first, 0), try bound(first + 1, count))
    }
}
