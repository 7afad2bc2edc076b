// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import XCTest
@testable import RotationReports
import RotationPipeline
import RotationIO
import RotationCore

final class ExportTests: XCTestCase {
    var run: Run { Sample.run.run }

    // MARK: xlsx

    func testWorkbookReadsBackCellByCell() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("run.xlsx")
        let sheets = RunSheets(run: run).all()
        try XLSXExport.write(sheets, title: run.scenarioName, created: XLSXExport.defaultCreated(run), to: url)

        let workbook = try XLSXReader.part(url, "xl/workbook.xml")
        let names = XLSXReader.matches("<sheet name=\"([^\"]*)\"", in: workbook).map { $0[1] }
        XCTAssertEqual(names, ["差额名单", "人选安排", "撤回职位", "同分排序", "资格审查", "应轮岗", "职数核查"])
        XCTAssertEqual(sheets.map(\.name), names)

        let strings = try XLSXReader.sharedStrings(url)
        for (offset, sheet) in sheets.enumerated() {
            let number = offset + 1
            let xml = try XLSXReader.part(url, "xl/worksheets/sheet\(number).xml")
            XCTAssertTrue(xml.contains("state=\"frozen\""), "sheet \(number): header row frozen")
            XCTAssertTrue(xml.contains("<cols>"), "sheet \(number): column widths set")
            XCTAssertFalse(xml.contains("<f>") || xml.contains("<f "), "sheet \(number): no formula")
            let table = try XLSXReader.table(url, sheet: number)
            XCTAssertEqual(table.count, sheet.rows.count + 1, "sheet \(number): rows")
            for (column, title) in sheet.header.enumerated() {
                let cell = table[1]?[XLSXReader.column(column)]
                XCTAssertEqual(cell?.type, "s", "\(sheet.name) header \(column)")
                XCTAssertEqual(cell.flatMap { Int($0.value) }.map { strings[$0] }, title)
            }
            for (line, row) in sheet.rows.enumerated() {
                for (column, expected) in row.enumerated() {
                    let reference = "\(XLSXReader.column(column))\(line + 2)"
                    let cell = table[line + 2]?[XLSXReader.column(column)]
                    switch expected {
                    case .text(let text) where text.isEmpty:
                        XCTAssertEqual(cell?.type ?? "", "", "\(sheet.name) \(reference) is blank")
                        XCTAssertEqual(cell?.value ?? "", "", "\(sheet.name) \(reference) is blank")
                    case .text(let text):
                        XCTAssertEqual(cell?.type, "s", "\(sheet.name) \(reference) is a shared string")
                        XCTAssertEqual(cell.flatMap { Int($0.value) }.map { strings[$0] }, text, "\(sheet.name) \(reference)")
                    case let .number(hundredths, _):
                        XCTAssertEqual(cell?.type, "", "\(sheet.name) \(reference) is a number")
                        XCTAssertEqual(cell.flatMap { Double($0.value) }, Double(hundredths) / 100, "\(sheet.name) \(reference)")
                    case .integer(let value):
                        XCTAssertEqual(cell.flatMap { Double($0.value) }, Double(value), "\(sheet.name) \(reference)")
                    case .empty:
                        XCTAssertEqual(cell?.value ?? "", "", "\(sheet.name) \(reference) is blank")
                    }
                    XCTAssertEqual(cell?.hasFormula, false, "\(sheet.name) \(reference)")
                }
            }
        }
        // The shortlist sheet holds every shortlisted cadre's name as text.
        for entry in run.plan.shortlist { XCTAssertTrue(strings.contains(run.cadreName(entry.cadreID)), entry.cadreID.rawValue) }
        let core = try XLSXReader.part(url, "docProps/core.xml")
        XCTAssertTrue(core.contains("2017-10-01T00:00:00Z"), "created date fixed to the reference month")
    }

    func testWorkbookBytesAreReproducible() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = folder.appendingPathComponent("a.xlsx"), second = folder.appendingPathComponent("b.xlsx")
        try XLSXExport.write(RunSheets(run: run).all(), title: run.scenarioName, created: XLSXExport.defaultCreated(run), to: first)
        Thread.sleep(forTimeInterval: 2.1)  // ZIP times have a 2-second resolution
        try XLSXExport.write(RunSheets(run: run).all(), title: run.scenarioName, created: XLSXExport.defaultCreated(run), to: second)
        XCTAssertEqual(try Data(contentsOf: first), try Data(contentsOf: second))
        // Nothing is left beside the target but the two workbooks (the temporary file was renamed).
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted(), ["a.xlsx", "b.xlsx"])
    }

    // MARK: formula injection

    static let formulaNames = ["=HYPERLINK(\"http://x\",\"x\")", "+1", "-2", "@SUM(A1)", "\tTAB"]

    /// The sample's run with the first shortlisted cadres renamed to formula-looking text.
    func runWithFormulaNames(extra: [String] = []) -> Run {
        var data = run
        let names = ExportTests.formulaNames + extra
        for (offset, entry) in data.plan.shortlist.prefix(names.count).enumerated() {
            let index = data.cadres.firstIndex { $0.id == entry.cadreID }!
            data.cadres[index].name = names[offset]
        }
        return data
    }

    func testFormulaLookingNamesStayTextInCSV() throws {
        let data = runWithFormulaNames(extra: ["\rCR"])
        let csv = SpreadsheetCSV.render(RunSheets(run: data).shortlist())
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}"), "UTF-8 with BOM")
        let table = try CSVParser.parse(String(csv.dropFirst()))
        let nameColumn = try XCTUnwrap(table.header.firstIndex(of: "姓名"))
        for (offset, name) in (ExportTests.formulaNames + ["\rCR"]).enumerated() {
            XCTAssertEqual(table.records[offset].fields[nameColumn], "'" + name, "neutralised: \(name.debugDescription)")
        }
        // Every cell of the file: none starts with a formula character.
        for record in table.records {
            for field in record.fields {
                XCTAssertFalse(["=", "+", "-", "@", "\t", "\r"].contains { field.hasPrefix($0) }, field.debugDescription)
            }
        }
        XCTAssertEqual(CSVWriter.guardFormula("王振宇"), "王振宇")
        XCTAssertEqual(CSVWriter.guardFormula("85.33"), "85.33")
        XCTAssertEqual(CSVWriter.guardFormula(""), "")
    }

    func testFormulaLookingNamesStayTextInXLSX() throws {
        let data = runWithFormulaNames()
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("run.xlsx")
        try XLSXExport.write(RunSheets(run: data).all(), title: data.scenarioName, created: 0, to: url)
        let strings = try XLSXReader.sharedStrings(url)
        let table = try XLSXReader.table(url, sheet: 1)
        for (offset, name) in ExportTests.formulaNames.enumerated() {
            let cell = try XCTUnwrap(table[offset + 2]?["F"], "name cell of row \(offset + 2)")
            XCTAssertEqual(cell.type, "s", "\(name.debugDescription) is a shared string")
            XCTAssertFalse(cell.hasFormula)
            XCTAssertEqual(Int(cell.value).map { strings[$0] }, name, "written as the text itself")
        }
        for sheet in 1...7 {
            XCTAssertFalse(try XLSXReader.cells(url, sheet: sheet).contains(where: \.hasFormula), "sheet \(sheet) has no formula")
        }
    }

    // MARK: escaping

    func testHTMLAndMarkdownEscapeEverything() throws {
        var data = run
        let hostile = "<script>alert('x')</script>&amp;|*_"
        let index = data.cadres.firstIndex { $0.id == data.plan.shortlist[0].cadreID }!
        data.cadres[index].name = hostile
        let html = HTMLRenderer.render(RunReport(run: data).document())
        XCTAssertFalse(html.contains("<script>"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;amp;|*_"))
        let notice = PublicNotice(run: data).html()
        XCTAssertFalse(notice.contains("<script>"))
        let markdown = MarkdownRenderer.render(RunReport(run: data).document())
        XCTAssertFalse(markdown.contains("<script>"))
        XCTAssertTrue(markdown.contains("&lt;script>alert('x')&lt;/script>&amp;amp;\\|\\*\\_"), "escaped in Markdown")
        XCTAssertEqual(MarkdownRenderer.escape("score 58.00 < pass mark 60"), "score 58.00 < pass mark 60")
        XCTAssertEqual(MarkdownRenderer.escape("public_institution"), "public_institution")
    }

    // MARK: the public notice

    /// A run whose placed cadre 王振宇 (FH015) carries flags and a flagged evaluation (neither excludes him).
    func privateRun(in folder: URL) throws -> Run {
        let scenario = try Sample.copy(into: folder, edit: [
            "cadres.csv": {
                $0.replacingOccurrences(of: "FH015,王振宇,男,1982年06月,RSJ,中层副职,2013-04,RSJ-04,2013-04,4,硕士,公务员,否,已达标,是,,否,否,,",
                                        with: "FH015,王振宇,男,1982年06月,RSJ,中层副职,2013-04,RSJ-04,2013-04,4,硕士,公务员,否,已达标,是,,否,否,,dismissed_other;mismatch")
            },
            // The sample's ballots do not evaluate FH015 (RSJ's meeting evaluates FH017 and FH018 only): a row of his own.
            "evaluations.csv": { $0 + "FH015,52,48,13,17,7,11,否,一般,否\n" },
        ])
        return try Pipeline.run(at: scenario.path).run
    }

    func testNoticeCarriesNoPrivateData() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let data = try privateRun(in: folder)
        // The premise: FH015 is placed and has findings on record.
        XCTAssertTrue(data.plan.placements.contains { $0.cadreID == "FH015" })
        let findings = data.eligibility.filter { $0.cadreID == "FH015" }
        XCTAssertTrue(findings.contains { $0.rule == .evaluation && $0.verdict == .flag }, "\(findings)")
        XCTAssertTrue(data.rotationDue.contains { $0.cadreID == "FH015" })

        for language in [Language.zh, .en] {
            let notice = PublicNotice(run: data, language: language).html()
            XCTAssertTrue(notice.contains("王振宇"))
            XCTAssertTrue(notice.contains("1982.06"))
            var forbidden = ["11/48", "poor", "mismatch", "dismissed", "能岗不相适", "被免职", "一般", "较差", "E-EVAL", "R-DUE",
                             "E-EXCLUDE", "flag", "成绩", "score", "分数", "考核", "测评", "立案", "FH015", "evaluation", "assessment"]
            forbidden += data.eligibility.map(\.detail).filter { !$0.isEmpty }
            forbidden += data.rotationDue.flatMap(\.reasons)
            forbidden += data.plan.shortlist.map { data.score($0.scoreHundredths) }
            forbidden += data.plan.placements.map { data.score($0.scoreHundredths) }
            for text in Set(forbidden) {
                XCTAssertFalse(notice.contains(text), "\(language): the notice must not contain \(text.debugDescription)")
            }
        }
        // What the notice shows of a person is exactly these fields.
        let row = try XCTUnwrap(PublicNotice(run: data).rows().first { $0.name == "王振宇" })
        XCTAssertEqual(row, PublicNotice.Row(name: "王振宇", gender: "男", birthMonth: "1982.06", education: "硕士",
                                             currentPost: "区人力资源和社会保障局社会保险科副科长",
                                             proposedPost: "区民政局社会救助科副科长"))
    }

    func testNoticeStatesPeriodAndBothUnits() {
        let notice = PublicNotice(run: run).html()
        // The sample's scenario.yaml gives the 公示期, the phone and the issuer.
        XCTAssertTrue(notice.contains("公示时间：2017年11月20日至2017年11月24日。"), notice)
        XCTAssertTrue(notice.contains("受理电话：0574-88521234"))
        XCTAssertTrue(notice.contains("<div class=\"sign\"><p>中共宁波市奉化区委组织部</p><p>2017年11月20日</p></div>"))
        XCTAssertTrue(notice.contains("原单位和拟调入单位"))
        // No rule ID of any rule, no internal basis line.
        for rule in RuleID.allCases { XCTAssertFalse(notice.contains(rule.rawValue), rule.rawValue) }
        XCTAssertFalse(notice.contains("依据"))
        XCTAssertTrue(notice.contains("@page { size: A4"))
        XCTAssertFalse(notice.contains("http"), "no external assets")
        XCTAssertEqual(PublicNotice(run: run).rows().count, run.plan.placements.count)
    }

    func testReportIsSelfContainedAndComplete() {
        let html = HTMLRenderer.render(RunReport(run: run).document())
        XCTAssertFalse(html.contains("src="), "no external assets")
        XCTAssertFalse(html.contains("<link"), "no external style sheets")
        XCTAssertTrue(html.contains("@page { size: A4"))
        for term in ["职位", "拟任人选", "考察对象", "面试成绩", "差额", "组织调动", "<svg", "url(#hatch)", "C-MIN2", "C-PASS",
                     "任期测评“好”票比例", "E-ASSESS", "二(一)4", "近三年年度考核称职及以上等次"] {
            XCTAssertTrue(html.contains(term), term)
        }
        let english = HTMLRenderer.render(RunReport(run: run, language: .en).document())
        XCTAssertTrue(english.contains("Proposed"))
        XCTAssertTrue(english.contains("organizational transfer"))
    }

    func testFlowMatrixCountsMovesByKind() {
        let flow = FlowMatrix(run: run, words: Words(.zh))
        let total = flow.units.indices.reduce(into: FlowMatrix.Cell()) { sum, row in
            let line = flow.rowTotal(row)
            sum.competition += line.competition
            sum.transfer += line.transfer
        }
        XCTAssertEqual(total.competition, run.plan.placements.filter { !$0.isTransfer }.count)
        XCTAssertEqual(total.transfer, run.plan.placements.filter(\.isTransfer).count)
        let nlj = flow.units.firstIndex { $0.id == "NLJ" }!, zjj = flow.units.firstIndex { $0.id == "ZJJ" }!
        XCTAssertEqual(flow.cells[nlj][zjj], FlowMatrix.Cell(competition: 0, transfer: 1), "江海波 FH047 transferred NLJ → ZJJ")
        XCTAssertEqual(flow.text(FlowMatrix.Cell(competition: 1, transfer: 1), zh: true), "1+调1")
    }
}
