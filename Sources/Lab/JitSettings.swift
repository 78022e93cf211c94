import Meta
import MiniPy

/// The JIT knobs of a session (`set jit`, `set threshold`, ...): they take effect when the program next starts
/// (`run`, `restart`, a `step` that starts it), through the tracer's own options.
struct JitSettings {
    /// Whether runs use the meta-tracing JIT (`set jit trace`) or only the interpreter (`set jit off`).
    var enabled = false
    var tracer = TracerOptions()
    /// The optimization passes enabled, in pipeline order (all of them, as `metalab run --jit trace` does); empty
    /// runs loops as recorded.
    var passes: [String] = JitSettings.allPasses

    /// Every pass the optimizer has, in pipeline order.
    static let allPasses = Optimizer().passNames

    /// The driver of a run under these settings, or nil when the JIT is off.
    func makeDriver(for runtime: Runtime) -> JitDriver? {
        guard enabled else { return nil }
        var optimizer: Optimizer?
        if !passes.isEmpty {
            var o = Optimizer()
            try? o.setEnabledPasses(passes)  // the names were checked when set
            optimizer = o
        }
        return JitDriver(runtime: runtime, options: tracer, optimizer: optimizer)
    }

    var passesText: String {
        passes.isEmpty ? "none" : passes == JitSettings.allPasses ? "all" : passes.joined(separator: ",")
    }

    /// Parses `all`, `none` or a comma-separated list of pass names.
    static func parsePasses(_ text: String) throws(CommandError) -> [String] {
        switch text {
        case "all": return allPasses
        case "none": return []
        default:
            let names = text.split(separator: ",").map(String.init)
            var optimizer = Optimizer()
            do { try optimizer.setEnabledPasses(names) } catch {
                throw CommandError("\(error)", hint: "usage: set passes all|none|PASS,PASS,...")
            }
            return allPasses.filter(names.contains)
        }
    }
}

extension Knob {
    /// A tracer parameter as a knob: read from and set through `TracerOptions` (which checks the value).
    static func tracerParameter(_ name: String, values: String, summary: String, get: @escaping (TracerOptions) -> String) -> Knob {
        Knob(name: name, values: values, summary: summary, get: { get($0.jit.tracer) }) { s, v throws(CommandError) in
            if let problem = s.jit.tracer.set(name, v) { throw CommandError(problem, hint: "usage: set \(name) \(values)") }
        }
    }

    static let jitKnobs: [Knob] = [
        Knob(name: "jit", values: "off|trace", summary: "run the program with the interpreter only, or with the meta-tracing JIT (from the next start)",
             get: { $0.jit.enabled ? "trace" : "off" }) { s, v throws(CommandError) in
            switch v {
            case "off": s.jit.enabled = false
            case "trace": s.jit.enabled = true
            default: throw CommandError("jit is off or trace, not '\(v)'", hint: "usage: set jit off|trace")
            }
        },
        tracerParameter("threshold", values: "N", summary: "backward jumps before a loop is traced") { String($0.threshold) },
        tracerParameter("trace_limit", values: "N", summary: "operations a trace may hold before it is aborted") { String($0.traceLimit) },
        tracerParameter("trace_eagerness", values: "N", summary: "failures of a guard before a bridge is traced from it") { String($0.traceEagerness) },
        tracerParameter("virtualizable", values: "on|off", summary: "the guest frame's slots live in IR values (off: getarrayitem/setarrayitem on the frame)") {
            $0.virtualizable ? "on" : "off"
        },
        Knob(name: "backend", values: "x64|ir", summary: "what runs compiled loops: machine code or the IR executor",
             get: { $0.jit.tracer.backend.rawValue }) { s, v throws(CommandError) in
            guard let backend = TraceBackend(rawValue: v) else { throw CommandError("backend is x64 or ir, not '\(v)'", hint: "usage: set backend x64|ir") }
            s.jit.tracer.backend = backend
        },
        Knob(name: "passes", values: "all|none|LIST", summary: "optimization passes run on each closed loop (\(JitSettings.allPasses.joined(separator: ",")))",
             get: { $0.jit.passesText }) { s, v throws(CommandError) in s.jit.passes = try JitSettings.parsePasses(v) },
    ]
}
