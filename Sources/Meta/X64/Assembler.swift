extension X64 {
    /// One emitted instruction: where it is, what it is, and the opaque tag of what it came from (for the backend,
    /// the IR op), so a listing view can tie machine code to IR.
    public struct InstructionRecord: Hashable, Sendable {
        public let offset: Int
        /// The instruction; a branch's target changes when its label is bound or the jump is re-pointed.
        public internal(set) var instruction: Instruction
        public let length: Int
        public let tag: Int?

        public var end: Int { offset + length }
        /// The listing line with branch targets as offsets from the start of the code.
        public var text: String { instruction.text() }
    }

    /// Assembles instructions into a byte buffer and an instruction list at once.
    ///
    /// `emit` appends one instruction; branches to labels (see `Labels.swift`) are resolved when the label is
    /// bound; `finish` checks that every used label was bound and hands out the result. Set `tag` before emitting
    /// to tag the following instructions.
    public final class Assembler {
        public private(set) var bytes: [UInt8] = []
        public private(set) var records: [InstructionRecord] = []
        /// The tag given to instructions emitted from now on (`nil`: untagged).
        public var tag: Int?

        var labelOffsets: [Int?] = []
        /// Per label, the records of branches waiting for it to be bound.
        var pendingBranches: [[Int]] = []
        var problems: [AssemblerError] = []
        var externalBranches: [ExternalBranch] = []

        public init() {}

        /// The offset the next instruction will get.
        public var offset: Int { bytes.count }

        /// Appends one instruction and returns its record's index.
        @discardableResult
        public func emit(_ instruction: Instruction) -> Int {
            let encoded = instruction.encode(at: offset)
            records.append(InstructionRecord(offset: offset, instruction: instruction, length: encoded.count, tag: tag))
            bytes.append(contentsOf: encoded)
            return records.count - 1
        }

        /// Loads a 64-bit constant into a register with the shortest form GNU as would pick for `mov`: a
        /// sign-extended imm32 when it fits, else `movabs`.
        public func mov(_ register: GPR, immediate value: Int64) {
            if Int32(exactly: value) != nil {
                emit(.movImm(.qword, .reg(register), value))
            } else {
                emit(.movabs(register, value))
            }
        }

        /// Re-encodes record `index` with a new instruction of the same length.
        func replace(_ index: Int, with instruction: Instruction) {
            let record = records[index]
            let encoded = instruction.encode(at: record.offset)
            precondition(encoded.count == record.length, "a re-encoded instruction must keep its length")
            bytes.replaceSubrange(record.offset..<record.end, with: encoded)
            records[index].instruction = instruction
        }

        /// The finished code. Throws if a label used by a branch was never bound or a short branch cannot reach
        /// its label.
        public func finish() throws -> AssembledCode {
            var problems = self.problems
            for (label, uses) in pendingBranches.enumerated() where !uses.isEmpty {
                problems.append(.unboundLabel(Label(id: label), usedAt: uses.map { records[$0].offset }))
            }
            if let first = problems.first { throw first }
            return AssembledCode(bytes: bytes, instructions: records,
                                 labelOffsets: labelOffsets.enumerated().reduce(into: [:]) { table, entry in
                                     if let offset = entry.element { table[Label(id: entry.offset)] = offset }
                                 },
                                 externalBranches: externalBranches)
        }
    }

    /// Assembled machine code, position-independent until installed (branches are relative, absolute addresses
    /// come only from immediates).
    public struct AssembledCode: Sendable {
        public let bytes: [UInt8]
        public let instructions: [InstructionRecord]
        /// Where each bound label is.
        public let labelOffsets: [Label: Int]
        /// Branches to absolute addresses, resolved by `CodeMemory.install` (until then each targets itself).
        public let externalBranches: [ExternalBranch]

        /// The bytes of one instruction.
        public func bytes(of record: InstructionRecord) -> ArraySlice<UInt8> { bytes[record.offset..<record.end] }

        /// The record of the instruction starting at `offset`, if one does.
        public func instruction(at offset: Int) -> InstructionRecord? {
            var low = 0, high = instructions.count
            while low < high {
                let middle = (low + high) / 2
                if instructions[middle].offset < offset { low = middle + 1 } else { high = middle }
            }
            return low < instructions.count && instructions[low].offset == offset ? instructions[low] : nil
        }
    }

    /// A rel32 branch or call to an absolute address outside the code (another installed piece of code, such as a
    /// shared exit stub), resolved when the code is installed.
    public struct ExternalBranch: Hashable, Sendable {
        public let instructionIndex: Int
        public let address: UInt
    }

    /// Why assembling failed.
    public enum AssemblerError: Error, Equatable, CustomStringConvertible {
        /// A label was used by branches (at these offsets) but never bound.
        case unboundLabel(Label, usedAt: [Int])
        /// A rel8 branch at this offset cannot reach its label (distance in bytes from the branch's end).
        case shortBranchOutOfRange(offset: Int, distance: Int)

        public var description: String {
            switch self {
            case .unboundLabel(let label, let uses):
                let offsets = uses.map { "0x" + String($0, radix: 16) }.joined(separator: ", ")
                return "label L\(label.id) is used by branches at offsets \(offsets) but never bound"
            case .shortBranchOutOfRange(let offset, let distance):
                return "the rel8 branch at offset 0x\(String(offset, radix: 16)) cannot reach its label "
                    + "(\(distance) bytes away; rel8 reaches -128...127)"
            }
        }
    }
}
