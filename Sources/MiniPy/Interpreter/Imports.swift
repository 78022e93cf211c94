import Meta
import Foundation

/// `import`: built-in modules first, then `.py` files and package folders relative to the main file's folder.
/// Each module runs once; `sys.modules` (`Runtime.modules`) remembers it.
extension Runtime {
    /// Loads (once) and returns the module `name` (dotted), importing its parent packages first.
    public func importModule(_ name: String) throws(PyException) -> Ref {
        let existing = dictGetStr(modules, intern(name))
        if !existing.isNull { return existing }
        let parts = name.split(separator: ".").map(String.init)
        var parent = Ref.null
        if parts.count > 1 { parent = try importModule(parts.dropLast().joined(separator: ".")) }
        let module: Ref
        if parts.count == 1, let factory = builtinModuleFactory(name) {
            module = try factory()
            dictSetStr(modules, intern(name), module)
        } else {
            module = try loadSourceModule(name, parts)
        }
        if !parent.isNull { dictSetStr(parent.ref(L.moduleDict), intern(parts.last!), module) }
        return module
    }

    private func loadSourceModule(_ name: String, _ parts: [String]) throws(PyException) -> Ref {
        let base = URL(fileURLWithPath: searchPath).appendingPathComponent(parts.joined(separator: "/"))
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        let file: String?
        let isPackage: Bool
        if fm.fileExists(atPath: base.path + ".py") {
            file = base.path + ".py"; isPackage = false
        } else if fm.fileExists(atPath: base.path, isDirectory: &isDirectory), isDirectory.boolValue {
            let initFile = base.appendingPathComponent("__init__.py").path
            file = fm.fileExists(atPath: initFile) ? initFile : nil
            isPackage = true
        } else {
            throw PyException(newException(exceptions.ModuleNotFoundError, message: "No module named '\(name)'"))
        }
        let module = newModule(name)
        let dict = module.ref(L.moduleDict)
        dictSetStr(dict, intern("__name__"), intern(name))
        dictSetStr(dict, intern("__package__"), intern(isPackage ? name : parts.dropLast().joined(separator: ".")))
        if let file { dictSetStr(dict, intern("__file__"), newStr(file)) }
        dictSetStr(modules, intern(name), module)
        guard let file else { return module }
        do {
            let code = try loadCode(path: file, displayName: file)
            _ = try runCode(code, globals: dict, localsDict: dict)
        } catch {
            _ = try? dictDelete(modules, intern(name))
            throw error
        }
        return module
    }

    /// Reads and compiles a source file, remembering its lines for tracebacks. Syntax errors become guest
    /// SyntaxError exceptions.
    public func loadCode(path: String, displayName: String) throws(PyException) -> CodeObject {
        guard let data = FileManager.default.contents(atPath: path), let source = String(data: data, encoding: .utf8) else {
            throw PyException(newException(exceptions.all["OSError"]!, message: "cannot read '\(path)'"))
        }
        sourceLines[displayName] = source.components(separatedBy: "\n")
        switch Result(catching: { () throws(SourceError) -> CodeObject in try compileModule(source: source, filename: displayName) }) {
        case .success(let code): return code
        case .failure(let e):
            let type = e.kind == .indentation ? exceptions.all["IndentationError"]! : e.kind == .syntax ? exceptions.all["SyntaxError"]! : exceptions.NotImplementedError
            let message = e.kind == .unsupported ? "\(e.filename):\(e.line):\(e.column): \(e.message)" : "\(e.message) (\(e.filename), line \(e.line))"
            throw PyException(newException(type, message: message))
        }
    }

    /// IMPORT_NAME: the top-level package (plain `import a.b`) or the named module (`from a.b import c`).
    func importName(_ name: String, fromlist: Ref, level: Int, globals: Ref) throws(PyException) -> Ref {
        var fullName = name
        if level > 0 {
            let package = dictGetStr(globals, intern("__package__"))
            var parts = package.isNull ? [] : string(package).split(separator: ".").map(String.init)
            if level - 1 > parts.count { throw PyException(newException(exceptions.ImportError, message: "attempted relative import beyond top-level package")) }
            parts.removeLast(level - 1)
            fullName = (parts + (name.isEmpty ? [] : [name])).joined(separator: ".")
        }
        let module = try importModule(fullName)
        if fromlist == none || fromlist.isNull || (fromlist.typeID == L.tuple.id && fromlist.int(L.tupleLength) == 0) {
            return try importModule(String(fullName.split(separator: ".").first!))
        }
        return module
    }

    /// IMPORT_FROM: `from m import name` (a submodule if `m` is a package without that attribute).
    func importFrom(_ module: Ref, _ name: Ref) throws(PyException) -> Ref {
        let v = dictGetStr(module.ref(L.moduleDict), name)
        if !v.isNull { return v }
        let moduleName = string(module.ref(L.moduleName))
        if let sub = try? importModule(moduleName + "." + string(name)) { return sub }
        throw PyException(newException(exceptions.ImportError,
                                       message: "cannot import name '\(string(name))' from '\(moduleName)'"))
    }

    /// `from m import *`: every public name.
    func importStar(_ module: Ref, into target: Ref) throws(PyException) {
        for (k, v) in dictItems(module.ref(L.moduleDict)) where !string(k).hasPrefix("_") {
            dictSetStr(target, k, v)
        }
    }
}
