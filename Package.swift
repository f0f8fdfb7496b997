// swift-tools-version: 6.1
import PackageDescription

/// One package, one direction of flow: file -> features -> district model -> indicators -> reports.
/// The layering (and what each layer may import) is described in README.md and DESIGN.md section 2.
let package = Package(
    name: "superblock",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "superblock", targets: ["superblock"]),
        .library(name: "SuperblockKit", targets: ["DistrictModel", "Indicators", "Reports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // System libraries (Debian: libgeos-dev, libproj-dev).
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev", "proj-data"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),

        // Wrappers: C types never leave these modules.
        .target(name: "GeometryEngine", dependencies: ["CGEOS"]),
        .target(name: "Projection", dependencies: ["CPROJ"]),
        .target(name: "GeoJSON"),
        .target(name: "CNOSSOS"),
        .target(name: "GeoPackage", dependencies: ["CSQLite"]),

        // Model, analysis, output.
        .target(name: "DistrictModel", dependencies: ["GeoJSON", "GeometryEngine", "Projection"]),
        .target(name: "Indicators", dependencies: ["DistrictModel", "GeoJSON", "GeometryEngine", "CNOSSOS"]),
        .target(name: "Reports", dependencies: ["Indicators", "DistrictModel", "GeoJSON", "CNOSSOS", "GeoPackage", "GeometryEngine", "Projection"]),
        .executableTarget(
            name: "superblock",
            dependencies: [
                "DistrictModel", "Indicators", "Reports", "CNOSSOS",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        .executableTarget(name: "superblock-bench", dependencies: ["DistrictModel", "Indicators", "Reports"]),

        .testTarget(name: "GeometryEngineTests", dependencies: ["GeometryEngine"]),
        .testTarget(name: "ProjectionTests", dependencies: ["Projection"]),
        .testTarget(name: "GeoJSONTests", dependencies: ["GeoJSON"]),
        .testTarget(name: "GeoPackageTests", dependencies: ["GeoPackage", "TestSupport"]),
        .testTarget(name: "CNOSSOSTests", dependencies: ["CNOSSOS"], exclude: ["Fixtures"]),
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(
            name: "DistrictModelTests",
            dependencies: ["DistrictModel", "GeometryEngine", "Projection", "GeoJSON", "TestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "SuperblockCLITests", dependencies: ["superblock", "TestSupport", "GeoPackage", "GeometryEngine"], exclude: ["Nasty"]),
        .testTarget(name: "IndicatorsTests", dependencies: ["Indicators", "Reports", "DistrictModel", "GeometryEngine", "GeoJSON", "GeoPackage", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
