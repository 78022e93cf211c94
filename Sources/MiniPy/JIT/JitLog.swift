import Meta

/// The log categories of `--log`, in PYPYLOG's spirit: each is a section of stderr (or of `--log-file`).
public enum JitLogCategory: String, CaseIterable, Sendable {
    /// Every loop as recorded, in jit-log-opt's text form.
    case logNoopt = "jit-log-noopt"
    /// Every loop as the optimizer left it (with `--passes`).
    case logOpt = "jit-log-opt"
    /// The JIT's counters at exit.
    case summary = "jit-summary"
    /// Every aborted trace with its reason.
    case abort = "jit-abort"
    /// Every invalidated loop and the assumption that broke.
    case invalidate = "jit-invalidate"
    /// Every loop's machine code (`--backend x64`): address, bytes and instruction, under the IR op it came from.
    case backend = "jit-backend"

    /// Parses `a,b,c`; throws a message naming the unknown category.
    public static func parse(_ text: String) throws(JitLogError) -> Set<JitLogCategory> {
        var result = Set<JitLogCategory>()
        for name in text.split(separator: ",", omittingEmptySubsequences: false) {
            guard let c = JitLogCategory(rawValue: String(name)) else {
                throw JitLogError("unknown log category '\(name)' (expected \(allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            result.insert(c)
        }
        return result
    }
}

/// A bad `--log` argument.
public struct JitLogError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}

/// Turns tracer events into log text (`{jit-log-noopt` … `jit-log-noopt}` sections, as PYPYLOG writes them, without
/// timestamps so runs compare).
final class JitLog: TracerObserver {
    let categories: Set<JitLogCategory>
    let write: (String) -> Void
    let printer: TracePrinter

    init(categories: Set<JitLogCategory>, runtime rt: Runtime, write: @escaping (String) -> Void) {
        self.categories = categories
        self.write = write
        // Guards print their number as PyPy prints its guard descrs, so a bridge's header names its guard.
        printer = TracePrinter(registry: rt.heap.registry, options: TracePrinter.Options(guardNumbers: true),
                               refName: { [unowned rt] r in rt.constantName(r) })
    }

    func tracer(_ event: TracerEvent) {
        switch event {
        case .loopCompiled(let trace, let optimization):
            if categories.contains(.logNoopt) { section(.logNoopt, lines(optimization?.original.trace ?? trace)) }
            if categories.contains(.logOpt), optimization != nil { section(.logOpt, lines(trace)) }
        case .bridgeCompiled(let trace, _, _, let optimization, let code):
            if categories.contains(.logNoopt) { section(.logNoopt, lines(optimization?.original.trace ?? trace)) }
            if categories.contains(.logOpt), optimization != nil { section(.logOpt, lines(trace)) }
            if let code, categories.contains(.backend) {
                let header = "# bridge out of Guard \(code.guardNumber): \(code.code.byteCount) bytes at \(hex(code.code.address))\n"
                section(.backend, header + code.listingText(opText: opText(trace)))
            }
        case .machineCodeInstalled(let trace, let code) where categories.contains(.backend):
            let header = "# Loop \(trace.number): \(code.code.byteCount) bytes at \(hex(code.code.address))\n"
            section(.backend, header + code.listingText(opText: opText(trace)))
        case .traceAborted(let location, let reason) where categories.contains(.abort):
            section(.abort, "\(location): \(reason)\n")
        case .loopInvalidated(let trace, let reason) where categories.contains(.invalidate):
            section(.invalidate, "# Loop \(trace.number) (\(trace.name)) invalidated: \(reason)\n")
        case .loopDropped(let trace, let reason) where categories.contains(.abort):
            section(.abort, "\(trace.name): loop \(trace.number) dropped: \(reason)\n")
        default:
            break
        }
    }

    func summary(_ lines: [String]) {
        if categories.contains(.summary) { section(.summary, lines.map { $0 + "\n" }.joined()) }
    }

    /// The printed op at each index of `trace` (its printed form has one line per op after the header and the
    /// input arguments).
    private func opText(_ trace: Trace) -> (Int) -> String {
        let lines = printer.print(trace).split(separator: "\n", omittingEmptySubsequences: false)
        return { op in op + 2 < lines.count ? String(lines[op + 2]) : "op \(op)" }
    }

    private func hex(_ address: UnsafeRawPointer) -> String { "0x" + String(UInt(bitPattern: address), radix: 16) }

    /// `trace` printed, ending with a line break.
    private func lines(_ trace: Trace) -> String {
        let text = printer.print(trace)
        return text.hasSuffix("\n") ? text : text + "\n"
    }

    private func section(_ category: JitLogCategory, _ body: String) {
        write("{\(category.rawValue)\n\(body)\(category.rawValue)}\n")
    }
}

extension Runtime {
    /// A readable name for a constant in a printed trace: None/True/False, functions, classes, built-ins.
    public func constantName(_ r: Ref) -> String? {
        if r.isNull { return nil }
        if r == none { return "None" }
        if r == trueObject { return "True" }
        if r == falseObject { return "False" }
        switch r.typeID {
        case L.function.id: return string(r.ref(L.funcQualname))
        case L.type.id: return nameOfType(r)
        case L.builtin.id: return string(r.ref(L.builtinName))
        case L.map.id: return mapName(r)
        default: return nil
        }
    }
}
