/// Something compiled code may take for granted until the runtime says otherwise — RPython's quasi-immutable
/// field, seen as a version cell. A guest language keeps one per fact it lets traces fold (a global's value, the
/// result of a class attribute lookup); a trace that folded the fact depends on it through `Domain.assume`, which
/// records `guard_not_invalidated`. When the fact changes, the runtime calls `invalidate(because:)`: every
/// dependent is told (a `CompiledLoop` marks its runner `isInvalidated`, so those guards fail from then on) and
/// the version moves on. The assumption itself holds again for traces recorded after that, which depend on the
/// new version.
public final class Assumption {
    /// What is assumed, for messages (`global 'step'`).
    public let subject: String
    /// Bumped by every invalidation.
    public private(set) var version = 0
    /// Why the last invalidation happened (nil while it never was).
    public private(set) var lastReason: String?
    private var dependents: [WeakDependent] = []

    public init(subject: String) { self.subject = subject }

    /// Makes `dependent` depend on this assumption as it was at `version`. A dependent recorded before a later
    /// invalidation (the recording itself changed the fact) is invalidated at once.
    public func register(_ dependent: AssumptionDependent, assumedAt version: Int) {
        if version != self.version {
            dependent.invalidate(because: lastReason ?? "\(subject) changed")
            return
        }
        dependents.removeAll { $0.dependent == nil }
        dependents.append(WeakDependent(dependent: dependent))
    }

    /// The fact changed: every dependent is invalidated with `reason` and forgotten.
    public func invalidate(because reason: String) {
        version += 1
        lastReason = reason
        let current = dependents
        dependents = []
        for d in current { d.dependent?.invalidate(because: reason) }
    }

    /// How many live dependents there are.
    public var dependentCount: Int { dependents.count { $0.dependent != nil } }

    private struct WeakDependent {
        weak var dependent: AssumptionDependent?
    }
}

/// Something that relies on assumptions: a compiled loop, or a recording in progress.
public protocol AssumptionDependent: AnyObject {
    /// An assumption it relied on broke: from now on its `guard_not_invalidated` guards must fail.
    func invalidate(because reason: String)
}

/// An assumption as a recording made it: which one, and its version then.
public struct AssumptionUse {
    public let assumption: Assumption
    public let version: Int
    public init(assumption: Assumption, version: Int) {
        self.assumption = assumption
        self.version = version
    }
}

extension Recorder: AssumptionDependent {
    /// An assumption the trace relies on broke while recording: the trace will abort when it would close.
    public func invalidate(because reason: String) { assumptionBroke(reason) }
}

extension CompiledLoop: AssumptionDependent {
    /// Marks the runner invalidated and keeps the first reason (`invalidationReason`).
    public func invalidate(because reason: String) {
        guard invalidationReason == nil else { return }
        invalidationReason = reason
        runner.isInvalidated = true
    }

    /// Makes the loop depend on every assumption its recording made.
    public func depend(on uses: [AssumptionUse]) {
        for use in uses { use.assumption.register(self, assumedAt: use.version) }
    }
}
