/// An expression node and the position of its first token.
public struct Expr: Sendable, CustomStringConvertible {
    public var kind: ExprKind
    public var location: SourceLocation

    public init(_ kind: ExprKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// A compact S-expression, e.g. `(- (** 2 2))`, for tests and debugging.
    public var description: String { kind.description }
}

/// The kinds of expression MiniPy parses.
public indirect enum ExprKind: Sendable, CustomStringConvertible {
    case name(String)
    /// int, big int, float, str, bool, None or Ellipsis.
    case constant(Constant)
    /// An f-string (possibly concatenated with plain strings).
    case formattedString([FormattedPart])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    /// `a and b and c` / `a or b`: two or more operands.
    case boolean(BooleanOperator, [Expr])
    /// `a < b <= c`: the first operand and each (operator, operand) that follows.
    case compare(Expr, [Comparison])
    case conditional(test: Expr, body: Expr, orElse: Expr)
    case lambda(Parameters, body: Expr)
    case call(Expr, [Argument])
    case attribute(Expr, String)
    case `subscript`(Expr, index: Expr)
    /// `lower:upper:step` inside a subscript.
    case slice(lower: Expr?, upper: Expr?, step: Expr?)
    case tuple([Expr])
    case list([Expr])
    case set([Expr])
    case dict([DictEntry])
    /// `*x` as an assignment target (or, rejected later, inside a display).
    case starred(Expr)
    case comprehension(Comprehension)

    public var description: String {
        func list(_ xs: [Expr]) -> String { xs.map(\.description).joined(separator: " ") }
        switch self {
        case .name(let n): return n
        case .constant(let c): return constantRepr(c)
        case .formattedString(let parts): return "(fstring \(parts.map(\.description).joined(separator: " ")))"
        case .unary(let op, let e): return "(\(op.rawValue) \(e))"
        case .binary(let op, let a, let b): return "(\(op.rawValue) \(a) \(b))"
        case .boolean(let op, let xs): return "(\(op.rawValue) \(list(xs)))"
        case .compare(let first, let rest):
            return "(compare \(first) " + rest.map { "\($0.op.rawValue) \($0.right)" }.joined(separator: " ") + ")"
        case .conditional(let t, let b, let o): return "(if \(t) \(b) \(o))"
        case .lambda(let p, let body): return "(lambda (\(p)) \(body))"
        case .call(let f, let args): return "(call \(f)" + args.map { " \($0)" }.joined() + ")"
        case .attribute(let e, let n): return "(. \(e) \(n))"
        case .subscript(let e, let i): return "([] \(e) \(i))"
        case .slice(let l, let u, let s):
            return "(slice \(l?.description ?? "_") \(u?.description ?? "_") \(s?.description ?? "_"))"
        case .tuple(let xs): return "(tuple \(list(xs)))"
        case .list(let xs): return "(list \(list(xs)))"
        case .set(let xs): return "(set \(list(xs)))"
        case .dict(let entries): return "(dict" + entries.map { " \($0.key):\($0.value)" }.joined() + ")"
        case .starred(let e): return "(* \(e))"
        case .comprehension(let c): return c.description
        }
    }
}

/// A piece of an f-string: literal text or a formatted value.
public enum FormattedPart: Sendable, CustomStringConvertible {
    case literal(String)
    /// `{value!conversion:spec}`; `conversion` is `s`, `r` or `a`.
    case field(Expr, conversion: Character?, spec: [FormattedPart]?)

    public var description: String {
        switch self {
        case .literal(let s): pyStrRepr(s)
        case .field(let e, let c, let spec):
            "{\(e)" + (c.map { "!\($0)" } ?? "") + (spec.map { ":" + $0.map(\.description).joined() } ?? "") + "}"
        }
    }
}

/// Unary operators, spelled as in source.
public enum UnaryOperator: String, Sendable {
    case negative = "-", positive = "+", not = "not", invert = "~"
}

/// Binary arithmetic and bitwise operators, spelled as in source (without the `=` of augmented assignment).
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//", modulo = "%"
    case power = "**", leftShift = "<<", rightShift = ">>", bitAnd = "&", bitOr = "|", bitXor = "^"
}

/// `and` / `or`.
public enum BooleanOperator: String, Sendable {
    case and, or
}

/// Comparison operators, spelled as in source.
public enum ComparisonOperator: String, Sendable {
    case less = "<", lessEqual = "<=", equal = "==", notEqual = "!=", greater = ">", greaterEqual = ">="
    case `is` = "is", isNot = "is not", `in` = "in", notIn = "not in"
}

/// One `op operand` link of a comparison chain.
public struct Comparison: Sendable {
    public var op: ComparisonOperator
    public var right: Expr
}

/// One argument of a call.
public enum Argument: Sendable, CustomStringConvertible {
    case positional(Expr)
    /// `*iterable`
    case starred(Expr)
    /// `name=value`
    case keyword(String, Expr)
    /// `**mapping`
    case doubleStarred(Expr)

    public var description: String {
        switch self {
        case .positional(let e): "\(e)"
        case .starred(let e): "*\(e)"
        case .keyword(let k, let e): "\(k)=\(e)"
        case .doubleStarred(let e): "**\(e)"
        }
    }
}

/// `key: value` in a dict display.
public struct DictEntry: Sendable {
    public var key: Expr
    public var value: Expr
}

/// A list, set or dict comprehension.
public struct Comprehension: Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable { case list = "listcomp", set = "setcomp", dict = "dictcomp" }
    public var kind: Kind
    /// The element (the key, for a dict comprehension).
    public var element: Expr
    /// The value, for a dict comprehension.
    public var value: Expr?
    public var generators: [ComprehensionFor]

    public var description: String {
        "(\(kind.rawValue) \(element)" + (value.map { " \($0)" } ?? "")
            + generators.map { g in
                " (for \(g.target) \(g.iterable)" + g.conditions.map { " (if \($0))" }.joined() + ")"
            }.joined() + ")"
    }
}

/// One `for target in iterable if cond...` clause of a comprehension.
public struct ComprehensionFor: Sendable {
    public var target: Expr
    public var iterable: Expr
    public var conditions: [Expr]
}

/// A named parameter of a function or lambda.
public struct Parameter: Sendable {
    public var name: String
    public var location: SourceLocation
}

/// A parameter list: positional parameters (the last `defaults.count` of them have defaults), `*args`,
/// keyword-only parameters (each with an optional default) and `**kwargs`.
public struct Parameters: Sendable, CustomStringConvertible {
    public var positional: [Parameter] = []
    public var defaults: [Expr] = []
    public var varargs: Parameter?
    public var keywordOnly: [Parameter] = []
    public var keywordDefaults: [Expr?] = []
    public var varkeywords: Parameter?

    public init() {}

    /// All parameter names in `varnames` order.
    public var names: [String] {
        positional.map(\.name) + keywordOnly.map(\.name) + [varargs?.name, varkeywords?.name].compactMap { $0 }
    }

    public var description: String {
        var parts = positional.map(\.name)
        if let v = varargs { parts.append("*" + v.name) } else if !keywordOnly.isEmpty { parts.append("*") }
        parts += keywordOnly.map(\.name)
        if let k = varkeywords { parts.append("**" + k.name) }
        return parts.joined(separator: " ")
    }
}

/// A statement node and the position of its first token.
public struct Stmt: Sendable {
    public var kind: StmtKind
    public var location: SourceLocation

    public init(_ kind: StmtKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }
}

/// The kinds of statement MiniPy parses.
public indirect enum StmtKind: Sendable {
    case expression(Expr)
    /// `t1 = t2 = value`
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    /// `target: annotation [= value]`; the annotation is discarded.
    case annotatedAssign(target: Expr, value: Expr?)
    case pass
    case `break`
    case `continue`
    case `return`(Expr?)
    case delete([Expr])
    case global([String])
    case nonlocal([String])
    case assert(test: Expr, message: Expr?)
    case raise(exception: Expr?, cause: Expr?)
    case `if`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `while`(test: Expr, body: [Stmt], orElse: [Stmt])
    case `for`(target: Expr, iterable: Expr, body: [Stmt], orElse: [Stmt])
    case `try`(TryStatement)
    case functionDef(FunctionDef)
    case classDef(ClassDef)
    case `import`([ImportedName])
    case importFrom(ImportFrom)
}

/// `try` with its handlers, `else` and `finally` bodies (either list may be empty, not both handlers and finally).
public struct TryStatement: Sendable {
    public var body: [Stmt]
    public var handlers: [ExceptHandler]
    public var orElse: [Stmt]
    public var finalBody: [Stmt]
}

/// `except [type [as name]]: body`.
public struct ExceptHandler: Sendable {
    public var type: Expr?
    public var name: String?
    public var body: [Stmt]
    public var location: SourceLocation
}

/// `def name(parameters): body`, with its decorators (outermost first).
public struct FunctionDef: Sendable {
    public var name: String
    public var parameters: Parameters
    public var body: [Stmt]
    public var decorators: [Expr]
}

/// `class name(base): body`, with its decorators (outermost first).
public struct ClassDef: Sendable {
    public var name: String
    public var bases: [Expr]
    public var body: [Stmt]
    public var decorators: [Expr]
}

/// `a.b.c [as d]` in an import statement (`*` for a star import).
public struct ImportedName: Sendable {
    public var name: String
    public var asName: String?
    public var location: SourceLocation
}

/// `from [.]*module import names`.
public struct ImportFrom: Sendable {
    /// The dotted module name; nil for `from . import x`.
    public var module: String?
    public var names: [ImportedName]
    /// Number of leading dots.
    public var level: Int

    public var isStar: Bool { names.count == 1 && names[0].name == "*" }
}
