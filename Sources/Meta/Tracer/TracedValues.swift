/// A red reference while tracing: the concrete object (the tracer executes every operation) and the IR value that
/// stands for it in the trace being recorded (`IRValue.none` once recording stopped).
@frozen public struct TracedRef {
    public let value: Ref
    public let ir: IRValue
    @inlinable public init(_ value: Ref, _ ir: IRValue) { self.value = value; self.ir = ir }
}

/// A red 64-bit integer while tracing (see `TracedRef`).
@frozen public struct TracedInt {
    public let value: Int
    public let ir: IRValue
    @inlinable public init(_ value: Int, _ ir: IRValue) { self.value = value; self.ir = ir }
}

/// A red 64-bit float while tracing (see `TracedRef`).
@frozen public struct TracedFloat {
    public let value: Double
    public let ir: IRValue
    @inlinable public init(_ value: Double, _ ir: IRValue) { self.value = value; self.ir = ir }
}
