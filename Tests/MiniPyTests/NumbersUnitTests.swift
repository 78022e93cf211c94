import BigInt
import Testing
@testable import MiniPy

/// Hand-written checks of API contracts that the CPython vectors cannot express.
@Suite struct NumbersUnitTests {
    @Test func reprExamplesFromTheSpec() {
        #expect(pyFloatRepr(1e16) == "1e+16")
        #expect(pyFloatRepr(1e-5) == "1e-05")
        #expect(pyFloatRepr(0.0001) == "0.0001")
        #expect(pyFloatRepr(123456789012345.0) == "123456789012345.0")
        #expect(pyFloatRepr(1.2345678901234567e19) == "1.2345678901234567e+19")
        #expect(pyFloatRepr(-0.0) == "-0.0")
        #expect(pyFloatRepr(-.infinity) == "-inf")
        #expect(pyFloatRepr(-.nan) == "nan")
        #expect(pyFloatRepr(9007199254740993.0) == "9007199254740992.0")
    }

    @Test func errorsCarryPythonNames() {
        let e = NumberError.zeroDivisionError("integer division or modulo by zero")
        #expect(e.pythonName == "ZeroDivisionError")
        #expect(e.description == "ZeroDivisionError: integer division or modulo by zero")
        #expect(throws: NumberError.valueError("Format specifier missing precision")) {
            try pyFormatFloat(1.5, spec: ".")
        }
    }

    @Test func machineIntFastPathsReportOverflow() throws {
        #expect(try pyFloorDiv(Int.min, -1) == nil)
        #expect(try pyDivMod(Int.min, -1) == nil)
        #expect(try pyMod(Int.min, -1) == 0)
        #expect(try pyFloorDiv(-7, 2) == -4)
        #expect(try pyMod(-7, 2) == 1)
        #expect(try pyMod(7, -2) == -1)
        #expect(pyPow(2, 62) == 1 << 62)
        #expect(pyPow(2, 63) == nil)
        #expect(pyPow(-2, 63) == Int.min)
        #expect(pyPow(3, -1) == nil)
        #expect(try pyShiftLeft(1, 62) == 1 << 62)
        #expect(try pyShiftLeft(1, 63) == nil)
        #expect(try pyShiftLeft(-1, 63) == nil)
        #expect(try pyShiftRight(-5, 1000) == -1)
        #expect(throws: NumberError.valueError("negative shift count")) { try pyShiftRight(1, -1) }
        #expect(throws: NumberError.zeroDivisionError("integer modulo by zero")) { try pyMod(1, 0) }
        #expect(try pyTrueDiv(Int.max, 3) == 3074457345618258602.3333333333)
    }

    @Test func hugeIntegerResultsRaiseMemoryErrorInsteadOfExhaustingMemory() {
        #expect(throws: NumberError.memoryError("")) { try pyPow(BigInt(3), BigInt(1) << 40) }
        #expect(throws: NumberError.memoryError("")) { try pyShiftLeft(BigInt(1), BigInt(1) << 40) }
        #expect(try! pyPow(BigInt(-1), BigInt(1) << 40) == .int(1))
    }

    @Test func strictPercentParseThrowsDeferredReturnsMalformedPiece() throws {
        #expect(throws: NumberError.valueError("incomplete format")) { try PercentFormat.parse("%d %") }
        let pieces = try PercentFormat.parse("a%%b %5.2f %", deferErrors: true)
        #expect(pieces.count == 4)
        #expect(pieces[0] == .literal("a%b "))
        #expect(pieces[3] == .malformed(.valueError("incomplete format")))
        guard case .conversion(let c) = pieces[1] else { Issue.record("no conversion"); return }
        #expect(c.width == 5 && c.precision == 2 && c.type == "f" && c.typeIndex == 9)
        #expect(try PercentFormat.requiredKind(for: c) == .real)
        #expect(try PercentFormat.format(c, .int(3)) == " 3.00")
    }

    @Test func percentStarsAndMismatchMessages() throws {
        guard case .conversion(let c) = try PercentFormat.parse("%*.*d")[0] else { return }
        #expect(c.widthFromArgument && c.precisionFromArgument)
        let r = try c.resolvingStars(width: -6, precision: -3)
        #expect(r.flags.contains(.leftAdjust) && r.width == 6 && r.precision == 0)
        #expect(try PercentFormat.format(r, .int(42)) == "42    ")
        #expect(try PercentFormat.mismatchError(for: c, typeName: "list")
                == .typeError("%d format: a real number is required, not list"))
        guard case .conversion(let s) = try PercentFormat.parse("%s")[0] else { return }
        #expect(try PercentFormat.mismatchError(for: s, typeName: "list") == nil)
    }

    @Test func hashOfNaNIsLeftToTheRuntime() {
        #expect(pyHashFloat(.nan) == nil)
        #expect(pyHashFloat(-.infinity) == -314159)
        #expect(pyHashInt(-1) == -2)
        #expect(pyHashFloat(-1.0) == -2)
        #expect(pyHashInt(BigInt(1) << 61) == 1)
    }

    @Test func exactIntFloatComparison() {
        let twoTo53 = BigInt(1) << 53
        #expect(pyCompare(twoTo53 + 1, 9007199254740992.0) == 1)
        #expect(pyCompare(twoTo53, 9007199254740992.0) == 0)
        #expect(pyCompare(Int.max, 9223372036854775807.0) == -1)
        #expect(pyCompare(BigInt(5), .nan) == nil)
        #expect(pyCompare(BigInt(10).power(400), .infinity) == -1)
    }

    @Test func digitLimitIsConfigurable() throws {
        let big = BigInt(10).power(5000)
        #expect(throws: NumberError.self) { try pyIntToString(big) }
        #expect(try pyIntToString(big, maxStrDigits: 0).utf8.count == 5001)
        let text = String(repeating: "7", count: 5000)
        #expect(throws: NumberError.self) { try pyParseInt(text) }
        #expect(try pyParseInt(text, maxStrDigits: 0) == BigInt(text)!)
    }

    @Test func parsingOddities() throws {
        #expect(try pyParseInt("  -0x_ff ", base: 0) == -255)
        #expect(try pyParseInt("ZZ", base: 36) == 1295)
        #expect(try pyParseInt("\u{0661}\u{0662}") == 12)
        #expect(try pyParseFloat(" 1_0.2_5e1 ") == 102.5)
        #expect(try pyParseFloat("-Infinity") == -.infinity)
        #expect(try pyParseFloat("1e400") == .infinity)
        #expect(throws: NumberError.valueError("could not convert string to float: '0x1p3'")) {
            try pyParseFloat("0x1p3")
        }
    }

    @Test func surrogatesCannotBeFormatted() {
        #expect(throws: NumberError.valueError("MiniPy strings cannot contain surrogate code points")) {
            try pyFormatInt(0xD800, spec: "c")
        }
    }
}
