/// Resolves the names in a textual trace to the framework's objects, for `TraceParser`.
public protocol TraceResolver {
    /// The layout called `name` (`W_Int`).
    func layout(named name: String) -> Layout?
    /// The field called `name` (`W_Int.intval`).
    func field(named name: String) -> FieldDescriptor?
    /// The residual function called `name` (`call_r(ConstClass(name), ...)`).
    func function(named name: String) -> CallDescriptor?
    /// The raw field called `name` (`Runtime.interruptRequested`).
    func rawField(named name: String) -> RawFieldDescriptor?
    /// The object a `ConstClass(name)` constant names.
    func object(named name: String) -> Ref?
    /// The object a `ConstPtr(ptrN)` constant stands for.
    func pointer(_ number: Int) -> Ref?
}

/// A resolver over a type registry (layouts and fields by their registered names) and tables of functions,
/// raw fields, named objects and numbered pointers that the caller fills in.
public struct RegistryResolver: TraceResolver {
    public let registry: TypeRegistry
    public var functions: [String: CallDescriptor]
    public var rawFields: [String: RawFieldDescriptor]
    public var objects: [String: Ref]
    public var pointers: [Int: Ref]

    public init(registry: TypeRegistry, functions: [CallDescriptor] = [], rawFields: [RawFieldDescriptor] = [],
                objects: [String: Ref] = [:], pointers: [Int: Ref] = [:]) {
        self.registry = registry
        self.functions = Dictionary(functions.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        self.rawFields = Dictionary(rawFields.map { ($0.description, $0) }, uniquingKeysWith: { a, _ in a })
        self.objects = objects
        self.pointers = pointers
    }

    public func layout(named name: String) -> Layout? {
        registry.descriptors.first { $0.name == name }?.layout
    }

    public func field(named name: String) -> FieldDescriptor? {
        guard let dot = name.lastIndex(of: ".") else { return nil }
        let owner = name[..<dot], fieldName = String(name[name.index(after: dot)...])
        guard let d = registry.descriptors.first(where: { $0.name == owner }),
              let i = d.fieldNames.firstIndex(of: fieldName) else { return nil }
        return d.fields[i]
    }

    public func function(named name: String) -> CallDescriptor? { functions[name] }
    public func rawField(named name: String) -> RawFieldDescriptor? { rawFields[name] }
    public func object(named name: String) -> Ref? { objects[name] }
    public func pointer(_ number: Int) -> Ref? { pointers[number] }
}
