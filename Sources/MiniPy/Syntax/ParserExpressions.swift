/// Expressions, by Python's precedence: lambda and conditional expressions, `or`, `and`, `not`, comparisons, the
/// binary operators (precedence climbing over `| ^ & << >> + - * / // %`), unary operators, `**`, and primaries
/// (atoms with attribute, call and subscript trailers).
extension Parser {
    /// Deepest nesting of brackets/unary operators accepted (keeps recursion far from the stack limit).
    static let maximumNesting = 200

    /// Counts one level of nesting around `body`.
    mutating func nested<T>(_ location: SourceLocation, _ body: (inout Parser) throws(SourceError) -> T)
        throws(SourceError) -> T {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maximumNesting { throw error("too many nested parentheses", location) }
        return try body(&self)
    }

    /// `star_expressions`: one expression or starred expression, or an unparenthesised tuple of them.
    mutating func parseStarExpressions() throws(SourceError) -> Expr {
        let loc = try current().location
        let first = try parseStarNamedExpression()
        guard try atOp(",") else { return first }
        var items = [first]
        while try acceptOp(",") {
            guard try canStartExpression() else { break }
            items.append(try parseStarNamedExpression())
        }
        return Expr(.tuple(items), loc)
    }

    /// `*bitor` or a (named) expression.
    mutating func parseStarNamedExpression() throws(SourceError) -> Expr {
        let t = try current()
        if t.isOp("*") {
            try advance()
            return Expr(.starred(try parseBitOr()), t.location)
        }
        return try parseNamedExpression()
    }

    /// An expression where CPython would also accept `name := value` (rejected: unsupported).
    mutating func parseNamedExpression() throws(SourceError) -> Expr {
        let e = try parseExpression()
        if try atOp(":=") { throw try unexpected() }
        return e
    }

    /// `for` (or `async for`) after a comprehension's element.
    mutating func atComprehensionFor() throws(SourceError) -> Bool {
        let t = try current()
        return t.isKeyword(.for) || t.isKeyword(.async)
    }

    /// Whether the current token can begin an expression (to tell a trailing comma from a tuple continuation).
    func startsExpression(_ t: Token) -> Bool {
        switch t.kind {
        case .name, .integer, .float, .string: return true
        case .keyword(let k): return [.not, .lambda, .True, .False, .None, .await, .yield].contains(k)
        case .op(let o): return ["(", "[", "{", "-", "+", "~", "*", "..."].contains(o)
        default: return false
        }
    }

    mutating func canStartExpression() throws(SourceError) -> Bool { startsExpression(try current()) }

    /// `expression`: a lambda, or a disjunction optionally followed by `if test else other`.
    mutating func parseExpression() throws(SourceError) -> Expr {
        if try atKeyword(.lambda) { return try parseLambda() }
        let body = try parseDisjunction()
        guard try acceptKeyword(.if) else { return body }
        let test = try parseDisjunction()
        guard try acceptKeyword(.else) else { throw error("expected 'else' after 'if' expression", body.location) }
        let orElse = try nested(body.location) { (p) throws(SourceError) in try p.parseExpression() }
        return Expr(.conditional(test: test, body: body, orElse: orElse), body.location)
    }

    private mutating func parseLambda() throws(SourceError) -> Expr {
        let loc = try advance().location
        let parameters = try parseParameters(closer: ":", annotations: false)
        try expectOp(":")
        let body = try nested(loc) { (p) throws(SourceError) in try p.parseExpression() }
        return Expr(.lambda(parameters, body: body), loc)
    }

    mutating func parseDisjunction() throws(SourceError) -> Expr {
        try parseBoolean(.or) { (p) throws(SourceError) in
            try p.parseBoolean(.and) { (q) throws(SourceError) in try q.parseInversion() }
        }
    }

    private mutating func parseBoolean(_ op: BooleanOperator, operand: (inout Parser) throws(SourceError) -> Expr)
        throws(SourceError) -> Expr {
        let first = try operand(&self)
        let keyword: Keyword = op == .or ? .or : .and
        guard try atKeyword(keyword) else { return first }
        var operands = [first]
        while try acceptKeyword(keyword) { operands.append(try operand(&self)) }
        return Expr(.boolean(op, operands), first.location)
    }

    private mutating func parseInversion() throws(SourceError) -> Expr {
        let t = try current()
        guard t.isKeyword(.not) else { return try parseComparison() }
        try advance()
        let operand = try nested(t.location) { (p) throws(SourceError) in try p.parseInversion() }
        return Expr(.unary(.not, operand), t.location)
    }

    private mutating func parseComparison() throws(SourceError) -> Expr {
        let first = try parseBitOr()
        var links: [Comparison] = []
        while let op = try comparisonOperator() {
            links.append(Comparison(op: op, right: try parseBitOr()))
        }
        return links.isEmpty ? first : Expr(.compare(first, links), first.location)
    }

    /// Consumes a comparison operator if one is next.
    private mutating func comparisonOperator() throws(SourceError) -> ComparisonOperator? {
        let t = try current()
        let op: ComparisonOperator
        switch t.kind {
        case .op(let o):
            guard let c = ComparisonOperator(rawValue: o), o != "is", o != "in" else { return nil }
            op = c
        case .keyword(.in): op = .in
        case .keyword(.not):
            guard try peek(1).isKeyword(.in) else { return nil }
            try advance()
            op = .notIn
        case .keyword(.is):
            if try peek(1).isKeyword(.not) {
                try advance()
                op = .isNot
            } else {
                op = .is
            }
        default: return nil
        }
        try advance()
        return op
    }

    private static let binaryLevels: [[String: BinaryOperator]] = [
        ["|": .bitOr], ["^": .bitXor], ["&": .bitAnd], ["<<": .leftShift, ">>": .rightShift],
        ["+": .add, "-": .subtract], ["*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .modulo],
    ]

    /// `bitwise_or` and everything that binds tighter.
    mutating func parseBitOr() throws(SourceError) -> Expr { try parseBinary(level: 0) }

    private mutating func parseBinary(level: Int) throws(SourceError) -> Expr {
        let operators = Parser.binaryLevels[level]
        let isLast = level == Parser.binaryLevels.count - 1
        var left = isLast ? try parseFactor() : try parseBinary(level: level + 1)
        while true {
            let t = try current()
            guard case .op(let o) = t.kind else { break }
            if isLast && o == "@" { throw try unexpected() }
            guard let op = operators[o] else { break }
            try advance()
            let right = isLast ? try parseFactor() : try parseBinary(level: level + 1)
            left = Expr(.binary(op, left, right), left.location)
        }
        return left
    }

    /// Unary `-`, `+`, `~`, then `**`.
    private mutating func parseFactor() throws(SourceError) -> Expr {
        let t = try current()
        let op: UnaryOperator
        switch t.kind {
        case .op("-"): op = .negative
        case .op("+"): op = .positive
        case .op("~"): op = .invert
        default: return try parsePower()
        }
        try advance()
        let operand = try nested(t.location) { (p) throws(SourceError) in try p.parseFactor() }
        return Expr(.unary(op, operand), t.location)
    }

    private mutating func parsePower() throws(SourceError) -> Expr {
        if try atKeyword(.await) { throw try unexpected() }
        let base = try parsePrimary()
        guard try acceptOp("**") else { return base }
        let exponent = try nested(base.location) { (p) throws(SourceError) in try p.parseFactor() }
        return Expr(.binary(.power, base, exponent), base.location)
    }

    /// An atom followed by `.name`, `(arguments)` and `[subscript]` trailers.
    private mutating func parsePrimary() throws(SourceError) -> Expr {
        var e = try parseAtom()
        while true {
            let t = try current()
            if t.isOp(".") {
                try advance()
                e = Expr(.attribute(e, try expectName().0), e.location)
            } else if t.isOp("(") {
                try advance()
                let args = try nested(t.location) { (p) throws(SourceError) in try p.parseArguments(open: t.location) }
                e = Expr(.call(e, args), e.location)
            } else if t.isOp("[") {
                try advance()
                let index = try nested(t.location) { (p) throws(SourceError) in try p.parseSubscript() }
                try expectOp("]")
                e = Expr(.subscript(e, index: index), e.location)
            } else {
                return e
            }
        }
    }

    private mutating func parseAtom() throws(SourceError) -> Expr {
        let t = try current()
        switch t.kind {
        case .name(let n):
            try advance()
            return Expr(.name(n), t.location)
        case .integer(let c):
            try advance()
            return Expr(.constant(c), t.location)
        case .float(let d):
            try advance()
            return Expr(.constant(.float(d)), t.location)
        case .string:
            return try parseStrings()
        case .keyword(.True), .keyword(.False):
            try advance()
            return Expr(.constant(.bool(t.isKeyword(.True))), t.location)
        case .keyword(.None):
            try advance()
            return Expr(.constant(.none), t.location)
        case .op("..."):
            try advance()
            return Expr(.constant(.ellipsis), t.location)
        case .op("("):
            return try nested(t.location) { (p) throws(SourceError) in try p.parseParenthesized() }
        case .op("["):
            return try nested(t.location) { (p) throws(SourceError) in try p.parseListDisplay() }
        case .op("{"):
            return try nested(t.location) { (p) throws(SourceError) in try p.parseBraceDisplay() }
        default:
            throw try unexpected()
        }
    }

    /// `( ... )`: the empty tuple, a parenthesised expression, or a tuple.
    private mutating func parseParenthesized() throws(SourceError) -> Expr {
        let open = try advance().location
        if try acceptOp(")") { return Expr(.tuple([]), open) }
        if try atKeyword(.yield) { throw try unexpected() }
        let first = try parseStarNamedExpression()
        if try atComprehensionFor() { throw unsupported("generator expressions are", first.location) }
        if try acceptOp(")") {
            if case .starred = first.kind { throw error("cannot use starred expression here", first.location) }
            return first
        }
        var items = [first]
        while try acceptOp(",") {
            if try atOp(")") { break }
            items.append(try parseStarNamedExpression())
        }
        try expectOp(")")
        return Expr(.tuple(items), open)
    }

    private mutating func parseListDisplay() throws(SourceError) -> Expr {
        let open = try advance().location
        if try acceptOp("]") { return Expr(.list([]), open) }
        let first = try parseStarNamedExpression()
        if try atComprehensionFor() {
            let c = try parseComprehension(.list, element: first, value: nil)
            try expectOp("]")
            return Expr(.comprehension(c), open)
        }
        var items = [first]
        while try acceptOp(",") {
            if try atOp("]") { break }
            items.append(try parseStarNamedExpression())
        }
        try expectOp("]")
        return Expr(.list(items), open)
    }

    /// `{ ... }`: a dict or set display or comprehension.
    private mutating func parseBraceDisplay() throws(SourceError) -> Expr {
        let open = try advance().location
        if try acceptOp("}") { return Expr(.dict([]), open) }
        try rejectDisplayUnpacking()
        let first = try parseNamedExpression()
        if try acceptOp(":") {
            let value = try parseExpression()
            if try atComprehensionFor() {
                let c = try parseComprehension(.dict, element: first, value: value)
                try expectOp("}")
                return Expr(.comprehension(c), open)
            }
            var entries = [DictEntry(key: first, value: value)]
            while try acceptOp(",") {
                if try atOp("}") { break }
                try rejectDisplayUnpacking()
                let key = try parseExpression()
                guard try acceptOp(":") else { throw error("':' expected after dictionary key", key.location) }
                entries.append(DictEntry(key: key, value: try parseExpression()))
            }
            try expectOp("}")
            return Expr(.dict(entries), open)
        }
        if try atComprehensionFor() {
            let c = try parseComprehension(.set, element: first, value: nil)
            try expectOp("}")
            return Expr(.comprehension(c), open)
        }
        var items = [first]
        while try acceptOp(",") {
            if try atOp("}") { break }
            try rejectDisplayUnpacking()
            items.append(try parseNamedExpression())
        }
        try expectOp("}")
        return Expr(.set(items), open)
    }

    /// `*x` and `**x` inside `{...}`.
    private mutating func rejectDisplayUnpacking() throws(SourceError) {
        let t = try current()
        if t.isOp("**") { throw unsupported("'**' unpacking in dict displays is", t.location) }
        if t.isOp("*") { throw unsupported("'*' unpacking in displays is", t.location) }
    }

    /// The `for ... in ... if ...` clauses after a comprehension's element.
    private mutating func parseComprehension(_ kind: Comprehension.Kind, element: Expr, value: Expr?)
        throws(SourceError) -> Comprehension {
        if case .starred = element.kind {
            throw error("iterable unpacking cannot be used in comprehension", element.location)
        }
        var generators: [ComprehensionFor] = []
        while try atComprehensionFor() {
            if try atKeyword(.async) { throw try unexpected() }
            try advance()
            let target = try parseTargetList()
            try validateTarget(target, .forLoop)
            guard try acceptKeyword(.in) else { throw try unexpected() }
            let iterable = try parseDisjunction()
            var conditions: [Expr] = []
            while try acceptKeyword(.if) { conditions.append(try parseDisjunction()) }
            generators.append(ComprehensionFor(target: target, iterable: iterable, conditions: conditions))
        }
        return Comprehension(kind: kind, element: element, value: value, generators: generators)
    }

    /// `star_targets` of a `for`: targets (possibly starred) separated by commas, stopping before `in`.
    mutating func parseTargetList() throws(SourceError) -> Expr {
        let loc = try current().location
        let first = try parseStarTarget()
        guard try atOp(",") else { return first }
        var items = [first]
        while try acceptOp(",") {
            if try atKeyword(.in) { break }
            if try atOp("=") { break }
            items.append(try parseStarTarget())
        }
        return Expr(.tuple(items), loc)
    }

    private mutating func parseStarTarget() throws(SourceError) -> Expr {
        let t = try current()
        guard t.isOp("*") else { return try parseBitOr() }
        try advance()
        return Expr(.starred(try parseBitOr()), t.location)
    }

    /// Call arguments after `(`, through the closing `)`.
    mutating func parseArguments(open: SourceLocation) throws(SourceError) -> [Argument] {
        var args: [Argument] = []
        var sawKeyword = false
        var sawDoubleStar = false
        var keywords = Set<String>()
        while !(try atOp(")")) {
            let t = try current()
            if t.isOp("*") {
                try advance()
                if sawDoubleStar {
                    throw error("iterable argument unpacking follows keyword argument unpacking", t.location)
                }
                args.append(.starred(try parseExpression()))
            } else if t.isOp("**") {
                try advance()
                sawDoubleStar = true
                args.append(.doubleStarred(try parseExpression()))
            } else if case .name(let name) = t.kind, try peek(1).isOp("=") {
                try advance()
                try advance()
                if !keywords.insert(name).inserted { throw error("keyword argument repeated: \(name)", t.location) }
                sawKeyword = true
                args.append(.keyword(name, try parseExpression()))
            } else {
                let e = try parseNamedExpression()
                if try atComprehensionFor() { throw unsupported("generator expressions are", e.location) }
                if try atOp("=") {
                    throw error("expression cannot contain assignment, perhaps you meant \"==\"?", e.location)
                }
                if sawDoubleStar { throw error("positional argument follows keyword argument unpacking", e.location) }
                if sawKeyword { throw error("positional argument follows keyword argument", e.location) }
                args.append(.positional(e))
            }
            guard try acceptOp(",") else { break }
        }
        try expectOp(")")
        return args
    }

    /// The inside of `[...]`: one index or slice, or a tuple of them.
    private mutating func parseSubscript() throws(SourceError) -> Expr {
        let loc = try current().location
        let first = try parseSlice()
        guard try atOp(",") else { return first }
        var items = [first]
        while try acceptOp(",") {
            if try atOp("]") { break }
            items.append(try parseSlice())
        }
        return Expr(.tuple(items), loc)
    }

    private mutating func parseSlice() throws(SourceError) -> Expr {
        let t = try current()
        if t.isOp("*") { throw unsupported("'*' unpacking in subscripts is", t.location) }
        var lower: Expr?
        if !t.isOp(":") {
            let e = try parseNamedExpression()
            guard try atOp(":") else { return e }
            lower = e
        }
        try expectOp(":")
        func atBoundaryEnd(_ p: inout Parser) throws(SourceError) -> Bool {
            try p.atAnyOp(":", "]", ",")
        }
        let upper = try atBoundaryEnd(&self) ? nil : parseExpression()
        var step: Expr?
        if try acceptOp(":") { step = try atBoundaryEnd(&self) ? nil : parseExpression() }
        return Expr(.slice(lower: lower, upper: upper, step: step), t.location)
    }

    // MARK: strings

    /// Adjacent string literals, concatenated; an f-string among them makes the whole a formatted string.
    private mutating func parseStrings() throws(SourceError) -> Expr {
        let loc = try current().location
        var parts: [FormattedPart] = []
        var isFormatted = false
        func appendLiteral(_ s: String) {
            if case .literal(let previous)? = parts.last {
                parts[parts.count - 1] = .literal(previous + s)
            } else if !s.isEmpty {
                parts.append(.literal(s))
            }
        }
        while case .string(let literal) = try current().kind {
            try advance()
            switch literal {
            case .plain(let s):
                appendLiteral(s)
            case .formatted(let pieces):
                isFormatted = true
                for part in try formattedParts(pieces) {
                    if case .literal(let s) = part { appendLiteral(s) } else { parts.append(part) }
                }
            }
        }
        if !isFormatted {
            if case .literal(let s)? = parts.first { return Expr(.constant(.str(s)), loc) }
            return Expr(.constant(.str("")), loc)
        }
        return Expr(.formattedString(parts), loc)
    }

    /// Parses the expressions of an f-string's fields.
    private func formattedParts(_ pieces: [FStringPiece]) throws(SourceError) -> [FormattedPart] {
        var parts: [FormattedPart] = []
        for piece in pieces {
            switch piece {
            case .literal(let s):
                parts.append(.literal(s))
            case .field(let field):
                var sub = Parser(file: file, lexer: Lexer(file: file, fieldRange: field.range))
                sub.nesting = nesting
                let e = try sub.parseStarExpressions()
                guard try sub.current().kind == .endOfFile else { throw try sub.unexpected() }
                if case .starred = e.kind { throw error("cannot use starred expression here", e.location) }
                if let text = field.selfDocumentingText { parts.append(.literal(text)) }
                parts.append(.field(e, conversion: field.conversion, spec: try field.spec.map(formattedParts)))
            }
        }
        return parts
    }
}
