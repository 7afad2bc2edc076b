// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
@testable import RotationReports
import RotationPipeline
import RotationIO
import RotationCore

/// The sample scenario, solved once per test process through the library (as `solve` does), and helpers.
enum Sample {
    /// The package root: three levels above this file.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let scenario = packageRoot.appendingPathComponent("scenarios/fenghua-2017")
    static let goldenSource = packageRoot.appendingPathComponent("Tests/RotationReportsTests/Golden")

    /// The sample's run, with a fixed path label so outputs do not depend on where the package is.
    static let run: LoadedRun = {
        do {
            var loaded = try Pipeline.run(at: scenario.path)
            loaded.path = "scenarios/fenghua-2017"
            return loaded
        } catch {
            fatalError("the sample scenario does not solve: \(error)")
        }
    }()

    /// A fresh empty temporary folder.
    static func temporaryFolder(_ name: String = #function) throws -> URL {
        let safe = name.filter { $0.isLetter || $0.isNumber }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-reports-\(safe)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of the sample scenario that a test may change, with `edit` applied to named files.
    static func copy(into folder: URL, edit: [String: (String) -> String] = [:]) throws -> URL {
        let target = folder.appendingPathComponent("scenario")
        try FileManager.default.copyItem(at: scenario, to: target)
        for (file, change) in edit {
            let url = target.appendingPathComponent(file)
            let text = try String(contentsOf: url, encoding: .utf8)
            let changed = change(text)
            precondition(changed != text, "the edit of \(file) changed nothing")
            try changed.write(to: url, atomically: true, encoding: .utf8)
        }
        return target
    }

    /// The sample with `pass_mark: 75` (a what-if a clerk would try).
    static func passMark75(in folder: URL) throws -> URL {
        try copy(into: folder, edit: ["scenario.yaml": { $0.replacingOccurrences(of: "language: zh\n", with: "language: zh\nrules:\n  pass_mark: 75\n") }])
    }
}

/// Golden files: compared as text; `UPDATE_GOLDEN=1` rewrites them in the source tree.
enum Golden {
    static var updating: Bool { ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let source = Sample.goldenSource.appendingPathComponent(name)
        if updating {
            try Data(actual.utf8).write(to: source)
            return
        }
        // The source tree's copy (beside this file), so an update is seen without a rebuild.
        // Bytes, not String(contentsOf:), which would drop a CSV's byte-order mark.
        guard let bytes = try? Data(contentsOf: source) else {
            XCTFail("no golden file \(name); run UPDATE_GOLDEN=1 swift test --filter RotationReportsTests", file: file, line: line)
            return
        }
        let expected = String(decoding: bytes, as: UTF8.self)
        if bytes != Data(actual.utf8) {
            let expectedLines = expected.components(separatedBy: "\n")
            let actualLines = actual.components(separatedBy: "\n")
            let first = zip(expectedLines, actualLines).enumerated().first { $0.element.0 != $0.element.1 }?.offset
                ?? min(expectedLines.count, actualLines.count)
            let shown = { (lines: [String]) in first < lines.count ? lines[first].debugDescription : "(end)" }
            XCTFail("""
                \(name) differs from its golden file at line \(first + 1):
                  expected: \(shown(expectedLines))
                  actual:   \(shown(actualLines))
                If the change is intended: UPDATE_GOLDEN=1 swift test --filter RotationReportsTests, and review the diff.
                """, file: file, line: line)
        }
    }
}

/// Reads an xlsx with /usr/bin/unzip: shared strings and worksheet cells.
enum XLSXReader {
    struct Cell: Equatable {
        var reference: String
        /// The `t` attribute: "s" (shared string), "inlineStr", "n" or "" (number).
        var type: String
        var value: String
        var hasFormula: Bool
    }

    static func part(_ xlsx: URL, _ name: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", xlsx.path, name]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ReportError("unzip -p \(xlsx.path) \(name) failed") }
        return String(decoding: data, as: UTF8.self)
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
            .replacingOccurrences(of: "&#9;", with: "\t").replacingOccurrences(of: "&amp;", with: "&")
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        guard let expression = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return expression.matches(in: text, range: range).map { match in
            (0..<match.numberOfRanges).map { index in
                Range(match.range(at: index), in: text).map { String(text[$0]) } ?? ""
            }
        }
    }

    static func sharedStrings(_ xlsx: URL) throws -> [String] {
        let xml = try part(xlsx, "xl/sharedStrings.xml")
        return matches("<si>(.*?)</si>", in: xml).map { item in
            unescape(matches("<t[^>]*>(.*?)</t>", in: item[1]).map { $0[1] }.joined())
        }
    }

    /// Cells of sheet `n` (1-based), in document order.
    static func cells(_ xlsx: URL, sheet: Int) throws -> [Cell] {
        let xml = try part(xlsx, "xl/worksheets/sheet\(sheet).xml")
        return matches("<c r=\"([A-Z]+[0-9]+)\"([^>]*?)(?:/>|>(.*?)</c>)", in: xml).map { match in
            let attributes = match[2]
            let type = matches("t=\"([^\"]*)\"", in: attributes).first?[1] ?? ""
            let body = match[3]
            let value = matches("<v>(.*?)</v>", in: body).first?[1] ?? matches("<t[^>]*>(.*?)</t>", in: body).first.map { unescape($0[1]) } ?? ""
            return Cell(reference: match[1], type: type, value: value, hasFormula: body.contains("<f"))
        }
    }

    /// The sheet as rows of displayed text (shared strings resolved), keyed by row number.
    static func table(_ xlsx: URL, sheet: Int) throws -> [Int: [String: Cell]] {
        var rows: [Int: [String: Cell]] = [:]
        for cell in try cells(xlsx, sheet: sheet) {
            let letters = String(cell.reference.prefix { $0.isLetter })
            let number = Int(cell.reference.drop { $0.isLetter }) ?? 0
            rows[number, default: [:]][letters] = cell
        }
        return rows
    }

    static func column(_ index: Int) -> String {
        var index = index
        var name = ""
        repeat {
            name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
            index = index / 26 - 1
        } while index >= 0
        return name
    }
}
