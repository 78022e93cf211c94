import Testing
import Meta
@testable import MiniPy

/// A runtime with the built-ins installed and helpers to call them from Swift, as the interpreter would.
final class Py {
    let rt: Runtime
    var output = ""

    init() {
        rt = Runtime(maxHeapBytes: 256 << 20)
        rt.installBuiltins()
        rt.stdout.capture = { [unowned self] in self.output += $0 }
    }

    // Guest values from Swift values.
    func v(_ i: Int) -> Ref { rt.newInt(i) }
    func v(_ d: Double) -> Ref { rt.newFloat(d) }
    func v(_ s: String) -> Ref { rt.newStr(s) }
    func v(_ b: Bool) -> Ref { rt.bool(b) }
    func list(_ items: [Ref]) -> Ref { rt.newList(items) }
    func tuple(_ items: [Ref]) -> Ref { rt.newTuple(items) }
    var none: Ref { rt.none }

    private func invoke(_ f: Ref, _ selfValue: Ref, _ args: [Ref], _ kw: [(String, Ref)]) throws(PyException) -> Ref {
        let all = args + kw.map(\.1)
        let names = kw.isEmpty ? Ref.null : rt.newTuple(kw.map { rt.intern($0.0) })
        return try all.withUnsafeBufferPointer { buf throws(PyException) in
            try rt.callBuiltin(f, selfValue: selfValue,
                               Arguments(positional: UnsafeBufferPointer(rebasing: buf[0..<args.count]), keywordNames: names,
                                         keywordValues: UnsafeBufferPointer(rebasing: buf[args.count...])))
        }
    }

    /// Calls the built-in function `name`.
    func call(_ name: String, _ args: Ref..., kw: [(String, Ref)] = []) throws(PyException) -> Ref {
        let f = rt.dictGetStr(rt.builtinsDict, rt.intern(name))
        precondition(!f.isNull, "no builtin \(name)")
        if f.typeID == rt.L.type.id {
            let all = args + kw.map(\.1)
            let names = kw.isEmpty ? Ref.null : rt.newTuple(kw.map { rt.intern($0.0) })
            return try all.withUnsafeBufferPointer { buf throws(PyException) in
                try rt.constructBuiltin(f, Arguments(positional: UnsafeBufferPointer(rebasing: buf[0..<args.count]),
                                                     keywordNames: names, keywordValues: UnsafeBufferPointer(rebasing: buf[args.count...])))!
            }
        }
        return try invoke(f, .null, args, kw)
    }

    /// Calls method `name` of `receiver`'s type.
    func method(_ receiver: Ref, _ name: String, _ args: Ref..., kw: [(String, Ref)] = []) throws(PyException) -> Ref {
        let f = rt.lookupInType(rt.typeOf(receiver), rt.intern(name))
        precondition(!f.isNull, "no method \(name)")
        return try invoke(f, receiver, args, kw)
    }

    /// A function of a built-in module.
    func module(_ name: String) throws(PyException) -> Ref { try rt.builtinModuleFactory(name)!() }
    func call(_ module: Ref, _ name: String, _ args: Ref...) throws(PyException) -> Ref {
        let f = rt.dictGetStr(module.ref(rt.L.moduleDict), rt.intern(name))
        return try invoke(f, f.ref(rt.L.builtinSelf), args, [])
    }

    func repr(_ x: Ref) -> String { (try? rt.repr(x)) ?? "<repr raised>" }
    func str(_ x: Ref) -> String { (try? rt.str(x)) ?? "<str raised>" }

    /// `"TypeName: message"` of the exception `body` raises, or "no error".
    func error(_ body: () throws(PyException) -> Ref) -> String {
        do {
            _ = try body()
            return "no error"
        } catch {
            return rt.typeName(error.value) + ": " + ((try? rt.str(error.value)) ?? "?")
        }
    }
}
