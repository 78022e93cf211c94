/// The session's knobs (`set NAME VALUE`, `show [NAME]`).
public struct Settings {
    static let defaultListSize = 11

    public var color: Bool
    var listSize = Settings.defaultListSize
    /// Whether a bytecode step also lists the primitive operations the instruction performed.
    var showOperations = false
    var jit = JitSettings()

    init(color: Bool) { self.color = color }
}

/// A knob as a registry entry: its name, what it means, and how to read and set it.
struct Knob {
    let name: String
    let values: String
    let summary: String
    let get: (Settings) -> String
    let set: (inout Settings, String) throws(CommandError) -> Void

    static let all: [Knob] = [
        Knob(name: "color", values: "on|off", summary: "colour-link source lines with their bytecodes (off when output is not a terminal or NO_COLOR is set)",
             get: { $0.color ? "on" : "off" }, set: { s, v throws(CommandError) in s.color = try onOff(v, "color") }),
        Knob(name: "listsize", values: "N", summary: "lines shown by 'list'",
             get: { String($0.listSize) }, set: { s, v throws(CommandError) in s.listSize = try parseCount(v, for: "set listsize N") }),
        Knob(name: "ops", values: "on|off", summary: "after each bytecode step, list the interpreter operations the instruction performed",
             get: { $0.showOperations ? "on" : "off" }, set: { s, v throws(CommandError) in s.showOperations = try onOff(v, "ops") }),
    ] + jitKnobs

    static func named(_ name: String) -> Knob? { all.first { $0.name == name } }

    static func onOff(_ value: String, _ name: String) throws(CommandError) -> Bool {
        switch value {
        case "on", "true", "1", "yes": return true
        case "off", "false", "0", "no": return false
        default: throw CommandError("\(name) is on or off, not '\(value)'", hint: "usage: set \(name) on|off")
        }
    }
}
