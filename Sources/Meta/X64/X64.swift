/// The namespace of metalab's x86-64 backend foundation: registers and operands, the instruction set the backend
/// emits, the assembler (bytes and an Intel-syntax listing at once), labels and patchable jumps, and W^X code memory.
///
/// Everything here follows one rule: an instruction is first a value (`X64.Instruction`); its bytes
/// (`encode(at:)`), its listing text (`text(origin:)`, spelled like GNU objdump's Intel flavour) and its meaning
/// (the emulator) are all derived from that one value, so they cannot drift apart.
public enum X64 {}
