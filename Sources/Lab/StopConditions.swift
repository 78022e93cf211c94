/// When a resumed program should stop next, examined at every observation point (merge points always;
/// operations only when `needsOperations`).
protocol StopCondition {
    var needsOperations: Bool { get }
    mutating func shouldStop(at point: ObservationPoint) -> Bool
}

/// `continue`: runs until a breakpoint, Ctrl-C or the end.
struct RunFreely: StopCondition {
    var needsOperations: Bool { false }
    mutating func shouldStop(at _: ObservationPoint) -> Bool { false }
}

/// `step`/`next [GRANULARITY] [N]`: stops after `count` steps of `granularity`. Stepping over calls ignores points
/// in frames deeper than the one the step began in, and stops as soon as that frame has returned.
struct StepCondition: StopCondition {
    let granularity: StepGranularity
    var count: Int
    let overCalls: Bool
    let from: GuestPosition?
    /// The last point that completed a step (where the step began, at first).
    var previous: GuestPosition?

    init(granularity: StepGranularity, count: Int, overCalls: Bool, from: GuestPosition?) {
        self.granularity = granularity
        self.count = count
        self.overCalls = overCalls
        self.from = from
        previous = from
    }

    var needsOperations: Bool { granularity.needsOperations }

    mutating func shouldStop(at point: ObservationPoint) -> Bool {
        let here = point.position
        if overCalls, let from {
            if here.depth < from.depth { return true }
            if here.depth > from.depth { return false }
        }
        guard granularity.completesStep(point, previous) else { return false }
        previous = here
        count -= 1
        return count <= 0
    }
}

/// `finish`: stops once the frame it began in has returned (at the caller's next instruction).
struct FinishCondition: StopCondition {
    let depth: Int
    var needsOperations: Bool { false }
    mutating func shouldStop(at point: ObservationPoint) -> Bool { point.position.depth < depth }
}

/// A unit of stepping, as a registry entry: the bytecode, the interpreter's primitive operation, the source line.
/// Later stages register theirs (a recorded IR op, an optimization pass, a machine instruction).
struct StepGranularity {
    let name: String
    let aliases: [String]
    let summary: String
    let needsOperations: Bool
    /// Whether `point` completes one step, given the point that completed the previous one.
    let completesStep: (ObservationPoint, GuestPosition?) -> Bool

    static let instruction = StepGranularity(
        name: "bytecode", aliases: ["bc", "instruction"],
        summary: "one bytecode instruction (the default; while the JIT records, to the next bytecode's debug_merge_point)",
        needsOperations: false) { point, previous in
            switch point {
            case .instruction: return true
            case .recorded(let op, let here):
                // Stopped before an instruction (at trace-start, say), its own merge point is not a step away.
                let same = previous.map { $0.pc == here.pc && $0.depth == here.depth && $0.code === here.code } ?? false
                return op.opcode == .debugMergePoint && !same
            case .operation: return false
            }
        }

    static let operation = StepGranularity(
        name: "op", aliases: ["operation"],
        summary: "one primitive operation of the interpreter's handler (hasType, getfieldI, intAddOvf, ...); while the JIT records, one recorded IR op",
        needsOperations: true) { point, _ in
            switch point {
            case .operation, .recorded: return true
            case .instruction: return false
            }
        }

    static let line = StepGranularity(
        name: "line", aliases: [], summary: "to the next source line (a new line, or a jump back to the same one)",
        needsOperations: false) { point, previous in
            guard case .instruction(let here) = point else { return false }
            guard let previous else { return true }
            if here.depth != previous.depth { return true }
            return here.line != previous.line || here.pc < previous.pc
        }

    /// Every granularity `step` and `next` accept.
    static let all: [StepGranularity] = [.instruction, .operation, .line]

    static func named(_ name: String) -> StepGranularity? {
        all.first { $0.name == name || $0.aliases.contains(name) }
    }
}
