/// A Python exception raised by the numeric and formatting core.
///
/// Each case maps 1:1 to the Python exception class of the same name; the payload is
/// CPython 3.11's exact message (the `str()` of the exception).
public enum NumberError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    case valueError(String)
    case overflowError(String)
    case zeroDivisionError(String)
    case typeError(String)
    /// Raised only where CPython would try to allocate an absurdly large result.
    case memoryError(String)

    /// The Python exception class name, e.g. `"ValueError"`.
    public var pythonName: String {
        switch self {
        case .valueError: return "ValueError"
        case .overflowError: return "OverflowError"
        case .zeroDivisionError: return "ZeroDivisionError"
        case .typeError: return "TypeError"
        case .memoryError: return "MemoryError"
        }
    }

    /// The exception message, exactly as CPython formats it.
    public var message: String {
        switch self {
        case .valueError(let m), .overflowError(let m), .zeroDivisionError(let m),
             .typeError(let m), .memoryError(let m):
            return m
        }
    }

    /// `"ValueError: message"`, the last line of a CPython traceback.
    public var description: String { message.isEmpty ? pythonName : "\(pythonName): \(message)" }
}
