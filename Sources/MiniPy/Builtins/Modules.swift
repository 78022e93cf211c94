import Meta
#if canImport(Glibc)
import Glibc
#endif

/// The built-in modules (`sys`, `time`, `math`, `abc`, `enum`) and the table the import machinery reads.
extension Runtime {
    /// The factory of the built-in module `name`, or nil if `name` is not built in. Each call of the factory
    /// makes a new module object; the import machinery caches it in `sys.modules`.
    public func builtinModuleFactory(_ name: String) -> (() throws(PyException) -> Ref)? {
        switch name {
        case "sys": return { () throws(PyException) in try self.makeModule_sys() }
        case "time": return { () throws(PyException) in try self.makeModule_time() }
        case "math": return { () throws(PyException) in try self.makeModule_math() }
        case "abc": return { () throws(PyException) in try self.makeModule_abc() }
        case "enum": return { () throws(PyException) in try self.makeModule_enum() }
        default: return nil
        }
    }

    /// A new module with `__name__` set; returns it and its dict.
    func newBuiltinModule(_ name: String) -> (module: Ref, dict: Ref) {
        let m = newModule(name)
        let d = m.ref(L.moduleDict)
        dictSetStr(d, intern("__name__"), intern(name))
        return (m, d)
    }

    // MARK: sys

    /// `sys`: argv, exit, maxsize, the recursion limit, modules, path, platform, byteorder, stdout/stderr.
    public func makeModule_sys() throws(PyException) -> Ref {
        let (m, d) = newBuiltinModule("sys")
        dictSetStr(d, intern("argv"), newList(argv.map { newStr($0) }))
        dictSetStr(d, intern("maxsize"), newInt(Int.max))
        dictSetStr(d, intern("modules"), modules)
        dictSetStr(d, intern("path"), newList([newStr(searchPath)]))
        dictSetStr(d, intern("platform"), intern("linux"))
        dictSetStr(d, intern("byteorder"), intern("little"))
        dictSetStr(d, intern("version"), intern("3.11.0 (metalab MiniPy)"))
        defineFunction(in: d, "exit") { rt, _, args throws(PyException) in
            try args.check("exit", min: 0, max: 1, rt)
            throw PyException(rt.newExceptionWithArgs(rt.exceptions.SystemExit, Array(args.positional)))
        }
        defineFunction(in: d, "getrecursionlimit") { rt, _, args throws(PyException) in
            try args.check("getrecursionlimit", min: 0, max: 0, rt)
            return rt.newInt(rt.recursionLimit)
        }
        defineFunction(in: d, "setrecursionlimit") { rt, _, args throws(PyException) in
            try args.check("setrecursionlimit", min: 1, max: 1, rt)
            guard args[0].typeID != rt.L.float.id else { throw rt.typeError("'float' object cannot be interpreted as an integer") }
            let n = try rt.indexArgument(args[0])
            if n < 1 { throw rt.valueError("recursion limit must be greater or equal than 1") }
            rt.recursionLimit = n
            return rt.none
        }
        // sys.stdout / sys.stderr: instances of a small TextIOWrapper type whose write() goes to the stream.
        let io = newType(name: "TextIOWrapper", base: types.object, layout: L.instance, flags: TypeFlag.builtin, module: "_io")
        defineTypedMethod(io, "write") { rt, me, args throws(PyException) in
            try args.check("write", min: 1, max: 1, rt)
            let text = try rt.strArgument(args[0], "write() argument")
            if rt.smallInt(rt.ownAttribute(me, rt.intern("_fd"))) == 2 { writeStderr(text) } else { rt.stdout.write(text) }
            return rt.newInt(rt.strLength(args[0]))
        }
        defineTypedMethod(io, "flush") { rt, me, args throws(PyException) in
            try args.check("flush", min: 0, max: 0, rt)
            rt.stdout.flush()
            return rt.none
        }
        for (name, fd) in [("stdout", 1), ("stderr", 2)] {
            let stream = newInstance(io)
            setOwnAttribute(stream, intern("_fd"), newInt(fd))
            setOwnAttribute(stream, intern("name"), newStr("<\(name)>"))
            dictSetStr(d, intern(name), stream)
        }
        return m
    }

    // MARK: time

    /// `time`: wall clock, monotonic and performance counters, process time, sleep.
    public func makeModule_time() throws(PyException) -> Ref {
        let (m, d) = newBuiltinModule("time")
        func clock(_ id: clockid_t) -> (seconds: Double, nanoseconds: Int) {
            var ts = timespec()
            clock_gettime(id, &ts)
            return (Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9, ts.tv_sec * 1_000_000_000 + ts.tv_nsec)
        }
        let clocks: [(String, clockid_t)] = [("time", CLOCK_REALTIME), ("perf_counter", CLOCK_MONOTONIC),
                                             ("monotonic", CLOCK_MONOTONIC), ("process_time", CLOCK_PROCESS_CPUTIME_ID)]
        for (name, id) in clocks {
            defineFunction(in: d, name) { rt, _, args throws(PyException) in
                try args.check(name, min: 0, max: 0, rt)
                return rt.newFloat(clock(id).seconds)
            }
            defineFunction(in: d, name + "_ns") { rt, _, args throws(PyException) in
                try args.check(name + "_ns", min: 0, max: 0, rt)
                return rt.newInt(clock(id).nanoseconds)
            }
        }
        defineFunction(in: d, "sleep") { rt, _, args throws(PyException) in
            try args.check("sleep", min: 1, max: 1, rt)
            let seconds = try rt.doubleArgument(args[0])
            if seconds < 0 { throw rt.valueError("sleep length must be non-negative") }
            rt.stdout.flush()
            var ts = timespec(tv_sec: Int(seconds), tv_nsec: Int((seconds - seconds.rounded(.towardZero)) * 1e9))
            var remaining = timespec()
            while nanosleep(&ts, &remaining) != 0 && errno == EINTR {
                // In the Lab, Ctrl-C stops the program when sleep returns (the rest of the sleep is cut short).
                if Runtime.interruptRequested != 0, case .observed = rt.interpreterMode, !rt.guestAbandoned { break }
                try rt.safepoint()
                ts = remaining
            }
            return rt.none
        }
        return m
    }
}
