/// A recursive-descent parser for MiniPy (statements here; expressions in ParserExpressions.swift, assignment
/// targets in ParserTargets.swift). It pulls tokens from the lexer on demand and throws `SourceError` for syntax
/// errors and for valid Python that MiniPy does not support.
public struct Parser {
    let file: SourceFile
    var lexer: Lexer
    /// Tokens read ahead; `tokens[index]` is the current one.
    private var tokens: [Token] = []
    private var index = 0
    /// Current depth of brackets, unary operators and blocks (see `nested`).
    var nesting = 0

    /// A parser for a whole source file.
    public init(source: String, filename: String) {
        let file = SourceFile(source, filename: filename)
        self.init(file: file, lexer: Lexer(file: file))
    }

    init(file: SourceFile, lexer: Lexer) {
        self.file = file
        self.lexer = lexer
    }

    // MARK: entry points

    /// Parses a module: a sequence of statements up to the end of the file.
    public mutating func parseModule() throws(SourceError) -> [Stmt] {
        var body: [Stmt] = []
        while try current().kind != .endOfFile {
            body += try parseStatement()
        }
        return body
    }

    /// Parses a single expression (or an unparenthesised tuple) filling the whole input, e.g. for a debugger's
    /// `print EXPR`.
    public mutating func parseExpressionInput() throws(SourceError) -> Expr {
        let e = try parseStarExpressions()
        while try current().kind == .newline { try advance() }
        guard try current().kind == .endOfFile else { throw try unexpected() }
        return e
    }

    // MARK: token access

    mutating func current() throws(SourceError) -> Token { try peek(0) }

    mutating func peek(_ offset: Int) throws(SourceError) -> Token {
        while tokens.count <= index + offset {
            if let last = tokens.last, last.kind == .endOfFile { return last }
            tokens.append(try lexer.next())
        }
        return tokens[index + offset]
    }

    /// Consumes and returns the current token.
    @discardableResult
    mutating func advance() throws(SourceError) -> Token {
        let t = try current()
        if t.kind != .endOfFile { index += 1 }
        if index > 256 {   // keep the look-ahead buffer small
            tokens.removeFirst(index)
            index = 0
        }
        return t
    }

    mutating func atOp(_ op: String) throws(SourceError) -> Bool { try current().isOp(op) }

    mutating func atAnyOp(_ ops: String...) throws(SourceError) -> Bool {
        let t = try current()
        return ops.contains { t.isOp($0) }
    }

    mutating func atKeyword(_ k: Keyword) throws(SourceError) -> Bool { try current().isKeyword(k) }

    mutating func acceptOp(_ op: String) throws(SourceError) -> Bool {
        if try atOp(op) { try advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ k: Keyword) throws(SourceError) -> Bool {
        if try atKeyword(k) { try advance(); return true }
        return false
    }

    mutating func expectOp(_ op: String) throws(SourceError) {
        guard try acceptOp(op) else {
            let t = try current()
            if op == ":" && (t.kind == .newline || t.kind == .endOfFile || t.isOp("(") || t.isOp("[")
                             || { if case .name = t.kind { return true } else { return false } }()) {
                throw error("expected ':'", t.location)
            }
            throw try unexpected()
        }
    }

    mutating func expectName() throws(SourceError) -> (String, SourceLocation) {
        let t = try current()
        guard case .name(let n) = t.kind else { throw try unexpected() }
        try advance()
        return (n, t.location)
    }

    mutating func atBlockEnd() throws(SourceError) -> Bool {
        let kind = try current().kind
        return kind == .dedent || kind == .endOfFile
    }

    // MARK: errors

    func error(_ message: String, _ location: SourceLocation, kind: SourceError.Kind = .syntax) -> SourceError {
        file.error(kind, message, at: location)
    }

    func unsupported(_ what: String, _ location: SourceLocation) -> SourceError {
        error("\(what) not supported by MiniPy", location, kind: .unsupported)
    }

    /// The error for a token that cannot appear where it is.
    mutating func unexpected() throws(SourceError) -> SourceError {
        let t = try current()
        switch t.kind {
        case .indent: return error("unexpected indent", t.location, kind: .indentation)
        case .op(":="): return unsupported("the walrus operator ':=' is", t.location)
        case .op("@"), .op("@="): return unsupported("the matrix multiplication operator '@' is", t.location)
        case .keyword(.yield): return unsupported("'yield' is", t.location)
        case .keyword(.await): return unsupported("'await' is", t.location)
        case .keyword(.async): return unsupported("'async' is", t.location)
        default:
            // CPython blames a bracket left open on an earlier line rather than the token after it.
            if let open = lexer.innermostOpenBracket, open.location.line < t.location.line {
                return error("'\(open.char)' was never closed", open.location)
            }
            return error("invalid syntax", t.location)
        }
    }

    // MARK: statements

    /// One line's statements, or one compound statement.
    mutating func parseStatement() throws(SourceError) -> [Stmt] {
        let t = try current()
        switch t.kind {
        case .keyword(.if): return [try parseIf()]
        case .keyword(.while): return [try parseWhile()]
        case .keyword(.for): return [try parseFor()]
        case .keyword(.try): return [try parseTry()]
        case .keyword(.def): return [try parseFunctionDef(decorators: [], start: t.location)]
        case .keyword(.class): return [try parseClassDef(decorators: [], start: t.location)]
        case .op("@"): return [try parseDecorated()]
        case .keyword(.with): throw unsupported("'with' is", t.location)
        case .keyword(.async): throw unsupported("'async' is", t.location)
        case .indent: throw error("unexpected indent", t.location, kind: .indentation)
        case .name("match"):
            if try isMatchStatement() { throw unsupported("'match' is", t.location) }
            return try parseSimpleStatements()
        default: return try parseSimpleStatements()
        }
    }

    /// `match` is a soft keyword: a line `match <subject>:` followed by an indented block is a match statement.
    private mutating func isMatchStatement() throws(SourceError) -> Bool {
        let second = try peek(1)
        switch second.kind {
        case .op(let o) where !["(", "[", "{", "-", "+", "~", "*", "..."].contains(o): return false
        case .newline, .endOfFile: return false
        default: break
        }
        var k = 1
        while true {
            let t = try peek(k)
            if t.kind == .newline || t.kind == .endOfFile { break }
            k += 1
        }
        let endsWithColon = try peek(k - 1).isOp(":")
        let blockFollows = try peek(k + 1).kind == .indent
        return endsWithColon && blockFollows
    }

    /// Statements separated by `;` up to the end of the line.
    mutating func parseSimpleStatements() throws(SourceError) -> [Stmt] {
        var stmts: [Stmt] = []
        repeat {
            stmts.append(try parseSimpleStatement())
            guard try acceptOp(";") else { break }
        } while try current().kind != .newline
        guard try current().kind == .newline else { throw try unexpected() }
        try advance()
        return stmts
    }

    private mutating func parseSimpleStatement() throws(SourceError) -> Stmt {
        let t = try current()
        let loc = t.location
        switch t.kind {
        case .keyword(.pass): try advance(); return Stmt(.pass, loc)
        case .keyword(.break): try advance(); return Stmt(.break, loc)
        case .keyword(.continue): try advance(); return Stmt(.continue, loc)
        case .keyword(.return):
            try advance()
            return Stmt(.return(try atEndOfSimpleStatement() ? nil : parseStarExpressions()), loc)
        case .keyword(.raise):
            try advance()
            if try atEndOfSimpleStatement() { return Stmt(.raise(exception: nil, cause: nil), loc) }
            let exc = try parseExpression()
            let cause = try acceptKeyword(.from) ? parseExpression() : nil
            return Stmt(.raise(exception: exc, cause: cause), loc)
        case .keyword(.global), .keyword(.nonlocal):
            try advance()
            var names = [try expectName().0]
            while try acceptOp(",") { names.append(try expectName().0) }
            return Stmt(t.isKeyword(.global) ? .global(names) : .nonlocal(names), loc)
        case .keyword(.del):
            try advance()
            var targets: [Expr] = []
            repeat {
                if try atEndOfSimpleStatement() { break }
                let target = try parseBitOr()
                try validateTarget(target, .delete)
                targets.append(target)
            } while try acceptOp(",")
            if targets.isEmpty { throw try unexpected() }
            return Stmt(.delete(targets), loc)
        case .keyword(.assert):
            try advance()
            let test = try parseExpression()
            let message = try acceptOp(",") ? parseExpression() : nil
            return Stmt(.assert(test: test, message: message), loc)
        case .keyword(.import): return try parseImport()
        case .keyword(.from): return try parseFromImport()
        default: return try parseExpressionStatement()
        }
    }

    private mutating func atEndOfSimpleStatement() throws(SourceError) -> Bool {
        let t = try current()
        return t.kind == .newline || t.kind == .endOfFile || t.isOp(";")
    }

    private static let augmentedOperators: [String: BinaryOperator] = Dictionary(
        uniqueKeysWithValues: BinaryOperator.allCases.map { ($0.rawValue + "=", $0) })

    /// An expression statement, assignment, augmented or annotated assignment.
    private mutating func parseExpressionStatement() throws(SourceError) -> Stmt {
        let loc = try current().location
        let first = try parseStarExpressions()
        let t = try current()
        if case .op(let o) = t.kind, let op = Parser.augmentedOperators[o] {
            try validateTarget(first, .augmented)
            try advance()
            return Stmt(.augmentedAssign(target: first, op: op, value: try parseAssignedValue()), loc)
        }
        if t.isOp(":") {
            try validateTarget(first, .annotated)
            try advance()
            _ = try parseExpression()
            let value = try acceptOp("=") ? parseAssignedValue() : nil
            return Stmt(.annotatedAssign(target: first, value: value), loc)
        }
        guard t.isOp("=") else {
            if case .name("print") = first.kind, startsExpression(t), !t.isOp("("), !t.isOp("["), !t.isOp("-"),
               !t.isOp("+"), !t.isOp("*") {
                throw error("Missing parentheses in call to 'print'. Did you mean print(...)?", first.location)
            }
            return Stmt(.expression(first), loc)
        }
        var exprs = [first]
        while try acceptOp("=") { exprs.append(try parseAssignedValue()) }
        let value = exprs.removeLast()
        for target in exprs { try validateTarget(target, .assign) }
        return Stmt(.assign(targets: exprs, value: value), loc)
    }

    private mutating func parseAssignedValue() throws(SourceError) -> Expr {
        if try atKeyword(.yield) { throw try unexpected() }
        return try parseStarExpressions()
    }

    private mutating func parseImport() throws(SourceError) -> Stmt {
        let loc = try advance().location
        var names: [ImportedName] = []
        repeat {
            let (name, nameLoc) = try parseDottedName()
            let asName = try acceptKeyword(.as) ? expectName().0 : nil
            names.append(ImportedName(name: name, asName: asName, location: nameLoc))
        } while try acceptOp(",")
        return Stmt(.import(names), loc)
    }

    private mutating func parseDottedName() throws(SourceError) -> (String, SourceLocation) {
        var (name, loc) = try expectName()
        while try acceptOp(".") { name += "." + (try expectName().0) }
        return (name, loc)
    }

    private mutating func parseFromImport() throws(SourceError) -> Stmt {
        let loc = try advance().location
        var level = 0
        while true {
            if try acceptOp(".") { level += 1 } else if try acceptOp("...") { level += 3 } else { break }
        }
        var module: String?
        let importFollows = try atKeyword(.import)
        if level == 0 || !importFollows { module = try parseDottedName().0 }
        guard try acceptKeyword(.import) else { throw try unexpected() }
        let star = try current()
        if star.isOp("*") {
            try advance()
            return Stmt(.importFrom(ImportFrom(module: module, names: [ImportedName(name: "*", location: star.location)],
                                               level: level)), loc)
        }
        let parenthesized = try acceptOp("(")
        var names: [ImportedName] = []
        repeat {
            if parenthesized, try atOp(")"), !names.isEmpty { break }
            let (name, nameLoc) = try expectName()
            let asName = try acceptKeyword(.as) ? expectName().0 : nil
            names.append(ImportedName(name: name, asName: asName, location: nameLoc))
        } while try acceptOp(",")
        if parenthesized { try expectOp(")") } else if try atOp(",") { throw try unexpected() }
        return Stmt(.importFrom(ImportFrom(module: module, names: names, level: level)), loc)
    }

    // MARK: compound statements

    /// `:` and an indented block (or statements on the same line). `what` names the statement for the
    /// "expected an indented block after ..." error.
    mutating func parseBlock(after what: String, line: Int) throws(SourceError) -> [Stmt] {
        try expectOp(":")
        guard try current().kind == .newline else { return try parseSimpleStatements() }
        let newline = try advance()
        guard try current().kind == .indent else {
            let t = try current()
            throw error("expected an indented block after \(what) on line \(line)",
                        t.kind == .endOfFile ? newline.location : t.location, kind: .indentation)
        }
        try advance()
        var body: [Stmt] = []
        while try !atBlockEnd() {
            body += try parseStatement()
        }
        try advance()
        return body
    }

    private mutating func parseIf() throws(SourceError) -> Stmt {
        let start = try advance()
        return try parseIfRest(start, keyword: "if")
    }

    /// The test, body and elif/else chain after an `if` or `elif` keyword.
    private mutating func parseIfRest(_ start: Token, keyword: String) throws(SourceError) -> Stmt {
        let test = try parseConditionExpression()
        let body = try parseBlock(after: "'\(keyword)' statement", line: start.location.line)
        var orElse: [Stmt] = []
        let t = try current()
        if t.isKeyword(.elif) {
            try advance()
            orElse = [try parseIfRest(t, keyword: "elif")]
        } else if t.isKeyword(.else) {
            try advance()
            orElse = try parseBlock(after: "'else' statement", line: t.location.line)
        }
        return Stmt(.if(test: test, body: body, orElse: orElse), start.location)
    }

    /// The condition of `if`/`elif`/`while`, with CPython's hint for `if x = 1:`.
    private mutating func parseConditionExpression() throws(SourceError) -> Expr {
        let e = try parseNamedExpression()
        if try atOp("=") {
            throw error("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", e.location)
        }
        return e
    }

    private mutating func parseElse() throws(SourceError) -> [Stmt] {
        let t = try current()
        guard t.isKeyword(.else) else { return [] }
        try advance()
        return try parseBlock(after: "'else' statement", line: t.location.line)
    }

    private mutating func parseWhile() throws(SourceError) -> Stmt {
        let start = try advance()
        let test = try parseConditionExpression()
        let body = try parseBlock(after: "'while' statement", line: start.location.line)
        return Stmt(.while(test: test, body: body, orElse: try parseElse()), start.location)
    }

    private mutating func parseFor() throws(SourceError) -> Stmt {
        let start = try advance()
        let target = try parseTargetList()
        try validateTarget(target, .forLoop)
        guard try acceptKeyword(.in) else { throw try unexpected() }
        let iterable = try parseStarExpressions()
        let body = try parseBlock(after: "'for' statement", line: start.location.line)
        return Stmt(.for(target: target, iterable: iterable, body: body, orElse: try parseElse()), start.location)
    }

    private mutating func parseTry() throws(SourceError) -> Stmt {
        let start = try advance()
        let body = try parseBlock(after: "'try' statement", line: start.location.line)
        var handlers: [ExceptHandler] = []
        while try atKeyword(.except) {
            let t = try advance()
            if try atOp("*") { throw try unsupported("'except*' is", current().location) }
            if let previous = handlers.last, previous.type == nil {
                throw error("default 'except:' must be last", previous.location)
            }
            var type: Expr?
            var name: String?
            if !(try atOp(":")) {
                type = try parseExpression()
                if try atOp(",") {
                    throw error("multiple exception types must be parenthesized", type!.location)
                }
                if try acceptKeyword(.as) { name = try expectName().0 }
            }
            let handlerBody = try parseBlock(after: "'except' statement", line: t.location.line)
            handlers.append(ExceptHandler(type: type, name: name, body: handlerBody, location: t.location))
        }
        let orElse = handlers.isEmpty ? [] : try parseElse()
        var finalBody: [Stmt] = []
        if try atKeyword(.finally) {
            let t = try advance()
            finalBody = try parseBlock(after: "'finally' statement", line: t.location.line)
        }
        if handlers.isEmpty && finalBody.isEmpty {
            throw try error("expected 'except' or 'finally' block", current().location)
        }
        let statement = TryStatement(body: body, handlers: handlers, orElse: orElse, finalBody: finalBody)
        return Stmt(.try(statement), start.location)
    }

    private mutating func parseDecorated() throws(SourceError) -> Stmt {
        let start = try current().location
        var decorators: [Expr] = []
        while try acceptOp("@") {
            decorators.append(try parseNamedExpression())
            guard try current().kind == .newline else { throw try unexpected() }
            try advance()
        }
        let t = try current()
        switch t.kind {
        case .keyword(.def): return try parseFunctionDef(decorators: decorators, start: start)
        case .keyword(.class): return try parseClassDef(decorators: decorators, start: start)
        default: throw try unexpected()
        }
    }

    /// `def`; `start` is the position of the first decorator, or of `def`.
    private mutating func parseFunctionDef(decorators: [Expr], start: SourceLocation) throws(SourceError) -> Stmt {
        let def = try advance()
        let (name, _) = try expectName()
        try expectOp("(")
        let parameters = try parseParameters(closer: ")", annotations: true)
        try expectOp(")")
        if try acceptOp("->") { _ = try parseExpression() }
        let body = try parseBlock(after: "function definition", line: def.location.line)
        return Stmt(.functionDef(FunctionDef(name: name, parameters: parameters, body: body, decorators: decorators)),
                    start)
    }

    private mutating func parseClassDef(decorators: [Expr], start: SourceLocation) throws(SourceError) -> Stmt {
        let classToken = try advance()
        let (name, _) = try expectName()
        var bases: [Expr] = []
        if try atOp("(") {
            let open = try advance()
            for argument in try parseArguments(open: open.location) {
                switch argument {
                case .positional(let e):
                    if !bases.isEmpty { throw unsupported("multiple inheritance is", e.location) }
                    bases.append(e)
                case .keyword("metaclass", let e): throw unsupported("metaclasses are", e.location)
                case .keyword(_, let e), .starred(let e), .doubleStarred(let e):
                    throw unsupported("class keyword and unpacked arguments are", e.location)
                }
            }
        }
        let body = try parseBlock(after: "class definition", line: classToken.location.line)
        return Stmt(.classDef(ClassDef(name: name, bases: bases, body: body, decorators: decorators)), start)
    }

    /// A parameter list up to `closer` (`)` for def, `:` for lambda).
    mutating func parseParameters(closer: String, annotations: Bool) throws(SourceError) -> Parameters {
        var p = Parameters()
        var seen = Set<String>()
        var sawStar = false
        var bareStar: SourceLocation?
        func checkDuplicate(_ name: String, _ loc: SourceLocation) throws(SourceError) {
            if !seen.insert(name).inserted {
                throw error("duplicate argument '\(name)' in function definition", loc)
            }
        }
        while !(try atOp(closer)) {
            let t = try current()
            if p.varkeywords != nil { throw error("arguments cannot follow var-keyword argument", t.location) }
            if t.isOp("/") { throw unsupported("positional-only parameters are", t.location) }
            if t.isOp("**") {
                try advance()
                let (name, loc) = try expectName()
                try checkDuplicate(name, loc)
                if annotations, try acceptOp(":") { _ = try parseExpression() }
                p.varkeywords = Parameter(name: name, location: loc)
            } else if t.isOp("*") {
                try advance()
                if sawStar { throw error("* argument may appear only once", t.location) }
                sawStar = true
                if try atAnyOp(",", closer) {
                    bareStar = t.location
                } else {
                    let (name, loc) = try expectName()
                    try checkDuplicate(name, loc)
                    if annotations, try acceptOp(":") { _ = try parseExpression() }
                    p.varargs = Parameter(name: name, location: loc)
                }
            } else {
                let (name, loc) = try expectName()
                try checkDuplicate(name, loc)
                if annotations, try acceptOp(":") { _ = try parseExpression() }
                let defaultValue = try acceptOp("=") ? parseExpression() : nil
                let parameter = Parameter(name: name, location: loc)
                if sawStar {
                    p.keywordOnly.append(parameter)
                    p.keywordDefaults.append(defaultValue)
                } else {
                    if let d = defaultValue {
                        p.defaults.append(d)
                    } else if !p.defaults.isEmpty {
                        throw error("non-default argument follows default argument", loc)
                    }
                    p.positional.append(parameter)
                }
            }
            guard try acceptOp(",") else { break }
        }
        if let star = bareStar, p.keywordOnly.isEmpty {
            throw error("named arguments must follow bare *", star)
        }
        return p
    }
}
