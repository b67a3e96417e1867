// swift-tools-version: 6.0
import PackageDescription

// One target per responsibility; see the architecture map in README.md.
let package = Package(
    name: "workshop",
    // Linux only (the README says so): the sandbox, limits and spawning use Glibc, prlimit, control
    // groups, bubblewrap and /proc, none of which macOS has; claiming a macOS platform would be untrue.
    products: [
        .executable(name: "workshop", targets: ["workshop"]),
        // The kit learner code compiles against; the workspace's generated Package.swift uses it.
        .library(name: "EventSourcing", targets: ["EventSourcing"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // The window's HTTP server: no SwiftNIO, so the cold build stays short (BENCHMARKS.md).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
        // Unpacking .zip submissions entry by entry, so their size, count and time are bounded (BENCHMARKS.md).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // C libraries from Debian's -dev packages, found through pkg-config.
        .systemLibrary(
            name: "CEditLine", pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]),
        .systemLibrary(
            name: "CSQLite", pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]),
        // libpq, not postgres-nio: a prebuilt C client adds nothing to the cold build (BENCHMARKS.md).
        .systemLibrary(
            name: "CPostgreSQL", pkgConfig: "libpq",
            providers: [.apt(["libpq-dev"])]),

        .target(name: "EventSourcing"),
        // The one protocol of errors worded for the person at the keyboard (problem, and what to do next).
        .target(name: "UserFacing"),
        .target(name: "EventStores", dependencies: ["EventSourcing", "UserFacing", "CSQLite", "CPostgreSQL"]),
        .target(name: "Curriculum", dependencies: ["EventSourcing", "UserFacing", "Yams"]),
        // Compiled by the tool with swiftc into each learner's host; built here too, so it is type-checked and tested.
        .target(name: "LearnerHost", dependencies: ["EventSourcing"]),
        // The kit's sources, the lessons and their references, compiled into the binary so it runs outside its checkout.
        .target(name: "ToolFiles", plugins: ["EmbedToolFiles"]),
        .executableTarget(name: "ToolFileEmbedder"),
        .plugin(name: "EmbedToolFiles", capability: .buildTool(), dependencies: ["ToolFileEmbedder"]),
        .target(name: "Workspace", dependencies: ["Curriculum", "EventSourcing", "EventStores", "ToolFiles", "UserFacing"]),
        .target(name: "Checking", dependencies: ["Curriculum", "UserFacing", "Yams", "ToolFiles"]),
        .target(name: "Grading", dependencies: ["Checking", "Curriculum", "UserFacing", "Workspace", "EventSourcing", "EventStores", "ZIPFoundation"]),
        .target(name: "Linting", dependencies: ["Checking", "Curriculum"]),
        .target(name: "Shell", dependencies: ["CEditLine"]),
        .target(
            name: "StoreWindow",
            dependencies: ["EventSourcing", "EventStores", "Curriculum", "UserFacing", .product(name: "FlyingFox", package: "FlyingFox")]),
        // The room: a server on the window's plumbing with its own store, and the learner's forwarder.
        .target(name: "Room", dependencies: ["EventSourcing", "EventStores", "Workspace", "StoreWindow", .product(name: "FlyingFox", package: "FlyingFox")]),
        // The rules of the domain commands a learner types (decide, append, retry, reactions, read models), behind a host protocol.
        .target(name: "Playground", dependencies: ["Curriculum", "EventSourcing", "Checking", "Shell", "UserFacing"]),
        .target(
            name: "WorkshopCommands",
            dependencies: [
                "Playground", "Shell", "Curriculum", "Workspace", "EventSourcing", "EventStores", "Checking", "Grading", "Linting",
                "StoreWindow", "ToolFiles", "Room", "UserFacing", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "workshop", dependencies: ["WorkshopCommands"]),
        // benchmarks/store.sh runs it; not part of the tool.
        .executableTarget(name: "store-benchmark", dependencies: ["EventStores"], path: "benchmarks/StoreBenchmark"),

        // Temporary folders, pack fixtures and the pseudo-terminal driver, shared by the test targets.
        .target(name: "TestSupport", dependencies: ["Curriculum"], path: "Tests/TestSupport"),
        .testTarget(name: "EventStoresTests", dependencies: ["EventStores", "TestSupport"]),
        .testTarget(name: "CurriculumTests", dependencies: ["Curriculum", "TestSupport", "Yams"]),
        .testTarget(name: "WorkspaceTests", dependencies: ["Workspace", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell"]),
        .testTarget(name: "CheckingTests", dependencies: ["Checking", "Curriculum"]),
        .testTarget(name: "EventSourcingTests", dependencies: ["EventSourcing", "Curriculum"]),
        .testTarget(name: "GradingTests", dependencies: ["Grading", "Workspace", "TestSupport"]),
        .testTarget(name: "LintingTests", dependencies: ["Linting"]),
        .testTarget(name: "StoreWindowTests", dependencies: ["StoreWindow", "EventStores"]),
        .testTarget(name: "RoomTests", dependencies: ["Room", "EventStores", "Workspace", "TestSupport"]),
        .testTarget(name: "PlaygroundTests", dependencies: ["Playground", "EventStores", "EventSourcing", "Curriculum", "Checking", "Shell"]),
        .testTarget(name: "WorkshopCommandsTests", dependencies: ["WorkshopCommands", "TestSupport"]),
        // Drives the built binary through a pipe and a pseudo-terminal, as a person would.
        .testTarget(name: "EndToEndTests", dependencies: ["workshop", "TestSupport", "EventStores"]),
    ],
    swiftLanguageModes: [.v6]
)
