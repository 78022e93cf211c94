#if canImport(Glibc)
import Glibc
#endif

extension X64 {
    /// Executable memory under W^X, in the manner of LuaJIT's `lj_mcode`: no page is ever writable and executable
    /// at once.
    ///
    /// One contiguous range of address space is reserved up front (inaccessible, not backed), so every piece of
    /// code lies within ±2 GB of every other and rel32 jumps between them (a guard's exit to a bridge) always
    /// reach. `install` makes pages read+write, copies the code in, and turns them read+execute; `repoint`
    /// re-targets a finished rel32 branch in a transaction (read+execute → read+write → write → read+execute);
    /// `release` returns the pages, inaccessible and discarded, to the free list.
    ///
    /// Not thread-safe: code must not run on another thread while a patch transaction has its page writable.
    public final class CodeMemory {
        public let reservation: UnsafeMutableRawPointer
        public let capacity: Int
        public static let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

        /// Free page runs as byte ranges from `reservation`, sorted and coalesced.
        private var free: [Range<Int>]
        public private(set) var bytesInUse = 0

        /// Reserves `capacity` bytes of address space (rounded up to whole pages).
        public init(capacity: Int = 256 << 20) throws {
            let size = CodeMemory.roundedToPages(capacity)
            let pointer = mmap(nil, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0)
            guard let pointer, pointer != UnsafeMutableRawPointer(bitPattern: -1) else {
                throw CodeMemoryError.systemCall("mmap", errno)
            }
            reservation = pointer
            self.capacity = size
            free = [0..<size]
        }

        deinit { munmap(reservation, capacity) }

        /// Whether `address` lies in this memory's reservation.
        public func contains(_ address: UnsafeRawPointer) -> Bool {
            let offset = address - UnsafeRawPointer(reservation)
            return offset >= 0 && offset < capacity
        }

        /// Copies `code` into fresh pages, resolving its branches to absolute addresses, and makes them executable
        /// (never writable and executable at once).
        public func install(_ code: AssembledCode) throws -> ExecutableCode {
            let size = CodeMemory.roundedToPages(max(code.bytes.count, 1))
            guard let slot = free.firstIndex(where: { $0.count >= size }) else {
                throw CodeMemoryError.exhausted(requested: size, capacity: capacity)
            }
            let range = free[slot].lowerBound..<(free[slot].lowerBound + size)
            let start = reservation + range.lowerBound
            var bytes = code.bytes, instructions = code.instructions
            for branch in code.externalBranches {
                let record = instructions[branch.instructionIndex]
                let target = Int(bitPattern: branch.address) - Int(bitPattern: start)
                guard Int32(exactly: target - record.end) != nil else {
                    throw CodeMemoryError.outOfReach(distance: target - record.end)
                }
                let resolved = record.instruction.retargeted(target)
                bytes.replaceSubrange(record.offset..<record.end, with: resolved.encode(at: record.offset))
                instructions[branch.instructionIndex].instruction = resolved
            }
            try protect(start, size, PROT_READ | PROT_WRITE)
            bytes.withUnsafeBytes { start.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
            // Fill the tail of the last page with int3, so a stray jump past the code traps.
            (start + bytes.count).initializeMemory(as: UInt8.self, repeating: 0xCC, count: size - bytes.count)
            try protect(start, size, PROT_READ | PROT_EXEC)
            if free[slot].count == size { free.remove(at: slot) } else { free[slot] = range.upperBound..<free[slot].upperBound }
            bytesInUse += size
            return ExecutableCode(memory: self, address: UnsafeRawPointer(start), mappedBytes: size, byteCount: bytes.count,
                                  instructions: instructions, labelOffsets: code.labelOffsets)
        }

        /// Frees the pages of `code`: they become inaccessible and their contents are discarded. Calling into
        /// released code traps.
        public func release(_ code: ExecutableCode) throws {
            guard !code.isReleased else { throw CodeMemoryError.released }
            precondition(code.memory === self, "code released to a CodeMemory it was not installed in")
            let start = UnsafeMutableRawPointer(mutating: code.address)
            let remapped = mmap(start, code.mappedBytes, PROT_NONE,
                                MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED, -1, 0)
            guard remapped == start else { throw CodeMemoryError.systemCall("mmap", errno) }
            code.isReleased = true
            bytesInUse -= code.mappedBytes
            let offset = start - reservation
            insertFree(offset..<(offset + code.mappedBytes))
        }

        /// Re-points the rel32 branch at `site` in `code` to `target` (in any code of this memory), in a patch
        /// transaction. The instruction record is updated so listings show the new target.
        public func repoint(_ site: PatchSite, in code: ExecutableCode, to target: UnsafeRawPointer) throws {
            guard !code.isReleased else { throw CodeMemoryError.released }
            let distance = target - (code.address + site.end)
            guard let rel32 = Int32(exactly: distance) else { throw CodeMemoryError.outOfReach(distance: distance) }
            let field = UnsafeMutableRawPointer(mutating: code.address + site.displacementOffset)
            try withWritablePages(covering: field, count: 4) {
                field.storeBytes(of: rel32.littleEndian, as: Int32.self)
            }
            code.retarget(site.instructionIndex, to: target - code.address)
        }

        /// The patch transaction: the pages covering `count` bytes at `address` are made read+write (and so not
        /// executable) for `body`, then read+execute again.
        private func withWritablePages(covering address: UnsafeMutableRawPointer, count: Int,
                                       _ body: () -> Void) throws {
            let offset = address - reservation
            let first = offset / CodeMemory.pageSize * CodeMemory.pageSize
            let last = CodeMemory.roundedToPages(offset + count)
            try protect(reservation + first, last - first, PROT_READ | PROT_WRITE)
            body()
            try protect(reservation + first, last - first, PROT_READ | PROT_EXEC)
        }

        private func protect(_ start: UnsafeMutableRawPointer, _ size: Int, _ protection: Int32) throws {
            guard mprotect(start, size, protection) == 0 else { throw CodeMemoryError.systemCall("mprotect", errno) }
        }

        private func insertFree(_ range: Range<Int>) {
            var index = free.firstIndex { $0.lowerBound > range.lowerBound } ?? free.count
            free.insert(range, at: index)
            if index + 1 < free.count, free[index].upperBound == free[index + 1].lowerBound {
                free[index] = free[index].lowerBound..<free[index + 1].upperBound
                free.remove(at: index + 1)
            }
            if index > 0, free[index - 1].upperBound == free[index].lowerBound {
                free[index - 1] = free[index - 1].lowerBound..<free[index].upperBound
                free.remove(at: index)
                index -= 1
            }
        }

        static func roundedToPages(_ bytes: Int) -> Int { (bytes + pageSize - 1) / pageSize * pageSize }
    }

    /// Code installed in `CodeMemory`: its address, its instruction records (for listings tied to the code that
    /// runs), and its labels' addresses.
    public final class ExecutableCode {
        public let memory: CodeMemory
        /// The first instruction's address; call it by `unsafeBitCast` to a `@convention(c)` function type.
        public let address: UnsafeRawPointer
        public let byteCount: Int
        let mappedBytes: Int
        /// The instructions, branch targets as offsets from `address` (re-pointed branches included).
        public private(set) var instructions: [InstructionRecord]
        public let labelOffsets: [Label: Int]
        public internal(set) var isReleased = false

        init(memory: CodeMemory, address: UnsafeRawPointer, mappedBytes: Int, byteCount: Int,
             instructions: [InstructionRecord], labelOffsets: [Label: Int]) {
            self.memory = memory
            self.address = address
            self.byteCount = byteCount
            self.mappedBytes = mappedBytes
            self.instructions = instructions
            self.labelOffsets = labelOffsets
        }

        /// The address a bound label ended up at.
        public func address(of label: Label) -> UnsafeRawPointer? {
            labelOffsets[label].map { address + $0 }
        }

        /// The bytes of one instruction as they are in memory now (a re-pointed branch shows its new target).
        public func bytes(of record: InstructionRecord) -> [UInt8] {
            precondition(!isReleased, "the code was released")
            return Array(UnsafeRawBufferPointer(start: address + record.offset, count: record.length))
        }

        /// The listing line of each instruction with real addresses.
        public var listing: [String] {
            let origin = UInt64(UInt(bitPattern: address))
            return instructions.map { $0.instruction.text(origin: origin) }
        }

        func retarget(_ index: Int, to offset: Int) {
            instructions[index].instruction = instructions[index].instruction.retargeted(offset)
        }
    }

    /// Why code memory could not do what was asked.
    public enum CodeMemoryError: Error, Equatable, CustomStringConvertible {
        case systemCall(String, Int32)
        case exhausted(requested: Int, capacity: Int)
        case outOfReach(distance: Int)
        case released

        public var description: String {
            switch self {
            case .systemCall(let name, let code): return "\(name) failed: \(String(cString: strerror(code)))"
            case .exhausted(let requested, let capacity):
                return "code memory exhausted: \(requested) bytes requested, \(capacity) reserved in all"
            case .outOfReach(let distance): return "branch target \(distance) bytes away is out of rel32 reach"
            case .released: return "the code was already released"
            }
        }
    }
}

extension X64.ExecutableCode {
    /// The machine code as listing lines, each tied to the IR op it came from (nil for the prologue and the
    /// epilogue), branch targets at the code's real addresses.
    public var listingLines: [X64.ListingLine] {
        let origin = UInt64(UInt(bitPattern: address))
        return instructions.map { record in
            X64.ListingLine(offset: record.offset, length: record.length, text: record.instruction.text(origin: origin),
                        opIndex: record.tag)
        }
    }

    /// The listing as text, objdump-style (address, bytes, instruction), with a `#` line naming the IR op
    /// (`opText(index)`) wherever the op changes, and a marker where the out-of-line code begins.
    public func listingText(outOfLineStart: Int, opText: (Int) -> String) -> String {
        let base = UInt(bitPattern: address)
        var text = ""
        var currentOp: Int? = nil
        for (k, line) in listingLines.enumerated() {
            if line.offset == outOfLineStart { text += "# out of line: guard exits and slow paths\n" }
            if k == 0 || line.opIndex != currentOp {
                currentOp = line.opIndex
                if let op = currentOp { text += "# " + opText(op) + "\n" }
            }
            var bytes = ""
            for b in 0..<line.length {
                let byte = address.load(fromByteOffset: line.offset + b, as: UInt8.self)
                bytes += (byte < 16 ? "0" : "") + String(byte, radix: 16) + " "
            }
            let padding = String(repeating: " ", count: max(0, 31 - bytes.count))
            text += "0x" + String(base + UInt(line.offset), radix: 16) + "  " + bytes + padding + " " + line.text + "\n"
        }
        return text
    }
}
