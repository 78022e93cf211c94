import Meta
import MiniPy

/// The views of guard failure and bridges (DESIGN §9): the guards of a loop with their failure counts and
/// snapshots (`guards`), and the trace tree — loops, the guards that failed, the bridges grown on them (`tree`).
extension LabView {
    static let treeViews: [LabView] = [.guards, .tree]

    static let guards = LabView(
        name: "guards", aliases: [], usage: "guards [N]",
        summary: "the guards of loop N (default: the latest) and of its bridges: failures, snapshot, bridge",
        details: "One line per guard: its number (as in 'trace', descr=<GuardN>), the guard op, where it was recorded (function:line #pc BYTECODE), how many times it failed and deoptimized, and the bridge grown on it, if any. Below it, its snapshot: the guest frames a failure rebuilds, outermost first (function, pc, line, each bound local and the value stack, in the trace's IR values), and the virtual objects deoptimization allocates. A guard with a bridge no longer deoptimizes; a guard failing 'trace_eagerness' times gets a bridge.") { session, args throws(CommandError) in
            let history = try session.requireJitHistory()
            guard args.words.count <= 1 else { throw CommandError("guards takes at most a loop number", hint: "usage: guards [N]") }
            let (n, _) = try history.loop(args.words.first, usage: "guards [N]")
            let loop = history.compiledLoops[n]
            let sites = loop.guardSites
            let failed = sites.filter { (loop.failures[$0.number] ?? 0) > 0 }.count
            let eagerness = history.runtime.jit?.options.traceEagerness ?? 0
            let inBridges = sites.filter(\.inBridge).count
            session.writeLine("Loop \(n) (\(loop.trace.name)): \(counted(sites.count, "guard"))"
                + (loop.bridges.isEmpty ? "" : " (\(inBridges) of them in \(counted(loop.bridges.count, "bridge")))") + ", "
                + "\(failed) failed; " + (loop.virtualizable ? "a guard gets a bridge after \(counted(eagerness, "failure")) (trace_eagerness)"
                    : "no bridges: the frame is not virtualizable"))
            var traceShown = loop.trace.number
            var inBridge = false
            for site in sites {
                if site.inBridge && (!inBridge || site.traceNumber != traceShown), let bridge = loop.bridges.first(where: { $0.trace.number == site.traceNumber }) {
                    session.writeLine("In bridge \(bridge.trace.number) (out of guard \(bridge.guardNumber)):")
                    traceShown = site.traceNumber
                    inBridge = true
                }
                guard let g = history.lookUpGuard(site.number) else { continue }
                let failures = loop.failures[site.number] ?? 0
                let status = (failures == 0 ? "never failed" : counted(failures, "failure"))
                    + (loop.bridge(fromGuard: site.number).map { ", bridge \($0.trace.number)" } ?? "")
                let title = history.guardTitle(g) + " — " + status
                session.writeLine(site.op.annotation?.guest.map { session.palette.line($0.line, title) } ?? title)
                for line in history.snapshotLines(g) { session.writeLine("    " + line) }
            }
        }

    static let tree = LabView(
        name: "tree", aliases: [], usage: "tree [all]",
        summary: "the trace tree: each loop, the guards that failed, the bridges grown on them (all: every guard)",
        details: "One line per loop (ops, entries, iterations, guards), then its guards that failed or have a bridge, each with its failure count; a bridge hangs under the guard it leaves from, with its own guards below it (bridges off bridges nest further). Guards that never failed are counted, not listed; 'tree all' lists them too. 'metalab run --jit trace --dot FILE' writes the same tree for graphviz.",
        completion: .words(["all"])) { session, args throws(CommandError) in
            let all: Bool
            switch args.words {
            case []: all = false
            case ["all"]: all = true
            default: throw CommandError("tree takes at most 'all'", hint: "usage: tree [all]")
            }
            let history = try session.requireJitHistory()
            guard let tree = history.runtime.jit?.traceTree(dropped: history.droppedLoops.reasons), !tree.loops.isEmpty else {
                throw CommandError("no loop has been compiled yet", hint: "run the program further (a loop is traced after 'threshold' backward jumps)")
            }
            session.write(tree.text(allGuards: all))
        }
}

/// `1 guard`, `3 guards`.
private func counted(_ n: Int, _ word: String) -> String { "\(n) \(word)\(n == 1 ? "" : "s")" }
