/// The trace optimizer (DESIGN §7): a pipeline of named passes, each of which can be switched off, run in a fixed
/// order. Every pass's output is verified (`verifiesEachPass`, the default in debug builds), or the final trace is,
/// and only when it is broken is the pipeline run again pass by pass to name the pass that broke it — the same
/// error, without verifying every step of a correct run (release builds). The result keeps each pass's input and
/// output so a viewer can show what each one did (`PassStep.diff`).
///
/// The default order (`Optimizer.defaultPasses`) and why:
/// 1. `peel` — loop peeling first, so that every later pass sees the preamble and the peeled loop, and invariant
///    code is hoisted out of the loop;
/// 2. `virtuals` — allocation removal, which turns field accesses of removed objects into plain values for the
///    rest;
/// 3. `heap` — forwarding of loads and removal of stores on the objects that remain;
/// 4. `guards` — removal of guards proven by earlier ones; guarded values become constants;
/// 5. `fold` — constant folding and CSE over what the passes above exposed;
/// 6. `intbounds` — integer ranges remove overflow checks and guards on the folded arithmetic;
/// 7. `dce` — dead-code elimination of everything the others left unused.
public struct Optimizer {
    /// All passes, in pipeline order.
    public static let defaultPasses: [any OptimizationPass] = [
        LoopPeeling(), Virtuals(), HeapCache(), GuardOptimization(), ConstantFolding(), IntBounds(), DeadCodeElimination(),
    ]

    /// The token of a peeled loop when the caller does not choose one: the original number plus 1000.
    public static let defaultPeeledLoopToken: @Sendable (LoopToken) -> LoopToken = { LoopToken($0.number + 1000) }

    /// The passes of the pipeline, in order.
    public let passes: [any OptimizationPass]
    /// The names of the passes that run.
    public private(set) var enabled: Set<String>
    /// Checks the input and every pass's output (bridges: tell it the loops they jump to).
    public var verifier: TraceVerifier
    /// Whether each pass's output is verified as it is made (else the final trace, then each pass only if that
    /// one is broken).
    public var verifiesEachPass = _isDebugAssertConfiguration()

    public init(passes: [any OptimizationPass] = Optimizer.defaultPasses, verifier: TraceVerifier = TraceVerifier()) {
        self.passes = passes
        self.enabled = Set(passes.map(\.name))
        self.verifier = verifier
    }

    /// The pass names, in order.
    public var passNames: [String] { passes.map(\.name) }

    /// Turns the pass `name` on or off.
    public mutating func setPass(_ name: String, enabled on: Bool) throws {
        guard passNames.contains(name) else { throw OptimizerError.unknownPass(name, valid: passNames) }
        if on { enabled.insert(name) } else { enabled.remove(name) }
    }

    /// Runs exactly the passes in `names` (any order; they still run in pipeline order). `[]` runs none.
    public mutating func setEnabledPasses(_ names: [String]) throws {
        for n in names where !passNames.contains(n) { throw OptimizerError.unknownPass(n, valid: passNames) }
        enabled = Set(names)
    }

    /// Optimizes `trace`. `context` supplies fresh guard numbers and the peeled loop's token (by default: numbers
    /// after the trace's largest, and `defaultPeeledLoopToken`). Throws if the input does not verify, or — a bug in
    /// a pass — an output does not.
    public func run(_ trace: Trace, context: OptimizationContext? = nil) throws -> OptimizationResult {
        do { try verifier.verify(trace) } catch let e as IRVerificationError { throw OptimizerError.invalidInput(e) }
        var context = context ?? OptimizationContext(
            nextGuardNumber: (trace.ops.compactMap { $0.guardInfo?.number }.max() ?? -1) + 1,
            peeledLoopToken: Optimizer.defaultPeeledLoopToken)
        let start = context
        var current = TrackedTrace(trace: trace, opIDs: trace.ops.indices.map { _ in context.newOpID() })
        let original = current
        var steps: [PassStep] = []
        for pass in passes where enabled.contains(pass.name) {
            let after = pass.run(current, context: &context)
            if verifiesEachPass {
                do { try verifier.verify(after.trace) } catch let e as IRVerificationError {
                    throw OptimizerError.passBrokeTrace(pass: pass.name, e)
                }
            }
            steps.append(PassStep(pass: pass.name, before: current, after: after))
            current = after
        }
        if !verifiesEachPass, let error = verifier.errors(in: current.trace).first {
            var checking = self
            checking.verifiesEachPass = true
            _ = try checking.run(trace, context: start)
            throw OptimizerError.passBrokeTrace(pass: steps.last!.pass, error)  // (passes are deterministic)
        }
        return OptimizationResult(original: original, steps: steps, final: current, context: context)
    }
}

/// What `Optimizer.run` produced: the recorded trace, each enabled pass's step, and the optimized trace.
public struct OptimizationResult: Sendable {
    public let original: TrackedTrace
    public let steps: [PassStep]
    public let final: TrackedTrace
    /// The context after the run (the next free guard number, for the caller's counter).
    public let context: OptimizationContext

    /// The optimized trace.
    public var trace: Trace { final.trace }
}

/// One pass's effect: its input, its output and the difference.
public struct PassStep: Sendable {
    public let pass: String
    public let before: TrackedTrace
    public let after: TrackedTrace

    public var diff: TraceDiff { TraceDiff(before: before, after: after) }
}

/// Why the optimizer refused or failed.
public enum OptimizerError: Error, Hashable, Sendable, CustomStringConvertible {
    case unknownPass(String, valid: [String])
    /// The trace given to the optimizer breaks a rule of the IR.
    case invalidInput(IRVerificationError)
    /// A pass produced a trace that breaks a rule of the IR (a bug in that pass).
    case passBrokeTrace(pass: String, IRVerificationError)

    public var description: String {
        switch self {
        case .unknownPass(let name, let valid):
            return "unknown optimization pass '\(name)' (valid passes: \(valid.joined(separator: ", ")))"
        case .invalidInput(let e): return "the trace to optimize is invalid: \(e)"
        case .passBrokeTrace(let pass, let e): return "optimization pass '\(pass)' produced an invalid trace: \(e)"
        }
    }
}
