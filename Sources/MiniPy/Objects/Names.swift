import Meta

/// Interned names the runtime looks up on hot paths (dunder methods, well-known attributes), made once so that
/// a lookup is a pointer-keyed dict probe rather than a Swift string hash.
public struct Names {
    public let __init__, __call__, __bool__, __len__, __hash__, __eq__, __repr__, __str__, __contains__, __iter__,
               __next__, __getitem__, __setitem__, __delitem__, __getattr__, __setattr__, __traceback__, args: Ref
    /// `__add__`, `__sub__`, ... indexed by `BinaryOp.rawValue`; and the reflected (`__radd__`) and in-place
    /// (`__iadd__`) forms.
    public let binary, reflected, inplace: [Ref]
    /// `__lt__`, ... indexed by `CompareOp.rawValue`, and the reflected comparison of each.
    public let compare, compareReflected: [Ref]

    init(_ rt: Runtime) {
        func n(_ s: String) -> Ref { rt.intern(s) }
        __init__ = n("__init__"); __call__ = n("__call__"); __bool__ = n("__bool__"); __len__ = n("__len__")
        __hash__ = n("__hash__"); __eq__ = n("__eq__"); __repr__ = n("__repr__"); __str__ = n("__str__")
        __contains__ = n("__contains__"); __iter__ = n("__iter__"); __next__ = n("__next__")
        __getitem__ = n("__getitem__"); __setitem__ = n("__setitem__"); __delitem__ = n("__delitem__")
        __getattr__ = n("__getattr__"); __setattr__ = n("__setattr__"); __traceback__ = n("__traceback__")
        args = n("args")
        let ops = (0..<12).map { BinaryOp(rawValue: $0)!.dunder }
        binary = ops.map { n("__\($0)__") }
        reflected = ops.map { n("__r\($0)__") }
        inplace = ops.map { n("__i\($0)__") }
        compare = ["__lt__", "__le__", "__eq__", "__ne__", "__gt__", "__ge__"].map(n)
        compareReflected = ["__gt__", "__ge__", "__eq__", "__ne__", "__lt__", "__le__"].map(n)
    }

    var all: [Ref] {
        [__init__, __call__, __bool__, __len__, __hash__, __eq__, __repr__, __str__, __contains__, __iter__, __next__,
         __getitem__, __setitem__, __delitem__, __getattr__, __setattr__, __traceback__, args] + binary + reflected
            + inplace + compare + compareReflected
    }
}
