/// Remembers why the driver dropped each loop it stopped entering (`TracerEvent.loopDropped`), by trace number:
/// what `TraceTree` needs besides the compiled loops themselves.
public final class DroppedLoops: TracerObserver {
    public private(set) var reasons: [Int: String] = [:]

    public init() {}

    public func tracer(_ event: TracerEvent) {
        if case .loopDropped(let trace, let reason) = event { reasons[trace.number] = reason }
    }
}
