// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// The sample as workbooks (LibreOffice's, committed in RotationIOTests/Fixtures/xlsx) solves to
/// the same run, byte for byte, as its CSV files; only audit.json's list of input files differs.
final class WorkbookScenarioTests: XCTestCase {
    static let fixtures = CLI.packageRoot.appendingPathComponent("Tests/RotationIOTests/Fixtures/xlsx")

    /// Every file of a run folder; audit.json without its `inputs` (the files and their SHA-256 differ by nature).
    func runFiles(_ folder: URL) throws -> [String: String] {
        var files: [String: String] = [:]
        for name in SolveCommandTests.runFiles {
            var text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            if name == "audit.json", let start = text.range(of: "\n  \"inputs\": ["),
               let end = text.range(of: "\n  ],", range: start.upperBound..<text.endIndex) {
                text.removeSubrange(start.lowerBound..<end.upperBound)
            }
            files[name] = text
        }
        return files
    }

    func solve(_ scenario: URL, in folder: URL, _ name: String) throws -> [String: String] {
        let out = folder.appendingPathComponent(name)
        let result = try CLI.run(["solve", scenario.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return try runFiles(out)
    }

    func testTheSampleAsWorkbooksSolvesToTheSameRun() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let expected = try solve(CLI.sample, in: folder, "csv")
        let stems = ["units", "positions", "cadres", "assessments", "applications", "interviews", "evaluations", "transfer_fit"]

        let whole = folder.appendingPathComponent("whole")
        try FileManager.default.createDirectory(at: whole, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.sample.appendingPathComponent("scenario.yaml"), to: whole.appendingPathComponent("scenario.yaml"))
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("fenghua-workbook/scenario.xlsx"),
                                         to: whole.appendingPathComponent("scenario.xlsx"))
        let fromWorkbook = try solve(whole, in: folder, "whole-run")

        let perFile = folder.appendingPathComponent("per-file")
        try FileManager.default.createDirectory(at: perFile, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: CLI.sample.appendingPathComponent("scenario.yaml"), to: perFile.appendingPathComponent("scenario.yaml"))
        for stem in stems {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("fenghua-per-file/\(stem).xlsx"),
                                             to: perFile.appendingPathComponent("\(stem).xlsx"))
        }
        let fromFiles = try solve(perFile, in: folder, "per-file-run")

        // If the sample's CSV files changed, regenerate the workbooks: Tests/RotationIOTests/Fixtures/xlsx/make-fixtures.sh.
        for name in SolveCommandTests.runFiles {
            XCTAssertEqual(fromWorkbook[name], expected[name], "\(name): scenario.xlsx differs from the CSV files (sample changed? run make-fixtures.sh)")
            XCTAssertEqual(fromFiles[name], expected[name], "\(name): one workbook per file differs from the CSV files (sample changed? run make-fixtures.sh)")
        }
        XCTAssertTrue(try CLI.read(whole.appendingPathComponent("../whole-run/audit.json")).contains("\"file\": \"scenario.xlsx\""))
    }

    /// What was seen: cadres.xlsx beside the CSVs gave `cadres.csv:0: required file missing` among 31 lines.
    func testCadresXlsxBesideTheCSVsValidates() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        try FileManager.default.removeItem(at: scenario.appendingPathComponent("cadres.csv"))
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("fenghua-per-file/cadres.xlsx"),
                                         to: scenario.appendingPathComponent("cadres.xlsx"))
        let result = try CLI.run(["validate", scenario.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("97"), result.stdout)
    }
}
