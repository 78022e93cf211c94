// swift-tools-version:6.0
import PackageDescription

// Exclusivity checks on the heap's and runtime's class properties cost ~25 % of the interpreter's time (measured
// with perf on the seed loop); the runtime is single-threaded, so release builds turn them off.
let optimize: [SwiftSetting] = [
    .unsafeFlags(["-cross-module-optimization"]),
    .unsafeFlags(["-enforce-exclusivity=unchecked"], .when(configuration: .release)),
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
        // The command line.
        .executableTarget(
            name: "metalab",
            dependencies: ["MiniPy", "Meta", .product(name: "ArgumentParser", package: "swift-argument-parser")],
            swiftSettings: optimize
        ),
        .testTarget(name: "MetaTests", dependencies: ["Meta"]),
        .testTarget(
            name: "MiniPyTests",
            dependencies: ["MiniPy", "Meta", .product(name: "BigInt", package: "BigInt")],
            exclude: ["Vectors", "Golden"]
        ),
        // End-to-end tests run the `metalab` executable, so they depend on it (and `swift test` builds it).
        .testTarget(name: "MetalabTests", dependencies: ["metalab"]),
    ],
    swiftLanguageModes: [.v5]
)
