import Testing
@testable import Meta

/// `CompiledTrace.runEmulated` (what the Lab's `stepi` runs): a whole run of the installed machine code in the
/// emulator leaves through the same exit, with the same values and heap, as the native run.
@Suite struct X64EmulatedRunTests {
    /// A loop whose residual calls collect and allocate, with references live across them.
    static let collectingLoop = """
        [i0, p1]
        label(i0, p1, descr=Loop0)
        i2 = int_lt(i0, 30)
        guard_true(i2) [i0, p1]
        p3 = call_r(ConstClass(collect_now), p1)
        p4 = call_r(ConstClass(box_collecting), i0)
        i5 = call_i(ConstClass(unbox), p4)
        i6 = call_i(ConstClass(unbox), p3)
        i7 = int_add(i6, i5)
        p8 = new_with_vtable(descr=W_Int)
        setfield_gc(p8, i7, descr=W_Int.intval)
        i9 = int_add(i0, 1)
        jump(i9, p8, descr=Loop0)
        """

    @Test func theMixedTraceEmulatedLeavesAsNatively() throws {
        let run = DifferentialRun(BackendCodeTests.mixedTrace, setup: { w in
            ([.ref(w.box(50)), .int(0), .float(0.75), .ref(BackendCodeTests.tuple(w))], [:])
        })
        let (native, _, _) = try run.outcome(.x64)
        var steps = 0
        let (emulated, _, _) = try run.outcome(.x64, emulating: { call in
            // Step part of the way by hand (as `stepi` does); the rest runs when the body returns.
            for _ in 0..<40 where try call.step() != nil { steps += 1 }
        })
        #expect(steps == 40)
        #expect(emulated == native)
        #expect(native.reason == .guardFailed(opIndex: 4, guardNumber: 1))
    }

    @Test func collectingResidualCallsEmulatedLeaveAsNatively() throws {
        let run = DifferentialRun(Self.collectingLoop, functions: [CallDescriptor(testCollectNow), CallDescriptor(testBoxCollecting)],
                                  setup: { w in ([.int(0), .ref(w.box(5))], [:]) })
        let (native, _, _) = try run.outcome(.x64)
        let (emulated, _, _) = try run.outcome(.x64, emulating: { _ in })
        #expect(emulated == native)
        #expect(native.iterations == 31)
        #expect(native.values.count == 2)
    }

    /// The emulator runs the attached bridges' code too (the very bytes installed), not only the loop's.
    @Test func bridgesRunInTheEmulator() throws {
        let texts = [BackendBridgeTests.loop, BackendBridgeTests.bridge, BackendBridgeTests.bridgeOfBridge]
        for start in [0, 1, 76] {
            let nativeWorld = IRTestWorld(), emulatedWorld = IRTestWorld()
            let native = try BackendBridgeTests().compiled(nativeWorld, texts).run([.int(start), .int(0)])
            let compiled = try BackendBridgeTests().compiled(emulatedWorld, texts)
            var codes = Set<ObjectIdentifier>()
            var changedRegisters = 0
            let emulated = try compiled.runEmulated([.int(start), .int(0)]) { call in
                while let executed = try call.step() {
                    codes.insert(ObjectIdentifier(executed.code))
                    changedRegisters += executed.changes.count
                }
                #expect(call.hasReturned)
            }
            // Each world has its own heap: the objects reached are compared, not their addresses.
            var nativeObjects = HeapRendering(registry: nativeWorld.registry)
            var emulatedObjects = HeapRendering(registry: emulatedWorld.registry)
            #expect(emulated.reason == native.reason && emulated.iterations == native.iterations, "from \(start)")
            #expect(emulatedObjects.render(emulated.values) == nativeObjects.render(native.values), "from \(start)")
            #expect(codes.contains(ObjectIdentifier(compiled.bridges[0].code)), "from \(start)")
            #expect(changedRegisters > 0)
        }
    }

    /// A step reports exactly the registers the instruction wrote: the prologue's `mov rbp, rdi` changes rbp to
    /// the frame's address and nothing else.
    @Test func aStepReportsTheRegistersItChanged() throws {
        let w = IRTestWorld()
        let compiled = try compile(BackendBridgeTests.loop, in: w)
        _ = try compiled.runEmulated([.int(0), .int(0)]) { call in
            while let next = call.next, next.record.instruction.text() != "mov    rbp,rdi" { _ = try call.step() }
            let executed = try #require(try call.step())
            #expect(executed.changes.map(\.register) == [.gpr(.rbp)])
            #expect(executed.changes.first?.new[0] == UInt64(UInt(bitPattern: call.frame.baseAddress!)))
        }
    }
}
