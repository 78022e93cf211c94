import BigInt
import Foundation
@testable import MiniPy

/// Loads the CPython-generated vectors in `Vectors/` (see `Vectors/gen_vectors.py`).
enum Vectors {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Vectors")

    static func load(_ name: String) -> [[Any]] {
        let data = try! Data(contentsOf: directory.appendingPathComponent(name))
        return try! JSONSerialization.jsonObject(with: data) as! [[Any]]
    }
}

/// Decimal or (`-`)`0x` hex integer text as written by the generator.
func big(_ s: String) -> BigInt {
    if s.hasPrefix("-0x") { return -BigInt(s.dropFirst(3), radix: 16)! }
    if s.hasPrefix("0x") { return BigInt(s.dropFirst(2), radix: 16)! }
    return BigInt(s)!
}

/// A double from its 16-hex-digit bit pattern.
func dbl(_ s: String) -> Double { Double(bitPattern: UInt64(s, radix: 16)!) }

/// The generator's encoding of a double (NaNs collapse to "nan" as their payloads differ).
func bits(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    let h = String(x.bitPattern, radix: 16)
    return String(repeating: "0", count: 16 - h.count) + h
}

/// Normalizes an expected value for comparison with `bits` / `outcome`.
func expectedText(_ v: Any) -> String {
    switch v {
    case let s as String: return s
    case let list as [Any]: return list.map(expectedText).joined(separator: ",")
    case let n as NSNumber: return n.stringValue
    case is NSNull: return "None"
    default: return "\(v)"
    }
}

/// Runs `body`, rendering its result or `!ExceptionName: message` like the generator.
func outcome<T>(_ body: () throws(NumberError) -> T, _ render: (T) -> String) -> String {
    do {
        return render(try body())
    } catch {
        return "!\(error.pythonName): \(error.message)"
    }
}

/// Accumulates mismatches so that a vector file reports a compact summary.
struct Mismatches {
    var items: [String] = []
    var checked = 0
    var failures = 0

    mutating func check(_ actual: String, _ expected: String, _ context: @autoclosure () -> String) {
        checked += 1
        guard !sameOutcome(actual, expected) else { return }
        failures += 1
        if items.count < 25 {
            items.append("\(context()): got \(actual.debugDescription), want \(expected.debugDescription)")
        }
    }

    var summary: String { "\(failures) of \(checked) failed\n" + items.joined(separator: "\n") }
}

/// Equal texts, where "nan" matches any NaN bit pattern (payloads differ between libms).
func sameOutcome(_ actual: String, _ expected: String) -> Bool {
    if actual == expected { return true }
    let a = actual.split(separator: ",", omittingEmptySubsequences: false)
    let e = expected.split(separator: ",", omittingEmptySubsequences: false)
    guard a.count == e.count, actual.contains("nan") else { return false }
    return zip(a, e).allSatisfy { x, y in
        x == y || (x == "nan" && y.count == 16 && UInt64(y, radix: 16).map { Double(bitPattern: $0).isNaN } == true)
    }
}

/// `ascii(s)`: `repr` with non-ASCII escaped (what the runtime passes for `%a`).
func asciiRepr(_ s: String) -> String {
    var out = ""
    for c in pyStrRepr(s).unicodeScalars {
        if c.value < 128 {
            out.unicodeScalars.append(c)
        } else {
            let (marker, width) = c.value <= 0xFF ? ("x", 2) : c.value <= 0xFFFF ? ("u", 4) : ("U", 8)
            let h = String(c.value, radix: 16)
            out += "\\" + marker + String(repeating: "0", count: width - h.count) + h
        }
    }
    return out
}

/// A reference runtime driver for `str % args`, following `PercentFormat`'s documented protocol.
func percentFormat(_ fmt: String, positional: [PercentArg]?, mapping: [String: PercentArg]?) -> String {
    do {
        var out = ""
        var index = 0
        func next() throws(NumberError) -> PercentArg {
            guard let positional, index < positional.count else {
                throw .typeError("not enough arguments for format string")
            }
            index += 1
            return positional[index - 1]
        }
        for piece in try PercentFormat.parse(fmt, deferErrors: true) {
            switch piece {
            case .literal(let s):
                out += s
            case .malformed(let e):
                throw e
            case .conversion(var c):
                var value: PercentArg?
                if let key = c.key {
                    guard let mapping else { throw NumberError.typeError("format requires a mapping") }
                    guard let v = mapping[key] else { return "!KeyError: \(pyStrRepr(key))" }
                    value = v
                }
                if c.widthFromArgument {
                    guard case .int(let w) = try next() else { throw NumberError.typeError("* wants int") }
                    c = try c.resolvingStars(width: w, precision: nil)
                }
                if c.precisionFromArgument {
                    guard case .int(let p) = try next() else { throw NumberError.typeError("* wants int") }
                    c = try c.resolvingStars(width: nil, precision: p)
                }
                if value == nil { value = try next() }
                switch (try PercentFormat.requiredKind(for: c), value!) {
                case (.repr, .str(let s)): value = .str(pyStrRepr(s))
                case (.ascii, .str(let s)): value = .str(asciiRepr(s))
                default: break
                }
                out += try PercentFormat.format(c, value!)
            }
        }
        if let positional, index < positional.count {
            throw NumberError.typeError("not all arguments converted during string formatting")
        }
        return out
    } catch let error as NumberError {
        return "!\(error.pythonName): \(error.message)"
    } catch {
        return "!\(error)"
    }
}

/// Decodes the generator's `[kind, value]` percent argument.
func percentArg(_ v: Any) -> PercentArg {
    let pair = v as! [Any]
    let value = pair[1] as! String
    switch pair[0] as! String {
    case "int": return .int(big(value))
    case "float": return .float(dbl(value))
    default: return .str(value)
    }
}
