import Meta
import BigInt

/// A binary operator (the `BINARY_*`/`INPLACE_*` family), with its dunder names.
public enum BinaryOp: Int, Sendable {
    case add, sub, mul, trueDiv, floorDiv, mod, pow, lshift, rshift, and, or, xor

    public var symbol: String {
        ["+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^"][rawValue]
    }
    var dunder: String { ["add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "lshift", "rshift", "and", "or", "xor"][rawValue] }
}

/// A unary operator.
public enum UnaryOp: Sendable {
    case negative, positive, invert
    var dunder: String {
        switch self { case .negative: "__neg__"; case .positive: "__pos__"; case .invert: "__invert__" }
    }
    var symbol: String {
        switch self { case .negative: "-"; case .positive: "+"; case .invert: "~" }
    }
}

/// The object protocol: what `a + b`, `a == b`, `a[i]`, `a.x`, `iter(a)`, `str(a)` mean for any guest object.
/// Built-in types answer first (BuiltinOps); instances of user classes answer through their dunder methods.
extension Runtime {
    /// The method `name` of `x`'s type if `x` is an instance of a user class (null otherwise or if absent).
    @inline(__always) func userMethod(_ x: Ref, _ name: Ref) -> Ref {
        guard x.typeID == L.instance.id else { return .null }
        return lookupInType(instanceClass(x), name)
    }

    /// `userMethod` by a name given as text (for the rarely used dunders).
    @inline(__always) func userMethod(_ x: Ref, _ name: String) -> Ref {
        guard x.typeID == L.instance.id else { return .null }
        return lookupInType(instanceClass(x), intern(name))
    }

    /// Calls a method found on a type with `self` bound.
    func callMethod(_ method: Ref, _ selfValue: Ref, _ args: [Ref]) throws(PyException) -> Ref {
        try call(method, [selfValue] + args)
    }

    // MARK: truth, equality, hashing

    public func isTrue(_ x: Ref) throws(PyException) -> Bool {
        if let b = builtinTruth(x) { return b }
        let m = userMethod(x, names.__bool__)
        if !m.isNull {
            let r = try callMethod(m, x, [])
            guard r.typeID == L.bool.id else { throw typeError("__bool__ should return bool, returned \(typeName(r))") }
            return r == trueObject
        }
        let len = userMethod(x, names.__len__)
        if !len.isNull { return try lengthOf(x) != 0 }
        return true
    }

    public func equals(_ a: Ref, _ b: Ref) throws(PyException) -> Bool {
        if a == b && a.typeID != L.float.id { return true }
        return try isTrue(compare(.eq, a, b))
    }

    public func hashOf(_ x: Ref) throws(PyException) -> Int {
        let id = x.typeID
        if id == L.str.id { return strHash(x) }
        if id == L.int.id || id == L.bool.id { return pyHashInt(x.int(L.intval)) }
        if id == L.long.id || id == L.float.id { return try builtinHash(x) }
        if id == L.tuple.id {
            var h: UInt = 0x345678
            for item in sequenceItems(x) { h = (h ^ UInt(bitPattern: try hashOf(item))) &* 1000003 }
            let v = Int(bitPattern: h)
            return v == -1 ? -2 : v
        }
        if id == L.list.id || id == L.dict.id || id == L.set.id {
            throw typeError("unhashable type: '\(typeName(x))'")
        }
        if id == L.instance.id {
            let m = userMethod(x, names.__hash__)
            if !m.isNull {
                if m == none { throw typeError("unhashable type: '\(typeName(x))'") }
                let r = try callMethod(m, x, [])
                guard isInt(r) else { throw typeError("__hash__ method should return an integer") }
                return smallInt(r).map { pyHashInt($0) } ?? pyHashInt(bigValue(r))
            }
            if !userMethod(x, names.__eq__).isNull { throw typeError("unhashable type: '\(typeName(x))'") }
        }
        return Int(bitPattern: x.bits >> 4)
    }

    // MARK: repr and str

    public func repr(_ x: Ref) throws(PyException) -> String {
        if x.typeID == L.instance.id || x.typeID == L.type.id {
            let m = userMethod(x, names.__repr__)
            if !m.isNull { return try stringResult(callMethod(m, x, []), "__repr__") }
            return try instanceRepr(x)
        }
        return try builtinRepr(x)
    }

    public func str(_ x: Ref) throws(PyException) -> String {
        if x.typeID == L.str.id { return string(x) }
        if x.typeID == L.type.id { return try repr(x) }
        if x.typeID == L.instance.id {
            let m = userMethod(x, names.__str__)
            if !m.isNull { return try stringResult(callMethod(m, x, []), "__str__") }
            if isInstance(x, exceptions.BaseException) { return try exceptionStr(x) }
            return try repr(x)
        }
        return try builtinStr(x)
    }

    private func stringResult(_ r: Ref, _ method: String) throws(PyException) -> String {
        guard r.typeID == L.str.id else { throw typeError("\(method) returned non-string (type \(typeName(r)))") }
        return string(r)
    }

    /// `str(exc)`: its single argument's str, the tuple of its arguments, or ''.
    func exceptionStr(_ e: Ref) throws(PyException) -> String {
        let args = exceptionArgs(e)
        let items = sequenceItems(args)
        if items.isEmpty { return "" }
        if items.count == 1 {
            if isInstance(e, exceptions.KeyError) { return try repr(items[0]) }
            return try str(items[0])
        }
        return try repr(args)
    }

    public func exceptionArgs(_ e: Ref) -> Ref {
        let a = ownAttribute(e, names.args)
        return a.isNull ? emptyTuple : a
    }

    private func instanceRepr(_ x: Ref) throws(PyException) -> String {
        if x.typeID == L.type.id {
            let module = string(x.ref(L.typeModule))
            let name = nameOfType(x)
            return module == "builtins" ? "<class '\(name)'>" : "<class '\(module).\(name)'>"
        }
        if isInstance(x, exceptions.BaseException) {
            let args = exceptionArgs(x)
            let n = sequenceItems(args).count
            let inner = n == 1 ? try repr(sequenceItems(args)[0]) : String(try repr(args).dropFirst().dropLast())
            return "\(typeName(x))(\(n == 0 ? "" : inner))"
        }
        let t = typeOf(x)
        let module = string(t.ref(L.typeModule))
        return "<\(module).\(nameOfType(t)) object at 0x\(String(x.bits, radix: 16))>"
    }

    // MARK: operators

    public func binaryOp(_ op: BinaryOp, _ a: Ref, _ b: Ref, inplace: Bool = false) throws(PyException) -> Ref {
        if let r = try numberBinary(op, a, b) { return r }
        if inplace && op == .add && a.typeID == L.list.id {
            try listExtend(a, b)
            return a
        }
        if op == .mod && a.typeID == L.str.id { return try percentFormat(a, b) }
        if let r = try sequenceBinary(op, a, b) { return r }
        if inplace {
            let m = userMethod(a, names.inplace[op.rawValue])
            if !m.isNull {
                let r = try callMethod(m, a, [b])
                if r != notImplemented { return r }
            }
        }
        let m = userMethod(a, names.binary[op.rawValue])
        if !m.isNull {
            let r = try callMethod(m, a, [b])
            if r != notImplemented { return r }
        }
        let rm = userMethod(b, names.reflected[op.rawValue])
        if !rm.isNull {
            let r = try callMethod(rm, b, [a])
            if r != notImplemented { return r }
        }
        if op == .add, let kind = [L.str.id: "str", L.list.id: "list", L.tuple.id: "tuple"][a.typeID] {
            throw typeError("can only concatenate \(kind) (not \"\(typeName(b))\") to \(kind)")
        }
        let symbol = inplace ? op.symbol + "=" : op.symbol
        throw typeError("unsupported operand type(s) for \(symbol): '\(typeName(a))' and '\(typeName(b))'")
    }

    public func unaryOp(_ op: UnaryOp, _ a: Ref) throws(PyException) -> Ref {
        if let r = try numberUnary(op, a) { return r }
        let m = userMethod(a, op.dunder)
        if !m.isNull { return try callMethod(m, a, []) }
        throw typeError("bad operand type for unary \(op.symbol): '\(typeName(a))'")
    }

    /// Rich comparison; returns a guest object (usually a bool).
    public func compare(_ op: CompareOp, _ a: Ref, _ b: Ref) throws(PyException) -> Ref {
        if let r = numberCompare(op, a, b) { return bool(r) }
        if let r = try sequenceCompare(op, a, b) { return bool(r) }
        let forward = names.compare[Int(op.rawValue)], reflected = names.compareReflected[Int(op.rawValue)]
        let m = userMethod(a, forward)
        if !m.isNull {
            let r = try callMethod(m, a, [b])
            if r != notImplemented { return r }
        }
        let rm = userMethod(b, reflected)
        if !rm.isNull {
            let r = try callMethod(rm, b, [a])
            if r != notImplemented { return r }
        }
        switch op {
        case .eq: return bool(a == b)
        case .ne:
            if !userMethod(a, names.__eq__).isNull { return bool(!(try isTrue(compare(.eq, a, b)))) }
            return bool(a != b)
        default:
            throw typeError("'\(op.symbol)' not supported between instances of '\(typeName(a))' and '\(typeName(b))'")
        }
    }

    /// `item in container`.
    public func contains(_ container: Ref, _ item: Ref) throws(PyException) -> Bool {
        if let r = try builtinContains(container, item) { return r }
        let m = userMethod(container, names.__contains__)
        if !m.isNull { return try isTrue(callMethod(m, container, [item])) }
        if !userMethod(container, names.__iter__).isNull || !userMethod(container, names.__getitem__).isNull {
            let it = try getIter(container)
            tempRoots.append(it)
            defer { tempRoots.removeLast() }
            while true {
                let x = try next(it)
                if x.isNull { return false }
                if try equals(x, item) { return true }
            }
        }
        throw typeError("argument of type '\(typeName(container))' is not iterable")
    }

    public func lengthOf(_ x: Ref) throws(PyException) -> Int {
        if let n = builtinLength(x) { return n }
        let m = userMethod(x, names.__len__)
        if !m.isNull {
            let r = try callMethod(m, x, [])
            guard let n = smallInt(r) else { throw typeError("'\(typeName(r))' object cannot be interpreted as an integer") }
            if n < 0 { throw valueError("__len__() should return >= 0") }
            return n
        }
        throw typeError("object of type '\(typeName(x))' has no len()")
    }

    // MARK: subscripts

    public func getItem(_ o: Ref, _ key: Ref) throws(PyException) -> Ref {
        if let r = try builtinGetItem(o, key) { return r }
        let m = userMethod(o, names.__getitem__)
        if !m.isNull { return try callMethod(m, o, [key]) }
        if o.typeID == L.type.id, o == types.list || o == types.dict || o == types.tuple || o == types.set || o == types.type {
            return o  // `list[int]` in annotations that are evaluated
        }
        throw typeError("'\(typeName(o))' object is not subscriptable")
    }

    public func setItem(_ o: Ref, _ key: Ref, _ value: Ref) throws(PyException) {
        if try builtinSetItem(o, key, value) { return }
        let m = userMethod(o, names.__setitem__)
        if !m.isNull { _ = try callMethod(m, o, [key, value]); return }
        throw typeError("'\(typeName(o))' object does not support item assignment")
    }

    public func delItem(_ o: Ref, _ key: Ref) throws(PyException) {
        if try builtinDelItem(o, key) { return }
        let m = userMethod(o, names.__delitem__)
        if !m.isNull { _ = try callMethod(m, o, [key]); return }
        throw typeError("'\(typeName(o))' object does not support item deletion")
    }

    // MARK: iteration

    /// `iter(x)`.
    public func getIter(_ x: Ref) throws(PyException) -> Ref {
        if let it = try builtinIter(x) { return it }
        let m = userMethod(x, names.__iter__)
        if !m.isNull { return try callMethod(m, x, []) }
        if !userMethod(x, names.__getitem__).isNull { return newIterator(.getitem, a: x) }
        throw typeError("'\(typeName(x))' object is not iterable")
    }

    /// The next item of an iterator, or null when it is exhausted.
    public func next(_ it: Ref) throws(PyException) -> Ref {
        if it.typeID == L.iterator.id { return try builtinNext(it) }
        let m = userMethod(it, names.__next__)
        guard !m.isNull else { throw typeError("'\(typeName(it))' object is not an iterator") }
        do {
            return try callMethod(m, it, [])
        } catch {
            if isInstance(error.value, exceptions.StopIteration) { return .null }
            throw error
        }
    }

    /// Calls `body` for each item of an iterable (the iterable and iterator are kept alive across collections).
    public func forEach(_ iterable: Ref, _ body: (Ref) throws(PyException) -> Void) throws(PyException) {
        if iterable.typeID == L.list.id || iterable.typeID == L.tuple.id {
            var i = 0
            while i < sequenceItems(iterable).count {
                try body(sequenceItems(iterable)[i])
                i += 1
            }
            return
        }
        let it = try getIter(iterable)
        tempRoots.append(iterable)
        tempRoots.append(it)
        defer { tempRoots.removeLast(2) }
        while true {
            let x = try next(it)
            if x.isNull { return }
            try body(x)
        }
    }

    /// The items of any iterable as a Swift array. The array is not a GC root: use it before the next safepoint
    /// (or keep the items in a guest object).
    public func collect(_ iterable: Ref) throws(PyException) -> [Ref] {
        if iterable.typeID == L.list.id || iterable.typeID == L.tuple.id { return items(iterable) }
        let l = newList()
        tempRoots.append(l)
        defer { tempRoots.removeLast() }
        try forEach(iterable) { listAppend(l, $0) }
        return items(l)
    }

    /// `list.extend` / `+=` on a list.
    public func listExtend(_ l: Ref, _ iterable: Ref) throws(PyException) {
        if iterable.typeID == L.list.id || iterable.typeID == L.tuple.id {
            let src = items(iterable)
            listReserve(l, listLength(l) + src.count)
            for x in src { listAppend(l, x) }
            return
        }
        let xs = try collect(iterable)
        for x in xs { listAppend(l, x) }
    }
}
