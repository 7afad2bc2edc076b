// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// Interview scoring: C-JUDGES, C-PASS, the aggregate and its rounding (rules.md §3, model.md "Score").
final class ScoringTests: XCTestCase {
    private func rows(_ scores: [String], conflicts: Set<Int> = []) -> [JudgeScore] {
        scores.enumerated().map { offset, score in
            JudgeScore(cadreID: "C1", positionID: "P1", judgeID: "J\(offset + 1)", score: dec(score),
                       conflict: conflicts.contains(offset + 1))
        }
    }

    private func score(_ scores: [String], conflicts: Set<Int> = [],
                       rules tweak: (inout RuleSettings) -> Void = { _ in }) -> InterviewScoring.Outcome {
        var rules = RuleSettings(referenceYear: 2017)
        tweak(&rules)
        return InterviewScoring(rules: rules).score(cadreID: "C1", positionID: "P1", rows: rows(scores, conflicts: conflicts))
    }

    // MARK: aggregate

    func test_trimmedMean_dropsOneHighestAndOneLowest() {
        let outcome = score(["50", "70", "80", "90", "100"])
        XCTAssertEqual(outcome.exactScore, Fraction(80))
        XCTAssertEqual(outcome.scoreHundredths, 8000)
        XCTAssertTrue(outcome.passed)
        XCTAssertEqual(outcome.verdicts, [])
    }

    func test_trimmedMean_dropsOnlyOneOfEqualExtremes() {
        // 60, 60, 70, 80, 80 → drop one 60 and one 80 → mean(60, 70, 80) = 70.
        XCTAssertEqual(score(["60", "80", "70", "60", "80"]).scoreHundredths, 7000)
    }

    func test_trimmedMean_isTheDefault() {
        XCTAssertEqual(RuleSettings(referenceYear: 2017).aggregate, .trimmedMean)
    }

    func test_trimmedMean_59_995RoundsTo60_00AndPasses() {
        // Trimmed: 59.985, 60, 60 → 59.995 → 60.00.
        let outcome = score(["59", "60", "60", "59.985", "62"])
        XCTAssertEqual(outcome.exactScore, Fraction(59995, 1000))
        XCTAssertEqual(outcome.scoreHundredths, 6000)
        XCTAssertTrue(outcome.passed)
        XCTAssertNil(outcome.verdicts.verdict(.pass))
    }

    func test_trimmedMean_59_994RoundsTo59_99AndFails() {
        let outcome = score(["59", "60", "60", "59.982", "62"])
        XCTAssertEqual(outcome.scoreHundredths, 5999)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.verdicts.verdict(.pass), .fail)
    }

    func test_trimmedMean_threeJudgesLeftAfterRecusal_meanOfTheMiddleOne() {
        // 5 judges, 2 recused (their 0 and 100 are excluded): counted 50, 70, 90 → trimmed mean = 70.
        let outcome = score(["50", "0", "70", "100", "90"], conflicts: [2, 4])
        XCTAssertEqual(outcome.judgesCounted, 3)
        XCTAssertEqual(outcome.judgesRecused, 2)
        XCTAssertEqual(outcome.scoreHundredths, 7000)
        XCTAssertTrue(outcome.passed)
        XCTAssertEqual(outcome.verdicts.rules, [.judges], "3 judges < 5: flag, score still used")
        XCTAssertEqual(outcome.verdicts.verdict(.judges), .flag)
    }

    func test_trimmedMean_twoJudgesLeft_noScoreAndPassFails() {
        let outcome = score(["80", "80", "80", "80", "80"], conflicts: [1, 2, 3])
        XCTAssertNil(outcome.scoreHundredths)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.verdicts.verdict(.pass), .fail)
        XCTAssertEqual(outcome.verdicts.verdict(.judges), .flag)
    }

    func test_allJudgesRecused_judgesFlagAndPassFail() {
        let outcome = score(["80", "80", "80", "80", "80"], conflicts: [1, 2, 3, 4, 5])
        XCTAssertNil(outcome.scoreHundredths)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(Set(outcome.verdicts.rules), [.judges, .pass])
        XCTAssertEqual(outcome.verdicts.verdict(.judges), .flag)
        XCTAssertEqual(outcome.verdicts.verdict(.pass), .fail)
        XCTAssertEqual(outcome.judgesCounted, 0)
    }

    func test_allJudgesRecused_underMeanAggregate_judgesFlagAndPassFail() {
        let outcome = score(["80", "80"], conflicts: [1, 2]) { $0.aggregate = .mean }
        XCTAssertNil(outcome.scoreHundredths)
        XCTAssertEqual(Set(outcome.verdicts.rules), [.judges, .pass])
    }

    func test_noInterviewRows_passFailsWithoutJudgesVerdict() {
        let outcome = InterviewScoring(rules: RuleSettings(referenceYear: 2017)).score(cadreID: "C1", positionID: "P1", rows: [])
        XCTAssertNil(outcome.scoreHundredths)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.verdicts.rules, [.pass])
        XCTAssertEqual(outcome.verdicts.first?.positionID, "P1")
    }

    // MARK: C-JUDGES

    func test_judges_fourJudgesFlagButScoreUsed() {
        // 4 judges: trimmed mean of the middle two, 70 and 80 → 75.
        let outcome = score(["60", "70", "80", "90"])
        XCTAssertEqual(outcome.verdicts.rules, [.judges])
        XCTAssertEqual(outcome.verdicts.verdict(.judges), .flag)
        XCTAssertEqual(outcome.scoreHundredths, 7500)
        XCTAssertTrue(outcome.passed)
    }

    func test_judges_fiveAndSevenJudgesAreNotFlagged() {
        XCTAssertEqual(score(Array(repeating: "75", count: 5)).verdicts, [])
        XCTAssertEqual(score(Array(repeating: "75", count: 7)).verdicts, [])
    }

    func test_judges_eightJudgesFlag() {
        let outcome = score(Array(repeating: "75", count: 8))
        XCTAssertEqual(outcome.verdicts.rules, [.judges])
        XCTAssertEqual(outcome.scoreHundredths, 7500)
        XCTAssertTrue(outcome.passed)
    }

    func test_judges_countedAfterRecusal() {
        // 8 rows, 1 recused → 7 counted: no flag.
        let outcome = score(Array(repeating: "75", count: 8), conflicts: [3])
        XCTAssertEqual(outcome.verdicts, [])
        XCTAssertEqual(outcome.judgesCounted, 7)
        // 5 rows, 1 recused → 4 counted: flag.
        XCTAssertEqual(score(Array(repeating: "75", count: 5), conflicts: [3]).verdicts.rules, [.judges])
    }

    func test_judges_rangeOverride() {
        XCTAssertEqual(score(Array(repeating: "75", count: 3)) { $0.judgesMin = 3 }.verdicts, [])
        XCTAssertEqual(score(Array(repeating: "75", count: 7)) { $0.judgesMax = 6 }.verdicts.rules, [.judges])
    }

    func test_judgesAndPassVerdictsAreBothWrittenForAFailingFlaggedPair() {
        let outcome = score(["40", "50", "50", "50"])
        XCTAssertEqual(Set(outcome.verdicts.rules), [.judges, .pass])
    }

    // MARK: mean aggregate

    func test_mean_averagesAllCountedJudges() {
        // (50 + 70 + 80 + 90 + 100) / 5 = 78.
        let outcome = score(["50", "70", "80", "90", "100"]) { $0.aggregate = .mean }
        XCTAssertEqual(outcome.scoreHundredths, 7800)
    }

    func test_mean_excludesRecusedJudges() {
        let outcome = score(["50", "70", "80", "90", "100"], conflicts: [5]) { $0.aggregate = .mean }
        XCTAssertEqual(outcome.exactScore, Fraction(290, 4))
        XCTAssertEqual(outcome.scoreHundredths, 7250)
    }

    func test_mean_oneJudgeIsEnough() {
        let outcome = score(["65"]) { $0.aggregate = .mean }
        XCTAssertEqual(outcome.scoreHundredths, 6500)
        XCTAssertTrue(outcome.passed)
        XCTAssertEqual(outcome.verdicts.rules, [.judges])
    }

    func test_mean_roundsTheExactValue() {
        // (60 + 60 + 61) / 3 = 60.333… → 60.33
        XCTAssertEqual(score(["60", "60", "61"]) { $0.aggregate = .mean; $0.judgesMin = 3 }.scoreHundredths, 6033)
    }

    // MARK: decimals and the pass mark

    func test_decimals0_59_5RoundsHalfUpTo60AndPasses() {
        // Trimmed: 59, 59.5, 60 → 59.5.
        let outcome = score(["50", "59", "60", "100", "59.5"]) { $0.scoreDecimals = 0 }
        XCTAssertEqual(outcome.exactScore, Fraction(595, 10))
        XCTAssertEqual(outcome.scoreHundredths, 6000)
        XCTAssertTrue(outcome.passed)
    }

    func test_decimals2_59_5FailsTheDefaultPassMark() {
        let outcome = score(["50", "59", "60", "100", "59.5"])
        XCTAssertEqual(outcome.scoreHundredths, 5950)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.verdicts.verdict(.pass), .fail)
    }

    func test_decimals0_59_49RoundsDownTo59() {
        let outcome = score(Array(repeating: "59.49", count: 5)) { $0.scoreDecimals = 0 }
        XCTAssertEqual(outcome.scoreHundredths, 5900)
        XCTAssertFalse(outcome.passed)
    }

    func test_decimals1_59_95RoundsTo60_0AndPasses() {
        // Trimmed: 59.9, 59.95, 60 → 59.95 → 60.0 at one decimal.
        let outcome = score(["0", "59.9", "60", "59.95", "100"]) { $0.scoreDecimals = 1 }
        XCTAssertEqual(outcome.scoreHundredths, 6000)
        XCTAssertTrue(outcome.passed)
        let twoDecimals = score(["0", "59.9", "60", "59.95", "100"])
        XCTAssertEqual(twoDecimals.scoreHundredths, 5995)
        XCTAssertFalse(twoDecimals.passed)
    }

    func test_decimals1_roundsToTenths() {
        XCTAssertEqual(score(Array(repeating: "72.34", count: 5)) { $0.scoreDecimals = 1 }.scoreHundredths, 7230)
        XCTAssertEqual(score(Array(repeating: "72.35", count: 5)) { $0.scoreDecimals = 1 }.scoreHundredths, 7240)
    }

    func test_passMark_exactly60Passes() {
        let outcome = score(Array(repeating: "60", count: 5))
        XCTAssertEqual(outcome.scoreHundredths, 6000)
        XCTAssertTrue(outcome.passed)
    }

    func test_passMark59_5_59_50Passes_59_49Fails() {
        let mark: (inout RuleSettings) -> Void = { $0.passMark = Fraction(595, 10) }
        XCTAssertTrue(score(Array(repeating: "59.5", count: 5), rules: mark).passed)
        let below = score(Array(repeating: "59.49", count: 5), rules: mark)
        XCTAssertFalse(below.passed)
        XCTAssertEqual(below.verdicts.verdict(.pass), .fail)
    }

    func test_passMark59_5_withDecimals0_roundedScoreIsCompared() {
        // Exact 59.4 rounds to 59 < 59.5: fails; exact 59.5 rounds to 60: passes.
        let rules: (inout RuleSettings) -> Void = { $0.passMark = Fraction(595, 10); $0.scoreDecimals = 0 }
        XCTAssertFalse(score(Array(repeating: "59.4", count: 5), rules: rules).passed)
        XCTAssertTrue(score(Array(repeating: "59.5", count: 5), rules: rules).passed)
    }

    func test_passMarkHundredths_roundsUpSoComparisonIsExact() {
        var rules = RuleSettings(referenceYear: 2017)
        XCTAssertEqual(rules.passMarkHundredths, 6000)
        rules.passMark = Fraction(595, 10)
        XCTAssertEqual(rules.passMarkHundredths, 5950)
        rules.passMark = Fraction(5995, 100)
        XCTAssertEqual(rules.passMarkHundredths, 5995)
        rules.passMark = Fraction(179, 3) // 59.666… → a score must be ≥ 59.67
        XCTAssertEqual(rules.passMarkHundredths, 5967)
    }

    func test_scoringVerdictsNameThePair() {
        let outcome = score(["10", "10", "10", "10"])
        XCTAssertTrue(outcome.verdicts.allSatisfy { $0.cadreID == "C1" && $0.positionID == "P1" })
    }
}
