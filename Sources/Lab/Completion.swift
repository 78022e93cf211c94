import Foundation

extension Session {
    /// Tab completion: the full candidates for the last word of `line` — command names, `help` topics, file names
    /// after `load`/`break`, step granularities, knobs, guest names (functions; the stopped frame's variables)
    /// after `break`/`print`/`list`/`dis`, and guard numbers after `break guard-fail`, `deopt` and `bridge`.
    public func completions(for line: String) -> [String] {
        let endsWithSpace = line.last == " " || line.last == "\t"
        let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let word = endsWithSpace ? "" : (words.last ?? "")
        let position = endsWithSpace ? words.count : max(words.count - 1, 0)
        let registry = CommandRegistry.shared
        if position == 0 {
            return registry.commands.flatMap(\.names).filter { $0.hasPrefix(word) && $0.count > 1 }.sorted()
        }
        guard let command = registry.command(named: words[0]) else { return [] }
        var candidates: [String]
        switch command.completion {
        case .none:
            candidates = []
        case .words(let words):
            candidates = position == 1 ? words : []
        case .commands:
            candidates = registry.commands.map(\.name)
        case .granularities:
            candidates = StepGranularity.all.map(\.name)
        case .knobs:
            if position == 1 { candidates = Knob.all.map(\.name) }
            else if command.name == "set", let knob = Knob.named(words[1]) {
                // The literal values of `on|off`, `x64|ir`, `all|none|LIST` (placeholders are upper case).
                candidates = knob.values.split(separator: "|").map(String.init).filter { $0 != $0.uppercased() }
            } else { candidates = [] }
        case .files:
            return fileCompletions(word)
        case .guestNames:
            // `break guard-fail|deopt|bridge GUARD`: the guards of the run's loops and bridges.
            if command.name == "break", position == 2, JitEventKind(rawValue: words[1])?.concernsAGuard == true {
                let numbers = jitHistory?.compiledLoops.flatMap { $0.guardSites.map { String($0.number) } } ?? []
                return numbers.filter { $0.hasPrefix(word) }
            }
            // `break` also takes FILE:LINE and JIT events: offer the program's folder's Python files and folders,
            // and the event names, too.
            let files = command.name == "break" && !word.contains(":")
                ? fileCompletions(word).filter { $0.hasSuffix(".py") || $0.hasSuffix("/") }
                    + JitEventKind.allCases.map(\.rawValue).filter { $0.hasPrefix(word) } : []
            let identifier = String(word.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
            let stem = String(word.dropLast(identifier.count))
            return guestNames().filter { $0.hasPrefix(identifier) }.map { stem + $0 } + files
        }
        return Array(Set(candidates.filter { $0.hasPrefix(word) })).sorted()
    }

    /// Function names of the loaded program, then (while stopped) the current frame's variables and the globals.
    func guestNames() -> [String] {
        var names = Set(program?.allCode.filter { $0.name != "<module>" }.flatMap { [$0.name, $0.qualname] } ?? [])
        if let execution, let stop = execution.stop {
            for (name, _) in execution.runtime.frameLocals(stop.position.frame.pointee) { names.insert(name) }
            if let module = execution.runtime.frames.depth > 0 ? execution.runtime.frames.frames[0] : nil {
                for (name, _) in execution.runtime.frameLocals(module) { names.insert(name) }
            }
        }
        return names.sorted()
    }

    /// Paths starting with `partial` (relative to the session's directory); directories end in `/`.
    func fileCompletions(_ partial: String) -> [String] {
        let slash = partial.lastIndex(of: "/")
        let directoryPart = slash.map { String(partial[...$0]) } ?? ""
        let namePrefix = slash.map { String(partial[partial.index(after: $0)...]) } ?? partial
        let directory = directoryPart.hasPrefix("/") ? directoryPart : (baseDirectory as NSString).appendingPathComponent(directoryPart)
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory) else { return [] }
        return entries.filter { $0.hasPrefix(namePrefix) && (!$0.hasPrefix(".") || namePrefix.hasPrefix(".")) }.sorted().map { entry in
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(entry), isDirectory: &isDirectory)
            return directoryPart + entry + (isDirectory.boolValue ? "/" : "")
        }
    }
}
