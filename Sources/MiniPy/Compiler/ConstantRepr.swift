/// Python's `repr` of a compile-time constant, as the disassembler shows it.
///
/// Floats and strings use the same exact functions as the runtime's `repr` (`pyFloatRepr`, `pyStrRepr`).
public func constantRepr(_ c: Constant) -> String {
    switch c {
    case .none: "None"
    case .ellipsis: "Ellipsis"
    case .bool(let b): b ? "True" : "False"
    case .int(let i): String(i)
    case .bigInt(let b): String(b)
    case .float(let d): pyFloatRepr(d)
    case .str(let s): pyStrRepr(s)
    case .tuple(let items):
        items.count == 1 ? "(\(constantRepr(items[0])),)" : "(" + items.map(constantRepr).joined(separator: ", ") + ")"
    case .code(let code): code.description
    }
}

