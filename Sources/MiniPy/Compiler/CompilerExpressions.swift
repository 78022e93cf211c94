import BigInt

/// Expressions: operators, short-circuit logic, comparisons, calls, displays, f-strings, lambdas and
/// comprehensions.
extension CodeCompiler {
    func compile(_ e: Expr) throws(SourceError) {
        let saved = code.location
        code.location = e.location
        defer { code.location = saved }
        switch e.kind {
        case .name(let n):
            emitName(n, .load)
        case .constant(let c):
            loadConstant(c)
        case .formattedString(let parts):
            try compileFormattedString(parts)
        case .unary(let op, let operand):
            if op == .negative, case .constant(let c) = operand.kind, let negated = CodeCompiler.negate(c) {
                loadConstant(negated)
                return
            }
            try compile(operand)
            switch op {
            case .negative: emit(.UNARY_NEGATIVE)
            case .positive: emit(.UNARY_POSITIVE)
            case .not: emit(.UNARY_NOT)
            case .invert: emit(.UNARY_INVERT)
            }
        case .binary:
            try compileBinaryChain(e)
        case .boolean(let op, let operands):
            let end = code.newLabel()
            for operand in operands.dropLast() {
                try compile(operand)
                code.emitJump(op == .and ? .JUMP_IF_FALSE_OR_POP : .JUMP_IF_TRUE_OR_POP, to: end)
            }
            try compile(operands.last!)
            code.place(end)
        case .compare(let first, let links):
            try compileComparison(first, links)
        case .conditional(let test, let body, let orElse):
            let otherwise = code.newLabel(), end = code.newLabel()
            try compileJump(if: test, is: false, to: otherwise)
            try compile(body)
            code.emitJump(to: end)
            code.place(otherwise)
            try compile(orElse)
            code.place(end)
        case .lambda(let parameters, let body):
            let child = scope.child(at: e.location)!
            let compiler = CodeCompiler(scope: child, file: file, location: e.location)
            try compiler.compile(body)
            compiler.emit(.RETURN_VALUE)
            let lambdaCode = compiler.finish(firstLine: e.location.line, argcount: parameters.positional.count,
                                             kwonlyargcount: parameters.keywordOnly.count, flags: parameters.codeFlags)
            try emitMakeFunction(lambdaCode, child, parameters)
        case .call(let function, let arguments):
            try compileCall(function, arguments)
        case .attribute(let object, let name):
            try compile(object)
            emit(.LOAD_ATTR, code.name(name))
        case .subscript(let object, let index):
            try compile(object)
            try compile(index)
            emit(.BINARY_SUBSCR)
        case .slice(let lower, let upper, let step):
            for part in [lower, upper] {
                if let p = part { try compile(p) } else { loadConstant(.none) }
            }
            if let s = step { try compile(s) }
            emit(.BUILD_SLICE, step == nil ? 2 : 3)
        case .tuple(let items):
            try compileElements(items)
            emit(.BUILD_TUPLE, items.count)
        case .list(let items):
            try compileElements(items)
            emit(.BUILD_LIST, items.count)
        case .set(let items):
            try compileElements(items)
            emit(.BUILD_SET, items.count)
        case .dict(let entries):
            for entry in entries {
                try compile(entry.key)
                try compile(entry.value)
            }
            emit(.BUILD_MAP, entries.count)
        case .starred:
            throw error("can't use starred expression here", e.location)
        case .comprehension(let c):
            try compileComprehension(c, at: e.location)
        }
    }

    /// `-literal` folds to a negative constant, as in CPython.
    private static func negate(_ c: Constant) -> Constant? {
        switch c {
        case .int(let i): return i == Int.min ? .bigInt(-BigInt(i)) : .int(-i)
        case .bigInt(let b):
            let n = -b
            if let i = Int(exactly: n) { return .int(i) }
            return .bigInt(n)
        case .float(let d): return .float(-d)
        default: return nil
        }
    }

    /// Display elements; `*x` inside a display is valid Python that MiniPy rejects.
    private func compileElements(_ items: [Expr]) throws(SourceError) {
        for item in items {
            if case .starred = item.kind {
                throw error("'*' unpacking in displays is not supported by MiniPy", item.location, kind: .unsupported)
            }
            try compile(item)
        }
    }

    /// A left-leaning chain `a + b - c ...`, compiled without recursing down the left spine.
    private func compileBinaryChain(_ e: Expr) throws(SourceError) {
        var spine: [Expr] = []
        var node = e
        while case .binary(_, let left, _) = node.kind {
            spine.append(node)
            node = left
        }
        try compile(node)
        for b in spine.reversed() {
            guard case .binary(let op, _, let right) = b.kind else { continue }
            try compile(right)
            at(b.location) { emit(op.binaryOpcode) }
        }
    }

    private func emitComparison(_ op: ComparisonOperator) {
        switch op {
        case .less: emit(.COMPARE_OP, Int(CompareOp.lt.rawValue))
        case .lessEqual: emit(.COMPARE_OP, Int(CompareOp.le.rawValue))
        case .equal: emit(.COMPARE_OP, Int(CompareOp.eq.rawValue))
        case .notEqual: emit(.COMPARE_OP, Int(CompareOp.ne.rawValue))
        case .greater: emit(.COMPARE_OP, Int(CompareOp.gt.rawValue))
        case .greaterEqual: emit(.COMPARE_OP, Int(CompareOp.ge.rawValue))
        case .is: emit(.IS_OP, 0)
        case .isNot: emit(.IS_OP, 1)
        case .in: emit(.CONTAINS_OP, 0)
        case .notIn: emit(.CONTAINS_OP, 1)
        }
    }

    /// `a < b < c`: each middle operand is duplicated under the comparison result; a false link jumps to a
    /// cleanup that drops the leftover operand.
    private func compileComparison(_ first: Expr, _ links: [Comparison]) throws(SourceError) {
        try compile(first)
        guard links.count > 1 else {
            try compile(links[0].right)
            emitComparison(links[0].op)
            return
        }
        let cleanup = code.newLabel(), end = code.newLabel()
        for (i, link) in links.enumerated() {
            try compile(link.right)
            if i < links.count - 1 {
                emit(.DUP_TOP)
                emit(.ROT_THREE)
                emitComparison(link.op)
                code.emitJump(.JUMP_IF_FALSE_OR_POP, to: cleanup)
            } else {
                emitComparison(link.op)
            }
        }
        code.emitJump(to: end)
        code.place(cleanup)
        emit(.ROT_TWO)
        emit(.POP_TOP)
        code.place(end)
    }

    /// Jumps to `label` when `e` is truthy (`is: true`) or falsy, looking through `not`, `and` and `or`.
    func compileJump(if e: Expr, is truthy: Bool, to label: Label) throws(SourceError) {
        switch e.kind {
        case .unary(.not, let operand):
            try compileJump(if: operand, is: !truthy, to: label)
        case .boolean(let op, let operands):
            // `a and b` jumps when false as soon as one operand is false; `a or b` likewise when true.
            let shortCircuitsOn = op == .or
            if shortCircuitsOn == truthy {
                for operand in operands { try compileJump(if: operand, is: truthy, to: label) }
            } else {
                let skip = code.newLabel()
                for operand in operands.dropLast() { try compileJump(if: operand, is: shortCircuitsOn, to: skip) }
                try compileJump(if: operands.last!, is: truthy, to: label)
                code.place(skip)
            }
        default:
            try compile(e)
            at(e.location) { code.emitJump(truthy ? .POP_JUMP_IF_TRUE : .POP_JUMP_IF_FALSE, to: label) }
        }
    }

    // MARK: calls

    private func compileCall(_ function: Expr, _ arguments: [Argument]) throws(SourceError) {
        let positionalOnly = arguments.allSatisfy { if case .positional = $0 { true } else { false } }
        if positionalOnly, case .attribute(let object, let name) = function.kind {
            try compile(object)
            at(function.location) { emit(.LOAD_METHOD, code.name(name)) }
            for case .positional(let a) in arguments { try compile(a) }
            emit(.CALL_METHOD, arguments.count)
            return
        }
        try compile(function)
        let unpacks = arguments.contains {
            switch $0 {
            case .starred, .doubleStarred: true
            default: false
            }
        }
        if unpacks {
            try compileUnpackingCall(arguments)
            return
        }
        var keywordNames: [Constant] = []
        for argument in arguments {
            switch argument {
            case .positional(let a): try compile(a)
            case .keyword(let name, let a):
                try compile(a)
                keywordNames.append(.str(name))
            case .starred, .doubleStarred: break
            }
        }
        if keywordNames.isEmpty {
            emit(.CALL_FUNCTION, arguments.count)
        } else {
            loadConstant(.tuple(keywordNames))
            emit(.CALL_FUNCTION_KW, arguments.count)
        }
    }

    /// `f(a, *xs, k=v, **kw)`: a positional tuple (built as a list: BUILD_LIST, LIST_APPEND, LIST_EXTEND,
    /// LIST_TO_TUPLE), then, if there are keywords, a dict (BUILD_MAP of keyword groups, DICT_MERGE), then
    /// CALL_FUNCTION_EX.
    private func compileUnpackingCall(_ arguments: [Argument]) throws(SourceError) {
        var leading = 0
        for argument in arguments {
            guard case .positional(let a) = argument else { break }
            try compile(a)
            leading += 1
        }
        emit(.BUILD_LIST, leading)
        for argument in arguments.dropFirst(leading) {
            switch argument {
            case .positional(let a):
                try compile(a)
                emit(.LIST_APPEND, 1)
            case .starred(let a):
                try compile(a)
                emit(.LIST_EXTEND, 1)
            case .keyword, .doubleStarred: break
            }
        }
        emit(.LIST_TO_TUPLE)
        var haveDict = false
        var group: [(String, Expr)] = []
        func flushGroup() throws(SourceError) {
            guard !group.isEmpty else { return }
            for (name, value) in group {
                loadConstant(.str(name))
                try compile(value)
            }
            emit(.BUILD_MAP, group.count)
            if haveDict { emit(.DICT_MERGE, 1) }
            haveDict = true
            group.removeAll()
        }
        for argument in arguments {
            switch argument {
            case .keyword(let name, let value):
                group.append((name, value))
            case .doubleStarred(let mapping):
                try flushGroup()
                if !haveDict {
                    emit(.BUILD_MAP, 0)
                    haveDict = true
                }
                try compile(mapping)
                emit(.DICT_MERGE, 1)
            case .positional, .starred: break
            }
        }
        try flushGroup()
        emit(.CALL_FUNCTION_EX, haveDict ? 1 : 0)
    }

    // MARK: f-strings

    /// Literal parts as constants, fields as FORMAT_VALUE, joined by BUILD_STRING (a lone field needs none).
    private func compileFormattedString(_ parts: [FormattedPart]) throws(SourceError) {
        for part in parts { try compileFormattedPart(part) }
        switch parts.count {
        case 0: loadConstant(.str(""))
        case 1: if case .literal = parts[0] {} else { return }
        default: emit(.BUILD_STRING, parts.count)
        }
    }

    private func compileFormattedPart(_ part: FormattedPart) throws(SourceError) {
        switch part {
        case .literal(let s):
            loadConstant(.str(s))
        case .field(let value, let conversion, let spec):
            try compile(value)
            var flags = 0
            switch conversion {
            case "s": flags = 1
            case "r": flags = 2
            case "a": flags = 3
            default: break
            }
            if let spec {
                flags |= 0x04
                if spec.count == 1, case .literal(let s) = spec[0] {
                    loadConstant(.str(s))
                } else {
                    for p in spec { try compileFormattedPart(p) }
                    if spec.count != 1 { emit(.BUILD_STRING, spec.count) }
                }
            }
            emit(.FORMAT_VALUE, flags)
        }
    }

    // MARK: comprehensions

    /// A comprehension is a nested function (`<listcomp>` ...) taking the first iterator as its only argument
    /// `.0`; it is called right away: `MAKE_FUNCTION; <first iterable>; GET_ITER; CALL_FUNCTION 1`.
    private func compileComprehension(_ c: Comprehension, at location: SourceLocation) throws(SourceError) {
        let child = scope.child(at: location)!
        let body = CodeCompiler(scope: child, file: file, location: location)
        try body.compileComprehensionBody(c)
        let bodyCode = body.finish(firstLine: location.line, argcount: 1, kwonlyargcount: 0)
        try emitMakeFunction(bodyCode, child, nil)
        try compile(c.generators[0].iterable)
        emit(.GET_ITER)
        emit(.CALL_FUNCTION, 1)
    }

    private func compileComprehensionBody(_ c: Comprehension) throws(SourceError) {
        switch c.kind {
        case .list: emit(.BUILD_LIST, 0)
        case .set: emit(.BUILD_SET, 0)
        case .dict: emit(.BUILD_MAP, 0)
        }
        var loops: [(head: Label, next: Label, exit: Label)] = []
        for (i, generator) in c.generators.enumerated() {
            let head = code.newLabel(), next = code.newLabel(), exit = code.newLabel()
            if i == 0 {
                emitName(".0", .load)
            } else {
                try compile(generator.iterable)
                emit(.GET_ITER)
            }
            code.place(head)
            code.emitJump(.FOR_ITER, to: exit)
            try compileStore(generator.target)
            for condition in generator.conditions { try compileJump(if: condition, is: false, to: next) }
            loops.append((head, next, exit))
        }
        let depth = c.generators.count + 1
        try compile(c.element)
        switch c.kind {
        case .list: emit(.LIST_APPEND, depth)
        case .set: emit(.SET_ADD, depth)
        case .dict:
            try compile(c.value!)
            emit(.MAP_ADD, depth)
        }
        for loop in loops.reversed() {
            code.place(loop.next)
            code.emitJump(to: loop.head)
            code.place(loop.exit)
        }
        emit(.RETURN_VALUE)
    }
}
