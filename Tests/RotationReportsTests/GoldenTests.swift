// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import XCTest
@testable import RotationReports
import RotationPipeline
import RotationIO

/// Every export of the sample's run against its golden file (Golden/README.md says how to regenerate).
final class GoldenTests: XCTestCase {
    var run: Run { Sample.run.run }

    func testReportHTML() throws {
        try Golden.check(HTMLRenderer.render(RunReport(run: run).document()), "report.zh.html")
        try Golden.check(HTMLRenderer.render(RunReport(run: run, language: .en).document()), "report.en.html")
    }

    func testReportMarkdown() throws {
        try Golden.check(MarkdownRenderer.render(RunReport(run: run).document()), "report.zh.md")
        try Golden.check(MarkdownRenderer.render(RunReport(run: run, language: .en).document()), "report.en.md")
    }

    func testReportJSON() throws {
        let text = RunReport(run: run).json().rendered()
        try Golden.check(text, "report.zh.json")
        // It is JSON that a program can read back.
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)))
    }

    func testShortlistCSV() throws {
        try Golden.check(SpreadsheetCSV.render(RunSheets(run: run).shortlist()), "shortlist.zh.csv")
        try Golden.check(SpreadsheetCSV.render(RunSheets(run: run, language: .en).shortlist()), "shortlist.en.csv")
    }

    func testNotice() throws {
        try Golden.check(PublicNotice(run: run).html(), "notice.zh.html")
        try Golden.check(PublicNotice(run: run, language: .en).html(), "notice.en.html")
    }

    func testCompareWithChangedPassMark() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var changed = try Pipeline.run(at: try Sample.passMark75(in: folder).path)
        changed.path = "pass-mark-75"
        let comparison = Comparison(a: Sample.run, b: changed)
        try Golden.check(TextRenderer.render(comparison.document()), "compare-pass-mark.zh.txt")
        try Golden.check(MarkdownRenderer.render(comparison.document()), "compare-pass-mark.zh.md")
        try Golden.check(HTMLRenderer.render(comparison.document()), "compare-pass-mark.zh.html")
        try Golden.check(comparison.json().rendered(), "compare-pass-mark.json")
    }

    /// Same run, same bytes: the exports carry no clock or path.
    func testExportsAreReproducible() throws {
        var again = try Pipeline.run(at: Sample.scenario.path)
        again.path = Sample.run.path
        XCTAssertEqual(HTMLRenderer.render(RunReport(run: again.run).document()), HTMLRenderer.render(RunReport(run: run).document()))
        XCTAssertEqual(PublicNotice(run: again.run).html(), PublicNotice(run: run).html())
    }
}
