import Meta
import BigInt

extension Runtime {
    /// `format(v, spec)`: the format-spec mini-language for int, bool, float and str (the numeric core's
    /// `pyFormat*`), `__format__` of instances, and `str(v)` for anything else when `spec` is empty. f-strings'
    /// FORMAT_VALUE, `str.format` and `format()` all come here.
    public func formatValue(_ v: Ref, spec: String) throws(PyException) -> String {
        let id = v.typeID
        if id == L.str.id {
            if spec.isEmpty { return string(v) }
            return try numeric { () throws(NumberError) in try pyFormatStr(string(v), spec: spec) }
        }
        if isInt(v) {
            if spec.isEmpty { return try str(v) }
            let typeName = id == L.bool.id ? "bool" : "int"
            if let small = smallInt(v) {
                return try numeric { () throws(NumberError) in try pyFormatInt(small, spec: spec, typeName: typeName) }
            }
            let big = bigValue(v)
            return try numeric { () throws(NumberError) in try pyFormatInt(big, spec: spec, typeName: typeName) }
        }
        if id == L.float.id {
            let d = v.float(L.floatval)
            if spec.isEmpty { return pyFloatRepr(d) }
            return try numeric { () throws(NumberError) in try pyFormatFloat(d, spec: spec) }
        }
        let m = userMethod(v, "__format__")
        if !m.isNull {
            let r = try callMethod(m, v, [newStr(spec)])
            guard r.typeID == L.str.id else { throw typeError("__format__ must return a str, not \(typeName(r))") }
            return string(r)
        }
        if spec.isEmpty { return try str(v) }
        throw typeError("unsupported format string passed to \(typeName(v)).__format__")
    }
}
