import Meta
#if canImport(Glibc)
import Glibc
#endif

/// Methods of `str`.
extension Runtime {
    func installStrMethods() {
        let str = types.str
        installStrSearch(str)
        installStrSplitting(str)
        installStrCase(str)
        installStrPredicates(str)
        installStrLayout(str)
        defineTypedMethod(str, "join") { rt, me, args throws(PyException) in
            try args.check("join", min: 1, max: 1, rt)
            return try rt.strJoin(me, args[0])
        }
        defineTypedMethod(str, "format") { rt, me, args throws(PyException) in
            rt.newStr(try rt.strFormat(rt.string(me), args))
        }
        defineTypedMethod(str, "format_map") { rt, me, args throws(PyException) in
            try args.check("format_map", min: 1, max: 1, rt)
            return rt.newStr(try rt.strFormat(rt.string(me), Arguments(positional: .init(start: nil, count: 0)), mapping: args[0]))
        }
        defineTypedMethod(str, "replace") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "replace")
            try args.check("replace", min: 2, max: 3, rt)
            let old = try rt.strOperand(args[0], "replace() argument 1 must be str, not \(rt.typeName(args[0]))")
            let new = try rt.strOperand(args[1], "replace() argument 2 must be str, not \(rt.typeName(args[1]))")
            let count = args.count == 3 ? try rt.indexArgument(args[2]) : -1
            return rt.strReplace(me, old, new, count)
        }
    }

    // MARK: searching

    private func installStrSearch(_ str: Ref) {
        for (name, reverse, raises) in [("find", false, false), ("rfind", true, false), ("index", false, true), ("rindex", true, true)] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.noKeywords(rt, name)
                if args.count == 0 { throw rt.typeError("\(name)() takes at least 1 argument (0 given)") }
                try args.check(name, min: 1, max: 3, rt)
                let needle = try rt.strOperand(args[0], "must be str, not \(rt.typeName(args[0]))")
                let (start, end) = try rt.strBounds(me, args, 1)
                if start <= rt.strLength(me) {
                    let hay = rt.strBytes(me)
                    if let at = Self.findBytes(hay, rt.strBytes(needle), rt.byteOffset(me, start), rt.byteOffset(me, max(end, start)), reverse: reverse) {
                        return rt.newInt(rt.charIndex(me, at))
                    }
                }
                if raises { throw rt.valueError("substring not found") }
                return rt.newInt(-1)
            }
        }
        defineTypedMethod(str, "count") { rt, me, args throws(PyException) in
            try args.noKeywords(rt, "count")
            try args.check("count", min: 1, max: 3, rt)
            let needle = try rt.strOperand(args[0], "must be str, not \(rt.typeName(args[0]))")
            let (start, end) = try rt.strBounds(me, args, 1)
            if start > rt.strLength(me) || end < start { return rt.newInt(0) }
            if rt.strLength(needle) == 0 { return rt.newInt(end - start + 1) }
            let hay = rt.strBytes(me), n = rt.strBytes(needle)
            var at = rt.byteOffset(me, start)
            let hi = rt.byteOffset(me, end)
            var count = 0
            while let found = Self.findBytes(hay, n, at, hi) {
                count += 1
                at = found + n.count
            }
            return rt.newInt(count)
        }
        for (name, suffix) in [("startswith", false), ("endswith", true)] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.noKeywords(rt, name)
                try args.check(name, min: 1, max: 3, rt)
                let (start, end) = try rt.strBounds(me, args, 1)
                let candidates = args[0].typeID == rt.L.tuple.id ? rt.items(args[0]) : [args[0]]
                for c in candidates {
                    guard c.typeID == rt.L.str.id else {
                        if args[0].typeID == rt.L.tuple.id { throw rt.typeError("tuple for \(name) must only contain str, not \(rt.typeName(c))") }
                        throw rt.typeError("\(name) first arg must be str or a tuple of str, not \(rt.typeName(c))")
                    }
                    if start > rt.strLength(me) || end - start < rt.strLength(c) { continue }
                    let lo = rt.byteOffset(me, start), hi = rt.byteOffset(me, end)
                    let n = rt.strBytes(c).count
                    if hi - lo < n { continue }
                    let at = suffix ? hi - n : lo
                    if n == 0 || memcmp(rt.strBytes(me).baseAddress! + at, rt.strBytes(c).baseAddress!, n) == 0 { return rt.trueObject }
                }
                return rt.falseObject
            }
        }
        for (name, isPrefix) in [("removeprefix", true), ("removesuffix", false)] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                let affix = try rt.strOperand(args[0], "\(name)() argument must be str, not \(rt.typeName(args[0]))")
                let b = rt.strBytes(me), a = rt.strBytes(affix)
                guard a.count > 0 && a.count <= b.count else { return me }
                let at = isPrefix ? 0 : b.count - a.count
                guard memcmp(b.baseAddress! + at, a.baseAddress!, a.count) == 0 else { return me }
                return rt.substring(me, isPrefix ? a.count..<b.count : 0..<(b.count - a.count))
            }
        }
    }

    // MARK: splitting

    private func installStrSplitting(_ str: Ref) {
        for (name, reverse) in [("split", false), ("rsplit", true)] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                let slots = try args.bind(rt, name, ["sep", "maxsplit"])
                let maxsplit = try slots[1].map { v throws(PyException) in try rt.indexArgument(v) } ?? -1
                let limit = maxsplit < 0 ? Int.max : maxsplit
                guard let sep = slots[0], sep != rt.none else {
                    return rt.newList(rt.splitWhitespace(me, limit, reverse: reverse))
                }
                _ = try rt.strOperand(sep, "must be str or None, not \(rt.typeName(sep))")
                if rt.strBytes(sep).count == 0 { throw rt.valueError("empty separator") }
                return rt.newList(rt.splitOn(me, sep, limit, reverse: reverse))
            }
        }
        defineTypedMethod(str, "splitlines") { rt, me, args throws(PyException) in
            let slots = try args.bind(rt, "splitlines", ["keepends"])
            return rt.newList(rt.splitLines(me, keepEnds: try slots[0].map { v throws(PyException) in try rt.isTrue(v) } ?? false))
        }
        for (name, reverse) in [("partition", false), ("rpartition", true)] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 1, max: 1, rt)
                let sep = try rt.strOperand(args[0], "must be str, not \(rt.typeName(args[0]))")
                let b = rt.strBytes(me), n = rt.strBytes(sep).count
                if n == 0 { throw rt.valueError("empty separator") }
                guard let at = Self.findBytes(b, rt.strBytes(sep), 0, b.count, reverse: reverse) else {
                    let empty = rt.intern("")
                    return rt.newTuple(reverse ? [empty, empty, me] : [me, empty, empty])
                }
                return rt.newTuple([rt.substring(me, 0..<at), sep, rt.substring(me, (at + n)..<b.count)])
            }
        }
        for (name, left, right) in [("strip", true, true), ("lstrip", true, false), ("rstrip", false, true)] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.noKeywords(rt, name)
                try args.check(name, min: 0, max: 1, rt)
                var chars: Set<UInt32>? = nil
                if args.count == 1 && args[0] != rt.none {
                    let c = try rt.strOperand(args[0], "\(name) arg must be None or str")
                    chars = Set(rt.string(c).unicodeScalars.map(\.value))
                }
                let strip: (UInt32) -> Bool = chars.map { set in { set.contains($0) } } ?? { Self.isPythonSpace(Unicode.Scalar($0)!) }
                let b = rt.strBytes(me)
                var lo = 0, hi = b.count
                while left && lo < hi {
                    let (c, next) = Self.decode(b, at: lo)
                    if !strip(c) { break }
                    lo = next
                }
                while right && hi > lo {
                    let (c, start) = Self.decode(b, before: hi)
                    if !strip(c) { break }
                    hi = start
                }
                return rt.substring(me, lo..<hi)
            }
        }
    }

    /// `s.split()` / `s.rsplit()` on runs of whitespace, at most `limit` splits.
    func splitWhitespace(_ s: Ref, _ limit: Int, reverse: Bool) -> [Ref] {
        let b = strBytes(s)
        var parts: [Range<Int>] = []
        func isSpace(_ c: UInt32) -> Bool { Self.isPythonSpace(Unicode.Scalar(c)!) }
        if !reverse {
            var i = 0
            while i < b.count {
                while i < b.count, case let (c, next) = Self.decode(b, at: i), isSpace(c) { i = next }
                if i >= b.count { break }
                if parts.count == limit {
                    // The rest (trailing whitespace included) is the last part.
                    parts.append(i..<b.count)
                    break
                }
                let start = i
                while i < b.count, case let (c, next) = Self.decode(b, at: i), !isSpace(c) { i = next }
                parts.append(start..<i)
            }
        } else {
            var i = b.count
            while i > 0 {
                while i > 0, case let (c, start) = Self.decode(b, before: i), isSpace(c) { i = start }
                if i <= 0 { break }
                if parts.count == limit { parts.append(0..<i); break }
                let end = i
                while i > 0, case let (c, start) = Self.decode(b, before: i), !isSpace(c) { i = start }
                parts.append(i..<end)
            }
            parts.reverse()
        }
        return parts.map { substring(s, $0) }
    }

    /// `s.split(sep)` / `s.rsplit(sep)`, at most `limit` splits.
    func splitOn(_ s: Ref, _ sep: Ref, _ limit: Int, reverse: Bool) -> [Ref] {
        let b = strBytes(s), n = strBytes(sep)
        var parts: [Range<Int>] = []
        if !reverse {
            var start = 0
            while parts.count < limit, let at = Self.findBytes(b, n, start, b.count) {
                parts.append(start..<at)
                start = at + n.count
            }
            parts.append(start..<b.count)
        } else {
            var end = b.count
            while parts.count < limit, let at = Self.findBytes(b, n, 0, end, reverse: true) {
                parts.append((at + n.count)..<end)
                end = at
            }
            parts.append(0..<end)
            parts.reverse()
        }
        return parts.map { substring(s, $0) }
    }

    /// `s.splitlines(keepends)`: splits at \n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, \u2028, \u2029.
    func splitLines(_ s: Ref, keepEnds: Bool) -> [Ref] {
        let b = strBytes(s)
        var parts: [Ref] = []
        var start = 0, i = 0
        while i < b.count {
            let (c, next) = Self.decode(b, at: i)
            switch c {
            case 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029:
                var end = next
                if c == 0x0D && end < b.count && b[end] == 0x0A { end += 1 }
                parts.append(substring(s, start..<(keepEnds ? end : i)))
                start = end
                i = end
            default:
                i = next
            }
        }
        if start < b.count { parts.append(substring(s, start..<b.count)) }
        return parts
    }

    /// `sep.join(iterable)`.
    func strJoin(_ sep: Ref, _ iterable: Ref) throws(PyException) -> Ref {
        let items = try collect(iterable)
        var bytes: [UInt8] = []
        var length = 0
        for (i, x) in items.enumerated() {
            guard x.typeID == L.str.id else {
                throw typeError("sequence item \(i): expected str instance, \(typeName(x)) found")
            }
            if i > 0 { bytes.append(contentsOf: strBytes(sep)); length += strLength(sep) }
            bytes.append(contentsOf: strBytes(x))
            length += strLength(x)
        }
        if items.count == 1 { return items[0] }
        return bytes.withUnsafeBytes { newStr(utf8: $0, length: length) }
    }

    /// `s.replace(old, new, count)`.
    func strReplace(_ s: Ref, _ old: Ref, _ new: Ref, _ count: Int) -> Ref {
        let b = strBytes(s), o = strBytes(old), n = strBytes(new)
        let limit = count < 0 ? Int.max : count
        var out: [UInt8] = []
        var replaced = 0
        if o.count == 0 {
            // An empty pattern matches before every code point and at the end.
            var i = 0
            while i <= b.count {
                if replaced < limit { out.append(contentsOf: n); replaced += 1 }
                if i == b.count { break }
                let next = Self.decode(b, at: i).next
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[i..<next]))
                i = next
            }
        } else {
            var start = 0
            while replaced < limit, let at = Self.findBytes(b, o, start, b.count) {
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[start..<at]))
                out.append(contentsOf: n)
                start = at + o.count
                replaced += 1
            }
            if replaced == 0 { return s }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: b[start..<b.count]))
        }
        return out.withUnsafeBytes { newStr(utf8: $0) }
    }

    // MARK: case

    private func installStrCase(_ str: Ref) {
        func define(_ name: String, ascii: ((UInt8) -> UInt8)?, _ transform: @escaping (Unicode.Scalar, inout String) -> Void) {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 0, max: 0, rt)
                return rt.mapScalars(me, ascii: ascii, transform)
            }
        }
        define("upper", ascii: { $0 >= 97 && $0 <= 122 ? $0 - 32 : $0 }) { c, out in out += PyChar.upper(c) }
        define("lower", ascii: { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }) { c, out in out += PyChar.lower(c) }
        define("casefold", ascii: { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 }) { c, out in
            out += c == "\u{DF}" ? "ss" : PyChar.lower(c)
        }
        define("swapcase", ascii: nil) { c, out in
            out += PyChar.isUpper(c) ? PyChar.lower(c) : PyChar.isLower(c) ? PyChar.upper(c) : String(c)
        }
        defineTypedMethod(str, "capitalize") { rt, me, args throws(PyException) in
            try args.check("capitalize", min: 0, max: 0, rt)
            var first = true
            return rt.mapScalars(me) { c, out in
                out += first ? PyChar.title(c) : PyChar.lower(c)
                first = false
            }
        }
        defineTypedMethod(str, "title") { rt, me, args throws(PyException) in
            try args.check("title", min: 0, max: 0, rt)
            var previousCased = false
            return rt.mapScalars(me) { c, out in
                out += previousCased ? PyChar.lower(c) : PyChar.title(c)
                previousCased = PyChar.isCased(c)
            }
        }
    }

    // MARK: predicates

    private func installStrPredicates(_ str: Ref) {
        func define(_ name: String, emptyIs: Bool = false, _ test: @escaping (String.UnicodeScalarView) -> Bool) {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.check(name, min: 0, max: 0, rt)
                if rt.strLength(me) == 0 { return rt.bool(emptyIs) }
                return rt.bool(test(rt.string(me).unicodeScalars))
            }
        }
        define("isdigit") { $0.allSatisfy(PyChar.isDigit) }
        define("isdecimal") { $0.allSatisfy(PyChar.isDecimal) }
        define("isnumeric") { $0.allSatisfy(PyChar.isNumeric) }
        define("isalpha") { $0.allSatisfy(PyChar.isAlpha) }
        define("isalnum") { $0.allSatisfy(PyChar.isAlnum) }
        define("isspace") { $0.allSatisfy(Self.isPythonSpace) }
        define("isascii", emptyIs: true) { $0.allSatisfy(\.isASCII) }
        define("isprintable", emptyIs: true) { $0.allSatisfy(Self.isPrintable) }
        define("isidentifier") { s in
            guard let first = s.first, first == "_" || first.properties.isXIDStart else { return false }
            return s.dropFirst().allSatisfy { $0.properties.isXIDContinue }
        }
        define("isupper") { s in
            var cased = false
            for c in s {
                if PyChar.isLower(c) || PyChar.isTitle(c) { return false }
                if PyChar.isUpper(c) { cased = true }
            }
            return cased
        }
        define("islower") { s in
            var cased = false
            for c in s {
                if PyChar.isUpper(c) || PyChar.isTitle(c) { return false }
                if PyChar.isLower(c) { cased = true }
            }
            return cased
        }
        define("istitle") { s in
            var cased = false, previousCased = false
            for c in s {
                if PyChar.isUpper(c) || PyChar.isTitle(c) {
                    if previousCased { return false }
                    previousCased = true; cased = true
                } else if PyChar.isLower(c) {
                    if !previousCased { return false }
                    previousCased = true; cased = true
                } else {
                    previousCased = false
                }
            }
            return cased
        }
    }

    // MARK: layout

    private func installStrLayout(_ str: Ref) {
        for name in ["ljust", "rjust", "center"] {
            defineTypedMethod(str, name) { rt, me, args throws(PyException) in
                try args.noKeywords(rt, name)
                try args.check(name, min: 1, max: 2, rt)
                let width = try rt.indexArgument(args[0])
                var fill = " "
                if args.count == 2 {
                    let f = try rt.strOperand(args[1], "\(name)() argument 2 must be str, not \(rt.typeName(args[1]))")
                    guard rt.strLength(f) == 1 else { throw rt.typeError("The fill character must be exactly one character long") }
                    fill = rt.string(f)
                }
                let margin = width - rt.strLength(me)
                if margin <= 0 { return me }
                let left = name == "ljust" ? 0 : name == "rjust" ? margin : margin / 2 + (margin & width & 1)
                let text = String(repeating: fill, count: left) + rt.string(me) + String(repeating: fill, count: margin - left)
                return rt.newStr(text)
            }
        }
        defineTypedMethod(str, "zfill") { rt, me, args throws(PyException) in
            try args.check("zfill", min: 1, max: 1, rt)
            let width = try rt.indexArgument(args[0])
            let margin = width - rt.strLength(me)
            if margin <= 0 { return me }
            var s = rt.string(me)
            var sign = ""
            if let f = s.first, f == "+" || f == "-" { sign = String(s.removeFirst()) }
            return rt.newStr(sign + String(repeating: "0", count: margin) + s)
        }
        defineTypedMethod(str, "expandtabs") { rt, me, args throws(PyException) in
            let slots = try args.bind(rt, "expandtabs", ["tabsize"])
            let size = try slots[0].map { v throws(PyException) in try rt.indexArgument(v) } ?? 8
            var out = ""
            var column = 0
            for c in rt.string(me).unicodeScalars {
                if c == "\t" {
                    if size > 0 { let n = size - column % size; out += String(repeating: " ", count: n); column += n }
                } else {
                    out.unicodeScalars.append(c)
                    column = c == "\n" || c == "\r" ? 0 : column + 1
                }
            }
            return rt.newStr(out)
        }
    }
}
