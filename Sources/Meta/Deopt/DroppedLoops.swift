/// Remembers why the driver dropped each loop it stopped entering (`TracerEvent.loopDropped`, or `.loopInvalidated`
/// as "invalidated: REASON"), by trace number:
/// what `TraceTree` needs besides the compiled loops themselves.
public final class DroppedLoops: TracerObserver {
    public private(set) var reasons: [Int: String] = [:]

    public init() {}

    public func tracer(_ event: TracerEvent) {
        switch event {
        case .loopDropped(let trace, let reason): reasons[trace.number] = reason
        case .loopInvalidated(let trace, let reason): reasons[trace.number] = "invalidated: \(reason)"
        default: break
        }
    }
}
