import Meta

extension Runtime {
    /// The guest exception for an error of the numeric core.
    public func pyException(_ e: NumberError) -> PyException {
        let type: Ref
        switch e {
        case .valueError: type = exceptions.ValueError
        case .overflowError: type = exceptions.OverflowError
        case .zeroDivisionError: type = exceptions.ZeroDivisionError
        case .typeError: type = exceptions.TypeError
        case .memoryError: return PyException(newException(exceptions.MemoryError, message: e.message.isEmpty ? nil : e.message))
        }
        return error(type, e.message)
    }

    /// Runs a numeric-core computation, turning its errors into guest exceptions.
    @inline(__always) public func numeric<T>(_ body: () throws(NumberError) -> T) throws(PyException) -> T {
        do { return try body() } catch { throw pyException(error) }
    }
}
