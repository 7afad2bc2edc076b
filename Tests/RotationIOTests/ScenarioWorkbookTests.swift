// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// Scenario files given as workbooks: X.xlsx instead of X.csv, or scenario.xlsx with a sheet per
/// file; problems at `FILE:SHEET!ROW`; Excel-mangled months.
final class ScenarioWorkbookTests: XCTestCase {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("scenarios/fenghua-2017")
    static let stems = ["units", "positions", "cadres", "assessments", "applications", "interviews", "evaluations", "transfer_fit"]

    /// A copy of the sample; `keep` says which CSV files stay.
    func sampleCopy(keeping keep: (String) -> Bool = { _ in true }) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.sample.path) where name.hasSuffix(".yaml") || keep(name) {
            try FileManager.default.copyItem(at: Self.sample.appendingPathComponent(name), to: url.appendingPathComponent(name))
        }
        return url
    }

    /// The sample's CSV files as sheets of text cells, with `edit` applied to the rows of each.
    func sampleSheets(named name: (String) -> String = { $0 },
                      edit: (String, inout [[WorkbookKit.Cell]]) -> Void = { _, _ in }) throws -> [(name: String, rows: [[WorkbookKit.Cell]])] {
        try Self.stems.map { stem in
            var rows = try WorkbookKit.rows(ofCSV: Self.sample.appendingPathComponent("\(stem).csv"))
            edit(stem, &rows)
            return (name(stem), rows)
        }
    }

    func errors(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) -> [String] {
        do {
            _ = try ScenarioLoader.load(folder: folder)
            XCTFail("expected input errors", file: file, line: line)
            return []
        } catch let errors as InputErrors {
            return errors.problems.filter { $0.severity == .error }.map(\.description)
        } catch {
            XCTFail("\(error)", file: file, line: line)
            return []
        }
    }

    func testTheSampleAsOneWorkbookOfTextCellsLoadsLikeTheCSVs() throws {
        let csv = try ScenarioLoader.load(folder: Self.sample)
        let folder = try sampleCopy(keeping: { _ in false })
        try Data(try WorkbookKit.workbook(try sampleSheets())).write(to: folder.appendingPathComponent("scenario.xlsx"))
        let loaded = try ScenarioLoader.load(folder: folder)
        XCTAssertEqual(loaded.scenario.cadres.count, csv.scenario.cadres.count)
        XCTAssertEqual(loaded.scenario.positions.count, csv.scenario.positions.count)
        XCTAssertEqual(loaded.scenario.interviews?.count, csv.scenario.interviews?.count)
        XCTAssertEqual(loaded.inputs.map(\.file), ["scenario.yaml", "scenario.xlsx"])
        XCTAssertEqual(loaded.inputs.last?.encoding, "xlsx")
        XCTAssertTrue(loaded.warnings.isEmpty, "\(loaded.warnings)")
    }

    func testLibreOfficeWorkbooksLoad() throws {
        let whole = try sampleCopy(keeping: { _ in false })
        try FileManager.default.copyItem(at: XLSXReaderTests.fixtures.appendingPathComponent("fenghua-workbook/scenario.xlsx"),
                                         to: whole.appendingPathComponent("scenario.xlsx"))
        XCTAssertEqual(try ScenarioLoader.load(folder: whole).scenario.cadres.count, 97)
        let perFile = try sampleCopy(keeping: { _ in false })
        for stem in Self.stems {
            try FileManager.default.copyItem(at: XLSXReaderTests.fixtures.appendingPathComponent("fenghua-per-file/\(stem).xlsx"),
                                             to: perFile.appendingPathComponent("\(stem).xlsx"))
        }
        let loaded = try ScenarioLoader.load(folder: perFile)
        XCTAssertEqual(loaded.scenario.cadres.count, 97)
        XCTAssertEqual(loaded.inputs.count, 9)
    }

    /// What was seen: `cadres.xlsx` beside the CSVs gave "cadres.csv:0: required file missing".
    func testCadresXlsxBesideTheCSVs() throws {
        let folder = try sampleCopy(keeping: { $0 != "cadres.csv" })
        try FileManager.default.copyItem(at: XLSXReaderTests.fixtures.appendingPathComponent("fenghua-per-file/cadres.xlsx"),
                                         to: folder.appendingPathComponent("cadres.xlsx"))
        let loaded = try ScenarioLoader.load(folder: folder)
        XCTAssertEqual(loaded.scenario.cadres.count, 97)
        XCTAssertEqual(loaded.scenario.cadres.first?.name, "俞建国")
    }

    func testACellErrorNamesWorkbookSheetAndRow() throws {
        let folder = try sampleCopy(keeping: { _ in false })
        let sheets = try sampleSheets(named: { stem in stem == "cadres" ? "干部" : stem }) { stem, rows in
            if stem == "cadres" { rows[2][2] = .text("X") }          // row 3: 性别
        }
        try Data(try WorkbookKit.workbook(sheets)).write(to: folder.appendingPathComponent("scenario.xlsx"))
        let found = errors(folder)
        XCTAssertTrue(found.contains { $0.hasPrefix("scenario.xlsx:干部!3: gender: ") }, "\(found)")
        // A per-file workbook: its first sheet's name.
        let single = try sampleCopy(keeping: { $0 != "units.csv" })
        var rows = try WorkbookKit.rows(ofCSV: Self.sample.appendingPathComponent("units.csv"))
        rows[4][3] = .text("many")
        try Data(try WorkbookKit.workbook([("Sheet1", rows)])).write(to: single.appendingPathComponent("units.xlsx"))
        let unitErrors = errors(single)
        XCTAssertTrue(unitErrors.contains { $0.hasPrefix("units.xlsx:Sheet1!5: approved_posts: ") }, "\(unitErrors)")
    }

    func testTheSameFileGivenTwice() throws {
        let besides = try sampleCopy()
        try FileManager.default.copyItem(at: XLSXReaderTests.fixtures.appendingPathComponent("fenghua-per-file/cadres.xlsx"),
                                         to: besides.appendingPathComponent("cadres.xlsx"))
        XCTAssertTrue(errors(besides).contains { $0.hasPrefix("cadres.csv:0: ") && $0.contains("cadres.xlsx") }, "\(errors(besides))")

        let inWorkbook = try sampleCopy(keeping: { $0 != "units.csv" })
        var sheets = try sampleSheets().filter { $0.name == "units" }
        sheets.append(("单位", sheets[0].rows))
        try Data(try WorkbookKit.workbook(sheets)).write(to: inWorkbook.appendingPathComponent("scenario.xlsx"))
        XCTAssertTrue(errors(inWorkbook).contains { $0.contains("scenario.xlsx:units") && $0.contains("scenario.xlsx:单位") }, "\(errors(inWorkbook))")
    }

    func testUnknownSheetsWarnAndTheInstructionsSheetDoesNot() throws {
        let folder = try sampleCopy(keeping: { _ in false })
        var sheets = try sampleSheets()
        sheets.insert(("说明", [[.text("填写说明")]]), at: 0)
        sheets.append(("Sheet3", [[.text("x")]]))
        try Data(try WorkbookKit.workbook(sheets)).write(to: folder.appendingPathComponent("scenario.xlsx"))
        let warnings = try ScenarioLoader.load(folder: folder).warnings.map(\.description)
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings[0].contains("Sheet3"), "\(warnings)")
    }

    func testADamagedWorkbookIsOneProblemNotAFlood() throws {
        let folder = try sampleCopy(keeping: { _ in false })
        try Data("this is no workbook".utf8).write(to: folder.appendingPathComponent("scenario.xlsx"))
        let found = errors(folder)
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("scenario.xlsx:0: not an Excel workbook"), "\(found)")
    }

    // MARK: Excel-mangled months

    /// What was seen: Excel turned a typed 2014.10 into 2014.1, read as January.
    func testYYYYDot1BesideTwoDigitMonthsIsAProblem() throws {
        let folder = try sampleCopy()
        let url = folder.appendingPathComponent("cadres.csv")
        var text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        text = text.replacingOccurrences(of: "FH001,俞建国,男,1966年04月,MZJ,中层正职,2010-06,MZJ-01,2013-09,",
                                         with: "FH001,俞建国,男,1966年04月,MZJ,中层正职,2010.06,MZJ-01,2013-09,")
        text = text.replacingOccurrences(of: "FH002,毛丽萍,女,1961年03月,MZJ,中层正职,2009-05,",
                                         with: "FH002,毛丽萍,女,1961年03月,MZJ,中层正职,2014.1,")
        try Data(text.utf8).write(to: url)
        // (The cadre's row failed, so other files' references to FH002 fail too: root causes are another part of the issue.)
        let found = errors(folder).filter { $0.hasPrefix("cadres.csv:") }
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("cadres.csv:3: level_since: \"2014.1\" may be 2014.10"), "\(found)")
        XCTAssertTrue(found[0].contains("2014-10"), "says how to write it: \(found)")
    }

    func testYYYYDot1AloneIsAMonth() throws {
        let folder = try sampleCopy()
        let url = folder.appendingPathComponent("cadres.csv")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
            .replacingOccurrences(of: "FH002,毛丽萍,女,1961年03月,MZJ,中层正职,2009-05,", with: "FH002,毛丽萍,女,1961年03月,MZJ,中层正职,2009.1,")
        try Data(text.utf8).write(to: url)
        let loaded = try ScenarioLoader.load(folder: folder)
        XCTAssertEqual(loaded.scenario.cadres[1].levelSince, YearMonth(year: 2009, month: 1))
    }

    func testANumberCell2014Dot1IsAlwaysAProblem() throws {
        let folder = try sampleCopy(keeping: { _ in false })
        let sheets = try sampleSheets(named: { $0 == "cadres" ? "干部" : $0 }) { stem, rows in
            guard stem == "cadres" else { return }
            rows[1][6] = .number("2010.1")       // FH001 level_since, typed 2010.10
            rows[2][6] = .number("2009.05")      // FH002: a number, but not in doubt
        }
        try Data(try WorkbookKit.workbook(sheets)).write(to: folder.appendingPathComponent("scenario.xlsx"))
        let found = errors(folder).filter { $0.hasPrefix("scenario.xlsx:干部") }
        XCTAssertEqual(found.count, 1, "\(found)")
        XCTAssertTrue(found[0].hasPrefix("scenario.xlsx:干部!2: level_since: \"2010.1\" is a number cell"), "\(found)")
    }
}
