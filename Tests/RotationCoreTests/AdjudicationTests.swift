// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Adjudication: applicants, C-MIN2, scoring scope, the pre-interview stage and the competition-mode reference.
final class AdjudicationTests: XCTestCase {
    /// P1 is a deputy post in D2; each id in `scores` is a D1 deputy applying to P1 with five judges at that score
    /// (nil: no interview rows).
    private func competition(_ scores: [CadreID: String?], configure: (ScenarioBuilder) -> Void = { _ in }) -> ScenarioBuilder {
        let builder = ScenarioBuilder.standard().position("P1", unit: "D2")
        for id in scores.keys.sorted() {
            builder.cadre(id).apply(id, "P1")
            if let score = scores[id]! { builder.interview(id, "P1", all: score) }
        }
        configure(builder)
        return builder
    }

    // MARK: person-level and applicants

    func test_personRulesApplyToEveryCadreApplicantOrNot() {
        let adjudication = ScenarioBuilder.standard()
            .cadre("N1") { $0.training = .unmet }
            .cadre("N2", gender: .female, birth: "1960-01")
            .adjudication
        XCTAssertEqual(adjudication.personVerdicts.map(\.cadreID), ["N1", "N2"])
        XCTAssertEqual(adjudication.personVerdicts.rules, [.training, .term])
        XCTAssertFalse(adjudication.personallyEligible.contains("N1"))
    }

    func test_flaggedCadreIsStillAnApplicant() {
        // Invalid evaluation and pending training under allow_pending: flags only.
        let adjudication = competition(["C1": "80", "C2": "80"]) {
            $0.evaluation("C1", due: 10, tookPart: 5, good: 5)
              .modifyCadre("C1") { $0.training = .pending }
              .rules { $0.training = .allowPending }
        }.adjudication
        XCTAssertEqual(adjudication.personVerdicts.filter { $0.cadreID == "C1" }.map(\.verdict), [.flag, .flag])
        XCTAssertEqual(adjudication.applicants["P1"], ["C1", "C2"])
        XCTAssertTrue(adjudication.personallyEligible.contains("C1"))
    }

    func test_personLevelFailExcludesFromApplicants() {
        let adjudication = competition(["C1": "80", "C2": "80", "C3": "80"]) {
            $0.modifyCadre("C3") { $0.healthOK = false }
        }.adjudication
        XCTAssertEqual(adjudication.applicants["P1"], ["C1", "C2"])
        XCTAssertEqual(adjudication.scores.keys.map(\.cadreID).sorted(), ["C1", "C2"])
    }

    func test_pairLevelFailExcludesFromApplicants() {
        let adjudication = ScenarioBuilder.standard()
            .position("P1", unit: "D2")
            .cadre("C1").cadre("C2").cadre("C3", unit: "D2")
            .apply("C1", "P1").apply("C2", "P1").apply("C3", "P1")
            .adjudication
        XCTAssertEqual(adjudication.applicants["P1"], ["C1", "C2"])
        XCTAssertEqual(adjudication.applicationVerdicts.rules, [.ownUnit])
    }

    // MARK: C-MIN2

    func test_min2_oneEligibleApplicantWithdraws() {
        // Two applications, but C2 fails E-EDU: only one eligible applicant.
        let adjudication = competition(["C1": "80", "C2": "80"]) {
            $0.modifyCadre("C2") { $0.education = .secondary }
        }.adjudication
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.map(\.positionID), ["P1"])
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.first?.applicants, 1)
        XCTAssertEqual(adjudication.competedPositions, [])
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(plan.withdrawn.map(\.rule), [.min2])
        XCTAssertEqual(plan.shortlist, [])
        XCTAssertEqual(plan.placements, [])
    }

    func test_min2_noApplicantsWithdraws() {
        let adjudication = ScenarioBuilder.standard().position("P1", unit: "D2").adjudication
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.map(\.positionID), ["P1"])
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.first?.applicants, 0)
    }

    func test_min2_twoEligibleApplicantsCompete() {
        let adjudication = competition(["C1": "80", "C2": "70"]).adjudication
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.count, 0)
        XCTAssertEqual(adjudication.competedPositions, ["P1"])
    }

    func test_min2_minApplicantsOverride() {
        let adjudication = competition(["C1": "80", "C2": "70"]) { $0.rules { $0.minApplicants = 3 } }.adjudication
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.map(\.positionID), ["P1"])
        let lenient = competition(["C1": "80"]) { $0.rules { $0.minApplicants = 1 } }.adjudication
        XCTAssertEqual(lenient.competedPositions, ["P1"])
    }

    func test_min2_notOfferedPositionsAreNeitherWithdrawnNorCompeted() {
        let adjudication = ScenarioBuilder.standard().position("P1", unit: "D2", offered: false).adjudication
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.count, 0)
        XCTAssertEqual(adjudication.competedPositions, [])
    }

    // MARK: competition mode reference

    func test_competitionByRules_firstTwoPassedListed_rankOneProposedAndPlaced() {
        let adjudication = competition(["C1": "70", "C2": "90", "C3": "80", "C4": "50"]).adjudication
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(plan.shortlist.map(\.cadreID), ["C2", "C3"])
        XCTAssertEqual(plan.shortlist.map(\.rank), [1, 2])
        XCTAssertEqual(plan.shortlist.map(\.role), [.proposed, .alternate])
        XCTAssertEqual(plan.shortlist.map(\.scoreHundredths), [9000, 8000])
        XCTAssertTrue(plan.shortlist.allSatisfy { $0.note.isEmpty })
        XCTAssertEqual(plan.withdrawn, [])
        XCTAssertEqual(plan.placements, [Plan.Placement(cadreID: "C2", fromUnitID: "D1", positionID: "P1", toUnitID: "D2",
                                                        phase: .competition, scoreHundredths: 9000)])
    }

    func test_competitionByRules_ratioOverride() {
        let adjudication = competition(["C1": "70", "C2": "90", "C3": "80"]) { $0.rules { $0.shortlistRatio = 3 } }.adjudication
        XCTAssertEqual(adjudication.competitionByRules().shortlist.map(\.cadreID), ["C2", "C3", "C1"])
    }

    func test_competitionByRules_shortListKeptWithRatioNote() {
        let adjudication = competition(["C1": "80", "C2": "50"]).adjudication
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(plan.shortlist.map(\.cadreID), ["C1"])
        XCTAssertEqual(plan.shortlist.first?.role, .proposed)
        XCTAssertTrue(plan.shortlist.first?.note.contains("C-RATIO") ?? false, plan.shortlist.first?.note ?? "")
        XCTAssertEqual(plan.withdrawn, [])
        XCTAssertEqual(plan.placements.map(\.cadreID), ["C1"])
    }

    func test_competitionByRules_shortListWithdrawnUnderWithdraw() {
        let adjudication = competition(["C1": "80", "C2": "50"]) { $0.rules { $0.shortShortlist = .withdraw } }.adjudication
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(plan.shortlist, [])
        XCTAssertEqual(plan.placements, [])
        XCTAssertEqual(plan.withdrawn.map(\.positionID), ["P1"])
        XCTAssertEqual(plan.withdrawn.map(\.rule), [.ratio])
    }

    func test_competitionByRules_nonePassed_withdrawnCPass() {
        for policy in [RuleSettings.ShortShortlist.keep, .withdraw] {
            let adjudication = competition(["C1": "59", "C2": "50"]) { $0.rules { $0.shortShortlist = policy } }.adjudication
            let plan = adjudication.competitionByRules()
            XCTAssertEqual(plan.shortlist, [], "\(policy)")
            XCTAssertEqual(plan.withdrawn.map(\.rule), [.pass], "\(policy)")
            XCTAssertEqual(plan.placements, [], "\(policy)")
        }
    }

    func test_competitionByRules_everyOfferedPositionListedOrWithdrawn() {
        let builder = competition(["C1": "80", "C2": "75"]) {
            $0.position("P2", unit: "D3").position("P3", unit: "D3", offered: false)
        }
        let plan = builder.adjudication.competitionByRules()
        XCTAssertEqual(Set(plan.shortlist.map(\.positionID)), ["P1"])
        XCTAssertEqual(plan.withdrawn.map(\.positionID), ["P2"])
    }

    func test_competitionByRules_tiedScoresOrderedByTieKeys() {
        // Equal scores: cadre id decides, C10 before C9 as text.
        let adjudication = ScenarioBuilder.standard().position("P1", unit: "D2")
            .cadre("C9").cadre("C10").apply("C9", "P1").apply("C10", "P1")
            .interview("C9", "P1", all: "80").interview("C10", "P1", all: "80")
            .adjudication
        XCTAssertEqual(adjudication.competitionByRules().shortlist.map(\.cadreID), ["C10", "C9"])
    }

    // MARK: scoring scope

    func test_eligibleApplicantWithoutInterviewRowsFailsPass() {
        let adjudication = competition(["C1": "80", "C2": nil]).adjudication
        XCTAssertEqual(adjudication.scoringVerdicts.map(\.cadreID), ["C2"])
        XCTAssertEqual(adjudication.scoringVerdicts.rules, [.pass])
        XCTAssertEqual(adjudication.scoringVerdicts.first?.positionID, "P1")
        XCTAssertNil(adjudication.score("C2", "P1"))
        XCTAssertEqual(adjudication.score("C1", "P1"), 8000)
    }

    func test_headerOnlyInterviewsIsFinalStage_everyoneFailsPass() {
        let adjudication = competition(["C1": nil, "C2": nil]).adjudication
        XCTAssertEqual(adjudication.stage, .final)
        XCTAssertEqual(adjudication.scoringVerdicts.rules, [.pass, .pass])
        XCTAssertEqual(adjudication.competitionByRules().withdrawn.map(\.rule), [.pass])
        XCTAssertEqual(adjudication.positionsAwaitingInterview, [])
    }

    func test_interviewRowsOfIneligibleApplicantsAreIgnored() {
        // C3 fails E-TERM; its (failing, under-judged) interview rows produce no C-PASS or C-JUDGES rows and no score.
        let builder = competition(["C1": "80", "C2": "70"]) {
            $0.cadre("C3", birth: "1958-01").apply("C3", "P1").interview("C3", "P1", ["10", "20"])
        }
        let adjudication = builder.adjudication
        XCTAssertEqual(adjudication.personVerdicts.map(\.cadreID), ["C3"])
        XCTAssertEqual(adjudication.scoringVerdicts, [])
        XCTAssertNil(adjudication.scores[Adjudication.PairKey(cadre: "C3", position: "P1")])
        XCTAssertEqual(adjudication.ranked["P1"]?.map(\.cadreID), ["C1", "C2"])
    }

    func test_interviewRowsOfPairFailedApplicantsAreIgnored() {
        let adjudication = competition(["C1": "80", "C2": "70"]) {
            $0.cadre("C3", unit: "D2").apply("C3", "P1").interview("C3", "P1", ["10"])
        }.adjudication
        XCTAssertEqual(adjudication.applicationVerdicts.rules, [.ownUnit])
        XCTAssertEqual(adjudication.scoringVerdicts, [])
        XCTAssertNil(adjudication.scores[Adjudication.PairKey(cadre: "C3", position: "P1")])
    }

    func test_interviewRowsOfWithdrawnPositionsAreIgnored() {
        // P1 has one eligible applicant: C-MIN2. Its interview rows (too few judges, failing) produce nothing.
        let adjudication = competition(["C1": nil]) { $0.interview("C1", "P1", ["10", "10"]) }.adjudication
        XCTAssertEqual(adjudication.withdrawnForTooFewApplicants.map(\.positionID), ["P1"])
        XCTAssertEqual(adjudication.scoringVerdicts, [])
        XCTAssertTrue(adjudication.scores.isEmpty)
        XCTAssertNil(adjudication.ranked["P1"])
    }

    func test_scoringVerdictsAppearInAllVerdicts() {
        let adjudication = competition(["C1": "80", "C2": "50"]) { $0.interview("C1", "P1", ["80", "80", "80"]) }.adjudication
        // C1 now has 8 judge rows (5 + 3 more): C-JUDGES flag; C2 fails C-PASS.
        let all = adjudication.allVerdicts
        XCTAssertEqual(all.map { "\($0.cadreID) \($0.rule.rawValue) \($0.verdict.rawValue)" },
                       ["C1 C-JUDGES flag", "C2 C-PASS fail"])
    }

    // MARK: pre-interview stage

    func test_preInterview_noScoringVerdicts_positionsAwaitingInterview() {
        let builder = competition(["C1": nil, "C2": nil, "C3": nil]) {
            $0.position("P2", unit: "D3").cadre("C4").apply("C4", "P2") // P2: C-MIN2
            $0.preInterview()
        }
        let adjudication = builder.adjudication
        XCTAssertEqual(adjudication.stage, .preInterview)
        XCTAssertEqual(adjudication.scoringVerdicts, [])
        XCTAssertFalse(adjudication.allVerdicts.contains { $0.rule == .pass || $0.rule == .judges })
        XCTAssertTrue(adjudication.scores.isEmpty)
        XCTAssertTrue(adjudication.ties.isEmpty)
        XCTAssertEqual(adjudication.positionsAwaitingInterview, ["P1"])
        let plan = adjudication.competitionByRules()
        XCTAssertEqual(plan.shortlist, [])
        XCTAssertEqual(plan.placements, [])
        XCTAssertEqual(plan.withdrawn.map(\.positionID), ["P2"])
        XCTAssertEqual(plan.withdrawn.map(\.rule), [.min2])
    }

    func test_preInterview_eligibilityStillWritten() {
        let adjudication = competition(["C1": nil, "C2": nil]) {
            $0.cadre("C3", unit: "D2").apply("C3", "P1")
            $0.preInterview()
        }.adjudication
        XCTAssertEqual(adjudication.applicationVerdicts.rules, [.ownUnit])
        XCTAssertEqual(adjudication.applicants["P1"], ["C1", "C2"])
    }

    func test_finalStage_positionsAwaitingInterviewIsEmpty() {
        XCTAssertEqual(competition(["C1": "80", "C2": "80"]).adjudication.positionsAwaitingInterview, [])
    }

    // MARK: report order

    func test_allVerdicts_inReportOrder() {
        let adjudication = ScenarioBuilder.standard()
            .position("P1", unit: "D2").position("P2", unit: "T1")
            .cadre("B", unit: "D2") { $0.training = .unmet }
            .cadre("A", unit: "T1") { $0.healthOK = false }
            .apply("B", "P1").apply("A", "P2")
            .adjudication
        let rows = adjudication.allVerdicts.map { "\($0.cadreID)|\($0.positionID ?? "")|\($0.rule.rawValue)" }
        XCTAssertEqual(rows, ["A||E-HEALTH", "A|P2|P-OWNUNIT", "A|P2|P-SCOPE", "B||E-TRAIN", "B|P1|P-OWNUNIT"])
    }
}
