/// Python's `repr(s)` for a str: single quotes unless the text contains `'` but no `"`;
/// backslash escapes for `\\`, the quote, `\t \n \r`, other controls as `\xNN`, and non-printable
/// non-ASCII code points as `\xNN`, `\uNNNN` or `\UNNNNNNNN`. Printability follows Swift's
/// Unicode tables, which may be a newer Unicode version than CPython 3.11's (14.0).
public func pyStrRepr(_ s: String) -> String {
    var hasSingle = false, hasDouble = false
    for c in s.unicodeScalars {
        if c == "'" { hasSingle = true } else if c == "\"" { hasDouble = true }
    }
    let quote: Unicode.Scalar = hasSingle && !hasDouble ? "\"" : "'"
    var out = String.UnicodeScalarView()
    out.append(quote)
    func hex(_ v: UInt32, _ width: Int, _ marker: String) {
        let digits = String(v, radix: 16)
        out.append(contentsOf: "\\\(marker)".unicodeScalars)
        out.append(contentsOf: repeatElement("0", count: width - digits.utf8.count))
        out.append(contentsOf: digits.unicodeScalars)
    }
    for c in s.unicodeScalars {
        switch c {
        case quote, "\\":
            out.append("\\")
            out.append(c)
        case "\t": out.append(contentsOf: "\\t".unicodeScalars)
        case "\n": out.append(contentsOf: "\\n".unicodeScalars)
        case "\r": out.append(contentsOf: "\\r".unicodeScalars)
        default:
            if c.value < 0x20 || c.value == 0x7F {
                hex(c.value, 2, "x")
            } else if c.value < 0x7F || isPrintable(c) {
                out.append(c)
            } else if c.value <= 0xFF {
                hex(c.value, 2, "x")
            } else if c.value <= 0xFFFF {
                hex(c.value, 4, "u")
            } else {
                hex(c.value, 8, "U")
            }
        }
    }
    out.append(quote)
    return String(out)
}

/// `%.200R`-style repr used in CPython error messages: the repr cut to `limit` code points.
func truncatedRepr(_ s: String, _ limit: Int) -> String {
    let r = pyStrRepr(s)
    let scalars = r.unicodeScalars
    guard scalars.count > limit else { return r }
    var out = String.UnicodeScalarView()
    out.append(contentsOf: scalars.prefix(limit))
    return String(out)
}

/// CPython's `Py_UNICODE_ISPRINTABLE` for non-ASCII code points.
func isPrintable(_ c: Unicode.Scalar) -> Bool {
    switch c.properties.generalCategory {
    case .control, .format, .surrogate, .privateUse, .unassigned,
         .lineSeparator, .paragraphSeparator, .spaceSeparator:
        return false
    default:
        return true
    }
}
