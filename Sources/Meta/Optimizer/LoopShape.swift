/// Where the loop of a trace is: the last `label` and the final `jump` back to it.
struct LoopShape {
    /// Index of the label the final jump goes to.
    let label: Int
    /// Index of the final jump.
    let jump: Int

    /// The loop of `trace`, if it ends with a jump to a label of its own.
    init?(_ trace: Trace) {
        guard let last = trace.ops.indices.last, trace.ops[last].opcode == .jump,
              case .loop(let token) = trace.ops[last].descr,
              let label = trace.ops.lastIndex(where: { $0.opcode == .label && $0.descr == .loop(token) }) else { return nil }
        self.label = label
        self.jump = last
    }
}
