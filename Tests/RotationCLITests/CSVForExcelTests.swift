// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest

/// Every CSV a command writes opens right in Chinese Excel: UTF-8 with a BOM, formula-looking texts guarded.
final class CSVForExcelTests: XCTestCase {
    static let bom = "\u{FEFF}"

    /// The sample with FH056 (proposed for CHZ-03) renamed `=1+2` and FH066 renamed `-2+3`.
    func scenarioWithFormulaNames(in folder: URL) throws -> URL {
        let scenario = try CLI.copyOfSample(into: folder)
        let cadres = scenario.appendingPathComponent("cadres.csv")
        var text = try CLI.read(cadres)
        text = text.replacingOccurrences(of: "FH056,邬雪芬,", with: "FH056,=1+2,")
        text = text.replacingOccurrences(of: "FH066,鲍军,", with: "FH066,-2+3,")
        try CLI.write(text, to: cadres)
        return scenario
    }

    func testRunFolderCSVsHaveABOMAndGuardFormulaNames() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try scenarioWithFormulaNames(in: folder)
        let out = folder.appendingPathComponent("run")
        let result = try CLI.run(["solve", scenario.path, "--out", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for file in SolveCommandTests.runFiles where file.hasSuffix(".csv") {
            let bytes = try Data(contentsOf: out.appendingPathComponent(file))
            XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "\(file) starts with the UTF-8 BOM")
        }
        let shortlist = try CLI.read(out.appendingPathComponent("shortlist.csv"))
        XCTAssertTrue(shortlist.contains("CHZ-03,1,FH056,76.00,proposed,,农业农村办副主任,莼湖镇,'=1+2\n"), shortlist)
        XCTAssertTrue(shortlist.contains(",'-2+3\n"), shortlist)
        XCTAssertFalse(shortlist.contains(",=1+2"), "never raw")
        // The run folder reads back (export reads it), and the name is the one the user wrote.
        let md = try CLI.run(["export", out.path, "--format", "md", "--out", "-"])
        XCTAssertEqual(md.status, 0, md.stderr)
        XCTAssertTrue(md.stdout.contains("=1+2"), md.stdout)
        XCTAssertFalse(md.stdout.contains("'=1+2"), md.stdout)
    }

    func testExportCSVHasABOMAndGuardsFormulaNames() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try scenarioWithFormulaNames(in: folder)
        let out = folder.appendingPathComponent("run")
        XCTAssertEqual(try CLI.run(["solve", scenario.path, "--out", out.path]).status, 0)
        let file = folder.appendingPathComponent("shortlist.csv")
        let result = try CLI.run(["export", out.path, "--format", "csv", "--out", file.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: file).prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
        let csv = try CLI.read(file)
        XCTAssertTrue(csv.contains(",'=1+2,") || csv.contains(",'=1+2\r\n"), csv)
    }

    func testEligibilityCSVHasABOMGuardsAndFollowsTheLanguage() throws {
        let folder = try CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try CLI.copyOfSample(into: folder)
        let cadres = scenario.appendingPathComponent("cadres.csv")
        // FH006 fails E-WORKSTYLE: give them a formula-looking name.
        try CLI.write(try CLI.read(cadres).replacingOccurrences(of: "FH006,汪海军,", with: "FH006,@SUM(A1),"), to: cadres)
        let file = folder.appendingPathComponent("el.csv")
        let zh = try CLI.run(["eligibility", scenario.path, "--format", "csv", "--out", file.path, "--lang", "zh"])
        XCTAssertEqual(zh.status, 0, zh.stderr)
        XCTAssertEqual(Array(try Data(contentsOf: file).prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 BOM")
        let zhText = String(decoding: try Data(contentsOf: file), as: UTF8.self)
        XCTAssertTrue(zhText.hasPrefix(Self.bom + "人员编号,职位代码,规则,结论,情况说明,条款,姓名\n"), zhText)
        XCTAssertTrue(zhText.contains(",不符合,"), zhText)
        XCTAssertFalse(zhText.contains(",fail,"), zhText)
        XCTAssertTrue(zhText.contains(",'@SUM(A1)"), zhText)
        let en = try CLI.run(["eligibility", scenario.path, "--format", "csv", "--lang", "en"])
        XCTAssertTrue(en.stdout.hasPrefix(Self.bom + "cadre_id,position_id,rule,verdict,detail,clause,cadre_name,detail_zh\n"), en.stdout)
        XCTAssertTrue(en.stdout.contains(",fail,"), en.stdout)
        XCTAssertNotEqual(zhText, en.stdout, "--lang changes the CSV")
    }
}
