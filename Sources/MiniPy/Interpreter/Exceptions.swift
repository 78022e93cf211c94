import Meta

/// Raising, matching and reporting guest exceptions.
extension Runtime {
    /// The exception object that `raise x` raises: `x` itself, or a new instance when `x` is a class.
    func makeException(_ x: Ref) throws(PyException) -> Ref {
        if x.typeID == L.type.id && isSubtype(x, exceptions.BaseException) { return try call(x, []) }
        if isInstance(x, exceptions.BaseException) { return x }
        throw typeError("exceptions must derive from BaseException")
    }

    /// `except T:` matching, where `type` is a class or a tuple of classes.
    func exceptionMatches(_ exc: Ref, _ type: Ref) throws(PyException) -> Bool {
        if type.typeID == L.tuple.id {
            for t in items(type) where try exceptionMatches(exc, t) { return true }
            return false
        }
        guard type.typeID == L.type.id, isSubtype(type, exceptions.BaseException) else {
            throw typeError("catching classes that do not inherit from BaseException is not allowed")
        }
        return isInstance(exc, type)
    }

    /// Records that `exc` passed through `frame` (at its current instruction) in the exception's `__traceback__`
    /// list of (file, line, function) tuples, innermost first.
    func addTraceback(_ exc: Ref, frame: Frame) {
        guard exc.typeID == L.instance.id else { return }
        let code = frame.code
        let line = code.lines.isEmpty ? 0 : Int(code.lines[min(frame.pc, code.lines.count - 1)])
        let key = names.__traceback__
        var list = ownAttribute(exc, key)
        if list.isNull || list.typeID != L.list.id {
            list = newList()
            setOwnAttribute(exc, key, list)
        }
        let entry = newTuple([intern(code.filename), newInt(line), intern(code.name)])
        if listLength(list) > 0, let last = sequenceItems(list).last,
           sequenceItems(last).elementsEqual(sequenceItems(entry), by: { a, b in
               a == b || (isInt(a) && isInt(b) && smallInt(a) == smallInt(b)) }) {
            return
        }
        listAppend(list, entry)
    }

    /// The text CPython prints for an uncaught exception: the traceback, then `Type: message`.
    public func formatUncaught(_ exc: Ref) -> String {
        var out = "Traceback (most recent call last):\n"
        if exc.typeID == L.instance.id {
            let list = ownAttribute(exc, names.__traceback__)
            if !list.isNull && list.typeID == L.list.id {
                for entry in items(list).reversed() {
                    let parts = items(entry)
                    let file = string(parts[0]), line = smallInt(parts[1]) ?? 0, name = string(parts[2])
                    out += "  File \"\(file)\", line \(line), in \(name)\n"
                    if let text = sourceLine(file, line) { out += "    \(text)\n" }
                }
            }
        }
        out += exceptionLastLine(exc) + "\n"
        return out
    }

    /// `KeyError: 'k'` — the last line of a traceback.
    public func exceptionLastLine(_ exc: Ref) -> String {
        let t = typeOf(exc)
        let module = string(t.ref(L.typeModule))
        let name = module == "builtins" || module == "__main__" ? nameOfType(t) : "\(module).\(nameOfType(t))"
        let message = (try? str(exc)) ?? "<exception str() failed>"
        return message.isEmpty ? name : "\(name): \(message)"
    }

    /// A source line (stripped), for tracebacks.
    func sourceLine(_ file: String, _ line: Int) -> String? {
        guard let lines = sourceLines[file], line >= 1, line <= lines.count else { return nil }
        let text = lines[line - 1].trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : text
    }
}

import Foundation
