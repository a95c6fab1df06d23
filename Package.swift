// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "lianxin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "lianxin", targets: ["lianxin"]),
        .library(name: "LianxinCore", targets: ["LianxinCore"]),
        .library(name: "LianxinServer", targets: ["LianxinServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        .target(name: "LianxinCore"),
        .target(
            name: "LianxinServer",
            dependencies: [
                "LianxinCore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "lianxin", dependencies: ["LianxinServer"]),
        // Benchmark driver for the domain core (geo index, hotspot clustering); not shipped.
        .executableTarget(name: "lianxin-bench", dependencies: ["LianxinCore"]),
        .testTarget(name: "LianxinCoreTests", dependencies: ["LianxinCore"]),
        .testTarget(
            name: "LianxinServerTests",
            dependencies: [
                "LianxinServer",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ]
)
