// SPDX-License-Identifier: GPL-3.0-or-later
import LinearProgramming
import RotationCore
import XCTest

@testable import RotationSolver

/// Tiny instances solved by hand, through `RotationOptimizer`.
final class ShortlistSolveTests: XCTestCase {
    // MARK: Competition mode

    /// P1: 3 passed (a 90, b 80, c 70) → a proposed, b alternate. P2: one passed of two (keep →
    /// list of one, C-RATIO note). P3: one applicant → C-MIN2. P4: two applicants, none passed → C-PASS.
    static func competition() -> ScenarioKit {
        var kit = ScenarioKit("competition", mode: .competition, maxPreferences: 1)
        kit.unit("H")
        for (id, unit): (PositionID, UnitID) in [("P1", "A"), ("P2", "A"), ("P3", "B"), ("P4", "B")] { kit.position(id, unit: unit) }
        for id: CadreID in ["a", "b", "c", "d", "e", "f", "g", "h"] { kit.cadre(id, unit: "H") }
        kit.apply("a", "P1", score: 9000)
        kit.apply("c", "P1", score: 7000)
        kit.apply("b", "P1", score: 8000)
        kit.apply("d", "P2", score: 6500)
        kit.apply("e", "P2", score: 5999)
        kit.apply("f", "P3", score: 9900)
        kit.apply("g", "P4", score: 4000)
        kit.apply("h", "P4", score: nil)
        return kit
    }

    func testCompetitionModeEqualsTheRules() throws {
        let adjudication = Self.competition().adjudication
        let report = try solveQuietly(adjudication)
        let reference = adjudication.competitionByRules()
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(report.plan, reference)
        XCTAssertEqual(report.lists, ["P1": ["a", "b"], "P2": ["d"]])
        XCTAssertEqual(report.plan.withdrawn.map { "\($0.positionID):\($0.rule.rawValue)" }, ["P3:C-MIN2", "P4:C-PASS"])
        XCTAssertEqual(report.plan.shortlist.first { $0.positionID == "P2" }?.note.contains("C-RATIO"), true)
        XCTAssertEqual(report.plan.placements.map { "\($0.cadreID)→\($0.positionID)" }, ["a→P1", "d→P2"])
        XCTAssertEqual(report.plan.placements.map(\.scoreHundredths), [9000, 6500])
        XCTAssertNil(report.positionsCompetedWithoutEnvy, "the price of fairness belongs to preferences mode")
    }

    func testCompetitionModeWithdrawShortList() throws {
        var kit = Self.competition()
        kit.scenario.rules.shortShortlist = .withdraw
        let adjudication = kit.adjudication
        let report = try solveQuietly(adjudication)
        XCTAssertEqual(report.plan, adjudication.competitionByRules())
        XCTAssertEqual(report.plan.withdrawn.map { "\($0.positionID):\($0.rule.rawValue)" }, ["P2:C-RATIO", "P3:C-MIN2", "P4:C-PASS"])
    }

    // MARK: Preferences mode

    /// Two positions, r = 2, crossing preferences: without the no-envy rows both positions can be
    /// competed (P1 = {b, c}, P2 = {a, d}); with them, a (first choice P1, ranked first there)
    /// would envy P1's list, so only one position can be competed.
    ///
    /// | cadre | P1 | P2 |
    /// |---|---|---|
    /// | a | 90, p1 | 80, p2 |
    /// | b | 85, p1 | — |
    /// | c | 70, p1 | — |
    /// | d | — | 75, p1 |
    ///
    /// With envy: P1 = {a, b} (preferences 2 + 2 = 4) beats P2 = {a, d} (1 + 2 = 3).
    static func envyChangesTheAnswer() -> ScenarioKit {
        var kit = ScenarioKit("envy", mode: .preferences, maxPreferences: 2)
        kit.unit("H")
        kit.position("P1", unit: "A")
        kit.position("P2", unit: "B")
        for id: CadreID in ["a", "b", "c", "d"] { kit.cadre(id, unit: "H") }
        kit.apply("a", "P1", preference: 1, score: 9000)
        kit.apply("a", "P2", preference: 2, score: 8000)
        kit.apply("b", "P1", preference: 1, score: 8500)
        kit.apply("c", "P1", preference: 1, score: 7000)
        kit.apply("d", "P2", preference: 1, score: 7500)
        return kit
    }

    func testNoEnvyChangesTheAnswer() throws {
        let adjudication = Self.envyChangesTheAnswer().adjudication
        let report = try solveQuietly(adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(report.level("shortlist", "positions_competed")?.value, 1)
        XCTAssertEqual(report.level("shortlist", "preferences_met")?.value, 4)
        XCTAssertEqual(report.level("shortlist", "scores")?.value, 17500)
        XCTAssertEqual(report.positionsCompetedWithoutEnvy, 2)
        let fairness = try XCTUnwrap(report.level("price_of_fairness", "positions_competed_without_envy"))
        XCTAssertEqual(fairness.value, 2)
        XCTAssertEqual(fairness.status, .optimal)
        // The price of fairness: one position.
        XCTAssertEqual(try XCTUnwrap(report.positionsCompetedWithoutEnvy) - report.level("shortlist", "positions_competed")!.value, 1)
        XCTAssertEqual(report.lists, ["P1": ["a", "b"]])
        XCTAssertEqual(report.plan.shortlist.map(\.role), [.proposed, .alternate])
        XCTAssertEqual(report.plan.placements, [Plan.Placement(cadreID: "a", fromUnitID: "H", positionID: "P1", toUnitID: "A",
                                                               phase: .competition, scoreHundredths: 9000)])
        XCTAssertEqual(report.plan.withdrawn.map(\.positionID), ["P2"])
        XCTAssertEqual(report.plan.withdrawn.first?.rule, .ratio)
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan), [])

        // The plan without envy would be P1 = {b, c}, P2 = {a, d}: PlanCheck must reject it.
        var unfair = Plan(withdrawn: [])
        adjudication.appendList(to: &unfair, positionID: "P1", cadres: ["b", "c"])
        adjudication.appendList(to: &unfair, positionID: "P2", cadres: ["a", "d"])
        unfair.normalize()
        XCTAssertTrue(PlanCheck(adjudication: adjudication).problems(in: unfair).contains { $0.contains("justified envy") })
    }

    /// Crossing preferences where the preference level decides against the scores level.
    ///
    /// P1 ranks c > d > a > b; P2 ranks a > b > c > d; a and b want P1 first, c and d want P2.
    /// Both {P1 = {c, d}, P2 = {a, b}} (everyone's second choice, higher scores) and
    /// {P1 = {a, b}, P2 = {c, d}} (everyone's first choice) are envy-free; level 2 picks the latter.
    func testPreferenceLevelDecides() throws {
        var kit = ScenarioKit("preferences", mode: .preferences, maxPreferences: 2)
        kit.unit("H")
        kit.position("P1", unit: "A")
        kit.position("P2", unit: "B")
        for id: CadreID in ["a", "b", "c", "d"] { kit.cadre(id, unit: "H") }
        kit.apply("a", "P1", preference: 1, score: 8000)
        kit.apply("a", "P2", preference: 2, score: 9500)
        kit.apply("b", "P1", preference: 1, score: 7500)
        kit.apply("b", "P2", preference: 2, score: 9000)
        kit.apply("c", "P2", preference: 1, score: 8000)
        kit.apply("c", "P1", preference: 2, score: 9500)
        kit.apply("d", "P2", preference: 1, score: 7500)
        kit.apply("d", "P1", preference: 2, score: 9000)
        let adjudication = kit.adjudication
        let report = try solveQuietly(adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(report.lists, ["P1": ["a", "b"], "P2": ["c", "d"]])
        XCTAssertEqual(report.level("shortlist", "positions_competed")?.value, 2)
        XCTAssertEqual(report.level("shortlist", "preferences_met")?.value, 8)
        XCTAssertEqual(report.level("shortlist", "scores")?.value, 8000 + 7500 + 8000 + 7500)
        XCTAssertEqual(report.positionsCompetedWithoutEnvy, 2)
        XCTAssertEqual(report.plan.placements.map { "\($0.cadreID)→\($0.positionID)" }, ["a→P1", "c→P2"])
        // The other envy-free plan has lower preferences and higher scores.
        let input = BruteForce.ShortlistInput(adjudication)
        let other: Set<Adjudication.PairKey> = [.init(cadre: "c", position: "P1"), .init(cadre: "d", position: "P1"), .init(cadre: "a", position: "P2"), .init(cadre: "b", position: "P2")]
        XCTAssertTrue(input.feasible(selected: other, competed: ["P1", "P2"], envy: true))
        XCTAssertEqual(input.levels(selected: other, competed: ["P1", "P2"]), .init(a: 2, b: 4, c: 37000))
    }

    /// Levels 1 and 2 tie; the scores level decides. Also: a position with fewer passed than r is
    /// withdrawn under C-RATIO in preferences mode, even with `short_shortlist: keep`.
    ///
    /// P1 = {a (70, p1), b (70, p2)} gives preferences 2 + 1 = 3 and scores 140;
    /// P2 = {c (95, p1), a (90, p2)} gives 2 + 1 = 3 and scores 185; only one can be competed
    /// (a is on both). P3: b (80, p1) passed, e (50) failed — two applicants, one passed.
    func testScoresLevelDecides() throws {
        var kit = ScenarioKit("scores", mode: .preferences, maxPreferences: 2)
        kit.unit("H")
        kit.position("P1", unit: "A")
        kit.position("P2", unit: "B")
        kit.position("P3", unit: "B")
        for id: CadreID in ["a", "b", "c", "e"] { kit.cadre(id, unit: "H") }
        kit.apply("a", "P1", preference: 1, score: 7000)
        kit.apply("a", "P2", preference: 2, score: 9000)
        kit.apply("b", "P3", preference: 1, score: 8000)
        kit.apply("b", "P1", preference: 2, score: 7000)
        kit.apply("c", "P2", preference: 1, score: 9500)
        kit.apply("e", "P3", preference: 1, score: 5000)
        XCTAssertEqual(kit.scenario.rules.shortShortlist, .keep)
        let adjudication = kit.adjudication
        let report = try solveQuietly(adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(report.level("shortlist", "positions_competed")?.value, 1)
        XCTAssertEqual(report.level("shortlist", "preferences_met")?.value, 3)
        XCTAssertEqual(report.level("shortlist", "scores")?.value, 18500)
        XCTAssertEqual(report.lists, ["P2": ["c", "a"]])
        XCTAssertEqual(report.plan.placements.map { "\($0.cadreID)→\($0.positionID)" }, ["c→P2"])
        let withdrawn = Dictionary(uniqueKeysWithValues: report.plan.withdrawn.map { ($0.positionID, $0) })
        XCTAssertEqual(withdrawn["P1"]?.rule, .ratio)
        XCTAssertEqual(withdrawn["P3"]?.rule, .ratio, "fewer passed than r in preferences mode: C-RATIO")
        XCTAssertEqual(withdrawn.count, 2)
        XCTAssertFalse(report.plan.shortlist.contains { $0.positionID == "P3" }, "no short lists in preferences mode")
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: report.plan), [])
    }

    /// C-MIN2 counts applicants at any preference; a position with no passed applicant is C-PASS.
    func testPreferencesWithdrawals() throws {
        var kit = ScenarioKit("withdrawals", mode: .preferences, maxPreferences: 2)
        kit.unit("H")
        for id: PositionID in ["P1", "P2", "P3"] { kit.position(id, unit: "A") }
        for id: CadreID in ["a", "b", "c"] { kit.cadre(id, unit: "H") }
        kit.apply("a", "P1", preference: 1, score: 9000)
        kit.apply("b", "P1", preference: 1, score: 8000)
        kit.apply("a", "P2", preference: 2, score: 9000)   // P2: one applicant → C-MIN2
        kit.apply("b", "P3", preference: 2, score: 5000)
        kit.apply("c", "P3", preference: 1, score: 4000)   // P3: two applicants, none passed → C-PASS
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.lists, ["P1": ["a", "b"]])
        XCTAssertEqual(report.plan.withdrawn.map { "\($0.positionID):\($0.rule.rawValue)" }, ["P2:C-MIN2", "P3:C-PASS"])
    }

    /// Nothing to compete: every level is trivial or zero, and the plan is only withdrawals.
    func testNothingToCompete() throws {
        var kit = ScenarioKit("empty", mode: .preferences, maxPreferences: 2)
        kit.position("P1", unit: "A")
        kit.cadre("a", unit: "H")
        kit.apply("a", "P1", score: 9000)
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.status, .optimal)
        XCTAssertEqual(report.plan.shortlist, [])
        XCTAssertEqual(report.plan.withdrawn.map(\.rule), [.min2])
        XCTAssertEqual(report.level("shortlist", "positions_competed")?.value, 0)
    }

    /// The pre-interview stage decides nothing.
    func testPreInterviewStage() throws {
        var kit = Self.envyChangesTheAnswer()
        kit.scenario.interviews = nil
        kit.scenario.transfer.enabled = true
        let report = try solveQuietly(kit.adjudication)
        XCTAssertEqual(report.plan.shortlist, [])
        XCTAssertEqual(report.plan.placements, [])
        guard case .notRun = report.transfer else { return XCTFail("\(report.transfer)") }
    }
}
