/// `try` statements, in the shapes documented on `ExceptionTableEntry`.
///
/// With `D` the stack depth of the statement:
/// - the try body is protected by the except handler `H` (depth D) and, if there is a `finally`, the whole
///   try/except/else by the finally handler `F` (depth D);
/// - `H: PUSH_EXC_INFO` leaves `[prev exc]`; each clause tests `DUP_TOP; type; JUMP_IF_NOT_EXC_MATCH next`, then
///   stores or pops `exc`, runs its body and leaves through `POP_EXCEPT`; no match ends in `RERAISE`;
/// - everything after `PUSH_EXC_INFO` is protected by the cleanup `C` (depth D+1, so `[prev exc2]` on entry):
///   `C: ROT_TWO; POP_EXCEPT; RERAISE`;
/// - the body of `except E as e` is protected (depth D+1) by `e = None; del e; RERAISE`, and ends with the same
///   deletion;
/// - `F:` runs the finally body with `[exc]` on the stack, then `RERAISE`; the normal path runs an inline copy.
extension CodeCompiler {
    func compileTry(_ t: TryStatement) throws(SourceError) {
        guard !t.finalBody.isEmpty else {
            try compileTryExcept(t)
            return
        }
        let handler = code.newLabel(), end = code.newLabel()
        let region = code.openRegion(handler: handler, depth: statementDepth, level: blocks.count)
        blocks.append(.tryFinally(region: region, finalBody: t.finalBody))
        if t.handlers.isEmpty { try compileStatements(t.body) } else { try compileTryExcept(t) }
        blocks.removeLast()
        code.closeRegion(region)
        if code.isReachable {
            try compileStatements(t.finalBody)
            if code.isReachable { code.emitJump(to: end) }
        }
        code.place(handler)
        blocks.append(.finallyHandler)
        try compileStatements(t.finalBody)
        blocks.removeLast()
        emit(.RERAISE)
        code.place(end)
    }

    private func compileTryExcept(_ t: TryStatement) throws(SourceError) {
        let depth = statementDepth
        let handler = code.newLabel(), cleanup = code.newLabel(), end = code.newLabel()
        let region = code.openRegion(handler: handler, depth: depth, level: blocks.count)
        blocks.append(.tryExcept(region: region))
        try compileStatements(t.body)
        blocks.removeLast()
        code.closeRegion(region)
        try compileStatements(t.orElse)
        if code.isReachable { code.emitJump(to: end) }

        code.place(handler)
        code.location = t.handlers[0].location
        emit(.PUSH_EXC_INFO)
        let handlerRegion = code.openRegion(handler: cleanup, depth: depth + 1, level: blocks.count)
        blocks.append(.exceptHandler(region: handlerRegion))
        let handlerBlock = blocks.count - 1
        for clause in t.handlers {
            try at(clause.location) { () throws(SourceError) in
                try compileExceptClause(clause, handlerBlock: handlerBlock, depth: depth, end: end)
            }
        }
        if code.isReachable { emit(.RERAISE) }
        blocks.removeLast()
        code.closeRegion(handlerRegion)

        code.place(cleanup)
        emit(.ROT_TWO)
        emit(.POP_EXCEPT)
        emit(.RERAISE)
        code.place(end)
    }

    /// One `except` clause, entered with `[prev exc]` on the stack.
    private func compileExceptClause(_ clause: ExceptHandler, handlerBlock: Int, depth: Int, end: Label)
        throws(SourceError) {
        let next = code.newLabel()
        if let type = clause.type {
            emit(.DUP_TOP)
            try compile(type)
            code.emitJump(.JUMP_IF_NOT_EXC_MATCH, to: next)
        }
        if let name = clause.name {
            emitName(name, .store)
            let nameCleanup = code.newLabel()
            let nameRegion = code.openRegion(handler: nameCleanup, depth: depth + 1, level: blocks.count)
            blocks.append(.handlerName(region: nameRegion, name: name))
            try compileStatements(clause.body)
            if code.isReachable {
                try unwind(downTo: handlerBlock, preservingTop: false) { code.emitJump(to: end) }
            }
            blocks.removeLast()
            code.closeRegion(nameRegion)
            code.place(nameCleanup)
            clearHandlerName(name)
            emit(.RERAISE)
        } else {
            emit(.POP_TOP)
            try compileStatements(clause.body)
            if code.isReachable {
                try unwind(downTo: handlerBlock, preservingTop: false) { code.emitJump(to: end) }
            }
        }
        if clause.type != nil { code.place(next) }
    }
}
