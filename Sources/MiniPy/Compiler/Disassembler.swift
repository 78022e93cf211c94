/// A CPython-`dis`-style listing of a code object and (with `recursive`) of the code objects among its constants,
/// depth first in constant order.
///
/// Each code object starts with `Disassembly of <code object f, file "x.py", line 3>:` (no addresses, so the
/// output is deterministic); each instruction line shows the source line at the first instruction of a line, a
/// `>>` marker on jump targets, the offset (`index * 2`), the opcode name, the argument and its meaning. An
/// `ExceptionTable:` section lists `start to last -> handler [depth]` with inclusive offsets, as CPython 3.11.
public func disassemble(_ code: CodeObject, recursive: Bool = true) -> String {
    var out = ""
    var pending = [code]
    var first = true
    while !pending.isEmpty {
        let c = pending.removeFirst()
        if !first { out += "\n" }
        first = false
        out += "Disassembly of \(c.description):\n"
        out += disassembleBody(c)
        if recursive {
            let nested = c.consts.compactMap { if case .code(let inner) = $0 { inner } else { nil } }
            pending.insert(contentsOf: nested, at: 0)
        }
    }
    return out
}

/// One instruction as `dis` prints it, without the line-number and jump-target columns: offset, opname, argument
/// and its meaning, e.g. `  12 LOAD_FAST                0 (b)`.
public func instructionText(_ code: CodeObject, _ index: Int) -> String {
    let offsetWidth = max(4, String((code.code.count - 1) * 2).count)
    var fields = [pad(String(index * 2), offsetWidth, right: true)]
    fields.append(contentsOf: operationFields(code, index))
    return trimmedJoin(fields)
}

private func disassembleBody(_ code: CodeObject) -> String {
    let count = code.code.count
    let jumpTargets = Set((0..<count).compactMap { i -> Int? in
        let instruction = code.code[i]
        return instruction.opcode.isJump ? Int(instruction.arg) : nil
    } + code.exceptionTable.map { Int($0.handler) })
    let maxLine = code.lines.max().map(Int.init) ?? 0
    let lineWidth = maxLine >= 1000 ? String(maxLine).count : 3
    let offsetWidth = max(4, String((count - 1) * 2).count)
    var out = ""
    var previousLine: Int32 = -1
    for i in 0..<count {
        var fields: [String] = []
        let line = code.lines[i]
        if line != previousLine {
            if i > 0 { out += "\n" }
            fields.append(pad(String(line), lineWidth, right: true))
            previousLine = line
        } else {
            fields.append(String(repeating: " ", count: lineWidth))
        }
        fields.append("   ")
        fields.append(jumpTargets.contains(i) ? ">>" : "  ")
        fields.append(pad(String(i * 2), offsetWidth, right: true))
        fields.append(contentsOf: operationFields(code, i))
        out += trimmedJoin(fields) + "\n"
    }
    if !code.exceptionTable.isEmpty {
        out += "ExceptionTable:\n"
        for e in code.exceptionTable {
            out += "  \(Int(e.start) * 2) to \((Int(e.end) - 1) * 2) -> \(Int(e.handler) * 2) [\(e.depth)]\n"
        }
    }
    return out
}

/// Opname (padded), argument and `(meaning)`.
private func operationFields(_ code: CodeObject, _ index: Int) -> [String] {
    let instruction = code.code[index]
    let op = instruction.opcode
    guard op.hasArgument else { return [String(describing: op)] }
    var fields = [pad(String(describing: op), 20, right: false), pad(String(instruction.arg), 5, right: true)]
    if let meaning = argumentMeaning(code, instruction) { fields.append("(\(meaning))") }
    return fields
}

/// What an argument denotes: a constant's repr, a name, a jump target, an operator...
func argumentMeaning(_ code: CodeObject, _ instruction: Instruction) -> String? {
    let arg = Int(instruction.arg)
    func item<T>(_ table: [T], _ describe: (T) -> String) -> String? {
        arg >= 0 && arg < table.count ? describe(table[arg]) : nil
    }
    switch instruction.opcode {
    case .LOAD_CONST:
        return item(code.consts, constantRepr)
    case .LOAD_FAST, .STORE_FAST, .DELETE_FAST:
        return item(code.varnames) { $0 }
    case .LOAD_DEREF, .STORE_DEREF, .DELETE_DEREF, .LOAD_CLOSURE:
        return item(code.cellvars + code.freevars) { $0 }
    case .LOAD_GLOBAL, .STORE_GLOBAL, .DELETE_GLOBAL, .LOAD_NAME, .STORE_NAME, .DELETE_NAME, .LOAD_ATTR,
         .STORE_ATTR, .DELETE_ATTR, .LOAD_METHOD, .IMPORT_NAME, .IMPORT_FROM:
        return item(code.names) { $0 }
    case .COMPARE_OP:
        return CompareOp(rawValue: instruction.arg)?.symbol
    case .IS_OP:
        return arg == 0 ? "is" : "is not"
    case .CONTAINS_OP:
        return arg == 0 ? "in" : "not in"
    case .FORMAT_VALUE:
        let conversion = ["", "str", "repr", "ascii"][arg & 0x03]
        let spec = (arg & 0x04) != 0 ? "with format" : ""
        let parts = [conversion, spec].filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    case .MAKE_FUNCTION:
        let names = [(0x01, "defaults"), (0x02, "kwdefaults"), (0x08, "closure")].filter { arg & $0.0 != 0 }
        return names.isEmpty ? nil : names.map(\.1).joined(separator: ", ")
    default:
        return instruction.opcode.isJump ? "to \(arg * 2)" : nil
    }
}

private func pad(_ s: String, _ width: Int, right: Bool) -> String {
    let padding = String(repeating: " ", count: max(0, width - s.count))
    return right ? padding + s : s + padding
}

private func trimmedJoin(_ fields: [String]) -> String {
    var s = fields.joined(separator: " ")
    while s.last == " " { s.removeLast() }
    return s
}
