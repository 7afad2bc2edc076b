// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import RotationCore
import RotationIO
import XCTest
@testable import RotationReports
import RotationPipeline
import RotationIO
import RotationCore

final class CompareTests: XCTestCase {
    func testIdenticalRunsHaveNoDifference() throws {
        let comparison = Comparison(a: Sample.run, b: Sample.run)
        XCTAssertFalse(comparison.hasDifferences)
        XCTAssertTrue(comparison.positionEvents.isEmpty)
        XCTAssertTrue(comparison.cadreEvents.isEmpty)
        XCTAssertTrue(comparison.verdictEvents.isEmpty)
        XCTAssertEqual(comparison.unchangedPositions, Sample.run.run.offeredPositionIDs.count)
        XCTAssertEqual(comparison.pairsKept, Sample.run.run.plan.shortlist.count)
        XCTAssertTrue(TextRenderer.render(comparison.document()).contains("两次结果相同"))
    }

    func testScenarioFolderIsSolvedLikeSolve() throws {
        let loaded = try ScenarioLoader.load(folder: Sample.scenario)
        let adjudication = Adjudication(scenario: loaded.scenario)
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(Set(plan.shortlist.map { "\($0.positionID)/\($0.cadreID)" }),
                       Set(Sample.run.run.plan.shortlist.map { "\($0.positionID)/\($0.cadreID)" }), "the solver reproduces the rules")
        let written = Sample.run.run
        let reread = try Pipeline.run(at: Sample.scenario.path)  // a scenario folder: solved here
        XCTAssertTrue(reread.solvedFromScenario)
        XCTAssertEqual(reread.run.justifiedEnvy, 0)
        XCTAssertEqual(reread.run.plan.shortlist, written.plan.shortlist)
        XCTAssertEqual(reread.run.ties.map(\.aboveValue), written.ties.map(\.aboveValue))
        XCTAssertEqual(written.rules.passMark, Fraction(60))
        XCTAssertEqual(written.rules.shortlistRatio, 2)
    }

    func testPassMarkChangeNamesThePositions() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let changed = try Pipeline.run(at: try Sample.passMark75(in: folder).path)
        let comparison = Comparison(a: Sample.run, b: changed)
        XCTAssertTrue(comparison.hasDifferences)
        let events = Set(comparison.positionEvents.map { "\($0.positionID) \($0.kind.rawValue) \($0.cadreID ?? "")" })
        XCTAssertEqual(events, [
            "SJJ-04 withdrawn ", "SJJ-04 left FH042", "CHZ-03 left FH066", "JPJD-03 left FH077", "XKZ-04 left FH062", "ZJJ-04 left FH063",
        ])
        let sjj = try XCTUnwrap(comparison.positionEvents.first { $0.kind == .withdrawn })
        XCTAssertEqual(sjj.before, "竞争上岗")
        XCTAssertTrue(sjj.after.hasPrefix("撤回（C-PASS）"), sjj.after)
        XCTAssertEqual(Set(comparison.cadreEvents.map { "\($0.cadreID) \($0.kind.rawValue)" }), ["FH042 unplaced", "FH028 placed"])
        let added = comparison.verdictEvents.filter { $0.kind == .added }
        XCTAssertTrue(added.allSatisfy { $0.rule == .pass && $0.after?.verdict == .eligibility(.fail) })
        XCTAssertTrue(added.contains { $0.subject == "FH063" && $0.positionID == "ZJJ-04" })
        XCTAssertEqual(comparison.metricsA.positionsCompeted, 11)
        XCTAssertEqual(comparison.metricsB.positionsCompeted, 10)
        XCTAssertEqual(comparison.pairsKept, 16)
        XCTAssertEqual(comparison.metricsB.justifiedEnvy, 0)
        XCTAssertTrue(comparison.metricsA.envyRecomputed && comparison.metricsB.envyRecomputed)
        // Reversed: the same positions, the opposite way.
        let reverse = Comparison(a: changed, b: Sample.run)
        XCTAssertEqual(Set(reverse.positionEvents.map(\.positionID)), Set(comparison.positionEvents.map(\.positionID)))
        XCTAssertTrue(reverse.positionEvents.contains { $0.positionID == "SJJ-04" && $0.kind == .competed })
    }

    func testJustifiedEnvyIsCountedWhenAListSkipsSomeone() throws {
        let loaded = try ScenarioLoader.load(folder: Sample.scenario)
        let adjudication = Adjudication(scenario: loaded.scenario)
        var plan = adjudication.competitionByRules()
        XCTAssertEqual(adjudication.justifiedEnvy(in: plan).count, 0)
        // Drop MZJ-03's alternate: it and everyone passed below it now envy the list.
        let passed = adjudication.ranked["MZJ-03"] ?? []
        XCTAssertGreaterThan(passed.count, 2)
        plan.shortlist.removeAll { $0.positionID == "MZJ-03" && $0.rank == 2 }
        XCTAssertEqual(adjudication.justifiedEnvy(in: plan).count, passed.count - 1)
    }

    func testTerminalColourOnlyWhenAsked() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let changed = try Pipeline.run(at: try Sample.passMark75(in: folder).path)
        let document = Comparison(a: Sample.run, b: changed).document()
        XCTAssertFalse(TextRenderer.render(document).contains("\u{1B}["))
        let coloured = TextRenderer.render(document, colour: true)
        // Colours mean better or worse for the person: 傅小燕 loses her list and placement (red), 董立新 is placed (green).
        XCTAssertTrue(coloured.contains("\u{1B}[31m傅小燕（FH042）"), "worse for her: red")
        XCTAssertTrue(coloured.contains("\u{1B}[32m董立新（FH028）"), "better for him: green")
        // The reverse what-if: the C-PASS failures disappear, which is good for the person: green, never red.
        let reverse = Comparison(a: changed, b: Sample.run).document()
        let back = TextRenderer.render(reverse, colour: true)
        XCTAssertTrue(back.contains("\u{1B}[32m何丽（FH018）"), "a C-PASS failure gone is green")
        XCTAssertTrue(back.contains("已消除：不符合 C-PASS"))
        XCTAssertFalse(back.contains("\u{1B}[31m何丽"))
    }

    /// A what-if opens with what it tested: the setting (two scenarios, a scenario and a run, two runs).
    func testCompareOpensWithTheSettingsAndRowsThatDiffer() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let changed = try Pipeline.run(at: try Sample.passMark75(in: folder).path)
        let comparison = Comparison(a: Sample.run, b: changed)
        XCTAssertEqual(comparison.inputs.settings, [ComparisonInputs.SettingChange(key: "rules.pass_mark", a: "60", b: "75")])
        XCTAssertTrue(comparison.inputs.rows.isEmpty)
        let text = TextRenderer.render(comparison.document())
        XCTAssertTrue(text.hasPrefix("两次结果比较"))
        let opening = text.components(separatedBy: "二、")[0]
        XCTAssertTrue(opening.contains("rules.pass_mark  60  75"), opening)
        XCTAssertFalse(text.contains("model.md"), "no footnote to the model")
        XCTAssertFalse(text.contains("合理嫉妒"), "no jargon")
        XCTAssertFalse(text.contains("pass mark"), "no English in the Chinese comparison")

        // A changed input row, between two scenarios: named by file, row and column.
        let edited = try Sample.copy(into: folder.appendingPathComponent("rows"), edit: ["interviews.csv": {
            $0.replacingOccurrences(of: "FH062,XKZ-04,XKZ-04-P1,73,否", with: "FH062,XKZ-04,XKZ-04-P1,95,否")
        }])
        let rows = Comparison(a: Sample.run, b: try Pipeline.run(at: edited.path))
        XCTAssertEqual(rows.inputs.rows.map(\.file), ["interviews.csv"])
        XCTAssertEqual(rows.inputs.rows.first?.key, "FH062 → XKZ-04")
        XCTAssertTrue(rows.inputs.rows.first?.columns.first?.b.contains("XKZ-04-P1 95") ?? false)

        // A run folder against a scenario: the file is named by its checksum.
        var fromFolder = Sample.run
        fromFolder.scenario = nil
        let mixed = Comparison(a: fromFolder, b: try Pipeline.run(at: edited.path))
        XCTAssertEqual(mixed.inputs.filesChanged, ["interviews.csv"])
        XCTAssertTrue(mixed.inputs.rows.isEmpty)
    }

    func testBadInputIsReported() throws {
        let folder = try Sample.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        XCTAssertThrowsError(try Pipeline.run(at: folder.appendingPathComponent("missing").path)) { error in
            XCTAssertTrue("\(error)".contains("no such folder"), "\(error)")
        }
        XCTAssertThrowsError(try Pipeline.run(at: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("neither a run folder"), "\(error)")
        }
        try "{\"scenario\": 1}".write(to: folder.appendingPathComponent("result.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Pipeline.run(at: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("result.json: scenario: expected text"), "\(error)")
        }
        try "not json".write(to: folder.appendingPathComponent("result.json"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Pipeline.run(at: folder.path)) { error in
            XCTAssertTrue("\(error)".contains("not valid JSON"), "\(error)")
        }
    }
}
