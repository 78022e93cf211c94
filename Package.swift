// swift-tools-version:6.0
import PackageDescription

// Exclusivity checks on the heap's and runtime's class properties cost ~25 % of the interpreter's time (measured
// with perf on the seed loop); the runtime is single-threaded, so release builds turn them off.
let optimize: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"]),
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
    // The Swift runtime and Foundation linked in (modules compiled with it name the static libraries they need).
    .unsafeFlags(["-static-stdlib"], .when(configuration: .release)),
]

let package = Package(
    name: "metalab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "metalab", targets: ["metalab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/attaswift/BigInt", from: "6.0.1"),
    ],
    targets: [
        // The language-independent meta-JIT framework: heap, domains, (later) IR, tracer, optimizer, backend.
        .target(name: "Meta", swiftSettings: optimize),
        // The Python-subset guest language, written once against Meta's domain protocol.
        .target(
            name: "MiniPy",
            dependencies: ["Meta", .product(name: "BigInt", package: "BigInt")],
            swiftSettings: optimize
        ),
        // Debian's libedit (BSD editline), through a shim that gives its variadic calls fixed signatures.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // Interactive line input for the REPL: editing, history, tab completion, Ctrl-C at the prompt.
        .target(name: "Terminal", dependencies: ["CEditLine"]),
        // The Lab: step-through sessions, commands, views, scripts and lessons (UI-agnostic; it observes the
        // interpreter through the observing domain and never touches the terminal itself).
        .target(
            name: "Lab",
            dependencies: ["MiniPy", "Meta"],
            swiftSettings: optimize,
            plugins: ["EmbedFiles"]
        ),
        // Embeds the interpreter's sources and the lessons into the Lab (the `interp` view and `metalab lesson`
        // work from an installed binary).
        .executableTarget(name: "embed-files"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["embed-files"]),
        // The command line.
        .executableTarget(
            name: "metalab",
            dependencies: ["MiniPy", "Meta", "Lab", "Terminal", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: optimize,
            // The Swift runtime linked in: the release binary starts in half the time (13 ms instead of 27 ms, most
            // of it dynamic loading), which short benchmarks measure (see `optimize`).
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        .testTarget(name: "MetaTests", dependencies: ["Meta"]),
        .testTarget(
            name: "MiniPyTests",
            dependencies: ["MiniPy", "Meta", .product(name: "BigInt", package: "BigInt")],
            exclude: ["Vectors", "Golden"]
        ),
        // End-to-end tests run the `metalab` executable, so they depend on it (and `swift test` builds it).
        .testTarget(name: "MetalabTests", dependencies: ["metalab", "Terminal"]),
        // The Lab's unit tests, golden script transcripts and lessons (these run the `metalab` executable too).
        .testTarget(name: "LabTests", dependencies: ["Lab", "MiniPy", "Meta", "metalab"], exclude: ["Scripts"]),
    ],
    swiftLanguageModes: [.v5]
)
