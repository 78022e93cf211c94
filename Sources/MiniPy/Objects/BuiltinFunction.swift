import Meta

/// The arguments of a call to a built-in, read straight from the caller's value stack (no copying): positional
/// values, then keyword values named by `keywordNames` (a tuple of str, or null).
public struct Arguments {
    public let positional: UnsafeBufferPointer<Ref>
    public let keywordNames: Ref
    public let keywordValues: UnsafeBufferPointer<Ref>

    public init(positional: UnsafeBufferPointer<Ref>, keywordNames: Ref = .null, keywordValues: UnsafeBufferPointer<Ref> = .init(start: nil, count: 0)) {
        self.positional = positional
        self.keywordNames = keywordNames
        self.keywordValues = keywordValues
    }

    @inline(__always) public var count: Int { positional.count }
    @inline(__always) public subscript(i: Int) -> Ref { positional[i] }
    public var hasKeywords: Bool { !keywordValues.isEmpty }

    /// The keyword argument called `name`, if given.
    public func keyword(_ name: String, _ rt: Runtime) -> Ref? {
        guard !keywordNames.isNull else { return nil }
        let names = rt.sequenceItems(keywordNames)
        for (i, n) in names.enumerated() where rt.string(n) == name { return keywordValues[i] }
        return nil
    }

    /// The keyword names given, as Swift strings.
    public func keywordList(_ rt: Runtime) -> [String] {
        keywordNames.isNull ? [] : rt.sequenceItems(keywordNames).map { rt.string($0) }
    }

    /// Checks the positional count and that only `allowedKeywords` are given, with CPython's messages.
    public func check(_ name: String, min: Int, max: Int, allowedKeywords: [String] = [], _ rt: Runtime) throws(PyException) {
        for k in keywordList(rt) where !allowedKeywords.contains(k) {
            throw rt.typeError("\(name)() got an unexpected keyword argument '\(k)'")
        }
        if count < min || count > max {
            if min == max {
                if min == 0 { throw rt.typeError("\(name)() takes no arguments (\(count) given)") }
                if min == 1 { throw rt.typeError("\(name)() takes exactly one argument (\(count) given)") }
                throw rt.typeError("\(name) expected \(min) arguments, got \(count)")
            }
            if count < min { throw rt.typeError("\(name) expected at least \(min) argument\(min == 1 ? "" : "s"), got \(count)") }
            throw rt.typeError("\(name) expected at most \(max) argument\(max == 1 ? "" : "s"), got \(count)")
        }
    }
}

/// The Swift body of a built-in function or method. `selfValue` is the receiver for methods (null for plain
/// functions).
public typealias BuiltinBody = (_ rt: Runtime, _ selfValue: Ref, _ args: Arguments) throws(PyException) -> Ref

extension Runtime {
    /// A new built-in function object running `body`.
    public func newBuiltin(_ name: String, _ body: @escaping BuiltinBody) -> Ref {
        let b = alloc(L.builtin)
        b.set(L.builtinIndex, builtinBodies.count)
        b.set(L.builtinName, intern(name))
        builtinBodies.append(body)
        return b
    }

    /// The same built-in bound to `selfValue`.
    public func bindBuiltin(_ builtin: Ref, _ selfValue: Ref) -> Ref {
        let b = alloc(L.builtin)
        b.set(L.builtinIndex, builtin.int(L.builtinIndex))
        b.set(L.builtinName, builtin.ref(L.builtinName))
        b.set(L.builtinSelf, selfValue)
        return b
    }

    /// Defines a method of a built-in type (found by attribute lookup and LOAD_METHOD like any method).
    public func defineMethod(_ type: Ref, _ name: String, _ body: @escaping BuiltinBody) {
        dictSetStr(type.ref(L.typeDict), intern(name), newBuiltin(name, body))
        classesChanged()
    }

    /// Defines a function in a module's (or the builtins') dict.
    public func defineFunction(in dict: Ref, _ name: String, _ body: @escaping BuiltinBody) {
        dictSetStr(dict, intern(name), newBuiltin(name, body))
    }

    /// Calls a built-in with arguments already on the value stack.
    @inline(__always) public func callBuiltin(_ b: Ref, selfValue: Ref, _ args: Arguments) throws(PyException) -> Ref {
        try builtinBodies[b.int(L.builtinIndex)](self, selfValue, args)
    }
}
