// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Rank order and ties (model.md "Rank order"; ties.csv).
final class RankingTests: XCTestCase {
    /// P1 (a deputy post in D2) and deputies of D1, all applying to P1, with five judges each giving `scores[id]`.
    private func competition(_ scores: [CadreID: String],
                             cadre tweaks: [CadreID: (inout Cadre) -> Void] = [:],
                             configure: (ScenarioBuilder) -> Void = { _ in }) -> ScenarioBuilder {
        let builder = ScenarioBuilder.standard().position("P1", unit: "D2")
        for id in scores.keys.sorted() {
            builder.cadre(id, tweak: tweaks[id] ?? { _ in })
                .apply(id, "P1")
                .interview(id, "P1", all: scores[id]!)
        }
        configure(builder)
        return builder
    }

    private func order(_ adjudication: Adjudication, _ position: PositionID = "P1") -> [CadreID] {
        (adjudication.ranked[position] ?? []).map(\.cadreID)
    }

    func test_rank_higherScoreFirst() {
        let adjudication = competition(["C1": "80", "C2": "90", "C3": "70"]).adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1", "C3"])
        XCTAssertEqual(adjudication.ranked["P1"]?.map(\.scoreHundredths), [9000, 8000, 7000])
        XCTAssertEqual(adjudication.ties, [], "no equal scores, no ties")
    }

    func test_rank_scoreBeatsEveryTieKey() {
        // C2 has a better good share, more excellent years and more months, but a lower score.
        let builder = competition(["C1": "80.01", "C2": "80"], cadre: ["C2": { $0.levelSince = ym("2000-01") }]) {
            $0.evaluation("C2", good: 10).grades("C2", [2014: .excellent, 2015: .excellent, 2016: .excellent])
        }
        XCTAssertEqual(order(builder.adjudication), ["C1", "C2"])
        XCTAssertEqual(builder.adjudication.ties, [])
    }

    func test_rank_onlyPassedApplicantsAreRanked() {
        let adjudication = competition(["C1": "80", "C2": "59.99", "C3": "60"]).adjudication
        XCTAssertEqual(order(adjudication), ["C1", "C3"])
    }

    // MARK: tie keys

    func test_tie_evaluationGoodShareDecidesFirst() {
        let builder = competition(["C1": "80", "C2": "80"]) {
            $0.evaluation("C1", good: 3).evaluation("C2", good: 5)
        }
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties, [Ranking.Tie(positionID: "P1", aboveCadreID: "C2", belowCadreID: "C1",
                                                       scoreHundredths: 8000, key: .evaluationGoodShare)])
    }

    func test_tie_goodShareIsOfThoseWhoTookPart() {
        // C1: 8 good of 8 who took part (10 due, valid) = 1; C2: 9 of 10 = 0.9.
        let builder = competition(["C1": "80", "C2": "80"]) {
            $0.evaluation("C1", due: 10, tookPart: 8, good: 8).evaluation("C2", due: 10, tookPart: 10, good: 9)
        }
        XCTAssertEqual(builder.ranking.goodShare("C1"), Fraction(1))
        XCTAssertEqual(order(builder.adjudication), ["C1", "C2"])
    }

    func test_tie_goodShareIsZeroWithoutEvaluation() {
        let builder = competition(["C1": "80", "C2": "80"]) { $0.evaluation("C2", good: 1) }
        XCTAssertEqual(builder.ranking.goodShare("C1"), Fraction(0))
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .evaluationGoodShare)
    }

    func test_tie_goodShareIsZeroWithInvalidEvaluation() {
        // C1: 7 of 10 took part (invalid), all good → share counts as 0. C2: 1 of 10, valid.
        let builder = competition(["C1": "80", "C2": "80"]) {
            $0.evaluation("C1", due: 10, tookPart: 7, good: 7).evaluation("C2", good: 1)
        }
        XCTAssertEqual(builder.ranking.goodShare("C1"), Fraction(0))
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .evaluationGoodShare)
    }

    func test_tie_invalidEvaluationEqualsNoEvaluation() {
        // Both share 0: the next key (excellent) decides, not the invalid evaluation's counts.
        let builder = competition(["C1": "80", "C2": "80"]) {
            $0.evaluation("C1", due: 10, tookPart: 7, good: 7)
              .grades("C2", [2014: .excellent, 2015: .competent, 2016: .competent])
        }
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .excellentAssessments)
    }

    func test_tie_excellentAssessmentsDecideSecond() {
        let builder = competition(["C1": "80", "C2": "80"]) {
            $0.grades("C1", [2014: .excellent, 2015: .competent, 2016: .competent])
              .grades("C2", [2014: .excellent, 2015: .excellent, 2016: .competent])
        }
        XCTAssertEqual(builder.ranking.excellentCount("C2"), 2)
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .excellentAssessments)
    }

    func test_tie_excellentOutsideAssessmentYearsDoesNotCount() {
        let builder = competition(["C1": "80", "C2": "80"]) {
            $0.grades("C2", [2013: .excellent, 2014: .competent, 2015: .competent, 2016: .competent, 2017: .excellent])
        }
        XCTAssertEqual(builder.ranking.excellentCount("C2"), 0)
        XCTAssertEqual(builder.adjudication.ties.first?.key, .cadreID)
        XCTAssertEqual(order(builder.adjudication), ["C1", "C2"])
    }

    func test_tie_monthsInLevelDecideThird() {
        let builder = competition(["C1": "80", "C2": "80"], cadre: ["C2": { $0.levelSince = ym("2010-01") }])
        XCTAssertEqual(builder.ranking.monthsInLevel("C2"), 93)
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .monthsInLevel)
    }

    func test_tie_cadreIDAscendingAsTextDecidesLast() {
        // "C10" < "C9" as text.
        let adjudication = competition(["C9": "80", "C10": "80"]).adjudication
        XCTAssertEqual(order(adjudication), ["C10", "C9"])
        XCTAssertEqual(adjudication.ties, [Ranking.Tie(positionID: "P1", aboveCadreID: "C10", belowCadreID: "C9",
                                                       scoreHundredths: 8000, key: .cadreID)])
    }

    func test_tie_keyReportedIsTheFirstThatDiffers() {
        // Equal good share; C2 has more excellent years AND fewer months in level: excellent decides.
        let builder = competition(["C1": "80", "C2": "80"], cadre: ["C1": { $0.levelSince = ym("2000-01") }]) {
            $0.evaluation("C1", good: 5).evaluation("C2", good: 5)
              .grades("C2", [2014: .excellent, 2015: .competent, 2016: .competent])
        }
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .excellentAssessments)
    }

    // MARK: ties.csv rows

    func test_ties_oneRowPerAdjacentEqualPair() {
        // Scores 90, 80, 80, 80, 70: two adjacent equal pairs.
        let adjudication = competition(["C1": "90", "C2": "80", "C3": "80", "C4": "80", "C5": "70"]).adjudication
        XCTAssertEqual(order(adjudication), ["C1", "C2", "C3", "C4", "C5"])
        XCTAssertEqual(adjudication.ties.map { [$0.aboveCadreID, $0.belowCadreID] }, [["C2", "C3"], ["C3", "C4"]])
        XCTAssertTrue(adjudication.ties.allSatisfy { $0.scoreHundredths == 8000 && $0.positionID == "P1" })
    }

    func test_ties_equalRoundedScoresTieEvenIfExactScoresDiffer() {
        // 80.001 and 80.004 both round to 80.00: the exact difference does not rank; cadre id does.
        let adjudication = competition(["C1": "80.001", "C2": "80.004"]).adjudication
        XCTAssertEqual(order(adjudication), ["C1", "C2"])
        XCTAssertEqual(adjudication.ties.count, 1)
        XCTAssertEqual(adjudication.ties.first?.key, .cadreID)
        XCTAssertEqual(adjudication.ties.first?.scoreHundredths, 8000)
    }

    func test_ties_withDecimals0_roundedScoresDecide() {
        // 70.4 and 69.6 both round to 70 at score_decimals 0.
        let builder = competition(["C1": "69.6", "C2": "70.4"]) { $0.rules { $0.scoreDecimals = 0 } }
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C1", "C2"])
        XCTAssertEqual(adjudication.ties.first?.scoreHundredths, 7000)
    }

    func test_ties_failedApplicantsAreNotInTies() {
        let adjudication = competition(["C1": "50", "C2": "50", "C3": "70"]).adjudication
        XCTAssertEqual(adjudication.ties, [])
    }

    // MARK: custom ties

    func test_customTies_orderIsRespected() {
        // C1: more months in level, lower good share. Default order: C2 first (good share).
        // ties: [months_in_level, evaluation_good_share] → C1 first, decided by months_in_level.
        let configure: (ScenarioBuilder) -> Void = { $0.evaluation("C1", good: 1).evaluation("C2", good: 9) }
        let byDefault = competition(["C1": "80", "C2": "80"], cadre: ["C1": { $0.levelSince = ym("2000-01") }],
                                    configure: configure).adjudication
        XCTAssertEqual(order(byDefault), ["C2", "C1"])
        let custom = competition(["C1": "80", "C2": "80"], cadre: ["C1": { $0.levelSince = ym("2000-01") }]) {
            configure($0)
            $0.rules { $0.ties = [.monthsInLevel, .evaluationGoodShare] }
        }.adjudication
        XCTAssertEqual(order(custom), ["C1", "C2"])
        XCTAssertEqual(custom.ties.first?.key, .monthsInLevel)
    }

    func test_customTies_omittedKeysAreNotUsed_cadreIDAppended() {
        // Only excellent_assessments configured: C2's longer time in level is ignored; cadre_id decides.
        let builder = competition(["C1": "80", "C2": "80"], cadre: ["C2": { $0.levelSince = ym("2000-01") }]) {
            $0.rules { $0.ties = [.excellentAssessments] }
        }
        XCTAssertEqual(builder.scenario.rules.effectiveTies, [.excellentAssessments, .cadreID])
        let adjudication = builder.adjudication
        XCTAssertEqual(order(adjudication), ["C1", "C2"])
        XCTAssertEqual(adjudication.ties.first?.key, .cadreID)
    }

    func test_customTies_emptyListStillOrdersByCadreID() {
        var rules = RuleSettings(referenceYear: 2017)
        rules.ties = []
        XCTAssertEqual(rules.effectiveTies, [.cadreID])
    }

    func test_defaultTies_areTheSpecsOrder() {
        XCTAssertEqual(RuleSettings(referenceYear: 2017).effectiveTies,
                       [.evaluationGoodShare, .excellentAssessments, .monthsInLevel, .cadreID])
    }

    // MARK: Ranking directly

    func test_rankFunction_sortsByScoreThenKeys() {
        let builder = competition(["A": "80", "B": "80", "C": "80"], cadre: ["C": { $0.levelSince = ym("2000-01") }])
        let ranked = builder.ranking.rank([(cadreID: "A", scoreHundredths: 7000), (cadreID: "B", scoreHundredths: 8000),
                                           (cadreID: "C", scoreHundredths: 7000)])
        XCTAssertEqual(ranked.map(\.cadreID), ["B", "C", "A"])
        let ties = builder.ranking.ties(positionID: "P1", ranked: ranked)
        XCTAssertEqual(ties, [Ranking.Tie(positionID: "P1", aboveCadreID: "C", belowCadreID: "A",
                                          scoreHundredths: 7000, key: .monthsInLevel)])
    }
}
