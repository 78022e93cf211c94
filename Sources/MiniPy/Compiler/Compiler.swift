/// Compiles a module's source to its code object (nested functions, classes, lambdas and comprehensions become
/// code-object constants).
public func compileModule(source: String, filename: String) throws(SourceError) -> CodeObject {
    var parser = Parser(source: source, filename: filename)
    let body = try parser.parseModule()
    let scope = try SymbolTableBuilder.build(module: body, file: parser.file)
    let compiler = CodeCompiler(scope: scope, file: parser.file, location: SourceLocation(line: 1, column: 1))
    try compiler.compileStatements(body)
    if compiler.code.isReachable {
        compiler.at(body.last?.location ?? SourceLocation(line: 1, column: 1)) { compiler.emitReturnNone() }
    }
    return compiler.finish(firstLine: 1, argcount: 0, kwonlyargcount: 0)
}

/// Compiles one expression to a code object that evaluates it and returns its value. Names are looked up
/// through the frame's locals dict (`usesLocalsDict`), so a debugger can evaluate it in any frame's namespace.
public func compileExpression(source: String, filename: String) throws(SourceError) -> CodeObject {
    var parser = Parser(source: source, filename: filename)
    let expr = try parser.parseExpressionInput()
    let scope = try SymbolTableBuilder.build(expression: expr, file: parser.file)
    let compiler = CodeCompiler(scope: scope, file: parser.file, location: expr.location)
    try compiler.compile(expr)
    compiler.code.emit(.RETURN_VALUE)
    return compiler.finish(firstLine: expr.location.line, argcount: 0, kwonlyargcount: 0)
}

/// A construct being compiled that matters when control leaves it early (`return`, `break`, `continue`): what
/// it keeps on the value stack and which exception region protects it.
enum ControlBlock {
    /// A loop; a `for` loop keeps its iterator on the stack.
    case loop(continueTarget: Label, breakTarget: Label, hasIterator: Bool)
    /// The body of a `try` with except clauses.
    case tryExcept(region: Int)
    /// The body of a `try` with a `finally`, which must run on the way out.
    case tryFinally(region: Int, finalBody: [Stmt])
    /// An except clause: the previously handled exception is on the stack, restored by POP_EXCEPT.
    case exceptHandler(region: Int)
    /// The body of `except E as name`: `name` is deleted on the way out.
    case handlerName(region: Int, name: String)
    /// The copy of a finally body run while an exception propagates: the exception is on the stack.
    case finallyHandler
    /// A value kept on the stack while a finally body runs on the way out of `return`.
    case pendingReturnValue

    /// Values this construct keeps on the stack while its body runs.
    var stackValues: Int {
        switch self {
        case .loop(_, _, let hasIterator): hasIterator ? 1 : 0
        case .exceptHandler, .finallyHandler, .pendingReturnValue: 1
        case .tryExcept, .tryFinally, .handlerName: 0
        }
    }
}

/// Compiles the body of one scope (module, class, function, lambda or comprehension) into one code object.
/// Statements are in CompilerStatements.swift, exception handling in CompilerExceptions.swift, expressions in
/// CompilerExpressions.swift.
final class CodeCompiler {
    let scope: Scope
    let file: SourceFile
    var code: CodeBuilder
    var blocks: [ControlBlock] = []
    private let varnames: [String]
    private var varnameIndices: [String: Int] = [:]
    private var derefIndices: [String: Int] = [:]

    init(scope: Scope, file: SourceFile, location: SourceLocation) {
        self.scope = scope
        self.file = file
        self.code = CodeBuilder(location: location)
        self.varnames = scope.varnames
        for (i, n) in varnames.enumerated() { varnameIndices[n] = i }
        for (i, n) in (scope.cellvars + scope.freevars).enumerated() where derefIndices[n] == nil { derefIndices[n] = i }
    }

    func finish(firstLine: Int, argcount: Int, kwonlyargcount: Int, flags extra: CodeFlags = []) -> CodeObject {
        var flags = extra
        if scope.usesLocalsDict { flags.insert(.usesLocalsDict) }
        return code.finish(name: scope.name, qualname: scope.qualname, filename: file.filename, firstLine: firstLine,
                           argcount: argcount, kwonlyargcount: kwonlyargcount, flags: flags, varnames: varnames,
                           cellvars: scope.cellvars, freevars: scope.freevars)
    }

    func error(_ message: String, _ location: SourceLocation, kind: SourceError.Kind = .syntax) -> SourceError {
        file.error(kind, message, at: location)
    }

    /// Runs `body` with instructions attributed to `location`.
    @inline(__always)
    func at<T, E: Error>(_ location: SourceLocation, _ body: () throws(E) -> T) throws(E) -> T {
        let saved = code.location
        code.location = location
        defer { code.location = saved }
        return try body()
    }

    // MARK: small emitters

    func emit(_ op: Opcode, _ arg: Int = 0) { code.emit(op, arg) }

    func loadConstant(_ c: Constant) { code.emit(.LOAD_CONST, code.constant(c)) }

    func emitReturnNone() {
        loadConstant(.none)
        emit(.RETURN_VALUE)
    }

    /// Stack depth at the current point of a statement: what the enclosing constructs keep on the stack.
    var statementDepth: Int { blocks.reduce(0) { $0 + $1.stackValues } }

    // MARK: names

    enum NameOperation { case load, store, delete }

    func emitName(_ name: String, _ operation: NameOperation) {
        switch scope.access(name) {
        case .fast:
            let op: Opcode = operation == .load ? .LOAD_FAST : operation == .store ? .STORE_FAST : .DELETE_FAST
            emit(op, varnameIndices[name]!)
        case .deref:
            let op: Opcode = operation == .load ? .LOAD_DEREF : operation == .store ? .STORE_DEREF : .DELETE_DEREF
            emit(op, derefIndices[name]!)
        case .global:
            let op: Opcode = operation == .load ? .LOAD_GLOBAL : operation == .store ? .STORE_GLOBAL : .DELETE_GLOBAL
            emit(op, code.name(name))
        case .name:
            let op: Opcode = operation == .load ? .LOAD_NAME : operation == .store ? .STORE_NAME : .DELETE_NAME
            emit(op, code.name(name))
        }
    }

    /// LOAD_CLOSURE of one of this scope's cell or free variables.
    func loadClosure(_ name: String) { emit(.LOAD_CLOSURE, derefIndices[name]!) }

    // MARK: leaving constructs early

    /// Emits what leaving `blocks[index...]` requires (innermost first: popping iterators, restoring the handled
    /// exception, deleting `as` names, running finally bodies), then `transfer` (the jump or return itself).
    /// With `preservingTop`, the value on top of the stack (a return value) is kept above everything popped.
    /// The block stack and the suspended exception regions are restored afterwards, since the code that
    /// follows (if any) is still inside those constructs.
    func unwind(downTo index: Int, preservingTop: Bool, then transfer: () throws(SourceError) -> Void)
        throws(SourceError) {
        let saved = blocks
        var suspended: [Int] = []
        while blocks.count > index {
            let block = blocks.removeLast()
            switch block {
            case .loop(_, _, let hasIterator):
                if hasIterator { popBelowTop(preservingTop, .POP_TOP) }
            case .pendingReturnValue, .finallyHandler:
                popBelowTop(preservingTop, .POP_TOP)
            case .tryExcept(let region):
                code.closeRegion(region)
                suspended.append(region)
            case .tryFinally(let region, let finalBody):
                code.closeRegion(region)
                suspended.append(region)
                if preservingTop { blocks.append(.pendingReturnValue) }
                try compileStatements(finalBody)
                if preservingTop { blocks.removeLast() }
            case .exceptHandler(let region):
                code.closeRegion(region)
                suspended.append(region)
                popBelowTop(preservingTop, .POP_EXCEPT)
            case .handlerName(let region, let name):
                code.closeRegion(region)
                suspended.append(region)
                clearHandlerName(name)
            }
        }
        try transfer()
        blocks = saved
        for region in suspended { code.resumeRegion(region) }
    }

    /// `op` (POP_TOP or POP_EXCEPT) on the value under the top of the stack when `preservingTop`, else on the top.
    private func popBelowTop(_ preservingTop: Bool, _ op: Opcode) {
        if preservingTop { emit(.ROT_TWO) }
        emit(op)
    }

    /// `name = None; del name`, which ends an `except ... as name` clause.
    func clearHandlerName(_ name: String) {
        loadConstant(.none)
        emitName(name, .store)
        emitName(name, .delete)
    }
}
