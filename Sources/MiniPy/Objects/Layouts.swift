import Meta

/// The memory layouts of every MiniPy object (DESIGN §4), registered with the heap's type registry.
///
/// Every object has the 16-byte header (type id, GC word), then 8-byte fields in the order listed here:
///
/// | layout      | fields                                                        | tail          |
/// |-------------|---------------------------------------------------------------|---------------|
/// | W_Int       | intval: i                                                     |               |
/// | W_Bool      | intval: i (0/1; same offset as W_Int)                         |               |
/// | W_Float     | floatval: f                                                   |               |
/// | W_Long      | negative: i, count: i                                         | count words   |
/// | W_Str       | length: i (code points), hash: i (0 = not yet), count: i (UTF-8 bytes) | bytes |
/// | W_Tuple     | length: i                                                     | length refs   |
/// | W_List      | length: i, items: r (W_Array)                                 |               |
/// | W_Array     | capacity: i                                                   | capacity refs |
/// | W_IntArray  | count: i                                                      | count ints    |
/// | W_Dict/W_Set| used: i, filled: i, index: r (W_IntArray), entries: r (W_Array: key, value pairs), watched: i (1: changes are reported to `NamespaceCells`) | |
/// | W_Function  | code: i (CodeInfo address), globals: r, name: r, qualname: r, defaults: r, kwdefaults: r, closure: r, owner: r | |
/// | W_Builtin   | index: i, self: r, name: r                                    |               |
/// | W_Method    | function: r, self: r                                          |               |
/// | W_Type      | name: r, base: r, dict: r, mro: r, layout: i, flags: i, module: r, map: r (its instances' empty map, made on first use) | |
/// | W_Instance  | map: r (W_Map), storage: r (W_Array of attributes past the inline ones, or in dict mode the W_Dict), slot0 … slot5: r | |
/// | W_Map       | cls: r, attributes: r (W_Dict name → W_Int slot; null in dict mode), count: i, transitions: r (W_Dict name → W_Map, or null), dictMap: r (root maps: the class's dict-mode map, or null) | |
/// | W_Module    | name: r, dict: r                                              |               |
/// | W_Range     | start: i, stop: i, step: i                                    |               |
/// | W_Slice     | start: r, stop: r, step: r                                    |               |
/// | W_Cell      | contents: r                                                   |               |
/// | W_Iterator  | kind: i, index: i, end: i, a: r, b: r, c: r                   |               |
/// | W_Code      | code: i (CodeInfo address)                                                      |               |
/// | W_Wrapper   | kind: i, function: r (staticmethod, classmethod, property)    |               |
/// | W_Super    | cls: r (the class whose base is searched), self: r            |               |
/// | W_None, W_NotImplemented, W_Ellipsis | (none)                               |               |
public struct Layouts {
    public let int, bool, float, long, str, tuple, list, array, intArray, dict, set, function, builtin, method,
               type, instance, map, module, range, slice, cell, iterator, code, wrapper, superProxy, none, notImplemented, ellipsis: Layout

    // Field descriptors (offsets are fixed by the table above).
    public let intval, floatval, longNegative, longCount, strLength, strHash, strCount, tupleLength,
               listLength, listItems, arrayCapacity, intArrayCount,
               dictUsed, dictFilled, dictIndex, dictEntries, dictWatched,
               funcCode, funcGlobals, funcName, funcQualname, funcDefaults, funcKwdefaults, funcClosure, funcOwner,
               builtinIndex, builtinSelf, builtinName, methodFunction, methodSelf,
               typeName, typeBase, typeDict, typeMro, typeLayout, typeFlags, typeModule, typeMap,
               instanceMap, instanceStorage, mapClass, mapAttributes, mapCount, mapTransitions, mapDictMap, moduleName, moduleDict,
               rangeStart, rangeStop, rangeStep, sliceStart, sliceStop, sliceStep, cellContents,
               iterKind, iterIndex, iterEnd, iterA, iterB, iterC, codeIndex, wrapperKind, wrapperFunction, superClass, superSelf: FieldDescriptor
    /// W_Instance.slot0: the first of the attributes stored in the instance itself (`InstanceMaps.swift`).
    let instanceSlot0: FieldDescriptor

    /// W_Instance.slot`k` (`k < Runtime.inlineSlotCount`).
    @inline(__always) func instanceSlot(_ k: Int) -> FieldDescriptor {
        FieldDescriptor(typeID: instanceSlot0.typeID, index: instanceSlot0.index &+ UInt16(truncatingIfNeeded: k),
                        offset: instanceSlot0.offset &+ 8 &* Int32(truncatingIfNeeded: k), kind: .ref)
    }

    init(registry r: TypeRegistry) {
        func reg(_ name: String, _ fields: [(String, FieldKind)], tail: TypeDescriptor.Tail = .none) -> TypeDescriptor {
            r.register(name, fields: fields, tail: tail)
        }
        let tInt = reg("W_Int", [("intval", .int)])
        let tBool = reg("W_Bool", [("intval", .int)])
        let tFloat = reg("W_Float", [("floatval", .float)])
        let tLong = reg("W_Long", [("negative", .int), ("count", .int)], tail: .bytes(countOffset: 24, itemSize: 8))
        let tStr = reg("W_Str", [("length", .int), ("hash", .int), ("count", .int)], tail: .bytes(countOffset: 32, itemSize: 1))
        let tTuple = reg("W_Tuple", [("length", .int)], tail: .refs(countOffset: 16))
        let tList = reg("W_List", [("length", .int), ("items", .ref)])
        let tArray = reg("W_Array", [("capacity", .int)], tail: .refs(countOffset: 16))
        let tIntArray = reg("W_IntArray", [("count", .int)], tail: .bytes(countOffset: 16, itemSize: 8))
        let dictFields: [(String, FieldKind)] = [("used", .int), ("filled", .int), ("index", .ref), ("entries", .ref), ("watched", .int)]
        let tDict = reg("W_Dict", dictFields)
        let tSet = reg("W_Set", dictFields)
        let tFunction = reg("W_Function", [("code", .int), ("globals", .ref), ("name", .ref), ("qualname", .ref),
                                           ("defaults", .ref), ("kwdefaults", .ref), ("closure", .ref), ("owner", .ref)])
        let tBuiltin = reg("W_Builtin", [("index", .int), ("self", .ref), ("name", .ref)])
        let tMethod = reg("W_Method", [("function", .ref), ("self", .ref)])
        let tType = reg("W_Type", [("name", .ref), ("base", .ref), ("dict", .ref), ("mro", .ref), ("layout", .int),
                                   ("flags", .int), ("module", .ref), ("map", .ref)])
        let tInstance = reg("W_Instance", [("map", .ref), ("storage", .ref)]
                                + (0..<Runtime.inlineSlotCount).map { ("slot\($0)", FieldKind.ref) })
        let tMap = reg("W_Map", [("cls", .ref), ("attributes", .ref), ("count", .int), ("transitions", .ref), ("dictMap", .ref)])
        let tModule = reg("W_Module", [("name", .ref), ("dict", .ref)])
        let tRange = reg("W_Range", [("start", .int), ("stop", .int), ("step", .int)])
        let tSlice = reg("W_Slice", [("start", .ref), ("stop", .ref), ("step", .ref)])
        let tCell = reg("W_Cell", [("contents", .ref)])
        let tIterator = reg("W_Iterator", [("kind", .int), ("index", .int), ("end", .int), ("a", .ref), ("b", .ref), ("c", .ref)])
        let tCode = reg("W_Code", [("code", .int)])
        let tWrapper = reg("W_Wrapper", [("kind", .int), ("function", .ref)])
        let tSuper = reg("W_Super", [("cls", .ref), ("self", .ref)])
        let tNone = reg("W_None", [])
        let tNotImplemented = reg("W_NotImplemented", [])
        let tEllipsis = reg("W_Ellipsis", [])

        int = tInt.layout; bool = tBool.layout; float = tFloat.layout; long = tLong.layout; str = tStr.layout
        tuple = tTuple.layout; list = tList.layout; array = tArray.layout; intArray = tIntArray.layout
        dict = tDict.layout; set = tSet.layout; function = tFunction.layout; builtin = tBuiltin.layout
        method = tMethod.layout; type = tType.layout; instance = tInstance.layout; map = tMap.layout; module = tModule.layout
        range = tRange.layout; slice = tSlice.layout; cell = tCell.layout; iterator = tIterator.layout
        code = tCode.layout; wrapper = tWrapper.layout; superProxy = tSuper.layout; none = tNone.layout
        notImplemented = tNotImplemented.layout; ellipsis = tEllipsis.layout

        intval = tInt.field("intval"); floatval = tFloat.field("floatval")
        longNegative = tLong.field("negative"); longCount = tLong.field("count")
        strLength = tStr.field("length"); strHash = tStr.field("hash"); strCount = tStr.field("count")
        tupleLength = tTuple.field("length"); listLength = tList.field("length"); listItems = tList.field("items")
        arrayCapacity = tArray.field("capacity"); intArrayCount = tIntArray.field("count")
        dictUsed = tDict.field("used"); dictFilled = tDict.field("filled")
        dictIndex = tDict.field("index"); dictEntries = tDict.field("entries"); dictWatched = tDict.field("watched")
        funcCode = tFunction.field("code"); funcGlobals = tFunction.field("globals"); funcName = tFunction.field("name")
        funcQualname = tFunction.field("qualname"); funcDefaults = tFunction.field("defaults")
        funcKwdefaults = tFunction.field("kwdefaults"); funcClosure = tFunction.field("closure")
        funcOwner = tFunction.field("owner")
        builtinIndex = tBuiltin.field("index"); builtinSelf = tBuiltin.field("self"); builtinName = tBuiltin.field("name")
        methodFunction = tMethod.field("function"); methodSelf = tMethod.field("self")
        typeName = tType.field("name"); typeBase = tType.field("base"); typeDict = tType.field("dict")
        typeMro = tType.field("mro"); typeLayout = tType.field("layout"); typeFlags = tType.field("flags")
        typeModule = tType.field("module"); typeMap = tType.field("map")
        instanceMap = tInstance.field("map"); instanceStorage = tInstance.field("storage")
        instanceSlot0 = tInstance.field("slot0")
        mapClass = tMap.field("cls"); mapAttributes = tMap.field("attributes"); mapCount = tMap.field("count")
        mapTransitions = tMap.field("transitions"); mapDictMap = tMap.field("dictMap")
        moduleName = tModule.field("name"); moduleDict = tModule.field("dict")
        rangeStart = tRange.field("start"); rangeStop = tRange.field("stop"); rangeStep = tRange.field("step")
        sliceStart = tSlice.field("start"); sliceStop = tSlice.field("stop"); sliceStep = tSlice.field("step")
        cellContents = tCell.field("contents")
        iterKind = tIterator.field("kind"); iterIndex = tIterator.field("index"); iterEnd = tIterator.field("end")
        iterA = tIterator.field("a"); iterB = tIterator.field("b"); iterC = tIterator.field("c")
        codeIndex = tCode.field("code")
        wrapperKind = tWrapper.field("kind"); wrapperFunction = tWrapper.field("function")
        superClass = tSuper.field("cls"); superSelf = tSuper.field("self")
    }
}
