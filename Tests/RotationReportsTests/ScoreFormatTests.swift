// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import RotationPipeline
import XCTest
@testable import RotationReports

/// One number formatter: every score and fit, in every output, has exactly `score_decimals` decimals.
/// (Before the run model, placements.csv wrote a transfer fit `70.0` with `score_decimals: 1` while
/// `export json`, the xlsx sheets and `explain` wrote `70.00`.)
final class ScoreFormatTests: XCTestCase {
    func testTransferFitsFollowScoreDecimalsEverywhere() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let scenario = try Sample.copy(into: folder, edit: ["scenario.yaml": {
            $0.replacingOccurrences(of: "language: zh\n", with: "language: zh\nrules:\n  score_decimals: 1\n")
        }])
        let run = try Pipeline.run(at: scenario.path).run
        let transfer = try XCTUnwrap(run.plan.placements(.transfer).first { $0.cadreID == "FH047" })
        XCTAssertEqual(transfer.scoreHundredths, 7000)

        // The run folder.
        let files = Dictionary(uniqueKeysWithValues: RunFolder.files(of: run).map { ($0.name, $0.contents) })
        XCTAssertTrue(try XCTUnwrap(files["placements.csv"]).contains("FH047,NLJ,ZJJ-02,ZJJ,transfer,70.0,"))
        XCTAssertTrue(try XCTUnwrap(files["result.json"]).contains("\"phase\": \"transfer\",\n      \"score\": 70.0\n"))
        // export json.
        let json = RunReport(run: run).json().rendered()
        XCTAssertTrue(json.contains("\"fit\": 70.0,"), "export json writes the fit with score_decimals")
        XCTAssertFalse(json.contains("70.00"))
        // The xlsx sheets.
        let placements = RunSheets(run: run).all()[1]
        let cells = placements.rows.flatMap { $0 }.compactMap { cell -> String? in
            if case let .number(hundredths, format) = cell { return format.string(hundredths) }
            return nil
        }
        XCTAssertTrue(cells.contains("70.0"), "\(cells)")
        XCTAssertFalse(cells.contains { $0.hasSuffix(".00") }, "\(cells)")
        // The committee report and the shortlist CSV.
        XCTAssertTrue(MarkdownRenderer.render(RunReport(run: run).document()).contains("| 70.0 |"))
        // Explain.
        let loaded = try Pipeline.load(scenario)
        let solved = try Pipeline.solve(loaded, Pipeline.Options())
        let sentences = Explanation(adjudication: solved.adjudication, run: solved.run, language: .zh).sentences(for: "FH047", position: nil)
        XCTAssertTrue(sentences.joined().contains("适配度 70.0）"), sentences.joined(separator: "\n"))
    }
}
