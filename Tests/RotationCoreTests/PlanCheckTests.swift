// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// PlanCheck: re-checking a plan against the rules and model.md.
final class PlanCheckTests: XCTestCase {
    /// Competition mode.
    /// - P1 (D2): D1 deputies C1 90, C2 80, C3 70, C6 50 (fails the interview).
    /// - P2 (D3): T1 deputies C4 85, C5 75.
    /// - Q1, Q2 (T2): offered, no applicants (C-MIN2) — vacancies for transfer.
    /// - X1, X2: D3 deputies, not applicants, accepting transfer.
    private func fixture(configure: (ScenarioBuilder) -> Void = { _ in }) -> Adjudication {
        let builder = ScenarioBuilder.standard()
            .position("P1", unit: "D2").position("P2", unit: "D3")
            .position("Q1", unit: "T2").position("Q2", unit: "T2")
        for (id, score): (CadreID, String) in [("C1", "90"), ("C2", "80"), ("C3", "70"), ("C6", "50")] {
            builder.cadre(id, unit: "D1").apply(id, "P1").interview(id, "P1", all: score)
        }
        for (id, score): (CadreID, String) in [("C4", "85"), ("C5", "75")] {
            builder.cadre(id, unit: "T1").apply(id, "P2").interview(id, "P2", all: score)
        }
        // Transfer candidates (model.md: accept transfer, no person-level fail).
        builder.cadre("X1", unit: "D3") { $0.acceptsTransfer = true }.cadre("X2", unit: "D3") { $0.acceptsTransfer = true }
        configure(builder)
        return builder.adjudication
    }

    private func entry(_ position: PositionID, _ rank: Int, _ cadre: CadreID, _ score: Int) -> Plan.ShortlistEntry {
        Plan.ShortlistEntry(positionID: position, rank: rank, cadreID: cadre, scoreHundredths: score,
                            role: rank == 1 ? .proposed : .alternate)
    }

    private func transfer(_ cadre: CadreID, from: UnitID, _ position: PositionID, to: UnitID, fit: Int = 0) -> Plan.Placement {
        Plan.Placement(cadreID: cadre, fromUnitID: from, positionID: position, toUnitID: to, phase: .transfer, scoreHundredths: fit)
    }

    func test_fixtureReference_isWhatTheRulesSay() {
        let plan = fixture().competitionByRules()
        XCTAssertEqual(plan.shortlist.map { "\($0.positionID):\($0.cadreID)" }, ["P1:C1", "P1:C2", "P2:C4", "P2:C5"])
        XCTAssertEqual(plan.withdrawn.map(\.positionID), ["Q1", "Q2"])
        XCTAssertEqual(plan.placements.map(\.cadreID), ["C1", "C4"])
    }

    func test_validPlan_hasNoProblems() {
        let adjudication = fixture()
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: plan, checkCompetitionByRules: true), [])
    }

    func test_validPlanWithOneTransfer_hasNoProblems() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("X1", from: "D3", "Q1", to: "T2"))
        plan.normalize()
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: plan, checkCompetitionByRules: true), [])
    }

    func test_nonPassedCadreOnAList_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        let offset = plan.shortlist.firstIndex { $0.cadreID == "C2" }!
        plan.shortlist[offset] = entry("P1", 2, "C6", 5000)
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("C6") }, "\(problems)")
    }

    func test_ineligibleCadreOnAList_isAProblem() {
        // X1 never applied to P1.
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        let offset = plan.shortlist.firstIndex { $0.cadreID == "C2" }!
        plan.shortlist[offset] = entry("P1", 2, "X1", 8000)
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("X1") }, "\(problems)")
    }

    func test_listOfWrongSize_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.shortlist.removeAll { $0.cadreID == "C2" }
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("P1") }, "\(problems)")
    }

    func test_listTooLong_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.shortlist.append(entry("P1", 3, "C3", 7000))
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("P1") }, "\(problems)")
    }

    func test_justifiedEnvy_isAProblem() {
        // P1 lists C1 and C3, skipping C2 who ranks above C3 and is on no list.
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        let offset = plan.shortlist.firstIndex { $0.cadreID == "C2" }!
        plan.shortlist[offset] = entry("P1", 2, "C3", 7000)
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("C2") && $0.contains("envy") }, "\(problems)")
    }

    func test_listOutOfRankOrder_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.shortlist = plan.shortlist.map { item in
            var item = item
            if item.positionID == "P1" { item.cadreID = item.cadreID == "C1" ? "C2" : "C1"; item.scoreHundredths = item.cadreID == "C1" ? 9000 : 8000 }
            return item
        }
        plan.placements = plan.placements.map { placement in
            var placement = placement
            if placement.positionID == "P1" { placement.cadreID = "C2"; placement.scoreHundredths = 8000 }
            return placement
        }
        XCTAssertFalse(PlanCheck(adjudication: adjudication).problems(in: plan).isEmpty)
    }

    func test_cadreOnTwoLists_isAProblem() {
        // Preferences mode: C1 passes for P1 (first choice) and P2 (second choice).
        let builder = ScenarioBuilder.standard().mode(.preferences)
            .position("P1", unit: "D2").position("P2", unit: "D3")
        builder.cadre("C1").apply("C1", "P1", preference: 1).apply("C1", "P2", preference: 2)
            .interview("C1", "P1", all: "95").interview("C1", "P2", all: "95")
        for id: CadreID in ["C2", "C3"] { builder.cadre(id).apply(id, "P1").interview(id, "P1", all: "80") }
        for id: CadreID in ["C4", "C5"] { builder.cadre(id).apply(id, "P2").interview(id, "P2", all: "80") }
        let adjudication = builder.adjudication
        let check = PlanCheck(adjudication: adjudication)

        let valid = Plan(shortlist: [entry("P1", 1, "C1", 9500), entry("P1", 2, "C2", 8000),
                                     entry("P2", 1, "C4", 8000), entry("P2", 2, "C5", 8000)],
                         placements: [Plan.Placement(cadreID: "C1", fromUnitID: "D1", positionID: "P1", toUnitID: "D2", phase: .competition, scoreHundredths: 9500),
                                      Plan.Placement(cadreID: "C4", fromUnitID: "D1", positionID: "P2", toUnitID: "D3", phase: .competition, scoreHundredths: 8000)])
        XCTAssertEqual(check.problems(in: valid), [], "C1 is on the list of a position they like more: no envy at P2")

        var twice = valid
        twice.shortlist = [entry("P1", 1, "C1", 9500), entry("P1", 2, "C2", 8000),
                           entry("P2", 1, "C1", 9500), entry("P2", 2, "C4", 8000)]
        twice.placements[1].cadreID = "C1"
        twice.placements[1].scoreHundredths = 9500
        let problems = check.problems(in: twice)
        XCTAssertTrue(problems.contains { $0.contains("C1") && $0.contains("P1") && $0.contains("P2") }, "\(problems)")
    }

    func test_unitPairCapBreach_isAProblem() {
        // Two transfers D3 → T2 with max_per_unit_pair 1.
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.placements += [transfer("X1", from: "D3", "Q1", to: "T2"), transfer("X2", from: "D3", "Q2", to: "T2")]
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("D3") && $0.contains("T2") }, "\(problems)")
    }

    func test_unitPairCapRaised_noProblem() {
        let adjudication = fixture { $0.transfer { $0.maxPerUnitPair = 2 } }
        var plan = adjudication.competitionByRules()
        plan.placements += [transfer("X1", from: "D3", "Q1", to: "T2"), transfer("X2", from: "D3", "Q2", to: "T2")]
        plan.normalize()
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: plan), [])
    }

    func test_unitPairCapCountsCompetitionPlacements() {
        // C4 moved T1 → D3 by competition; a transfer T1 → D3 on top makes 2 > max(1, 1).
        let adjudication = fixture {
            $0.position("Q3", unit: "D3").cadre("Y1", unit: "T1") { $0.acceptsTransfer = true }
        }
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("Y1", from: "T1", "Q3", to: "D3"))
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("T1") && $0.contains("D3") }, "\(problems)")
    }

    func test_offeredPositionNeitherListedNorWithdrawn_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.withdrawn.removeAll { $0.positionID == "Q2" }
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("Q2") }, "\(problems)")
    }

    func test_proposedButNotPlaced_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.placements.removeAll { $0.cadreID == "C4" }
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("C4") }, "\(problems)")
    }

    func test_transferToAFilledPosition_isAProblem() {
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("X1", from: "D3", "P1", to: "D2"))
        plan.normalize()
        XCTAssertFalse(PlanCheck(adjudication: adjudication).problems(in: plan).isEmpty)
    }

    func test_transferAcrossLevelsUnderSameLevelOnly_isAProblem() {
        let adjudication = fixture { $0.position("Q3", unit: "T2", level: .chief) }
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("X1", from: "D3", "Q3", to: "T2"))
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("X1") }, "\(problems)")
    }

    func test_shortListKeptUnderWithdrawPolicy_isAProblem() {
        // short_shortlist: withdraw — P1 has one passer (C1), so P1 must be withdrawn (C-RATIO), not listed.
        let builder = ScenarioBuilder.standard().position("P1", unit: "D2")
            .cadre("C1").cadre("C2").apply("C1", "P1").apply("C2", "P1")
            .interview("C1", "P1", all: "80").interview("C2", "P1", all: "50")
            .rules { $0.shortShortlist = .withdraw }
        let adjudication = builder.adjudication
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: adjudication.competitionByRules()), [])
        let kept = Plan(shortlist: [entry("P1", 1, "C1", 8000)],
                        placements: [Plan.Placement(cadreID: "C1", fromUnitID: "D1", positionID: "P1", toUnitID: "D2",
                                                    phase: .competition, scoreHundredths: 8000)])
        XCTAssertFalse(PlanCheck(adjudication: adjudication).problems(in: kept, checkCompetitionByRules: true).isEmpty)
        XCTAssertFalse(PlanCheck(adjudication: adjudication).problems(in: kept).isEmpty,
                       "a short list under short_shortlist: withdraw breaks the rule even without the reference comparison")
    }

    func test_transferOfCadreWhoIsNeitherDueNorAcceptingTransfer_isAProblem() {
        // model.md transfer candidates: due for rotation (not exempt) or accepts_transfer.
        let adjudication = fixture { $0.cadre("Z1", unit: "D3") { $0.acceptsTransfer = false } }
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("Z1", from: "D3", "Q1", to: "T2"))
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("Z1") }, "\(problems)")
    }

    func test_transferOfDueCadre_noProblem() {
        let adjudication = fixture { $0.cadre("Z1", unit: "D3") { $0.sectionYears = 9 } }
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("Z1", from: "D3", "Q1", to: "T2"))
        plan.normalize()
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: plan), [])
    }

    func test_transferOfCadreFailingOnlyETerm_noProblem() {
        // A same-level transfer is not a new appointment: E-TERM does not bar it.
        let adjudication = fixture { $0.cadre("Z1", unit: "D3", birth: "1958-01") { $0.acceptsTransfer = true } }
        XCTAssertEqual(adjudication.personVerdicts.filter { $0.cadreID == "Z1" }.rules, [.term])
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("Z1", from: "D3", "Q1", to: "T2"))
        plan.normalize()
        XCTAssertEqual(PlanCheck(adjudication: adjudication).problems(in: plan), [])
    }

    func test_transferOfCadreWithPersonLevelFail_isAProblem() {
        let adjudication = fixture { $0.cadre("Z1", unit: "D3") { $0.acceptsTransfer = true; $0.flags = [.underInvestigation] } }
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("Z1", from: "D3", "Q1", to: "T2"))
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("Z1") }, "\(problems)")
    }

    func test_transferPromotionBreakingPLevel_isAProblemWithoutSameLevelOnly() {
        // same_level_only: false — a promotion must still satisfy P-LEVEL (staff → chief is two steps).
        let adjudication = fixture {
            $0.transfer { $0.sameLevelOnly = false }
              .position("Q3", unit: "T2", level: .chief)
              .cadre("Z1", unit: "D3", level: .staff, levelSince: "2000-01") { $0.acceptsTransfer = true }
        }
        var plan = adjudication.competitionByRules()
        plan.placements.append(transfer("Z1", from: "D3", "Q3", to: "T2"))
        plan.normalize()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("Z1") }, "\(problems)")
    }

    func test_placeAllDue_unplacedDueCandidate_isAProblem() {
        // place_all_due: every rotation-due candidate must be placed; Z1 is due and Q1 is free for it.
        let adjudication = fixture {
            $0.transfer { $0.placeAllDue = true }
              .cadre("Z1", unit: "D3") { $0.sectionYears = 9 }
        }
        let plan = adjudication.competitionByRules()
        let problems = PlanCheck(adjudication: adjudication).problems(in: plan)
        XCTAssertTrue(problems.contains { $0.contains("Z1") }, "\(problems)")
    }

    func test_differentFromCompetitionRules_isAProblemOnlyWhenAsked() {
        // A plan with C-RATIO-style shortened list differs from the reference.
        let adjudication = fixture()
        var plan = adjudication.competitionByRules()
        plan.shortlist.removeAll { $0.cadreID == "C5" }
        let check = PlanCheck(adjudication: adjudication)
        let loose = check.problems(in: plan)
        let strict = check.problems(in: plan, checkCompetitionByRules: true)
        XCTAssertGreaterThan(strict.count, loose.count)
    }
}
