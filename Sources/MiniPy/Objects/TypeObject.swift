import Meta

/// The built-in types. A type is a W_Type: name, base (single inheritance), a dict of attributes and methods, and
/// the layout its instances use.
public struct BuiltinTypes {
    public let object, type, int, bool, float, str, list, tuple, dict, set, function, builtinFunction, method,
               module, range, slice, cell, iterator, code, staticmethod, classmethod, property, superType, noneType,
               notImplementedType, ellipsisType: Ref

    func markAll(_ heap: Heap) {
        for t in [object, type, int, bool, float, str, list, tuple, dict, set, function, builtinFunction, method,
                  module, range, slice, cell, iterator, code, staticmethod, classmethod, property, superType, noneType,
                  notImplementedType, ellipsisType] { heap.markRoot(t) }
    }
}

/// Flags in W_Type.flags.
public enum TypeFlag {
    /// A built-in type: its attributes cannot be set from guest code.
    public static let builtin = 1
    /// BaseException or a subclass.
    public static let exception = 2
}

/// The built-in exception hierarchy (a subset of CPython's, same names and bases).
public struct ExceptionTypes {
    public let all: [String: Ref]
    public let BaseException, Exception, ArithmeticError, ZeroDivisionError, OverflowError, LookupError, KeyError,
               IndexError, ValueError, TypeError, AttributeError, NameError, UnboundLocalError, RuntimeError,
               RecursionError, NotImplementedError, AssertionError, StopIteration, ImportError,
               ModuleNotFoundError, MemoryError, KeyboardInterrupt, SystemExit: Ref

    func markAll(_ heap: Heap) { for t in all.values { heap.markRoot(t) } }
}

extension Runtime {
    /// Creates a type object.
    public func newType(name: String, base: Ref, layout: Layout, flags: Int, module: String = "builtins") -> Ref {
        let t = alloc(L.type)
        t.set(L.typeName, intern(name))
        t.set(L.typeBase, base)
        t.set(L.typeDict, newDict())
        t.set(L.typeLayout, Int(layout.id))
        t.set(L.typeFlags, flags)
        t.set(L.typeModule, intern(module))
        classesChanged()
        return t
    }

    func bootstrapTypes() {
        let b = TypeFlag.builtin
        func make(_ name: String, _ layout: Layout, base: Ref) -> Ref {
            let t = newType(name: name, base: base, layout: layout, flags: b)
            typeOfLayout[Int(layout.id)] = t
            return t
        }
        let object = newType(name: "object", base: .null, layout: L.instance, flags: b)
        let int = make("int", L.int, base: object)
        typeOfLayout[Int(L.long.id)] = int
        types = BuiltinTypes(
            object: object,
            type: make("type", L.type, base: object),
            int: int,
            bool: make("bool", L.bool, base: int),
            float: make("float", L.float, base: object),
            str: make("str", L.str, base: object),
            list: make("list", L.list, base: object),
            tuple: make("tuple", L.tuple, base: object),
            dict: make("dict", L.dict, base: object),
            set: make("set", L.set, base: object),
            function: make("function", L.function, base: object),
            builtinFunction: make("builtin_function_or_method", L.builtin, base: object),
            method: make("method", L.method, base: object),
            module: make("module", L.module, base: object),
            range: make("range", L.range, base: object),
            slice: make("slice", L.slice, base: object),
            cell: make("cell", L.cell, base: object),
            iterator: make("iterator", L.iterator, base: object),
            code: make("code", L.code, base: object),
            staticmethod: newType(name: "staticmethod", base: object, layout: L.wrapper, flags: b),
            classmethod: newType(name: "classmethod", base: object, layout: L.wrapper, flags: b),
            property: newType(name: "property", base: object, layout: L.wrapper, flags: b),
            superType: make("super", L.superProxy, base: object),
            noneType: make("NoneType", L.none, base: object),
            notImplementedType: make("NotImplementedType", L.notImplemented, base: object),
            ellipsisType: make("ellipsis", L.ellipsis, base: object))
        typeOfLayout[Int(L.array.id)] = object
        typeOfLayout[Int(L.intArray.id)] = object
        typeOfLayout[Int(L.map.id)] = object
    }

    func bootstrapExceptions() {
        var all: [String: Ref] = [:]
        func make(_ name: String, _ base: String?) {
            all[name] = newType(name: name, base: base.map { all[$0]! } ?? types.object, layout: L.instance,
                                flags: TypeFlag.builtin | TypeFlag.exception)
        }
        make("BaseException", nil)
        make("Exception", "BaseException")
        make("SystemExit", "BaseException")
        make("KeyboardInterrupt", "BaseException")
        make("ArithmeticError", "Exception")
        make("ZeroDivisionError", "ArithmeticError")
        make("OverflowError", "ArithmeticError")
        make("LookupError", "Exception")
        make("KeyError", "LookupError")
        make("IndexError", "LookupError")
        make("ValueError", "Exception")
        make("TypeError", "Exception")
        make("AttributeError", "Exception")
        make("NameError", "Exception")
        make("UnboundLocalError", "NameError")
        make("RuntimeError", "Exception")
        make("RecursionError", "RuntimeError")
        make("NotImplementedError", "RuntimeError")
        make("AssertionError", "Exception")
        make("StopIteration", "Exception")
        make("ImportError", "Exception")
        make("ModuleNotFoundError", "ImportError")
        make("MemoryError", "Exception")
        make("UnicodeError", "ValueError")
        make("EOFError", "Exception")
        make("OSError", "Exception")
        make("SyntaxError", "Exception")
        make("IndentationError", "SyntaxError")
        exceptions = ExceptionTypes(
            all: all, BaseException: all["BaseException"]!, Exception: all["Exception"]!,
            ArithmeticError: all["ArithmeticError"]!, ZeroDivisionError: all["ZeroDivisionError"]!,
            OverflowError: all["OverflowError"]!, LookupError: all["LookupError"]!, KeyError: all["KeyError"]!,
            IndexError: all["IndexError"]!, ValueError: all["ValueError"]!, TypeError: all["TypeError"]!,
            AttributeError: all["AttributeError"]!, NameError: all["NameError"]!,
            UnboundLocalError: all["UnboundLocalError"]!, RuntimeError: all["RuntimeError"]!,
            RecursionError: all["RecursionError"]!, NotImplementedError: all["NotImplementedError"]!,
            AssertionError: all["AssertionError"]!, StopIteration: all["StopIteration"]!,
            ImportError: all["ImportError"]!, ModuleNotFoundError: all["ModuleNotFoundError"]!,
            MemoryError: all["MemoryError"]!, KeyboardInterrupt: all["KeyboardInterrupt"]!,
            SystemExit: all["SystemExit"]!)
    }
}
