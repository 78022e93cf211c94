/// The trace tree of a run (DESIGN §9): every compiled loop with its guards, the bridges grown on guards that kept
/// failing (and on their guards, in turn), and the counters of each — a snapshot of `CompiledLoop`s taken when it
/// is built. `text(allGuards:)` renders it for the Lab's `tree`, `dot(allGuards:)` as a graphviz graph
/// (`metalab run --dot`).
///
/// By default both show only the guards worth looking at: those that failed (deoptimized at least once) and those
/// with a bridge; the others are counted.
public struct TraceTree: Sendable {
    /// A guard of a loop or of a bridge.
    public struct GuardNode: Sendable {
        public let number: Int
        /// The guard as printed without its fail arguments: `guard_class(p5, W_Int)`.
        public let opText: String
        /// Where in the guest it was recorded (`run:5 #12 COMPARE_OP`), when known.
        public let location: GuestLocation?
        /// Failures that deoptimized to the interpreter (a guard with a bridge stops counting them).
        public let failures: Int
        public let bridge: BridgeNode?

        /// Whether the default views show it: it failed, or it has a bridge.
        public var isNotable: Bool { failures > 0 || bridge != nil }
    }

    /// A bridge: its number (bridges are numbered in the order they were compiled, over the whole run), its size
    /// and its own guards.
    public struct BridgeNode: Sendable {
        public let number: Int
        public let guardNumber: Int
        public let opCount: Int
        /// Bytes of machine code (`--backend x64`).
        public let codeBytes: Int?
        public let guards: [GuardNode]
    }

    /// A compiled loop: the root of a tree.
    public struct LoopNode: Sendable {
        /// Its position among the run's loops (0, 1, ... in compilation order) and its trace's number.
        public let index: Int
        public let traceNumber: Int
        /// Where it starts (`run:5 #4 LOAD_FAST`).
        public let name: String
        public let opCount: Int
        public let entries: Int
        public let iterations: Int
        public let guards: [GuardNode]
        /// Why the driver stopped entering it, if it did (`TracerEvent.loopDropped`).
        public let dropped: String?
    }

    public let loops: [LoopNode]

    /// The tree of `loops` (a driver's compiled loops, in order); `printer` prints the guards. `dropped` gives the
    /// reason of each loop the driver dropped, by trace number (an observer of `loopDropped` knows them).
    public init(_ loops: [CompiledLoop], printer: TracePrinter, dropped: [Int: String] = [:]) {
        self.loops = loops.enumerated().map { index, loop in
            LoopNode(index: index, traceNumber: loop.trace.number, name: loop.trace.name, opCount: loop.trace.ops.count,
                     entries: loop.entries, iterations: loop.iterations,
                     guards: Self.guards(of: loop.trace, in: loop, printer: printer), dropped: dropped[loop.trace.number])
        }
    }

    /// The guards of `trace` (the loop's or one of its bridges'), each with the bridge grown on it.
    private static func guards(of trace: Trace, in loop: CompiledLoop, printer: TracePrinter) -> [GuardNode] {
        let texts = printer.operationTexts(trace)
        return trace.ops.indices.compactMap { i -> GuardNode? in
            guard let number = trace.ops[i].guardInfo?.number else { return nil }
            let bridge = loop.bridge(fromGuard: number).map { b in
                BridgeNode(number: b.trace.number, guardNumber: number, opCount: b.trace.ops.count, codeBytes: b.code?.code.byteCount,
                           guards: guards(of: b.trace, in: loop, printer: printer))
            }
            return GuardNode(number: number, opText: withoutFailArgs(texts[i]), location: trace.ops[i].annotation?.guest,
                             failures: loop.failures[number] ?? 0, bridge: bridge)
        }
    }

    /// `guard_true(i5) [p0, i3]` (a guard as `TracePrinter` prints it) without ` [p0, i3]`.
    public static func withoutFailArgs(_ text: String) -> String {
        guard text.hasSuffix("]"), let open = text.lastIndex(of: "["), text[..<open].hasSuffix(") ") else { return text }
        return String(text[..<text.index(before: open)])
    }

    /// The guards of a loop or bridge a view shows, and how many it leaves out.
    static func shown(_ guards: [GuardNode], all: Bool) -> (shown: [GuardNode], hidden: Int) {
        let shown = all ? guards : guards.filter(\.isNotable)
        return (shown, guards.count - shown.count)
    }
}

extension GuestLocation {
    /// `run:5 #12 COMPARE_OP`, as trace names and debug merge points read.
    public var shortText: String { "\(function):\(line) #\(pc) \(bytecode)" }
}
