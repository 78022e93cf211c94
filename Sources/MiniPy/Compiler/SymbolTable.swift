/// How code in a scope reaches a name.
public enum NameAccess: Equatable, Sendable {
    /// A local of a function: `*_FAST`.
    case fast
    /// A cell or free variable: `*_DEREF` (index into `cellvars + freevars`).
    case deref
    /// A module global (declared or implicit) from a function: `*_GLOBAL`.
    case global
    /// Through the frame's locals dict (module and class bodies): `*_NAME`.
    case name
}

/// One lexical scope: module, class body, function, lambda or comprehension, with Python's name resolution.
public final class Scope {
    public enum Kind: Sendable { case module, classBody, function, lambda, comprehension }

    /// How a name is bound and used in this scope, as recorded while walking its body.
    struct Usage: OptionSet {
        let rawValue: UInt8
        static let assigned = Usage(rawValue: 1)
        static let used = Usage(rawValue: 2)
        static let parameter = Usage(rawValue: 4)
        static let declaredGlobal = Usage(rawValue: 8)
        static let declaredNonlocal = Usage(rawValue: 16)
    }

    /// Where a name lives, once resolved.
    enum Binding { case local, cell, free, globalExplicit, globalImplicit }

    public let kind: Kind
    public let name: String
    public let qualname: String
    /// Line of the scope's first line (decorators included).
    public let firstLine: Int
    /// Parameter names in `varnames` order.
    public internal(set) var parameters: [String] = []
    var usages: [String: Usage] = [:]
    /// Names in order of first appearance.
    var order: [String] = []
    var bindings: [String: Binding] = [:]
    /// Where each `global`/`nonlocal` declaration was made.
    var declarationSites: [String: SourceLocation] = [:]
    /// Child scopes by the position of the construct that opens them.
    var children: [SourceLocation: Scope] = [:]
    var childOrder: [Scope] = []
    public internal(set) var cellvars: [String] = []
    public internal(set) var freevars: [String] = []

    init(kind: Kind, name: String, qualname: String, firstLine: Int) {
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.firstLine = firstLine
    }

    /// Whether names in this scope live in a locals dict (module and class bodies).
    public var usesLocalsDict: Bool { kind == .module || kind == .classBody }

    /// Locals in `varnames` order: parameters, then other (non-cell) locals as they first appear.
    public var varnames: [String] {
        guard !usesLocalsDict else { return [] }
        var result = parameters
        let parameterSet = Set(parameters)
        for n in order where bindings[n] == .local && !parameterSet.contains(n) { result.append(n) }
        return result
    }

    /// How this scope's code reaches `name`.
    public func access(_ name: String) -> NameAccess {
        switch bindings[name] ?? .globalImplicit {
        case .local: usesLocalsDict ? .name : .fast
        case .cell, .free: .deref
        case .globalExplicit: .global
        case .globalImplicit: usesLocalsDict ? .name : .global
        }
    }

    /// The scope opened by the construct at `location` (a def, class, lambda or comprehension).
    public func child(at location: SourceLocation) -> Scope? { children[location] }

    func note(_ name: String, _ usage: Usage) {
        if let existing = usages[name] {
            usages[name] = existing.union(usage)
        } else {
            usages[name] = usage
            order.append(name)
        }
    }
}

/// Builds the scope tree of a module and resolves every name (local, cell, free, global), as CPython's symtable.
struct SymbolTableBuilder {
    let file: SourceFile
    private var scope: Scope

    init(file: SourceFile, root: Scope) {
        self.file = file
        self.scope = root
    }

    /// The resolved scope tree for a module (or for a single expression, with `expression`).
    static func build(module body: [Stmt], file: SourceFile) throws(SourceError) -> Scope {
        let root = Scope(kind: .module, name: "<module>", qualname: "<module>", firstLine: 1)
        var builder = SymbolTableBuilder(file: file, root: root)
        try builder.visit(body)
        _ = try builder.resolve(root, enclosingBound: [], enclosingGlobals: [])
        return root
    }

    static func build(expression: Expr, file: SourceFile) throws(SourceError) -> Scope {
        let root = Scope(kind: .module, name: "<expr>", qualname: "<expr>", firstLine: expression.location.line)
        var builder = SymbolTableBuilder(file: file, root: root)
        try builder.visit(expression)
        _ = try builder.resolve(root, enclosingBound: [], enclosingGlobals: [])
        return root
    }

    private func error(_ message: String, _ location: SourceLocation, kind: SourceError.Kind = .syntax) -> SourceError {
        file.error(kind, message, at: location)
    }

    // MARK: walking

    private mutating func withChild(_ kind: Scope.Kind, name: String, at location: SourceLocation, firstLine: Int,
                                    _ body: (inout SymbolTableBuilder) throws(SourceError) -> Void) throws(SourceError) {
        let qualname: String
        switch scope.kind {
        case .module: qualname = name
        case .classBody: qualname = scope.qualname + "." + name
        default: qualname = scope.qualname + ".<locals>." + name
        }
        let child = Scope(kind: kind, name: name, qualname: qualname, firstLine: firstLine)
        scope.children[location] = child
        scope.childOrder.append(child)
        let parent = scope
        scope = child
        defer { scope = parent }
        try body(&self)
    }

    private mutating func bind(_ name: String) { scope.note(name, .assigned) }

    private mutating func use(_ name: String) {
        scope.note(name, .used)
        if name == "super" && scope.kind != .module && scope.kind != .classBody { scope.note("__class__", .used) }
    }

    mutating func visit(_ body: [Stmt]) throws(SourceError) {
        for s in body { try visit(s) }
    }

    private mutating func visit(_ s: Stmt) throws(SourceError) {
        switch s.kind {
        case .expression(let e): try visit(e)
        case .assign(let targets, let value):
            try visit(value)
            for t in targets { try visitTarget(t) }
        case .augmentedAssign(let target, _, let value):
            if case .name(let n) = target.kind { use(n); bind(n) } else { try visit(target) }
            try visit(value)
        case .annotatedAssign(let target, let value):
            if let v = value { try visit(v) }
            try visitTarget(target)
        case .pass, .break, .continue: break
        case .return(let value): if let v = value { try visit(v) }
        case .delete(let targets): for t in targets { try visitTarget(t) }
        case .global(let names): for n in names { try declare(n, global: true, at: s.location) }
        case .nonlocal(let names): for n in names { try declare(n, global: false, at: s.location) }
        case .assert(let test, let message):
            try visit(test)
            if let m = message { try visit(m) }
        case .raise(let exception, let cause):
            if let e = exception { try visit(e) }
            if let c = cause { try visit(c) }
        case .if(let test, let body, let orElse), .while(let test, let body, let orElse):
            try visit(test)
            try visit(body)
            try visit(orElse)
        case .for(let target, let iterable, let body, let orElse):
            try visit(iterable)
            try visitTarget(target)
            try visit(body)
            try visit(orElse)
        case .try(let t):
            try visit(t.body)
            for h in t.handlers {
                if let type = h.type { try visit(type) }
                if let n = h.name { bind(n) }
                try visit(h.body)
            }
            try visit(t.orElse)
            try visit(t.finalBody)
        case .functionDef(let f):
            for d in f.decorators { try visit(d) }
            try visitDefaults(f.parameters)
            bind(f.name)
            try withChild(.function, name: f.name, at: s.location, firstLine: s.location.line) {
                (b) throws(SourceError) in
                b.declareParameters(f.parameters)
                try b.visit(f.body)
            }
        case .classDef(let c):
            for d in c.decorators { try visit(d) }
            for base in c.bases { try visit(base) }
            bind(c.name)
            try withChild(.classBody, name: c.name, at: s.location, firstLine: s.location.line) {
                (b) throws(SourceError) in try b.visit(c.body)
            }
        case .import(let names):
            for n in names { bind(n.asName ?? String(n.name.split(separator: ".")[0])) }
        case .importFrom(let i):
            if i.isStar {
                if scope.kind != .module { throw error("import * only allowed at module level", i.names[0].location) }
            } else {
                for n in i.names { bind(n.asName ?? n.name) }
            }
        }
    }

    private mutating func declare(_ name: String, global: Bool, at location: SourceLocation) throws(SourceError) {
        let keyword = global ? "global" : "nonlocal"
        switch scope.kind {
        case .module where !global: throw error("nonlocal declaration not allowed at module level", location)
        case .classBody where global: throw error("'global' in a class body is not supported by MiniPy", location,
                                                  kind: .unsupported)
        default: break
        }
        let usage = scope.usages[name] ?? []
        if usage.contains(.parameter) { throw error("name '\(name)' is parameter and \(keyword)", location) }
        if usage.contains(global ? .declaredNonlocal : .declaredGlobal) {
            throw error("name '\(name)' is nonlocal and global", location)
        }
        if usage.contains(.assigned) { throw error("name '\(name)' is assigned to before \(keyword) declaration", location) }
        if usage.contains(.used) { throw error("name '\(name)' is used prior to \(keyword) declaration", location) }
        scope.note(name, global ? .declaredGlobal : .declaredNonlocal)
        scope.declarationSites[name] = location
    }

    private mutating func declareParameters(_ p: Parameters) {
        scope.parameters = p.names
        for n in p.names { scope.note(n, [.parameter, .assigned]) }
    }

    private mutating func visitDefaults(_ p: Parameters) throws(SourceError) {
        for d in p.defaults { try visit(d) }
        for case let d? in p.keywordDefaults { try visit(d) }
    }

    /// A name or pattern being assigned (or deleted): names are bound, sub-expressions are evaluated.
    private mutating func visitTarget(_ e: Expr) throws(SourceError) {
        switch e.kind {
        case .name(let n): bind(n)
        case .tuple(let items), .list(let items): for i in items { try visitTarget(i) }
        case .starred(let inner): try visitTarget(inner)
        default: try visit(e)
        }
    }

    mutating func visit(_ e: Expr) throws(SourceError) {
        switch e.kind {
        case .name(let n): use(n)
        case .constant: break
        case .formattedString(let parts): try visit(parts)
        case .unary(_, let x), .starred(let x): try visit(x)
        case .attribute(let x, _): try visit(x)
        case .binary:
            // Walk a left-leaning chain (`a + b + c + ...`) iteratively.
            var node = e
            var rights: [Expr] = []
            while case .binary(_, let left, let right) = node.kind {
                rights.append(right)
                node = left
            }
            try visit(node)
            for r in rights.reversed() { try visit(r) }
        case .boolean(_, let xs), .tuple(let xs), .list(let xs), .set(let xs): for x in xs { try visit(x) }
        case .compare(let first, let rest):
            try visit(first)
            for c in rest { try visit(c.right) }
        case .conditional(let test, let body, let orElse):
            try visit(test)
            try visit(body)
            try visit(orElse)
        case .lambda(let parameters, let body):
            try visitDefaults(parameters)
            try withChild(.lambda, name: "<lambda>", at: e.location, firstLine: e.location.line) {
                (b) throws(SourceError) in
                b.declareParameters(parameters)
                try b.visit(body)
            }
        case .call(let f, let args):
            try visit(f)
            for a in args {
                switch a {
                case .positional(let x), .starred(let x), .keyword(_, let x), .doubleStarred(let x): try visit(x)
                }
            }
        case .subscript(let x, let index):
            try visit(x)
            try visit(index)
        case .slice(let lower, let upper, let step):
            for case let x? in [lower, upper, step] { try visit(x) }
        case .dict(let entries):
            for entry in entries {
                try visit(entry.key)
                try visit(entry.value)
            }
        case .comprehension(let c):
            try visit(c.generators[0].iterable)
            try withChild(.comprehension, name: "<\(c.kind.rawValue)>", at: e.location, firstLine: e.location.line) {
                (b) throws(SourceError) in
                b.scope.parameters = [".0"]
                b.scope.note(".0", [.parameter, .assigned])
                for (i, g) in c.generators.enumerated() {
                    if i > 0 { try b.visit(g.iterable) }
                    try b.visitTarget(g.target)
                    for cond in g.conditions { try b.visit(cond) }
                }
                try b.visit(c.element)
                if let v = c.value { try b.visit(v) }
            }
        }
    }

    private mutating func visit(_ parts: [FormattedPart]) throws(SourceError) {
        for part in parts {
            if case .field(let e, _, let spec) = part {
                try visit(e)
                if let s = spec { try visit(s) }
            }
        }
    }

    // MARK: resolution

    /// Resolves the names of `scope` and its children. `enclosingBound` are the names bound by enclosing function
    /// scopes (class scopes don't count), `enclosingGlobals` those declared global there. Returns the names
    /// `scope` needs from its enclosing scopes as free variables.
    private func resolve(_ scope: Scope, enclosingBound: Set<String>, enclosingGlobals: Set<String>)
        throws(SourceError) -> Set<String> {
        var bound = enclosingBound
        var globals = enclosingGlobals
        var locals = Set<String>()
        var free = Set<String>()
        for name in scope.order {
            let usage = scope.usages[name]!
            if usage.contains(.declaredGlobal) {
                scope.bindings[name] = .globalExplicit
                globals.insert(name)
                bound.remove(name)
            } else if usage.contains(.declaredNonlocal) {
                guard enclosingBound.contains(name) else {
                    throw error("no binding for nonlocal '\(name)' found", scope.declarationSites[name]!)
                }
                scope.bindings[name] = .free
                free.insert(name)
            } else if usage.contains(.assigned) {
                scope.bindings[name] = .local
                locals.insert(name)
                globals.remove(name)
            } else if enclosingBound.contains(name) && scope.kind != .module {
                scope.bindings[name] = .free
                free.insert(name)
            } else {
                scope.bindings[name] = .globalImplicit
            }
        }
        switch scope.kind {
        case .module: bound = []
        case .classBody: bound.insert("__class__")
        default: bound.formUnion(locals)
        }
        var cells = Set<String>()
        var passedThrough = Set<String>()
        for child in scope.childOrder {
            for name in try resolve(child, enclosingBound: bound, enclosingGlobals: globals) {
                if scope.kind == .classBody && name == "__class__" {
                    cells.insert(name)
                } else if scope.kind != .classBody && scope.kind != .module && scope.bindings[name] == .local {
                    scope.bindings[name] = .cell
                    cells.insert(name)
                } else if scope.bindings[name] == .cell {
                    continue
                } else {
                    passedThrough.insert(name)
                }
            }
        }
        free.formUnion(passedThrough)
        scope.cellvars = cells.sorted()
        scope.freevars = free.sorted()
        return free
    }

}
