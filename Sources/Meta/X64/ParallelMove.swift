extension X64 {
    /// Where a word comes from when lowering moves it: a variable's location or a constant.
    enum Source: Hashable {
        case location(Location)
        case constant(UInt64)
    }

    /// Orders a set of simultaneous word moves (a `jump`'s arguments into its label's, a call's arguments into
    /// `rdi`/`rsi`/`rdx`) so that no source is overwritten before it is read. Destinations are distinct. A move is
    /// emitted once its destination is no longer anyone's source; what remains are cycles, broken by parking one
    /// destination's old value in `r11` (the only cycle in progress while its moves drain, so one register suffices).
    struct ParallelMove {
        var moves: [(from: Source, to: Location)]

        init(_ moves: [(from: Source, to: Location)]) {
            self.moves = moves.filter { $0.from != .location($0.to) }
        }

        /// The moves in a safe order, `move` emitting each.
        mutating func emit(_ move: (Source, Location) -> Void) {
            while !moves.isEmpty {
                if let ready = moves.firstIndex(where: { m in !moves.contains { $0.from == .location(m.to) } }) {
                    let m = moves.remove(at: ready)
                    move(m.from, m.to)
                    continue
                }
                let blocked = moves[0].to
                move(.location(blocked), .gpr(.r11))
                for k in moves.indices where moves[k].from == .location(blocked) { moves[k].from = .location(.gpr(.r11)) }
            }
        }
    }
}
