import Testing
import Meta
@testable import MiniPy

/// Built-in functions, methods and formatting, checked against CPython 3.11's output. Serialized: a runtime
/// installs itself as `Runtime.current`.
@Suite(.serialized) struct BuiltinsTests {
    @Test func sortIsStableAndReversesStably() throws {
        let py = Py()
        let mixed = py.list([py.v(1.0), py.v(1), py.v(true), py.v(0), py.v(1)])
        #expect(py.repr(try py.call("sorted", mixed)) == "[0, 1.0, 1, True, 1]")
        #expect(py.repr(try py.call("sorted", mixed, kw: [("reverse", py.v(true))])) == "[1.0, 1, True, 1, 0]")
        let signed = py.list([3, -3, 1, -1, 2, -2, -1, 1].map { py.v($0) })
        let abs = py.rt.dictGetStr(py.rt.builtinsDict, py.rt.intern("abs"))
        #expect(py.repr(try py.call("sorted", signed, kw: [("key", abs)])) == "[1, -1, -1, 1, 2, -2, 3, -3]")
        #expect(py.repr(try py.call("sorted", signed, kw: [("key", abs), ("reverse", py.v(true))])) == "[3, -3, 2, -2, 1, -1, -1, 1]")
        // Long enough to exercise the merges, not just the insertion-sorted runs.
        let many = py.list((0..<60).map { py.v(($0 * 7919) % 13 - 6) })
        _ = try py.method(many, "sort", kw: [("key", abs)])
        #expect(py.repr(many) == "[0, 0, 0, 0, 0, -1, 1, -1, 1, -1, 1, -1, 1, -2, 2, -2, 2, -2, 2, -2, 2, -2, 2, -3, 3, -3, 3, -3, 3, -3, 3, -4, 4, -4, 4, -4, 4, -4, 4, -4, 4, -5, 5, -5, 5, -5, 5, -5, 5, -5, -6, 6, -6, 6, -6, 6, -6, 6, -6, 6]")
        #expect(py.error { () throws(PyException) in try py.call("sorted", py.list([py.v(1), py.v("a")])) }
                == "TypeError: '<' not supported between instances of 'str' and 'int'")
        #expect(py.error { () throws(PyException) in try py.method(py.list([]), "sort", py.v(1)) } == "TypeError: sort() takes no positional arguments")
    }

    @Test func floatRepr() {
        let values: [Double] = [0.1, 1.0 / 3, 1e16, 1e15, 123456789.0, 1e-4, 1e-5, 5e-324, 1.7976931348623157e308, -0.0, 2.5,
                                100.0, 1e22, 1.5e-7, 0.1 + 0.2, .nan, -.infinity]
        let expected = "0.1 0.3333333333333333 1e+16 1000000000000000.0 123456789.0 0.0001 1e-05 5e-324 1.7976931348623157e+308 -0.0 2.5 100.0 1e+22 1.5e-07 0.30000000000000004 nan -inf"
        #expect(values.map { pyFloatRepr($0) }.joined(separator: " ") == expected)
    }

    @Test func round() throws {
        let py = Py()
        let cases: [(Ref, Ref?)] = [(py.v(2.5), nil), (py.v(3.5), nil), (py.v(-2.5), nil), (py.v(2.675), py.v(2)), (py.v(1.005), py.v(2)),
                                    (py.v(0.125), py.v(2)), (py.v(1234.5678), py.v(-2)), (py.v(1250), py.v(-2)), (py.v(1350), py.v(-2)),
                                    (py.v(-1250), py.v(-2)), (py.v(5), py.v(-1)), (py.v(15), py.v(-1)), (py.v(2.5), py.v(0)),
                                    (py.v(1e300), py.v(2)), (py.v(0.5), nil), (py.v(1.5), nil), (py.v(-0.5), nil), (py.v(12345), py.v(-10))]
        var results: [String] = []
        for (x, n) in cases {
            results.append(py.repr(try n.map { n throws(PyException) in try py.call("round", x, n) } ?? py.call("round", x)))
        }
        #expect(results.joined(separator: " ") == "2 4 -2 2.67 1.0 0.12 1200.0 1200 1400 -1200 0 20 2.0 1e+300 0 2 0 0")
        #expect(py.error { () throws(PyException) in try py.call("round", py.v(Double.nan)) } == "ValueError: cannot convert float NaN to integer")
        #expect(py.error { () throws(PyException) in try py.call("round", py.v(Double.infinity)) } == "OverflowError: cannot convert float infinity to integer")
    }

    @Test func strSplitFamily() throws {
        let py = Py()
        let tests = ["  a  b   c  ", "a b c", "", "   ", "\ta\n\nb\r\nc\u{0B}d\u{0C}e", "one", "a,b,,c,", ",a,", "x::y::z"]
        let expected = [
            "['a', 'b', 'c'] ['  a  b   c  '] ['  a  b   c  '] ['  a  b', 'c'] ['a', 'b   c  '] ['  a  b   c  '] ['  a  b   c  '] 'a  b   c' ('  a  b   c  ', '', '') ('', '', '  a  b   c  ')",
            "['a', 'b', 'c'] ['a b c'] ['a b c'] ['a b', 'c'] ['a', 'b c'] ['a b c'] ['a b c'] 'a b c' ('a b c', '', '') ('', '', 'a b c')",
            "[] [''] [''] [] [] [] [] '' ('', '', '') ('', '', '')",
            "[] ['   '] ['   '] [] [] ['   '] ['   '] '' ('   ', '', '') ('', '', '   ')",
            "['a', 'b', 'c', 'd', 'e'] ['\\ta\\n\\nb\\r\\nc\\x0bd\\x0ce'] ['\\ta\\n\\nb\\r\\nc\\x0bd\\x0ce'] ['\\ta\\n\\nb\\r\\nc\\x0bd', 'e'] ['a', 'b\\r\\nc\\x0bd\\x0ce'] ['\\ta', '', 'b', 'c', 'd', 'e'] ['\\ta\\n', '\\n', 'b\\r\\n', 'c\\x0b', 'd\\x0c', 'e'] 'a\\n\\nb\\r\\nc\\x0bd\\x0ce' ('\\ta\\n\\nb\\r\\nc\\x0bd\\x0ce', '', '') ('', '', '\\ta\\n\\nb\\r\\nc\\x0bd\\x0ce')",
            "['one'] ['one'] ['one'] ['one'] ['one'] ['one'] ['one'] 'one' ('one', '', '') ('', '', 'one')",
            "['a,b,,c,'] ['a', 'b', '', 'c', ''] ['a,b,,c,'] ['a,b,,c,'] ['a,b,,c,'] ['a,b,,c,'] ['a,b,,c,'] 'a,b,,c,' ('a', ',', 'b,,c,') ('a,b,,c', ',', '')",
            "[',a,'] ['', 'a', ''] [',a,'] [',a,'] [',a,'] [',a,'] [',a,'] ',a,' ('', ',', 'a,') (',a', ',', '')",
            "['x::y::z'] ['x::y::z'] ['x', 'y', 'z'] ['x::y::z'] ['x::y::z'] ['x::y::z'] ['x::y::z'] 'x::y::z' ('x::y::z', '', '') ('', '', 'x::y::z')",
        ]
        for (s, want) in zip(tests, expected) {
            let x = py.v(s)
            let got = [
                try py.method(x, "split"), try py.method(x, "split", py.v(",")), try py.method(x, "split", py.v("::")),
                try py.method(x, "rsplit", py.none, py.v(1)), try py.method(x, "split", py.none, py.v(1)),
                try py.method(x, "splitlines"), try py.method(x, "splitlines", py.v(true)), try py.method(x, "strip"),
                try py.method(x, "partition", py.v(",")), try py.method(x, "rpartition", py.v(",")),
            ].map { py.repr($0) }.joined(separator: " ")
            #expect(got == want, "\(py.repr(x))")
        }
        let abcde = py.v("a b c d e")
        #expect(py.repr(try py.method(abcde, "split", py.none, py.v(2))) == "['a', 'b', 'c d e']")
        #expect(py.repr(try py.method(py.v("a b c"), "split", py.v(" "), py.v(0))) == "['a b c']")
        #expect(py.repr(try py.method(py.v("a,b,c,d"), "rsplit", py.v(","), py.v(2))) == "['a,b', 'c', 'd']")
        #expect(py.repr(try py.method(py.v("a,b,c,d"), "split", kw: [("sep", py.v(",")), ("maxsplit", py.v(1))])) == "['a', 'b,c,d']")
        #expect(py.error { () throws(PyException) in try py.method(py.v("a"), "split", py.v("")) } == "ValueError: empty separator")
    }

    @Test func strSearchCaseAndLayout() throws {
        let py = Py()
        let s = py.v("ab\u{e9}c\u{e9}d")
        let searches = [try py.method(s, "find", py.v("\u{e9}")), try py.method(s, "rfind", py.v("\u{e9}")),
                        try py.method(s, "find", py.v("c"), py.v(3)), try py.method(py.v("abc"), "find", py.v(""), py.v(5)),
                        try py.method(py.v("abc"), "find", py.v(""), py.v(3)), try py.method(py.v("aaa"), "count", py.v("a"), py.v(1)),
                        try py.method(py.v("aaa"), "count", py.v("")), try py.method(py.v("abcabc"), "count", py.v("bc"), py.v(-3)),
                        try py.method(py.v("abc"), "replace", py.v(""), py.v("-")), try py.method(py.v("aaaa"), "replace", py.v("a"), py.v("b"), py.v(2)),
                        try py.method(py.v("Hello"), "endswith", py.tuple([py.v("x"), py.v("lo")]), py.v(1), py.v(5)),
                        try py.method(py.v("Hello"), "startswith", py.v("ell"), py.v(1))]
        #expect(searches.map { py.str($0) }.joined(separator: " ") == "2 4 3 -1 3 2 4 1 -a-b-c- bbaa True True")
        let layout = [try py.method(py.v("hello world"), "title"), try py.method(py.v("it's a dog's life"), "title"),
                      try py.method(py.v("\u{fc}ber"), "capitalize"), try py.method(py.v("stra\u{df}e"), "upper"),
                      try py.method(py.v("ab"), "center", py.v(5), py.v("*")), try py.method(py.v("ab"), "center", py.v(6), py.v("*")),
                      try py.method(py.v("abc"), "center", py.v(6)), try py.method(py.v("-42"), "zfill", py.v(6)),
                      try py.method(py.v("+"), "zfill", py.v(3)), try py.method(py.v("x"), "rjust", py.v(3), py.v(".")),
                      try py.method(py.v("a\tbc\td"), "expandtabs", py.v(4))]
        #expect(layout.map { py.str($0) }.joined(separator: " ") == "Hello World It'S A Dog'S Life \u{dc}ber STRASSE **ab* **ab**  abc   -00042 +00 ..x a   bc  d")
        #expect(py.error { () throws(PyException) in try py.method(py.v("a"), "index", py.v("b")) } == "ValueError: substring not found")
        #expect(py.error { () throws(PyException) in try py.method(py.v(","), "join", py.list([py.v("a"), py.v(1)])) }
                == "TypeError: sequence item 1: expected str instance, int found")
        #expect(py.error { () throws(PyException) in try py.method(py.v("a"), "startswith", py.v(1)) }
                == "TypeError: startswith first arg must be str or a tuple of str, not int")
        #expect(py.str(try py.method(py.v("-"), "join", py.list([py.v("x"), py.v("y"), py.v("z")]))) == "x-y-z")
        let predicates = ["abc", "abc1", "", "\u{e9}t\u{e9}", "123", " \t\n", "ABC", "AbC", "A1", "\u{661}"].map { py.v($0) }
        var flags = ""
        for p in predicates {
            for name in ["isalpha", "isalnum", "isdigit", "isspace", "isupper", "islower"] {
                flags += try py.method(p, name) == py.rt.trueObject ? "1" : "0"
            }
            flags += " "
        }
        #expect(flags == "110001 010001 000000 110001 011000 000100 110010 110000 010010 011000 ")
    }

    @Test func strFormatAndFormatSpec() throws {
        let py = Py()
        func format(_ f: String, _ args: Ref..., kw: [(String, Ref)] = []) throws(PyException) -> String {
            try args.withUnsafeBufferPointer { buf throws(PyException) in
                let names = kw.isEmpty ? Ref.null : py.rt.newTuple(kw.map { py.rt.intern($0.0) })
                let values = kw.map(\.1)
                return try values.withUnsafeBufferPointer { kwBuf throws(PyException) in
                    try py.rt.strFormat(f, Arguments(positional: buf, keywordNames: names, keywordValues: kwBuf))
                }
            }
        }
        #expect(try format("{:>8}|{:<8}|{:^8}|{:*^9}", py.v("r"), py.v("l"), py.v("c"), py.v("star")) == "       r|l       |   c    |**star***")
        #expect(try format("{:.3f}|{:10.2f}|{:e}|{:g}|{:%}|{:,}", py.v(3.14159), py.v(2.5), py.v(1234.5), py.v(0.00001), py.v(0.125), py.v(1234567))
                == "3.142|      2.50|1.234500e+03|1e-05|12.500000%|1,234,567")
        #expect(try format("{:x}|{:#o}|{:b}|{:08.3f}|{:+d}", py.v(255), py.v(8), py.v(5), py.v(-3.14159), py.v(7)) == "ff|0o10|101|-003.142|+7")
        #expect(try format("{!r}|{!s}|{!r:>12}|", py.v("it's"), py.v("s"), py.v("x")) == "\"it's\"|s|         'x'|")
        #expect(try format("{{}} {{{}}} {{x}}", py.v("in")) == "{} {in} {x}")
        let d = py.rt.newDict()
        try py.rt.dictSet(d, py.v("k"), py.v("vee"))
        #expect(try format("{0[0]} {0[2]} {1[k]}", py.list([py.v(10), py.v(20), py.v(30)]), d) == "10 30 vee")
        #expect(try format("{:>{}}|{:.{}f}|{:{}{}}", py.v("dyn"), py.v(10), py.v(3.14159), py.v(2), py.v("z"), py.v("^"), py.v(7)) == "       dyn|3.14|   z   ")
        #expect(try format("{name} is {age}", kw: [("name", py.v("Ann")), ("age", py.v(30))]) == "Ann is 30")
        #expect(py.error { () throws(PyException) in py.v(try format("{0}{}", py.v(1), py.v(2))) }
                == "ValueError: cannot switch from manual field specification to automatic field numbering")
        #expect(py.error { () throws(PyException) in py.v(try format("{1}", py.v(1))) }
                == "IndexError: Replacement index 1 out of range for positional args tuple")
        #expect(py.error { () throws(PyException) in py.v(try format("{x}")) } == "KeyError: 'x'")

        let specs: [(Ref, String)] = [(py.v(1234567.891), ",.2f"), (py.v(1234), "012,"), (py.v(-1234), "=+10"), (py.v(3), "^7b"),
                                     (py.v(255), "#X"), (py.v(12345678), "_x"), (py.v(-0.0), "z.1f"), (py.v(1.0), ".3"), (py.v(1e16), ""),
                                     (py.v(12.0), "10"), (py.v(Double.infinity), "05"), (py.v(true), ">5"), (py.v(0.5), ".0%"),
                                     (py.v(1e-10), "g"), (py.v(123456789.0), ".3g"), (py.v("abc"), ".2"), (py.v("x"), "^5")]
        var out: [String] = []
        for (value, spec) in specs { out.append(try py.rt.formatValue(value, spec: spec)) }
        #expect(out.joined(separator: " ") == "1,234,567.89 0,000,001,234 -     1234   11    0XFF bc_614e 0.0 1.0 1e+16       12.0 00inf     1 50% 1e-10 1.23e+08 ab   x  ")
        #expect(py.error { () throws(PyException) in py.v(try py.rt.formatValue(py.v(1.5), spec: "d")) } == "ValueError: Unknown format code 'd' for object of type 'float'")
        #expect(py.error { () throws(PyException) in py.v(try py.rt.formatValue(py.v("s"), spec: "+")) } == "ValueError: Sign not allowed in string format specifier")
        #expect(py.error { () throws(PyException) in py.v(try py.rt.formatValue(py.list([]), spec: "x")) } == "TypeError: unsupported format string passed to list.__format__")
    }

    @Test func percentFormatting() throws {
        let py = Py()
        func pct(_ f: String, _ args: Ref) throws(PyException) -> String { py.str(try py.rt.percentFormat(py.v(f), args)) }
        #expect(try pct("%d %s %5.2f %r %x", py.tuple([py.v(42), py.v("str"), py.v(3.14159), py.v("it's"), py.v(255)])) == "42 str  3.14 \"it's\" ff")
        #expect(try pct("%i|%5d|%-5d|%05d|%+d|%+d|% d", py.tuple([7, 42, 42, 42, 42, -42, 42].map { py.v($0) })) == "7|   42|42   |00042|+42|-42| 42")
        #expect(try pct("%f|%.0f|%.1f|%10.3f|%-10.3f|%010.3f|%+.2f", py.tuple([2.5, 2.5, 0.05, 3.14159, 3.14159, -3.14159, 1.0].map { py.v($0) }))
                == "2.500000|2|0.1|     3.142|3.142     |-00003.142|+1.00")
        #expect(try pct("%e|%.2e|%E|%g|%g|%g|%G|%.3g", py.tuple([12345.678, 0.000123, 1e-10, 0.0001, 0.00001, 1e16, 1e-20, 3.14159].map { py.v($0) }))
                == "1.234568e+04|1.23e-04|1.000000E-10|0.0001|1e-05|1e+16|1E-20|3.14")
        #expect(try pct("%x|%X|%#x|%#X|%o|%#o|%08x|%-6x|", py.tuple([255, 255, 255, 255, 8, 8, 48879, 10].map { py.v($0) })) == "ff|FF|0xff|0XFF|10|0o10|0000beef|a     |")
        #expect(try pct("%d%%|%.1f%%|100%%", py.tuple([py.v(50), py.v(12.345)])) == "50%|12.3%|100%")
        #expect(try pct("%c%c%c", py.tuple([py.v(72), py.v(105), py.v(33)])) == "Hi!")
        let d = py.rt.newDict()
        try py.rt.dictSet(d, py.v("a"), py.v("x"))
        try py.rt.dictSet(d, py.v("b"), py.v(2.25))
        #expect(try pct("%(a)s %(b)05.1f", d) == "x 002.2")
        #expect(try pct("%s", d) == "{'a': 'x', 'b': 2.25}")
        #expect(try pct("%*d|%-*d|%.*f", py.tuple([py.v(5), py.v(1), py.v(4), py.v(2), py.v(2), py.v(3.14159)])) == "    1|2   |3.14")
        #expect(try pct("%d", py.v(3.99)) == "3")
        #expect(py.error { () throws(PyException) in py.v(try pct("%d", py.v("x"))) } == "TypeError: %d format: a real number is required, not str")
        #expect(py.error { () throws(PyException) in py.v(try pct("%s %s", py.tuple([py.v("only one")]))) } == "TypeError: not enough arguments for format string")
        #expect(py.error { () throws(PyException) in py.v(try pct("%s", py.tuple([py.v("a"), py.v("b")]))) } == "TypeError: not all arguments converted during string formatting")
        #expect(py.error { () throws(PyException) in py.v(try pct("%z", py.v(1))) } == "ValueError: unsupported format character 'z' (0x7a) at index 1")
        #expect(py.error { () throws(PyException) in py.v(try pct("%x", py.v(1.5))) } == "TypeError: %x format: an integer is required, not float")
    }

    @Test func reprOfStringsAndContainers() throws {
        let py = Py()
        #expect(py.repr(py.v("\u{a0}\u{2028}\u{1F600}\u{85}\u{e9}\u{7f}\u{0}")) == "'\\xa0\\u2028\u{1F600}\\x85\u{e9}\\x7f\\x00'")
        #expect(py.repr(py.v("it's")) == "\"it's\"")
        #expect(py.repr(py.v("a'b\"c")) == "'a\\'b\"c'")
        let l = py.list([py.v(1)])
        py.rt.listAppend(l, l)
        #expect(py.repr(l) == "[1, [...]]")
        let d = py.rt.newDict()
        try py.rt.dictSet(d, py.v("self"), d)
        #expect(py.repr(d) == "{'self': {...}}")
        #expect(py.repr(py.tuple([py.v(1)])) == "(1,)")
        #expect(py.repr(py.rt.newSet()) == "set()")
        let keys = try py.method(d, "keys"), items = try py.method(d, "items")
        try py.rt.dictSet(d, py.v(2), py.v(3.5))
        #expect(py.repr(keys) == "dict_keys(['self', 2])")
        #expect(py.repr(try py.method(d, "values")) == "dict_values([{'self': {...}, 2: 3.5}, 3.5])")
        #expect(py.repr(try py.call("len", items)) == "2")
        #expect(try py.rt.contains(items, py.tuple([py.v(2), py.v(3.5)])))
    }

    @Test func iteratorsAreLazy() throws {
        let py = Py()
        let e = try py.call("enumerate", py.list([py.v("x"), py.v("y")]), py.v(1))
        #expect(py.repr(try py.call("next", e)) == "(1, 'x')")
        #expect(py.repr(try py.call("list", e)) == "[(2, 'y')]")
        let z = try py.call("zip", py.list([py.v(1), py.v(2), py.v(3)]), py.v("ab"))
        #expect(py.repr(try py.call("list", z)) == "[(1, 'a'), (2, 'b')]")
        let r = try py.call("reversed", try py.call("range", py.v(0), py.v(10), py.v(3)))
        #expect(py.repr(try py.call("list", r)) == "[9, 6, 3, 0]")
        let it = try py.call("iter", py.v("hi"))
        _ = try py.call("next", it)
        _ = try py.call("next", it)
        #expect(py.repr(try py.call("next", it, py.v("<end>"))) == "'<end>'")
        #expect(py.error { () throws(PyException) in try py.call("next", it) } == "StopIteration: ")
        #expect(py.error { () throws(PyException) in try py.call("next", py.list([])) } == "TypeError: 'list' object is not an iterator")
        let m = try py.call("map", py.rt.dictGetStr(py.rt.builtinsDict, py.rt.intern("abs")), py.list([py.v(-1), py.v(2)]))
        #expect(py.repr(try py.call("list", m)) == "[1, 2]")
        let f = try py.call("filter", py.none, py.list([py.v(0), py.v(1), py.v(""), py.v("a")]))
        #expect(py.repr(try py.call("list", f)) == "[1, 'a']")
    }

    @Test func aggregatesAndConversions() throws {
        let py = Py()
        let xs = py.list([py.v(3), py.v(1), py.v(2)])
        #expect(py.repr(try py.call("min", xs)) == "1")
        #expect(py.repr(try py.call("max", py.v(3), py.v(7), py.v(5))) == "7")
        #expect(py.repr(try py.call("max", py.list([]), kw: [("default", py.none)])) == "None")
        #expect(py.error { () throws(PyException) in try py.call("max", py.list([])) } == "ValueError: max() arg is an empty sequence")
        #expect(py.repr(try py.call("sum", xs)) == "6")
        #expect(py.repr(try py.call("sum", py.list([py.v(0.1), py.v(0.2)]), py.v(1))) == "1.3")
        #expect(py.error { () throws(PyException) in try py.call("sum", xs, py.v("")) } == "TypeError: sum() can't sum strings [use ''.join(seq) instead]")
        #expect(try py.call("any", py.list([py.v(0), py.v(2)])) == py.rt.trueObject)
        #expect(try py.call("all", py.list([py.v(1), py.v(0)])) == py.rt.falseObject)
        let conversions = [try py.call("int", py.v("  42 ")), try py.call("int", py.v("-0x1f"), py.v(16)), try py.call("int", py.v("0b101"), py.v(0)),
                           try py.call("int", py.v("1_000")), try py.call("int", py.v("z"), py.v(36)), try py.call("int", py.v("\u{661}\u{662}")),
                           try py.call("float", py.v(" 1.5e3 ")), try py.call("float", py.v("-inf")), try py.call("float", py.v("1_0.5")),
                           try py.call("int", py.v(-3.9)), try py.call("int", py.v(true))]
        #expect(conversions.map { py.repr($0) }.joined(separator: " ") == "42 -31 5 1000 35 12 1500.0 -inf 10.5 -3 1")
        #expect(py.error { () throws(PyException) in try py.call("int", py.v("abc")) } == "ValueError: invalid literal for int() with base 10: 'abc'")
        #expect(py.error { () throws(PyException) in try py.call("int", py.v("1__0")) } == "ValueError: invalid literal for int() with base 10: '1__0'")
        #expect(py.error { () throws(PyException) in try py.call("float", py.v("0x10")) } == "ValueError: could not convert string to float: '0x10'")
        #expect(py.error { () throws(PyException) in try py.call("int", py.list([])) }
                == "TypeError: int() argument must be a string, a bytes-like object or a real number, not 'list'")
        #expect(py.repr(try py.call("int", py.v("123456789012345678901234567890"))) == "123456789012345678901234567890")
        #expect(py.repr(try py.call("divmod", py.v(-7), py.v(2))) == "(-4, 1)")
        #expect(py.repr(try py.call("divmod", py.v(7.5), py.v(-2))) == "(-4.0, -0.5)")
        #expect(py.repr(try py.call("pow", py.v(3), py.v(-1), py.v(7))) == "5")
        #expect(py.repr(try py.call("hex", py.v(-255))) + py.repr(try py.call("bin", py.v(5))) + py.repr(try py.call("oct", py.v(8))) == "'-0xff''0b101''0o10'")
        #expect(py.repr(try py.call("chr", py.v(0x1F600))) == "'\u{1F600}'")
        #expect(py.error { () throws(PyException) in try py.call("ord", py.v("ab")) } == "TypeError: ord() expected a character, but string of length 2 found")
        #expect(py.repr(try py.call("isinstance", py.v(true), py.tuple([py.rt.types.str, py.rt.types.int]))) == "True")
        #expect(py.repr(try py.call("range", py.v(5))) == "range(0, 5)")
        #expect(py.error { () throws(PyException) in try py.call("range", py.v(1.5)) } == "TypeError: 'float' object cannot be interpreted as an integer")
        let d = try py.call("dict", py.list([py.tuple([py.v("a"), py.v(1)])]), kw: [("b", py.v(2))])
        #expect(py.repr(d) == "{'a': 1, 'b': 2}")
        #expect(py.error { () throws(PyException) in try py.call("dict", py.list([py.list([py.v(1), py.v(2), py.v(3)])])) }
                == "ValueError: dictionary update sequence element #0 has length 3; 2 is required")
        #expect(py.repr(try py.call("ValueError", py.v("bad"))) == "ValueError('bad')")
    }

    @Test func printWritesThroughStdout() throws {
        let py = Py()
        _ = try py.call("print", py.v(1), py.v("a"), py.list([py.v(2.5)]), kw: [("sep", py.v("-")), ("end", py.v("!\n"))])
        _ = try py.call("print")
        #expect(py.output == "1-a-[2.5]!\n\n")
    }

    @Test func listDictSetMethods() throws {
        let py = Py()
        let l = py.list([1, 2, 3, 2].map { py.v($0) })
        _ = try py.method(l, "insert", py.v(-1), py.v(9))
        _ = try py.method(l, "remove", py.v(2))
        #expect(py.repr(l) == "[1, 3, 9, 2]")
        #expect(py.repr(try py.method(l, "pop")) == "2")
        #expect(py.repr(try py.method(l, "index", py.v(9))) == "2")
        #expect(py.error { () throws(PyException) in try py.method(l, "index", py.v(7)) } == "ValueError: 7 is not in list")
        #expect(py.error { () throws(PyException) in try py.method(py.list([]), "pop") } == "IndexError: pop from empty list")
        let d = try py.call("dict", kw: [("a", py.v(1))])
        #expect(py.repr(try py.method(d, "setdefault", py.v("b"), py.v(2))) == "2")
        #expect(py.repr(try py.method(d, "get", py.v("z"), py.v(0))) == "0")
        #expect(py.repr(try py.method(d, "popitem")) == "('b', 2)")
        #expect(py.error { () throws(PyException) in try py.method(d, "pop", py.v("z")) } == "KeyError: 'z'")
        let s = try py.call("set", py.list([1, 2, 3].map { py.v($0) }))
        let t = try py.call("set", py.list([2, 3, 4].map { py.v($0) }))
        #expect(py.repr(try py.call("sorted", try py.rt.binaryOp(.xor, s, t))) == "[1, 4]")
        #expect(py.repr(try py.call("sorted", try py.method(s, "union", py.list([py.v(7)])))) == "[1, 2, 3, 7]")
        #expect(py.repr(try py.rt.compare(.lt, try py.call("set", py.list([py.v(2)])), t)) == "True")
        #expect(py.error { () throws(PyException) in try py.method(py.rt.newSet(), "pop") } == "KeyError: 'pop from an empty set'")
    }

    @Test func mathModule() throws {
        let py = Py()
        let math = try py.module("math")
        #expect(py.repr(try py.call(math, "sqrt", py.v(81))) == "9.0")
        #expect(py.repr(try py.call(math, "floor", py.v(-1.5))) == "-2")
        #expect(py.repr(try py.call(math, "gcd", py.v(12), py.v(8))) == "4")
        #expect(py.repr(try py.call(math, "hypot", py.v(3), py.v(4))) == "5.0")
        #expect(py.repr(try py.call(math, "log", py.v(8), py.v(2))) == "3.0")
        #expect(py.error { () throws(PyException) in try py.call(math, "sqrt", py.v(-1)) } == "ValueError: math domain error")
        #expect(py.error { () throws(PyException) in try py.call(math, "exp", py.v(1000)) } == "OverflowError: math range error")
        #expect(py.error { () throws(PyException) in try py.call(math, "log", py.v(0)) } == "ValueError: math domain error")
        #expect(py.error { () throws(PyException) in try py.call(math, "sqrt", py.v("x")) } == "TypeError: must be real number, not str")
        #expect(py.repr(try py.call(math, "factorial", py.v(20))) == "2432902008176640000")
        #expect(py.repr(try py.call(math, "fsum", py.list(Array(repeating: py.v(0.1), count: 10)))) == "1.0")
    }

    @Test func sysModuleAndExit() throws {
        let py = Py()
        py.rt.argv = ["prog.py", "x"]
        let sys = try py.module("sys")
        #expect(py.repr(py.rt.dictGetStr(sys.ref(py.rt.L.moduleDict), py.rt.intern("argv"))) == "['prog.py', 'x']")
        #expect(py.error { () throws(PyException) in try py.call(sys, "exit", py.v(3)) } == "SystemExit: 3")
        _ = try py.call(sys, "setrecursionlimit", py.v(50))
        #expect(py.rt.recursionLimit == 50)
    }

    @Test func abcAndEnum() throws {
        let py = Py()
        let rt = py.rt
        let abcModule = try py.module("abc")
        let abc = rt.dictGetStr(abcModule.ref(rt.L.moduleDict), rt.intern("ABC"))
        let mark = rt.dictGetStr(abcModule.ref(rt.L.moduleDict), rt.intern("abstractmethod"))
        let shape = rt.newType(name: "Shape", base: abc, layout: rt.L.instance, flags: 0, module: "__main__")
        rt.tempRoots.append(shape)
        defer { rt.tempRoots.removeLast() }
        // Stand-ins for functions: any object works as a marked "function".
        for name in ["perimeter", "area"] {
            let f = rt.newBuiltin(name) { rt, _, _ in rt.none }
            rt.dictSetStr(shape.ref(rt.L.typeDict), rt.intern(name), try rt.call(mark, [f]))
        }
        #expect(rt.abstractMethodNames(of: shape) == ["area", "perimeter"])
        #expect(py.error { () throws(PyException) in try rt.checkInstantiable(shape); return rt.none }
                == "TypeError: Can't instantiate abstract class Shape with abstract methods area, perimeter")

        let enumModule = try py.module("enum")
        let enumBase = rt.dictGetStr(enumModule.ref(rt.L.moduleDict), rt.intern("Enum"))
        let color = rt.newType(name: "Color", base: enumBase, layout: rt.L.instance, flags: 0, module: "__main__")
        rt.tempRoots.append(color)
        defer { rt.tempRoots.removeLast() }
        for (name, value) in [("RED", 1), ("GREEN", 2), ("CRIMSON", 1)] { rt.dictSetStr(color.ref(rt.L.typeDict), rt.intern(name), py.v(value)) }
        try rt.finishEnumClass(color)
        let red = rt.dictGetStr(color.ref(rt.L.typeDict), rt.intern("RED"))
        let reprMethod = rt.lookupInType(color, rt.intern("__repr__"))
        let strMethod = rt.lookupInType(color, rt.intern("__str__"))
        #expect(py.str(try rt.call(reprMethod, [red])) == "<Color.RED: 1>")
        #expect(py.str(try rt.call(strMethod, [red])) == "Color.RED")
        #expect(rt.dictGetStr(color.ref(rt.L.typeDict), rt.intern("CRIMSON")) == red)
        #expect(py.repr(rt.ownAttribute(red, rt.intern("name"))) == "'RED'")
    }
}
