// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "Concord",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "concord", targets: ["concord"]),
        .library(name: "ConcordKit", targets: ["ConcordKit"]),
        .executable(name: "concord-bench", targets: ["concord-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The system SQLite with the session extension's declarations made visible
        // (see Sources/CSQLiteSession/shim.h for why a separate module is needed).
        .systemLibrary(name: "CSQLiteSession", path: "Sources/CSQLiteSession"),
        // libedit's readline-compatible API, for the REPL's line editing.
        .systemLibrary(
            name: "CEditLine",
            path: "Sources/CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // The system zlib, for the compressed record stream of changeset files (sync/FORMAT.md, version 3).
        // (Not named CZlib: ZIPFoundation, which reads .docx files, has a module of that name.)
        .systemLibrary(name: "CConcordZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),
        // Signal-safe C helpers for the REPL's line editor (Ctrl-C, resizing).
        .target(name: "CConcordTerminal", linkerSettings: [.linkedLibrary("edit")]),
        // search's ranking function (FTS5 auxiliary function, BM25 for the best few rows), on the system SQLite.
        .target(name: "CConcordSearch", linkerSettings: [.linkedLibrary("sqlite3")]),
        .target(
            name: "ConcordKit",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                "CSQLiteSession",
                "CEditLine",
                "CConcordTerminal",
                "CConcordSearch",
                "CConcordZlib",
            ],
            resources: [.embedInCode("Seeds")]
        ),
        .executableTarget(name: "concord", dependencies: ["ConcordKit"]),
        // Input generators for the benchmark (seeded corpus and graph), testable on their own.
        .target(name: "ConcordBenchKit", dependencies: ["ConcordKit", .product(name: "GRDB", package: "GRDB.swift")]),
        // The benchmark: build with `swift build -c release`, run `.build/release/concord-bench`.
        .executableTarget(
            name: "concord-bench",
            dependencies: [
                "ConcordKit", "ConcordBenchKit",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ConcordKitTests",
            dependencies: ["ConcordKit", "ConcordBenchKit", "concord", .product(name: "GRDB", package: "GRDB.swift")]
        ),
    ]
)

// libFuzzer targets (Tests/FuzzCorpus/README.md). They call libFuzzer's driver, so they link only
// with `-sanitize=fuzzer`; they exist only when CONCORD_FUZZ is set, and plain `swift build` never sees them.
if Context.environment["CONCORD_FUZZ"] != nil {
    package.targets += [
        .executableTarget(name: "ConcordFuzzChangeset", dependencies: ["ConcordKit"]),
        .executableTarget(name: "ConcordFuzzCommandLine", dependencies: ["ConcordKit"]),
    ]
    package.products += [
        .executable(name: "concord-fuzz-changeset", targets: ["ConcordFuzzChangeset"]),
        .executable(name: "concord-fuzz-command-line", targets: ["ConcordFuzzCommandLine"]),
    ]
}
