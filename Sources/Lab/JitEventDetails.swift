import Foundation
import Meta
import MiniPy

extension JitHistory {
    /// What a stop at `event` shows below its one-line description: for a guard failure the guard and its snapshot
    /// (the frames to rebuild, in IR values); for a deoptimization the frames rebuilt from it, with their values,
    /// and how the interpreter resumes; for a bridge its trace and, under the x64 backend, its machine code.
    func details(_ event: TracerEvent) -> [String] {
        switch event {
        case .guardFailed(_, let number):
            guard let g = lookUpGuard(number) else { return [] }
            let failures = g.loop.failures[number] ?? 0
            return ["  " + guardTitle(g) + (g.bridgeNumber.map { ", in bridge \($0)" } ?? "")
                        + ": failure \(failures) (\(bridgeOutlook(g)))",
                    "  its snapshot, the frames deoptimization rebuilds (in the trace's IR values):"]
                + snapshotLines(g).map { "    " + $0 }
        case .deoptimized(let number, let count):
            return rebuiltFrameLines(count) + (lookUpGuard(number).map { ["  the interpreter " + resumeText($0) + ":"] } ?? [])
        case .bridgeCompiled(let trace, _, _, let optimization, let code):
            var lines = ["Bridge \(trace.number), " + (optimization.map { "optimized by \($0.steps.map(\.pass).joined(separator: ", "))" } ?? "as recorded")
                + " (\(trace.ops.count) ops; \(optimization?.original.trace.ops.count ?? trace.ops.count) recorded):"]
            lines += session.traceLines(trace, printer)
            if let code {
                lines.append("Bridge \(trace.number): \(code.code.byteCount) bytes of machine code, \(code.code.instructions.count) instructions")
                lines += session.machineCodeLines(code.code, outOfLineStart: code.outOfLineStart, trace: trace, printer)
            }
            return lines
        default:
            return []
        }
    }

    /// The innermost `count` guest frames (those deoptimization rebuilt), outermost first: function, place and
    /// instruction, each local and the value stack.
    private func rebuiltFrameLines(_ count: Int) -> [String] {
        let frames = runtime.frames
        guard count > 0, count <= frames.depth else { return [] }
        var lines = ["  frames rebuilt from the snapshot (outermost first):"]
        for i in (frames.depth - count)..<frames.depth {
            let frame = frames.frames[i]
            let code = frame.code
            let line = Int(code.lines[min(frame.pc, code.lines.count - 1)])
            let place = "\(code.qualname) at \(session.shortPath(code.filename)):\(line)  " + instructionText(code, frame.pc).trimmingCharacters(in: .whitespaces)
            lines.append("    " + session.palette.line(line, place))
            let locals = runtime.frameLocals(frame).map { "\($0.name)=\(runtime.describe($0.value))" }
            let stack = runtime.frameStack(frame, top: frame.sp).map { runtime.describe($0) }
            lines.append("      " + (locals.isEmpty ? "no locals" : locals.joined(separator: " ")) + "  stack [" + stack.joined(separator: ", ") + "]")
        }
        return lines
    }
}
