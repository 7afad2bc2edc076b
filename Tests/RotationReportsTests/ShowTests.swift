// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import XCTest
@testable import RotationReports

/// `rotation show`: every shortlisted cadre named, columns aligned by display width, filters, plain text off a TTY.
extension CommandTests {
    var sampleRun: Run { Sample.run.run }

    func testShowNamesEveryShortlistedCadreAndPlacement() throws {
        let run = sampleRun
        let result = try rotation(["show", Sample.scenario.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        for entry in run.plan.shortlist {
            XCTAssertTrue(result.stdout.contains(run.cadreName(entry.cadreID)), "\(entry.cadreID) missing")
            XCTAssertTrue(result.stdout.contains(entry.cadreID.rawValue))
        }
        for withdrawal in run.plan.withdrawn { XCTAssertTrue(result.stdout.contains(withdrawal.positionID.rawValue)) }
        for placement in run.plan.placements { XCTAssertTrue(result.stdout.contains("（\(placement.positionID)）")) }
        XCTAssertFalse(result.stdout.contains("\u{1B}["), "plain text when not a terminal")
    }

    /// Every line of a table has the same display width (CJK counted as two columns) up to its last column.
    func testShowAlignsColumnsByDisplayWidth() {
        let run = sampleRun
        let text = TextRenderer.render(RunOverview(run: run).document())
        let table = text.components(separatedBy: "\n").drop { !$0.hasPrefix("  职位代码") }.prefix { !$0.isEmpty }
        XCTAssertGreaterThan(table.count, 10)
        // The rank column ends at the same display column on every row: it is right-aligned.
        let header = table.first!
        let rankEnd = TextWidth.of(String(header[..<header.range(of: "名次")!.upperBound]))
        for line in table.dropFirst(2) {
            // Cut the line at the header's rank end, by display width.
            var width = 0, cut = line.startIndex
            for index in line.indices {
                if width >= rankEnd { break }
                width += TextWidth.of(String(line[index]))
                cut = line.index(after: index)
            }
            XCTAssertEqual(width, rankEnd, line)
            XCTAssertTrue(line[..<cut].last?.isNumber ?? false, "rank is right-aligned under 名次: \(line)")
        }
    }

    func testShowFiltersByUnitAndPosition() throws {
        let run = sampleRun
        let unit = RunOverview(run: run, unit: "MZJ").document()
        let text = TextRenderer.render(unit)
        XCTAssertTrue(text.contains("MZJ-03"))
        XCTAssertFalse(text.contains("RSJ-02    "), "another unit's shortlist")
        XCTAssertTrue(text.contains("王振宇"))
        let one = TextRenderer.render(RunOverview(run: run, position: "ZJJ-04").document())
        XCTAssertTrue(one.contains("赵一鸣") && one.contains("施佳颖"))
        XCTAssertFalse(one.contains("王振宇"))
        let bad = try rotation(["show", Sample.scenario.path, "--unit", "NOPE"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("--unit NOPE"), bad.stderr)
    }

    func testShowCadresListsEveryCadreForExplain() {
        let run = sampleRun
        let text = TextRenderer.render(RunOverview(run: run).cadres())
        for cadre in run.cadres { XCTAssertTrue(text.contains(cadre.id.rawValue), cadre.id.rawValue) }
        XCTAssertTrue(text.contains("拟任 MZJ-03"))
        let positions = TextRenderer.render(RunOverview(run: run).positions())
        for position in run.positions { XCTAssertTrue(positions.contains(position.id.rawValue)) }
        XCTAssertTrue(positions.contains("组织调动 江海波"), positions)
    }

    /// An unknown id in explain names the nearest ids and a command that really lists every cadre.
    func testExplainUnknownIdSuggestsTheCadreList() throws {
        let result = try rotation(["explain", Sample.scenario.path, "--cadre", "FH24"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("FH024"), result.stderr)
        XCTAssertTrue(result.stderr.contains("`rotation show \(Sample.scenario.path) --cadres`"), result.stderr)
        let listed = try rotation(["show", Sample.scenario.path, "--cadres"])
        XCTAssertEqual(listed.status, 0, listed.stderr)
        XCTAssertTrue(listed.stdout.contains("FH024") && listed.stdout.contains("孙国庆"))
    }
}
