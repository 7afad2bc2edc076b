// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// The layers point one way, and the README says so truthfully: the README's layout table,
/// Package.swift's target dependencies and every `import` in Sources/ name the same graph.
final class ArchitectureTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The project's own modules, bottom to top: a module may depend only on modules before it.
    static let order = ["CGLPK", "CGLPKGuard", "LinearProgramming", "RotationCore", "RotationSolver", "RotationIO",
                        "RotationPipeline", "CXLSXWriter", "RotationReports", "RotationWorkbook", "rotation"]

    func text(_ path: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent(path), encoding: .utf8)
    }

    /// Project modules named in backticks in `text`.
    func modules(in text: Substring) -> Set<String> {
        var found = Set<String>()
        for part in text.split(separator: "`", omittingEmptySubsequences: false).enumerated() where part.offset % 2 == 1 && Self.order.contains(String(part.element)) {
            found.insert(String(part.element))
        }
        return found
    }

    /// The README's layout table: module → the project modules it depends on.
    func readmeGraph() throws -> [String: Set<String>] {
        let readme = try text("README.md")
        let section = try XCTUnwrap(readme.range(of: "## Layout"))
        var graph: [String: Set<String>] = [:]
        for line in readme[section.upperBound...].split(separator: "\n") {
            guard line.hasPrefix("| `") else { if line.hasPrefix("## ") { break } else { continue } }
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            for module in modules(in: Substring(cells[1])) { graph[module] = modules(in: Substring(cells[3])) }
        }
        return graph
    }

    /// Package.swift: target → the project targets in its `dependencies:`.
    func packageGraph() throws -> [String: Set<String>] {
        let package = try text("Package.swift")
        var graph: [String: Set<String>] = [:]
        var rest = Substring(package)
        while let start = rest.range(of: "name: \"") {
            let nameEnd = try XCTUnwrap(rest[start.upperBound...].firstIndex(of: "\""))
            let name = String(rest[start.upperBound..<nameEnd])
            rest = rest[nameEnd...]
            guard Self.order.contains(name) else { continue }
            // This target's text runs to the next target declaration.
            let next = rest.range(of: "\n        .")?.lowerBound ?? rest.endIndex
            let declaration = rest[..<next]
            var dependencies = Set<String>()
            if let list = declaration.range(of: "dependencies: [") {
                for piece in declaration[list.upperBound...].split(separator: "\"", omittingEmptySubsequences: false).enumerated() where piece.offset % 2 == 1 {
                    if Self.order.contains(String(piece.element)) { dependencies.insert(String(piece.element)) }
                }
            }
            graph[name] = dependencies
        }
        return graph
    }

    func testReadmeTableMatchesPackageSwift() throws {
        let readme = try readmeGraph()
        let package = try packageGraph()
        for module in Self.order where !module.hasPrefix("C") {
            XCTAssertEqual(readme[module], package[module], "\(module): the README's layout table and Package.swift disagree")
        }
        XCTAssertEqual(package["RotationCore"], [], "the domain depends on no other module of the project")
    }

    func testNoUpwardEdge() throws {
        for (module, dependencies) in try packageGraph() {
            let rank = try XCTUnwrap(Self.order.firstIndex(of: module))
            for dependency in dependencies {
                XCTAssertLessThan(try XCTUnwrap(Self.order.firstIndex(of: dependency)), rank, "\(module) → \(dependency) points up")
            }
        }
        let package = try packageGraph()
        XCTAssertFalse(package["RotationIO"]?.contains("RotationSolver") ?? true, "reading and writing know the domain only")
        XCTAssertFalse(package["RotationReports"]?.contains { ["RotationSolver", "LinearProgramming", "RotationPipeline"].contains($0) } ?? true,
                       "reports know the run model, not the solver")
        XCTAssertEqual(package["LinearProgramming"], ["CGLPK", "CGLPKGuard"], "the GLPK wrapper knows nothing of cadres")
    }

    /// Every `import` of a project module in Sources/X is a declared dependency of X.
    func testImportsAreDeclaredDependencies() throws {
        let package = try packageGraph()
        let sources = Self.root.appendingPathComponent("Sources")
        for module in Self.order where package[module] != nil {
            let folder = sources.appendingPathComponent(module)
            guard let files = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let file as String in files where file.hasSuffix(".swift") {
                let source = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for line in source.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    guard let keyword = words.firstIndex(of: "import"), keyword + 1 < words.count,
                          words[..<keyword].allSatisfy({ ["@testable", "internal", "public", "private", "@preconcurrency"].contains($0) }) else { continue }
                    let imported = String(words[keyword + 1])
                    guard Self.order.contains(imported) else { continue }
                    XCTAssertTrue(package[module]?.contains(imported) ?? false, "\(module)/\(file) imports \(imported), not a declared dependency")
                }
            }
        }
    }

    /// Every document the README, the docs and the product cite is in the repository, and nothing
    /// the product says points outside it.
    func testEveryCitedDocumentShipsWithTheRepository() throws {
        var cited = Set<String>()
        var places = ["README.md"]
        for folder in ["Sources", "docs", "scenarios"] {
            guard let files = FileManager.default.enumerator(atPath: Self.root.appendingPathComponent(folder).path) else { continue }
            for case let file as String in files where [".swift", ".md", ".yaml", ".csv"].contains(where: file.hasSuffix) {
                places.append("\(folder)/\(file)")
            }
        }
        for place in places {
            let content = try text(place)
            XCTAssertFalse(content.contains("shared/docs") || content.contains("shared docs/") || content.contains("../shared"), "\(place) points outside the repository")
            var rest = Substring(content)
            while let found = rest.range(of: "docs/") {
                let name = rest[found.lowerBound...].prefix { $0.isLetter || $0.isNumber || "/._-".contains($0) }
                if name.hasSuffix(".md") { cited.insert(String(name)) }
                rest = rest[found.upperBound...]
            }
        }
        XCTAssertTrue(cited.contains("docs/rules.md") && cited.contains("docs/model.md"), "\(cited.sorted())")
        for document in cited.sorted() {
            XCTAssertTrue(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(document).path), "\(document) is cited but missing")
        }
    }
}
