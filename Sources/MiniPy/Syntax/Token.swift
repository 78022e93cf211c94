/// Python's reserved words (soft keywords such as `match` are ordinary names).
public enum Keyword: String, CaseIterable, Sendable {
    case False, None, True
    case `and`, `as`, `assert`, `async`, `await`, `break`, `class`, `continue`, `def`, `del`, `elif`, `else`
    case `except`, `finally`, `for`, `from`, `global`, `if`, `import`, `in`, `is`, `lambda`, `nonlocal`, `not`
    case `or`, `pass`, `raise`, `return`, `try`, `while`, `with`, `yield`

    static let byName: [String: Keyword] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.rawValue, $0) })
}

/// One piece of an f-string, as split by the lexer: literal text, or a replacement field whose expression is a
/// range of the source file still to be parsed.
public enum FStringPiece: Equatable, Sendable {
    case literal(String)
    case field(FStringField)
}

/// A `{expression!conversion:spec}` replacement field of an f-string, before its expression is parsed.
public struct FStringField: Equatable, Sendable {
    /// The expression's characters: `source.scalars[range]`.
    public var range: Range<Int>
    /// Position of the expression's first character.
    public var location: SourceLocation
    /// `s`, `r` or `a`, if given.
    public var conversion: Character?
    /// The format spec after `:`, itself made of literal text and (unnested) fields; nil when absent.
    public var spec: [FStringPiece]?
    /// The `{x=}` self-documenting form: the text `x=` is emitted before the value.
    public var selfDocumentingText: String?
}

/// A string literal token's contents: plain text, or (for f-strings) a sequence of pieces.
public enum StringLiteral: Equatable, Sendable {
    case plain(String)
    case formatted([FStringPiece])
}

/// The kinds of token the lexer produces.
public enum TokenKind: Equatable, Sendable {
    case name(String)
    case keyword(Keyword)
    /// An integer literal: `.int` or `.bigInt`.
    case integer(Constant)
    case float(Double)
    case string(StringLiteral)
    /// An operator or delimiter, spelled as in the source (`"**="`, `"("`, `"..."`).
    case op(String)
    case newline
    case indent
    case dedent
    case endOfFile
}

/// A token with the 1-based position of its first character.
public struct Token: Equatable, Sendable, CustomStringConvertible {
    public var kind: TokenKind
    public var location: SourceLocation

    public init(_ kind: TokenKind, _ location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    public var description: String {
        switch kind {
        case .name(let n): "NAME \(n)"
        case .keyword(let k): "KEYWORD \(k.rawValue)"
        case .integer(let c): "INT \(constantRepr(c))"
        case .float(let d): "FLOAT \(constantRepr(.float(d)))"
        case .string(.plain(let s)): "STRING \(constantRepr(.str(s)))"
        case .string(.formatted(let pieces)): "FSTRING \(pieces.count) pieces"
        case .op(let o): "OP \(o)"
        case .newline: "NEWLINE"
        case .indent: "INDENT"
        case .dedent: "DEDENT"
        case .endOfFile: "ENDMARKER"
        }
    }

    /// True when this token is the operator or delimiter `text`.
    @inline(__always) func isOp(_ text: String) -> Bool {
        if case .op(let o) = kind { return o == text }
        return false
    }

    @inline(__always) func isKeyword(_ k: Keyword) -> Bool {
        if case .keyword(let x) = kind { return x == k }
        return false
    }
}
