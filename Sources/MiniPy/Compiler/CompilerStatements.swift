/// Statements: assignments, control flow, definitions, imports.
extension CodeCompiler {
    func compileStatements(_ body: [Stmt]) throws(SourceError) {
        for s in body { try compile(s) }
    }

    func compile(_ s: Stmt) throws(SourceError) {
        try at(s.location) { () throws(SourceError) in try compileStatementKind(s) }
    }

    private func compileStatementKind(_ s: Stmt) throws(SourceError) {
        switch s.kind {
        case .expression(let e):
            try compile(e)
            emit(.POP_TOP)
        case .assign(let targets, let value):
            try compile(value)
            for (i, t) in targets.enumerated() {
                if i < targets.count - 1 { emit(.DUP_TOP) }
                try compileStore(t)
            }
        case .augmentedAssign(let target, let op, let value):
            try compileAugmentedAssign(target, op, value)
        case .annotatedAssign(let target, let value):
            if let v = value {
                try compile(v)
                try compileStore(target)
            }
        case .pass:
            emit(.NOP)
        case .break:
            guard let i = innermostLoop(), case .loop(_, let breakTarget, _) = blocks[i] else {
                throw error("'break' outside loop", s.location)
            }
            try unwind(downTo: i, preservingTop: false) { code.emitJump(to: breakTarget) }
        case .continue:
            guard let i = innermostLoop(), case .loop(let continueTarget, _, _) = blocks[i] else {
                throw error("'continue' not properly in loop", s.location)
            }
            try unwind(downTo: i + 1, preservingTop: false) { code.emitJump(to: continueTarget) }
        case .return(let value):
            if scope.kind == .module || scope.kind == .classBody { throw error("'return' outside function", s.location) }
            if let v = value { try compile(v) } else { loadConstant(.none) }
            try unwind(downTo: 0, preservingTop: true) { emit(.RETURN_VALUE) }
        case .delete(let targets):
            for t in targets { try compileDelete(t) }
        case .global, .nonlocal:
            break
        case .assert(let test, let message):
            let end = code.newLabel()
            try compileJump(if: test, is: true, to: end)
            emit(.LOAD_ASSERTION_ERROR)
            if let m = message {
                try compile(m)
                emit(.CALL_FUNCTION, 1)
            }
            emit(.RAISE_VARARGS, 1)
            code.place(end)
        case .raise(let exception, let cause):
            var count = 0
            if let e = exception { try compile(e); count = 1 }
            if let c = cause { try compile(c); count = 2 }
            emit(.RAISE_VARARGS, count)
        case .if:
            try compileIfChain(s)
        case .while(let test, let body, let orElse):
            try compileWhile(test, body, orElse, at: s.location)
        case .for(let target, let iterable, let body, let orElse):
            try compileFor(target, iterable, body, orElse, at: s.location)
        case .try(let t):
            try compileTry(t)
        case .functionDef(let f):
            try compileFunctionDef(f, at: s.location)
        case .classDef(let c):
            try compileClassDef(c, at: s.location)
        case .import(let names):
            for n in names { at(n.location) { compileImport(n) } }
        case .importFrom(let i):
            compileImportFrom(i)
        }
    }

    private func innermostLoop() -> Int? {
        blocks.lastIndex { if case .loop = $0 { true } else { false } }
    }

    // MARK: assignment

    /// Stores the value on top of the stack into a target (name, attribute, subscript, or an unpacking pattern).
    func compileStore(_ target: Expr) throws(SourceError) {
        try at(target.location) { () throws(SourceError) in
            switch target.kind {
            case .name(let n):
                emitName(n, .store)
            case .attribute(let object, let name):
                try compile(object)
                emit(.STORE_ATTR, code.name(name))
            case .subscript(let object, let index):
                try compile(object)
                try compile(index)
                emit(.STORE_SUBSCR)
            case .tuple(let items), .list(let items):
                if let star = items.firstIndex(where: { if case .starred = $0.kind { true } else { false } }) {
                    let after = items.count - star - 1
                    guard star < 256 && after < (1 << 23) else {
                        throw error("too many expressions in star-unpacking assignment", target.location)
                    }
                    emit(.UNPACK_EX, star | (after << 8))
                } else {
                    emit(.UNPACK_SEQUENCE, items.count)
                }
                for item in items {
                    if case .starred(let inner) = item.kind { try compileStore(inner) } else { try compileStore(item) }
                }
            default:
                throw error("cannot assign to expression", target.location)
            }
        }
    }

    private func compileDelete(_ target: Expr) throws(SourceError) {
        try at(target.location) { () throws(SourceError) in
            switch target.kind {
            case .name(let n):
                emitName(n, .delete)
            case .attribute(let object, let name):
                try compile(object)
                emit(.DELETE_ATTR, code.name(name))
            case .subscript(let object, let index):
                try compile(object)
                try compile(index)
                emit(.DELETE_SUBSCR)
            case .tuple(let items), .list(let items):
                for item in items { try compileDelete(item) }
            default:
                throw error("cannot delete expression", target.location)
            }
        }
    }

    private func compileAugmentedAssign(_ target: Expr, _ op: BinaryOperator, _ value: Expr) throws(SourceError) {
        switch target.kind {
        case .name(let n):
            emitName(n, .load)
            try compile(value)
            emit(op.inplaceOpcode)
            emitName(n, .store)
        case .attribute(let object, let name):
            try compile(object)
            emit(.DUP_TOP)
            emit(.LOAD_ATTR, code.name(name))
            try compile(value)
            emit(op.inplaceOpcode)
            emit(.ROT_TWO)
            emit(.STORE_ATTR, code.name(name))
        case .subscript(let object, let index):
            try compile(object)
            try compile(index)
            emit(.DUP_TOP_TWO)
            emit(.BINARY_SUBSCR)
            try compile(value)
            emit(op.inplaceOpcode)
            emit(.ROT_THREE)
            emit(.STORE_SUBSCR)
        default:
            throw error("illegal expression for augmented assignment", target.location)
        }
    }

    // MARK: control flow

    /// `if`/`elif`/`else`, walking the elif chain iteratively.
    private func compileIfChain(_ first: Stmt) throws(SourceError) {
        let end = code.newLabel()
        var statement = first
        while case .if(let test, let body, let orElse) = statement.kind {
            let next = code.newLabel()
            try at(statement.location) { () throws(SourceError) in try compileJump(if: test, is: false, to: next) }
            try compileStatements(body)
            if !orElse.isEmpty && code.isReachable { code.emitJump(to: end) }
            code.place(next)
            if orElse.count == 1, case .if = orElse[0].kind {
                statement = orElse[0]
                continue
            }
            try compileStatements(orElse)
            break
        }
        code.place(end)
    }

    private func compileWhile(_ test: Expr, _ body: [Stmt], _ orElse: [Stmt], at location: SourceLocation)
        throws(SourceError) {
        let head = code.newLabel(), exit = code.newLabel(), end = code.newLabel()
        code.place(head)
        try compileJump(if: test, is: false, to: exit)
        blocks.append(.loop(continueTarget: head, breakTarget: end, hasIterator: false))
        try compileStatements(body)
        blocks.removeLast()
        if code.isReachable { code.emitJump(to: head) }
        code.place(exit)
        try compileStatements(orElse)
        code.place(end)
    }

    private func compileFor(_ target: Expr, _ iterable: Expr, _ body: [Stmt], _ orElse: [Stmt],
                            at location: SourceLocation) throws(SourceError) {
        let head = code.newLabel(), exit = code.newLabel(), end = code.newLabel()
        try compile(iterable)
        emit(.GET_ITER)
        code.place(head)
        code.emitJump(.FOR_ITER, to: exit)
        blocks.append(.loop(continueTarget: head, breakTarget: end, hasIterator: true))
        try compileStore(target)
        try compileStatements(body)
        blocks.removeLast()
        if code.isReachable { code.emitJump(to: head) }
        code.place(exit)
        try compileStatements(orElse)
        code.place(end)
    }

    // MARK: definitions

    private func compileFunctionDef(_ f: FunctionDef, at location: SourceLocation) throws(SourceError) {
        for d in f.decorators { try compile(d) }
        let child = scope.child(at: location)!
        let compiler = CodeCompiler(scope: child, file: file, location: location)
        try compiler.compileStatements(f.body)
        if compiler.code.isReachable {
            compiler.at(f.body.last?.location ?? location) { compiler.emitReturnNone() }
        }
        let functionCode = compiler.finish(firstLine: location.line, argcount: f.parameters.positional.count,
                                           kwonlyargcount: f.parameters.keywordOnly.count,
                                           flags: f.parameters.codeFlags)
        try emitMakeFunction(functionCode, child, f.parameters)
        for _ in f.decorators { emit(.CALL_FUNCTION, 1) }
        emitName(f.name, .store)
    }

    /// Builds a function object from `functionCode`: defaults tuple, keyword-only defaults dict, closure tuple,
    /// code, MAKE_FUNCTION.
    func emitMakeFunction(_ functionCode: CodeObject, _ child: Scope, _ parameters: Parameters?) throws(SourceError) {
        var flags = 0
        if let p = parameters, !p.defaults.isEmpty {
            for d in p.defaults { try compile(d) }
            emit(.BUILD_TUPLE, p.defaults.count)
            flags |= 0x01
        }
        if let p = parameters, p.keywordDefaults.contains(where: { $0 != nil }) {
            var count = 0
            for (parameter, d) in zip(p.keywordOnly, p.keywordDefaults) {
                guard let d else { continue }
                loadConstant(.str(parameter.name))
                try compile(d)
                count += 1
            }
            emit(.BUILD_MAP, count)
            flags |= 0x02
        }
        if !child.freevars.isEmpty {
            for name in child.freevars { loadClosure(name) }
            emit(.BUILD_TUPLE, child.freevars.count)
            flags |= 0x08
        }
        loadConstant(.code(functionCode))
        emit(.MAKE_FUNCTION, flags)
    }

    /// `LOAD_BUILD_CLASS; <body function>; 'Name'; base; CALL_FUNCTION`, decorators, store.
    private func compileClassDef(_ c: ClassDef, at location: SourceLocation) throws(SourceError) {
        for d in c.decorators { try compile(d) }
        emit(.LOAD_BUILD_CLASS)
        let child = scope.child(at: location)!
        let body = CodeCompiler(scope: child, file: file, location: location)
        try body.compileClassBody(c.body)
        try emitMakeFunction(body.finish(firstLine: location.line, argcount: 0, kwonlyargcount: 0), child, nil)
        loadConstant(.str(c.name))
        for base in c.bases { try compile(base) }
        emit(.CALL_FUNCTION, 2 + c.bases.count)
        for _ in c.decorators { emit(.CALL_FUNCTION, 1) }
        emitName(c.name, .store)
    }

    /// A class body: sets `__module__` and `__qualname__`, runs the statements, and returns the `__class__` cell
    /// (also stored as `__classcell__`) when methods use `super()`/`__class__`, else None.
    private func compileClassBody(_ body: [Stmt]) throws(SourceError) {
        emitName("__name__", .load)
        emitName("__module__", .store)
        loadConstant(.str(scope.qualname))
        emitName("__qualname__", .store)
        try compileStatements(body)
        at(body.last?.location ?? code.location) {
            if scope.cellvars.contains("__class__") {
                loadClosure("__class__")
                emit(.DUP_TOP)
                emitName("__classcell__", .store)
                emit(.RETURN_VALUE)
            } else {
                emitReturnNone()
            }
        }
    }

    // MARK: imports

    /// `import a.b.c` binds `a`; `import a.b.c as d` walks to the submodule with IMPORT_FROM and binds it.
    private func compileImport(_ n: ImportedName) {
        loadConstant(.int(0))
        loadConstant(.none)
        emit(.IMPORT_NAME, code.name(n.name))
        let components = n.name.split(separator: ".").map(String.init)
        guard let asName = n.asName else {
            emitName(components[0], .store)
            return
        }
        guard components.count > 1 else {
            emitName(asName, .store)
            return
        }
        for component in components[1..<(components.count - 1)] {
            emit(.IMPORT_FROM, code.name(component))
            emit(.ROT_TWO)
            emit(.POP_TOP)
        }
        emit(.IMPORT_FROM, code.name(components.last!))
        emitName(asName, .store)
        emit(.POP_TOP)
    }

    private func compileImportFrom(_ i: ImportFrom) {
        loadConstant(.int(i.level))
        loadConstant(.tuple(i.names.map { .str($0.name) }))
        emit(.IMPORT_NAME, code.name(i.module ?? ""))
        if i.isStar {
            emit(.IMPORT_STAR)
            return
        }
        for n in i.names {
            at(n.location) {
                emit(.IMPORT_FROM, code.name(n.name))
                emitName(n.asName ?? n.name, .store)
            }
        }
        emit(.POP_TOP)
    }
}

extension BinaryOperator {
    var binaryOpcode: Opcode {
        switch self {
        case .add: .BINARY_ADD
        case .subtract: .BINARY_SUBTRACT
        case .multiply: .BINARY_MULTIPLY
        case .trueDivide: .BINARY_TRUE_DIVIDE
        case .floorDivide: .BINARY_FLOOR_DIVIDE
        case .modulo: .BINARY_MODULO
        case .power: .BINARY_POWER
        case .leftShift: .BINARY_LSHIFT
        case .rightShift: .BINARY_RSHIFT
        case .bitAnd: .BINARY_AND
        case .bitOr: .BINARY_OR
        case .bitXor: .BINARY_XOR
        }
    }

    var inplaceOpcode: Opcode {
        switch self {
        case .add: .INPLACE_ADD
        case .subtract: .INPLACE_SUBTRACT
        case .multiply: .INPLACE_MULTIPLY
        case .trueDivide: .INPLACE_TRUE_DIVIDE
        case .floorDivide: .INPLACE_FLOOR_DIVIDE
        case .modulo: .INPLACE_MODULO
        case .power: .INPLACE_POWER
        case .leftShift: .INPLACE_LSHIFT
        case .rightShift: .INPLACE_RSHIFT
        case .bitAnd: .INPLACE_AND
        case .bitOr: .INPLACE_OR
        case .bitXor: .INPLACE_XOR
        }
    }
}

extension Parameters {
    var codeFlags: CodeFlags {
        var flags: CodeFlags = []
        if varargs != nil { flags.insert(.varargs) }
        if varkeywords != nil { flags.insert(.varkeywords) }
        return flags
    }
}
