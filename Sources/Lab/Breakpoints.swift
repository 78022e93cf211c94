import Foundation
import MiniPy

/// A breakpoint: a source line of a file (stops at the first instruction of the line), or a function (stops at
/// its first instruction).
struct Breakpoint {
    enum Place: Equatable {
        /// `file` is the file's name as the program's code objects know it (the name it was loaded or imported by).
        case line(file: String, line: Int)
        case function(String)
        /// A JIT event (the tracer's), wherever it happens; for the events of a guard (`guard-fail`, `deopt`,
        /// `bridge`), only guard `guardNumber`'s when given.
        case jitEvent(JitEventKind, guardNumber: Int?)
    }

    let number: Int
    let place: Place
    var hits = 0

    var description: String {
        switch place {
        case .line(let file, let line): "\(file):\(line)"
        case .function(let name): "function \(name)"
        case .jitEvent(let kind, let number?): "JIT event \(kind.rawValue) of guard \(number)"
        case .jitEvent(let kind, nil): "JIT event \(kind.rawValue)"
        }
    }

    /// The instructions of `code` this breakpoint stops at.
    func pcs(in code: CodeObject) -> [Int] {
        switch place {
        case .line(let file, let line):
            guard Breakpoint.sameFile(code.filename, file) else { return [] }
            return (0..<code.lines.count).filter { i in Int(code.lines[i]) == line && (i == 0 || Int(code.lines[i - 1]) != line) }
        case .function(let name):
            return code.name == name || code.qualname == name ? [0] : []
        case .jitEvent:
            return []
        }
    }

    /// Whether two file names denote the same file (an imported module's code may carry its full path).
    static func sameFile(_ a: String, _ b: String) -> Bool {
        a == b || (a as NSString).lastPathComponent == (b as NSString).lastPathComponent
    }
}

/// The session's breakpoints, with a per-code-object cache of the instructions they stop at (checked at every
/// merge point).
struct Breakpoints {
    private(set) var all: [Breakpoint] = []
    private var nextNumber = 1
    private var cache: [ObjectIdentifier: [Int: Int]] = [:]

    var isEmpty: Bool { all.isEmpty }

    mutating func add(_ place: Breakpoint.Place) -> Breakpoint {
        let breakpoint = Breakpoint(number: nextNumber, place: place)
        nextNumber += 1
        all.append(breakpoint)
        cache.removeAll()
        return breakpoint
    }

    /// Deletes breakpoint `number`; false if there is none.
    mutating func delete(_ number: Int) -> Bool {
        guard let i = all.firstIndex(where: { $0.number == number }) else { return false }
        all.remove(at: i)
        cache.removeAll()
        return true
    }

    /// Drops the per-code cache (a new run has new code objects).
    mutating func forgetCode() { cache.removeAll() }

    mutating func removeAll() {
        all.removeAll()
        cache.removeAll()
    }

    /// The number of the breakpoint on the JIT event `kind` (of guard `guardNumber`, for a guard's event), counting
    /// the hit.
    mutating func hit(event kind: JitEventKind, guardNumber: Int?) -> Int? {
        guard let i = all.firstIndex(where: { b in
            guard case .jitEvent(kind, let only) = b.place else { return false }
            return only == nil || only == guardNumber
        }) else { return nil }
        all[i].hits += 1
        return all[i].number
    }

    /// The number of the breakpoint at instruction `pc` of `code`, counting the hit.
    mutating func hit(code: CodeObject, pc: Int) -> Int? {
        guard !all.isEmpty else { return nil }
        let key = ObjectIdentifier(code)
        if cache[key] == nil {
            var table: [Int: Int] = [:]
            for b in all { for p in b.pcs(in: code) where table[p] == nil { table[p] = b.number } }
            cache[key] = table
        }
        guard let number = cache[key]![pc], let i = all.firstIndex(where: { $0.number == number }) else { return nil }
        all[i].hits += 1
        return number
    }
}
