// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RotationCore
import RotationIO
import RotationPipeline
import XCTest
import ZIPFoundation
@testable import RotationReports

/// The public notice per unit, its settings, its page layout and its Word form.
final class NoticeTests: XCTestCase {
    var run: Run { Sample.run.run }

    /// A unit's notice lists exactly the appointees leaving or joining it, and says where it is posted.
    func testUnitNoticeListsWhoLeavesOrJoins() throws {
        let units = PublicNotice.unitsWithNotices(run)
        XCTAssertEqual(units, Set(run.plan.placements.flatMap { [$0.fromUnitID, $0.toUnitID] }).sorted(by: idPrecedes))
        var total = 0
        for unit in units {
            let notice = PublicNotice(run: run, unit: unit)
            let expected = run.plan.placements.filter { $0.fromUnitID == unit || $0.toUnitID == unit }
            XCTAssertEqual(notice.rows().map(\.name), expected.map { run.cadreName($0.cadreID) }, unit.rawValue)
            XCTAssertFalse(notice.rows().isEmpty)
            let html = notice.html()
            XCTAssertTrue(html.contains("</h1>\n<p class=\"unit\">（\(run.unitName(unit))）</p>"), unit.rawValue)
            XCTAssertTrue(html.contains("公示范围：\(run.unitName(unit))"), unit.rawValue)
            total += expected.count
        }
        // Every placement appears in the notices of its two units.
        XCTAssertEqual(total, 2 * run.plan.placements.count)
    }

    /// A notice without `notice:` settings prints blanks to fill by hand.
    func testMissingSettingsPrintBlanks() {
        var bare = run
        bare.notice = NoticeSettings()
        let html = PublicNotice(run: bare).html()
        XCTAssertTrue(html.contains("公示时间：________至________（5个工作日）。"))
        XCTAssertTrue(html.contains("受理电话：________________"))
        XCTAssertTrue(html.contains("<p>（发布单位）</p>"))
        XCTAssertFalse(html.contains("2017年11月"))
    }

    /// The layout that keeps 15 names on one A4 page: a fixed-width table whose header repeats on each
    /// page, rows that never split, and a closing block (公示期, contact, signature) that stays together.
    /// Set NOTICE_RENDER_DIR to write the 15- and 40-name notices for printing with Chromium.
    func testLongNoticeLayout() throws {
        for count in [15, 40] {
            let data = runWithAppointees(count, joining: "MZJ")
            let notice = PublicNotice(run: data, unit: "MZJ")
            XCTAssertEqual(notice.rows().count, count)
            let html = notice.html()
            XCTAssertEqual(html.components(separatedBy: "<tr>").count - 1, count + 1)
            XCTAssertTrue(html.contains("<thead>"))
            XCTAssertTrue(html.contains("table-layout: fixed"))
            XCTAssertTrue(html.contains(".notice .closing { break-inside: avoid"))
            XCTAssertTrue(html.contains("tr { break-inside: avoid"))
            if let folder = ProcessInfo.processInfo.environment["NOTICE_RENDER_DIR"] {
                try html.write(toFile: "\(folder)/notice-\(count).html", atomically: true, encoding: .utf8)
                try Data(try NoticeDocx.data(notice)).write(to: URL(fileURLWithPath: "\(folder)/notice-\(count).docx"))
            }
        }
    }

    /// The sample run with `count` made-up appointees joining `unit`, the longest present posts first.
    func runWithAppointees(_ count: Int, joining unit: UnitID) -> Run {
        var data = run
        let positions = data.positions.filter { $0.unitID == unit }
        let cadres = data.cadres.filter { $0.unitID != unit }
            .sorted { data.currentPostPhrase(of: $0.id, Words(.zh)).count > data.currentPostPhrase(of: $1.id, Words(.zh)).count }
        data.plan.placements = (0..<count).map { offset in
            let cadre = cadres[offset % cadres.count]
            return Plan.Placement(cadreID: cadre.id, fromUnitID: cadre.unitID, positionID: positions[offset % positions.count].id,
                                  toUnitID: unit, phase: .competition, scoreHundredths: 8000)
        }
        return data
    }

    /// The Word notice holds the same title, table and closing as the web page, in a valid package;
    /// the same notice gives the same bytes.
    func testDocxHoldsTheSameNotice() throws {
        for unit in [nil, UnitID("MZJ")] {
            let notice = PublicNotice(run: run, unit: unit)
            let bytes = try NoticeDocx.data(notice)
            XCTAssertEqual(bytes, try NoticeDocx.data(notice), "deterministic")
            let archive = try Archive(data: Data(bytes), accessMode: .read)
            XCTAssertEqual(Set(archive.map(\.path)), ["[Content_Types].xml", "_rels/.rels", "word/_rels/document.xml.rels",
                                                      "word/styles.xml", "word/document.xml"])
            var document = Data()
            _ = try archive.extract(try XCTUnwrap(archive["word/document.xml"])) { document.append($0) }
            let xml = try XCTUnwrap(String(data: document, encoding: .utf8))
            // Well-formed XML.
            XCTAssertTrue(XMLParser(data: document).parse(), "well-formed")
            let content = notice.content()
            for text in [content.title, content.lead] + [content.subtitle].compactMap({ $0 }) + [content.lead, content.issuer, content.date] + content.header + content.rows.flatMap({ $0 })
                + content.closing + content.contact {
                XCTAssertTrue(xml.contains(HTML.escape(text)), "docx lacks \(text)")
            }
            XCTAssertTrue(xml.contains("<w:tblHeader/>"), "the header row repeats on every page")
            XCTAssertTrue(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"), "A4")
            for rule in RuleID.allCases { XCTAssertFalse(xml.contains(rule.rawValue), rule.rawValue) }
        }
    }
}

/// `notice:` in scenario.yaml: read into the run, refused at its line when wrong.
final class NoticeSettingsTests: XCTestCase {
    func testSampleSettingsReachTheRun() {
        let notice = Sample.run.run.notice
        XCTAssertEqual(notice.issuer, "中共宁波市奉化区委组织部")
        XCTAssertEqual(notice.date, CalendarDay(year: 2017, month: 11, day: 20))
        XCTAssertEqual(notice.periodStart, CalendarDay(year: 2017, month: 11, day: 20))
        XCTAssertEqual(notice.periodEnd, CalendarDay(year: 2017, month: 11, day: 24))
        XCTAssertEqual(notice.phone, "0574-88521234")
        XCTAssertNil(notice.email)
    }

    func testBadDatesAreProblemsAtTheirLine() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Sample.copy(into: folder, edit: ["scenario.yaml": {
            $0.replacingOccurrences(of: "  date: 2017-11-20\n", with: "  date: 2017-02-30\n")
                .replacingOccurrences(of: "period: {start: 2017-11-20, end: 2017-11-24}", with: "period: {start: 2017-11-20, end: 2017-11-14}")
        }])
        XCTAssertThrowsError(try Pipeline.load(scenario)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("notice.date"), text)
            XCTAssertTrue(text.contains("2017-02-30"), text)
            XCTAssertTrue(text.contains("notice.period.end"), text)
        }
    }

    func testChineseDatesAreRead() {
        XCTAssertEqual(Values.day("2017年11月20日"), CalendarDay(year: 2017, month: 11, day: 20))
        XCTAssertEqual(Values.day("2017/1/5"), CalendarDay(year: 2017, month: 1, day: 5))
        XCTAssertNil(Values.day("2017-11"))
        XCTAssertNil(Values.day("2016-02-30"))
        XCTAssertEqual(Values.day("2016-02-29"), CalendarDay(year: 2016, month: 2, day: 29))
    }
}

/// One glossary of terms: every document says 适配度 (docs/glossary.md), never 匹配度.
final class GlossaryTests: XCTestCase {
    func testEveryDocumentUsesTheGlossarysTerm() throws {
        let run = Sample.run.run
        let documents = [
            HTMLRenderer.render(RunReport(run: run).document()), MarkdownRenderer.render(RunReport(run: run).document()),
            PublicNotice(run: run).html(), TextRenderer.render(RunOverview(run: run).document()),
            RunSheets(run: run).all().map { sheet in "\(sheet)" }.joined(),
            TextRenderer.render(Comparison(a: Sample.run, b: Sample.run).document()),
        ]
        for document in documents { XCTAssertFalse(document.contains("匹配度")) }
        XCTAssertTrue(documents[0].contains("适配度"))
        // Nor any source file or user document (the glossary itself names the word it forbids).
        let root = Sample.packageRoot
        for folder in ["Sources", "docs"] {
            let files = FileManager.default.enumerator(at: root.appendingPathComponent(folder), includingPropertiesForKeys: nil)!
            for case let url as URL in files where ["swift", "md"].contains(url.pathExtension) && url.lastPathComponent != "glossary.md" {
                XCTAssertFalse(try String(contentsOf: url, encoding: .utf8).contains("匹配度"), url.path)
            }
        }
    }
}

/// The committee documents print as internal documents with page numbers; the public notice does not.
final class PrintMarksTests: XCTestCase {
    func testReportAndComparisonCarryTheMarkingAndPageNumbers() {
        let run = Sample.run.run
        for html in [HTMLRenderer.render(RunReport(run: run).document()),
                     HTMLRenderer.render(Comparison(a: Sample.run, b: Sample.run).document())] {
            XCTAssertTrue(html.contains("@top-right { content: \"内部资料 注意保密\""))
            XCTAssertTrue(html.contains("@bottom-center { content: \"第 \" counter(page) \" 页 共 \" counter(pages) \" 页\""))
            XCTAssertTrue(html.contains("word-break: keep-all"), "headers never break inside a word")
        }
        let english = HTMLRenderer.render(RunReport(run: run, language: .en).document())
        XCTAssertTrue(english.contains("content: \"Page \" counter(page) \" of \" counter(pages) \"\""))
        XCTAssertFalse(PublicNotice(run: run).html().contains("内部资料"), "the public notice is not marked internal")
    }
}
