import BigInt
import Testing
@testable import MiniPy

@Suite struct LexerTests {
    @Test func numericSpellings() throws {
        let t = try tokenDescriptions("0x1F 0o17 0b101 1_000_000 1e-5 .5 5. 0_0 00 1E+3 0x_ff 3.25")
        #expect(t == ["INT 31", "INT 15", "INT 5", "INT 1000000", "FLOAT 1e-05", "FLOAT 0.5", "FLOAT 5.0", "INT 0",
                      "INT 0", "FLOAT 1000.0", "INT 255", "FLOAT 3.25", "NEWLINE", "ENDMARKER"])
    }

    @Test func bigIntegersBecomeBigIntConstants() throws {
        var lexer = Lexer(file: SourceFile("123456789012345678901234567890 9223372036854775807", filename: "t.py"))
        #expect(try lexer.next().kind == .integer(.bigInt(BigInt("123456789012345678901234567890", radix: 10)!)))
        #expect(try lexer.next().kind == .integer(.int(Int.max)))
    }

    @Test func indentationProducesIndentAndDedent() throws {
        let source = "if a:\n    if b:\n        x\n\n    # comment\n    y\nz\n"
        #expect(try tokenDescriptions(source) == [
            "KEYWORD if", "NAME a", "OP :", "NEWLINE",
            "INDENT", "KEYWORD if", "NAME b", "OP :", "NEWLINE",
            "INDENT", "NAME x", "NEWLINE",
            "DEDENT", "NAME y", "NEWLINE",
            "DEDENT", "NAME z", "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func dedentsAtEndOfFileWithoutNewline() throws {
        #expect(try tokenDescriptions("def f():\n  return 1") == [
            "KEYWORD def", "NAME f", "OP (", "OP )", "OP :", "NEWLINE", "INDENT", "KEYWORD return", "INT 1",
            "NEWLINE", "DEDENT", "ENDMARKER",
        ])
    }

    @Test func bracketsJoinLinesAndBackslashContinues() throws {
        #expect(try tokenDescriptions("x = (1,\n  2) + \\\n 3 # c\n") == [
            "NAME x", "OP =", "OP (", "INT 1", "OP ,", "INT 2", "OP )", "OP +", "INT 3", "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func operatorsUseLongestMatch() throws {
        #expect(try tokenDescriptions("a **= b // c ... -> != <<= @ ~") == [
            "NAME a", "OP **=", "NAME b", "OP //", "NAME c", "OP ...", "OP ->", "OP !=", "OP <<=", "OP @", "OP ~",
            "NEWLINE", "ENDMARKER",
        ])
    }

    @Test func stringsEscapesRawAndTriple() throws {
        let source = #"'a\n\t\\\'' "\x41\u00e9\101\0" r'\n\'' '''x"y'''"# + "\n"
        #expect(try tokenDescriptions(source) == [
            #"STRING "a\n\t\\'""#, #"STRING 'AéA\x00'"#, #"STRING "\\n\\'""#, #"STRING 'x"y'"#, "NEWLINE",
            "ENDMARKER",
        ])
    }

    @Test func tokenPositionsAreOneBased() throws {
        var lexer = Lexer(file: SourceFile("if x:\n    yé = 'ü'\n", filename: "t.py"))
        var positions: [String] = []
        while true {
            let t = try lexer.next()
            positions.append("\(t.location)")
            if t.kind == .endOfFile { break }
        }
        #expect(positions == ["1:1", "1:4", "1:5", "1:6", "2:1", "2:5", "2:8", "2:10", "2:13", "3:1", "3:1"])
    }

    @Test func fStringPiecesAndFields() throws {
        var lexer = Lexer(file: SourceFile(#"f"a{x!r:>{w}}b{{c}}{y=}""#, filename: "t.py"))
        guard case .string(.formatted(let pieces)) = try lexer.next().kind else {
            Issue.record("not an f-string")
            return
        }
        #expect(pieces.count == 4)
        #expect(pieces[0] == .literal("a"))
        guard case .field(let f) = pieces[1] else { Issue.record("no field"); return }
        #expect(f.conversion == "r")
        #expect(f.location == SourceLocation(line: 1, column: 5))
        #expect(f.spec?.count == 2)
        #expect(pieces[2] == .literal("b{c}"))
        guard case .field(let selfDocumenting) = pieces[3] else { Issue.record("no field"); return }
        #expect(selfDocumenting.selfDocumentingText == "y=")
        #expect(selfDocumenting.conversion == "r")
    }

    @Test func crlfLineEndings() throws {
        #expect(try tokenDescriptions("a\r\nb\rc") == [
            "NAME a", "NEWLINE", "NAME b", "NEWLINE", "NAME c", "NEWLINE", "ENDMARKER",
        ])
    }

    /// (source, kind, message, line, column) — positions as CPython 3.11 reports them.
    static let errors: [(String, SourceError.Kind, String, Int, Int)] = [
        ("x = 1j\n", .unsupported, "complex literals are not supported by MiniPy", 1, 5),
        ("x = b'a'\n", .unsupported, "bytes literals are not supported by MiniPy", 1, 5),
        ("def f():\n  x\n y\n", .indentation, "unindent does not match any outer indentation level", 3, 3),
        ("if x:\n\tpass\n        pass\n", .tab, "inconsistent use of tabs and spaces in indentation", 3, 1),
        ("x = 'abc\n", .syntax, "unterminated string literal (detected at line 1)", 1, 5),
        ("x = '''abc\n\n", .syntax, "unterminated triple-quoted string literal (detected at line 2)", 1, 5),
        ("x = (1,\n", .syntax, "'(' was never closed", 1, 5),
        ("x = )\n", .syntax, "unmatched ')'", 1, 5),
        ("x = (]\n", .syntax, "closing parenthesis ']' does not match opening parenthesis '('", 1, 6),
        ("x = (1,\n2]\n", .syntax, "closing parenthesis ']' does not match opening parenthesis '(' on line 1", 2, 2),
        ("x = 012\n", .syntax,
         "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5),
        ("x = 1__0\n", .syntax, "invalid decimal literal", 1, 6),
        ("x = 0x\n", .syntax, "invalid hexadecimal literal", 1, 6),
        ("x = 0o8\n", .syntax, "invalid digit '8' in octal literal", 1, 7),
        ("x = 0b12\n", .syntax, "invalid digit '2' in binary literal", 1, 8),
        ("x = 1abc\n", .syntax, "invalid decimal literal", 1, 5),
        ("x = $\n", .syntax, "invalid syntax", 1, 5),
        ("x = €\n", .syntax, "invalid character '€' (U+20AC)", 1, 5),
        ("x = \\ 1\n", .syntax, "unexpected character after line continuation character", 1, 6),
        ("x = \\\n", .syntax, "unexpected EOF while parsing", 1, 6),
        ("f'{}'\n", .syntax, "f-string: empty expression not allowed", 1, 4),
        ("f'}'\n", .syntax, "f-string: single '}' is not allowed", 1, 3),
        ("f'{x!z}'\n", .syntax, "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 6),
    ]

    @Test(arguments: errors.indices) func lexicalErrors(_ i: Int) throws {
        let (source, kind, message, line, column) = LexerTests.errors[i]
        let e = try #require(compileError(source))
        #expect(e.kind == kind)
        #expect(e.message == message)
        #expect(e.line == line && e.column == column, "\(e.line):\(e.column)")
    }
}
