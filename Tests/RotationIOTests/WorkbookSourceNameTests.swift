// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
@testable import RotationIO
import XCTest

/// Issue 9: when the scenario came from a workbook, a message that sends the user to another file
/// names the sheet they have (`scenario.xlsx 的 干部 工作表`, "sheet 干部 of scenario.xlsx") or the
/// workbook (`cadres.xlsx`), never a CSV they do not have.
final class WorkbookSourceNameTests: XCTestCase {
    static let stems = ScenarioWorkbookTests.stems
    static let chinese = ["units": "单位", "positions": "职位", "cadres": "干部", "assessments": "考核", "applications": "报名",
                          "interviews": "面试", "evaluations": "测评", "transfer_fit": "调动适配度"]

    /// A folder with the sample's scenario.yaml and scenario.xlsx made of its CSV files (Chinese sheet
    /// names unless `english`), `edit` applied to each sheet's rows; the sheets of `without` left out.
    func workbookScenario(english: Bool = false, without: Set<String> = [],
                          edit: (String, inout [[WorkbookKit.Cell]]) -> Void = { _, _ in }) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rotation-sources-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        try FileManager.default.copyItem(at: ScenarioWorkbookTests.sample.appendingPathComponent("scenario.yaml"),
                                         to: url.appendingPathComponent("scenario.yaml"))
        let sheets = try Self.stems.filter { !without.contains($0) }.map { stem in
            var rows = try WorkbookKit.rows(ofCSV: ScenarioWorkbookTests.sample.appendingPathComponent("\(stem).csv"))
            edit(stem, &rows)
            return (name: english ? stem : Self.chinese[stem]!, rows: rows)
        }
        try Data(try WorkbookKit.workbook(sheets)).write(to: url.appendingPathComponent("scenario.xlsx"))
        return url
    }

    /// Every problem (errors and warnings) in both languages.
    func problems(_ folder: URL, file: StaticString = #filePath, line: UInt = #line) -> [(zh: String, en: String)] {
        do {
            _ = try ScenarioLoader.load(folder: folder)
            XCTFail("expected input errors", file: file, line: line)
        } catch let errors as InputErrors {
            let zh = errors.rendered(.zh).split(separator: "\n").map(String.init)
            let en = errors.rendered(.en).split(separator: "\n").map(String.init)
            XCTAssertEqual(zh.count, en.count, file: file, line: line)
            return Array(zip(zh, en))
        } catch {
            XCTFail("\(error)", file: file, line: line)
        }
        return []
    }

    /// `problems` holds a line with `zh` and `en` (each in its language), and none names a CSV file.
    func assertNamesTheSheet(_ problems: [(zh: String, en: String)], zh: String, en: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertTrue(problems.contains { $0.zh.contains(zh) && $0.en.contains(en) }, "«\(zh)» / «\(en)» not in:\n\(problems.map { $0.zh + "\n" + $0.en }.joined(separator: "\n"))", file: file, line: line)
        for (chinese, english) in problems {
            XCTAssertFalse(chinese.contains(".csv"), chinese, file: file, line: line)
            XCTAssertFalse(english.contains(".csv"), english, file: file, line: line)
        }
    }

    func testAnUnknownUnitNamesTheUnitsSheet() throws {
        let folder = try workbookScenario { stem, rows in if stem == "positions" { rows[1][1] = .text("D9") } }
        assertNamesTheSheet(problems(folder), zh: "scenario.xlsx:职位!2: 单位代码: 未知单位代码“D9”（scenario.xlsx 的 单位 工作表中没有）",
                            en: "scenario.xlsx:职位!2: unit_id: unknown unit \"D9\" (not in sheet 单位 of scenario.xlsx)")
    }

    func testAnUnknownPositionAndCadreNameTheirSheets() throws {
        let folder = try workbookScenario(english: true) { stem, rows in
            if stem == "applications" { rows[1][1] = .text("P99"); rows[2][0] = .text("FH999") }
        }
        let found = problems(folder)
        assertNamesTheSheet(found, zh: "scenario.xlsx:applications!2: 职位代码: 未知职位代码“P99”（scenario.xlsx 的 positions 工作表中没有）",
                            en: "(not in sheet positions of scenario.xlsx)")
        assertNamesTheSheet(found, zh: "scenario.xlsx:applications!3: 人员编号: 未知人员编号“FH999”（scenario.xlsx 的 cadres 工作表中没有）",
                            en: "unknown cadre \"FH999\" (not in sheet cadres of scenario.xlsx)")
    }

    func testAnUnknownHolderNamesTheCadresSheet() throws {
        var column = 0
        let folder = try workbookScenario { stem, rows in
            guard stem == "positions", let holder = rows[0].firstIndex(where: { if case .text("现任人员编号") = $0 { return true }; return false }) else { return }
            column = holder
            rows[1][holder] = .text("FH999")
        }
        XCTAssertGreaterThan(column, 0, "the sample's positions.csv has 现任人员编号")
        assertNamesTheSheet(problems(folder), zh: "未知人员编号“FH999”（scenario.xlsx 的 干部 工作表中没有）", en: "(not in sheet 干部 of scenario.xlsx)")
    }

    func testAnInterviewWithoutApplicationNamesTheApplicationsSheet() throws {
        var changed = false
        let folder = try workbookScenario { stem, rows in
            // An interview row of the first applicant for a position they did not apply to.
            guard stem == "interviews", rows.count > 1, case .text(let position) = rows[1][1] else { return }
            rows[1][1] = .text(position == "MZJ-01" ? "RSJ-01" : "MZJ-01")
            changed = true
        }
        XCTAssertTrue(changed)
        assertNamesTheSheet(problems(folder), zh: "但没有报名该职位（scenario.xlsx 的 报名 工作表中没有）", en: "(not in sheet 报名 of scenario.xlsx)")
    }

    func testAMissingColumnIsOnTheSheetsHeaderRow() throws {
        let folder = try workbookScenario { stem, rows in
            guard stem == "cadres", let column = rows[0].firstIndex(where: { if case .text("学历") = $0 { return true }; return false }) else { return }
            for index in rows.indices where rows[index].count > column { rows[index].remove(at: column) }
        }
        let found = problems(folder)
        assertNamesTheSheet(found, zh: "scenario.xlsx:干部!1: 学历: 缺少必需的列", en: "scenario.xlsx:干部!1: education: required column missing")
        XCTAssertEqual(found.count, 1, "one problem, not one per row: \(found)")
    }

    func testAMissingSheetIsNamedInTheWorkbook() throws {
        let folder = try workbookScenario(without: ["cadres"])
        let found = problems(folder)
        assertNamesTheSheet(found, zh: "scenario.xlsx:0: 缺少必需的数据：scenario.xlsx 中没有 干部 工作表（工作表名也可为 `cadres`）",
                            en: "scenario.xlsx:0: required data missing: scenario.xlsx has no sheet cadres (or 干部)")
    }

    func testAnEmptySheetIsAnEmptySheet() throws {
        let folder = try workbookScenario { stem, rows in if stem == "units" { rows = [] } }
        assertNamesTheSheet(problems(folder), zh: "scenario.xlsx:单位!1: 工作表是空的；第一行应是表头", en: "scenario.xlsx:单位!1: the sheet is empty")
    }

    func testTheCountOfProblemsNotShownNamesTheSheet() throws {
        let folder = try workbookScenario { stem, rows in
            if stem == "applications" { for index in 1..<rows.count { rows[index][0] = .text("FH9\(index)") } }
        }
        let found = problems(folder)
        XCTAssertGreaterThan(found.count, InputErrors.shownPerFile)
        assertNamesTheSheet(found, zh: "scenario.xlsx 的 报名 工作表 另有", en: "in sheet 报名 of scenario.xlsx not shown")
    }

    func testAPerFileWorkbookIsNamedByItsFileName() throws {
        let folder = try workbookScenario(without: Set(Self.stems))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("scenario.xlsx"))
        for stem in Self.stems where stem != "cadres" {
            try FileManager.default.copyItem(at: ScenarioWorkbookTests.sample.appendingPathComponent("\(stem).csv"), to: folder.appendingPathComponent("\(stem).csv"))
        }
        try FileManager.default.copyItem(at: XLSXReaderTests.fixtures.appendingPathComponent("fenghua-per-file/cadres.xlsx"),
                                         to: folder.appendingPathComponent("cadres.xlsx"))
        let applications = folder.appendingPathComponent("applications.csv")
        var lines = try String(contentsOf: applications, encoding: .utf8).components(separatedBy: "\n")
        lines[1] = "FH999" + lines[1].drop(while: { $0 != "," })
        try lines.joined(separator: "\n").write(to: applications, atomically: true, encoding: .utf8)
        let found = problems(folder)
        XCTAssertTrue(found.contains { $0.zh.contains("未知人员编号“FH999”（cadres.xlsx 中没有）") && $0.en.contains("(not in cadres.xlsx)") }, "\(found)")
    }

    /// The loader records each file's name as the user has it (validate's summary, eligibility --cadre, tally).
    func testTheLoadedScenarioKnowsItsSources() throws {
        let folder = try workbookScenario(without: ["interviews"])
        let loaded = try ScenarioLoader.load(folder: folder)
        XCTAssertEqual(loaded.source(ScenarioFiles.cadres), .sheet("干部", workbook: "scenario.xlsx"))
        XCTAssertEqual(loaded.source(ScenarioFiles.interviews), .sheet("面试", workbook: "scenario.xlsx"), "the sheet that would hold them")
        XCTAssertEqual(TerminalTexts.noSuchCadre("FH999", folder: "S", source: loaded.source(ScenarioFiles.cadres))(.zh),
                       "S/scenario.xlsx 的 干部 工作表中没有人员编号“FH999”")
        XCTAssertEqual(try ScenarioLoader.load(folder: ScenarioWorkbookTests.sample).source(ScenarioFiles.cadres), "cadres.csv")
    }
}
