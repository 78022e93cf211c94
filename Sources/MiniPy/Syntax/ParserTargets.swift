/// Where an expression is used as a target, which decides what it may be and how errors are worded.
enum TargetContext {
    case assign, augmented, annotated, forLoop, delete
}

/// Checking that parsed expressions can be assigned to (or deleted), with CPython's messages.
extension Parser {
    func validateTarget(_ e: Expr, _ context: TargetContext, topLevel: Bool = true) throws(SourceError) {
        switch e.kind {
        case .name, .attribute, .subscript:
            return
        case .tuple(let items), .list(let items):
            let what = describe(e)
            switch context {
            case .augmented: throw error("'\(what)' is an illegal expression for augmented assignment", e.location)
            case .annotated: throw error("only single target (not \(what)) can be annotated", e.location)
            default: break
            }
            var sawStar = false
            for item in items {
                if case .starred(let inner) = item.kind {
                    if context == .delete { throw error("cannot delete starred", item.location) }
                    if sawStar { throw error("multiple starred expressions in assignment", e.location) }
                    sawStar = true
                    try validateTarget(inner, context, topLevel: false)
                } else {
                    try validateTarget(item, context, topLevel: false)
                }
            }
        case .starred:
            if context == .delete { throw error("cannot delete starred", e.location) }
            throw error("starred assignment target must be in a list or tuple", e.location)
        default:
            let what = describe(e)
            switch context {
            case .assign where topLevel && !["True", "False", "None"].contains(what):
                throw error("cannot assign to \(what) here. Maybe you meant '==' instead of '='?", e.location)
            case .assign, .forLoop: throw error("cannot assign to \(what)", e.location)
            case .augmented: throw error("'\(what)' is an illegal expression for augmented assignment", e.location)
            case .annotated: throw error("illegal target for annotation", e.location)
            case .delete: throw error("cannot delete \(what)", e.location)
            }
        }
    }

    /// How CPython names an expression in "cannot assign to ..." messages.
    private func describe(_ e: Expr) -> String {
        switch e.kind {
        case .constant(.bool(true)): "True"
        case .constant(.bool(false)): "False"
        case .constant(.none): "None"
        case .constant(.ellipsis): "ellipsis"
        case .constant: "literal"
        case .formattedString: "f-string expression"
        case .call: "function call"
        case .compare: "comparison"
        case .conditional: "conditional expression"
        case .lambda: "lambda"
        case .dict: "dict literal"
        case .set: "set display"
        case .comprehension(let c):
            c.kind == .list ? "list comprehension" : c.kind == .set ? "set comprehension" : "dict comprehension"
        case .tuple: "tuple"
        case .list: "list"
        case .starred: "starred"
        case .name: "name"
        case .attribute: "attribute"
        case .subscript: "subscript"
        case .unary, .binary, .boolean, .slice: "expression"
        }
    }
}
