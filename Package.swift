// swift-tools-version:6.0
// rotation — cross-department rotation by competition (跨部门竞争上岗), solved with GLPK.
// SPDX-License-Identifier: GPL-3.0-or-later
import PackageDescription

let package = Package(
    name: "rotation",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "rotation", targets: ["rotation"]),
        .library(name: "LinearProgramming", targets: ["LinearProgramming"]),
        .library(name: "RotationCore", targets: ["RotationCore"]),
        .library(name: "RotationIO", targets: ["RotationIO"]),
        .library(name: "RotationPipeline", targets: ["RotationPipeline"]),
        .library(name: "RotationReports", targets: ["RotationReports"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // Exact big integers for the few computations on user numbers that can exceed 64 bits (RotationCore only).
        .package(url: "https://github.com/attaswift/BigInt", "5.0.0"..<"7.0.0"),
        // Typed identifiers (`CadreID`, `PositionID`, …) so that a swapped id does not compile (RotationCore only).
        .package(url: "https://github.com/pointfreeco/swift-tagged", from: "0.10.0"),
        // Random generators for the property tests (tests only).
        .package(url: "https://github.com/x-sheep/swift-property-based", exact: "2.0.1"),
        // Zip archives: reading xlsx workbooks given as scenario files (RotationIO); the Word (.docx) notice (RotationReports).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        // GLPK, the C library (Debian: libglpk-dev). Header and link line only.
        .systemLibrary(
            name: "CGLPK",
            path: "Sources/CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // A few lines of C: GLPK's error hook needs setjmp/longjmp, which Swift cannot call.
        .target(name: "CGLPKGuard", dependencies: ["CGLPK"], path: "Sources/CGLPKGuard"),
        // The Swift GLPK wrapper: models, solving, matching. Knows nothing of cadres.
        .target(name: "LinearProgramming", dependencies: ["CGLPK", "CGLPKGuard"]),
        // The domain: scenario, rules, verdicts, scores, ranks. Knows nothing of GLPK.
        .target(name: "RotationCore", dependencies: [.product(name: "BigInt", package: "BigInt"),
                                                     .product(name: "Tagged", package: "swift-tagged")]),
        // Bytes in and out: reading scenarios (CSV, encodings, YAML), the run folder's one reader and
        // writer, atomic writes. Knows the domain only.
        .target(name: "RotationIO", dependencies: ["RotationCore", .product(name: "Yams", package: "Yams"),
                                                   .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Formulation (scenario → model), solving, extraction and domain re-check.
        .target(name: "RotationSolver", dependencies: ["RotationCore", "LinearProgramming"]),
        // The one pipeline: scenario → adjudication → optimization → re-check → run model; failures → exit codes.
        .target(name: "RotationPipeline", dependencies: ["RotationCore", "RotationIO", "RotationSolver", "LinearProgramming"]),
        // libxlsxwriter, the C library (Debian: libxlsxwriter-dev). Header and link line only.
        .systemLibrary(
            name: "CXLSXWriter",
            path: "Sources/CXLSXWriter",
            providers: [.apt(["libxlsxwriter-dev"])]
        ),
        // Reports on the run model: compare, and the exports (csv, xlsx, html, md, json, notice). Knows no solver.
        .target(name: "RotationReports", dependencies: ["RotationCore", "RotationIO", "CXLSXWriter",
                                                     .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The entry workbook a clerk fills in (`rotation init --xlsx`): its content and its libxlsxwriter writer.
        .target(name: "RotationWorkbook", dependencies: ["RotationCore", "RotationIO", "CXLSXWriter"]),
        .executableTarget(
            name: "rotation",
            dependencies: [
                "RotationCore", "RotationIO", "RotationPipeline", "RotationReports", "RotationWorkbook",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark of the optimizer on generated scenarios: `swift run -c release rotation-bench [--quick]`.
        .executableTarget(name: "rotation-bench", dependencies: ["RotationCore", "RotationSolver", "LinearProgramming"], path: "Sources/rotation-bench"),
        .testTarget(name: "LinearProgrammingTests", dependencies: ["LinearProgramming"]),
        .testTarget(name: "RotationCoreTests", dependencies: ["RotationCore"]),
        .testTarget(name: "RotationIOTests", dependencies: ["RotationIO", "RotationCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "RotationPipelineTests", dependencies: ["RotationPipeline", "RotationIO", "RotationCore",
                                                         .product(name: "PropertyBased", package: "swift-property-based")]),
        .testTarget(name: "RotationSolverTests", dependencies: ["RotationSolver", "RotationCore", "LinearProgramming"],
                    exclude: ["Fixtures"]),
        .testTarget(name: "RotationReportsTests", dependencies: ["RotationReports", "RotationPipeline", "RotationIO", "RotationCore", "rotation",
                                                               .product(name: "ZIPFoundation", package: "ZIPFoundation")],
                    exclude: ["Golden"]),
        .testTarget(name: "RotationCLITests", dependencies: ["rotation"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
