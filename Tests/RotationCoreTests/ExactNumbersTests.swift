// SPDX-License-Identifier: GPL-3.0-or-later
import Foundation
import XCTest
@testable import RotationCore

/// Exact numbers: every decimal up to the digit bound is held exactly, compares like its rational value,
/// and no arithmetic on it traps (Values.swift; the rules that use user numbers).
final class ExactNumbersTests: XCTestCase {
    /// A reproducible generator (SplitMix64), so a failing property names its case.
    private struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// A random decimal of 1…`ExactDecimal.maxDigits` significant digits, point anywhere, either sign.
    private func randomDecimal(_ random: inout SplitMix) -> String {
        let count = Int.random(in: 1...ExactDecimal.maxDigits, using: &random)
        var digits = String((0..<count).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
        if digits.first == "0" { digits = "1" + digits.dropFirst() }
        let point = Int.random(in: 0...count, using: &random)
        var text = point == count ? digits : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        if text.hasPrefix(".") { text = "0" + text }
        return Bool.random(using: &random) ? "-" + text : text
    }

    // MARK: ExactDecimal: any decimal up to 18 significant digits

    func test_decimal_sevenDecimalsAndMoreAreReadExactly() {
        XCTAssertEqual(ExactDecimal(parsing: "0.3333333")?.fraction, Fraction(3_333_333, 10_000_000))
        XCTAssertEqual(ExactDecimal(parsing: "99.9999999999999999")?.fraction,
                       Fraction(999_999_999_999_999_999, 10_000_000_000_000_000))
        XCTAssertEqual(ExactDecimal(parsing: "0.000000000000000001")?.fraction, Fraction(1, 1_000_000_000_000_000_000))
        XCTAssertEqual(ExactDecimal(parsing: "999999999999999999")?.fraction, Fraction(999_999_999_999_999_999))
        XCTAssertEqual(ExactDecimal(parsing: "000000000000000000008.5")?.fraction, Fraction(17, 2), "leading zeros are not digits of the value")
    }

    func test_decimal_moreThan18DigitsIsTooManyDigitsNotMalformed() {
        XCTAssertEqual(ExactDecimal.parse("1234567890123456789"), .failure(.tooManyDigits))
        XCTAssertEqual(ExactDecimal.parse("0.3333333333333333333"), .failure(.tooManyDigits))
        XCTAssertEqual(ExactDecimal.parse("60.0000000000000000000"), .failure(.tooManyDigits))
        XCTAssertEqual(ExactDecimal.parse("6O"), .failure(.malformed))
        XCTAssertNil(ExactDecimal(parsing: "1234567890123456789"))
    }

    func test_decimal_property_randomDecimalsParseExactlyAndCompareLikeTheirValues() throws {
        var random = SplitMix(state: 2017)
        var values: [(text: String, fraction: Fraction, decimal: Decimal)] = []
        for _ in 0..<2_000 {
            let text = randomDecimal(&random)
            let parsed = try XCTUnwrap(ExactDecimal(parsing: text), text)
            let decimal = try XCTUnwrap(Decimal(string: text), text)
            // Exact: numerator / denominator is the written decimal (a power-of-ten denominator divides exactly).
            XCTAssertEqual(Decimal(parsed.fraction.numerator) / Decimal(parsed.fraction.denominator), decimal, text)
            XCTAssertEqual(parsed.description, text.hasPrefix("-0") && decimal == 0 ? String(text.dropFirst()) : text, text)
            values.append((text, parsed.fraction, decimal))
        }
        for (lhs, rhs) in zip(values, values.dropFirst()) {
            XCTAssertEqual(lhs.fraction < rhs.fraction, lhs.decimal < rhs.decimal, "\(lhs.text) < \(rhs.text)")
            XCTAssertEqual(lhs.fraction == rhs.fraction, lhs.decimal == rhs.decimal, "\(lhs.text) == \(rhs.text)")
        }
    }

    func test_fraction_parse_readsFractionsExactlyOrRefuses() {
        XCTAssertEqual(Fraction.parse("1/3"), .success(Fraction(1, 3)))
        XCTAssertEqual(Fraction.parse("0.5/1.5"), .success(Fraction(1, 3)))
        XCTAssertEqual(Fraction.parse("999999999.999999/0.000001"), .success(Fraction(999_999_999_999_999)))
        XCTAssertEqual(Fraction.parse("0.000001/999999999.999999"), .success(Fraction(1, 999_999_999_999_999)))
        XCTAssertEqual(Fraction.parse("0.000000000000000001/999999999999999999"), .failure(.fractionTooFine))
        XCTAssertEqual(Fraction.parse("999999999999999999/0.000000000000000001"), .failure(.fractionTooFine))
        XCTAssertEqual(Fraction.parse("1/0"), .failure(.zeroDenominator))
        XCTAssertEqual(Fraction.parse("1/"), .failure(.malformed))
        XCTAssertEqual(Fraction.parse("1/3/4"), .failure(.malformed))
        XCTAssertEqual(Fraction.parse("0.3333333333333333333"), .failure(.tooManyDigits))
    }

    // MARK: Fraction: comparisons and arithmetic never trap

    func test_fraction_comparesHugeValuesWithoutOverflow() {
        XCTAssertLessThan(Fraction(999_999_999_998, 999_999_999_999), Fraction(999_999_999_999, 999_999_999_999))
        XCTAssertLessThan(Fraction(Int.max - 2, Int.max - 1), Fraction(Int.max - 1, Int.max))
        XCTAssertLessThan(Fraction(-Int.max, 3), Fraction(-Int.max, 5))
        XCTAssertLessThan(Fraction(1, Int.max), Fraction(1, Int.max - 1))
    }

    func test_fraction_checkedArithmeticReportsOverflowInsteadOfTrapping() {
        XCTAssertEqual(Fraction(1, 3).multiplied(by: 6), Fraction(2))
        XCTAssertNil(Fraction(Int.max / 2).multiplied(by: 3))
        XCTAssertEqual(Fraction(1, 3).adding(Fraction(1, 6)), Fraction(1, 2))
        XCTAssertNil(Fraction(Int.max).adding(Fraction(1)))
    }

    func test_fraction_decimalDescription() {
        XCTAssertEqual(Fraction(60).decimalDescription, "60")
        XCTAssertEqual(Fraction(17, 2).decimalDescription, "8.5")
        XCTAssertEqual(Fraction(1, 128).decimalDescription, "0.0078125")
        XCTAssertEqual(Fraction(-1, 4).decimalDescription, "-0.25")
        XCTAssertEqual(Fraction(1, 3).decimalDescription, "1/3")
        XCTAssertEqual(Fraction(999_999_999_999_999_999, 1_000_000_000_000).decimalDescription, "999999.999999999999")
    }

    func test_hundredths_roundAndFormatHugeValuesWithoutTrapping() {
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(999_999_999_999_999_999, 10_000_000_000_000_000), decimals: 2), 10000)
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(Int.max / 1000, 7), decimals: 2), Int.max / 1000 * 100 / 7 + 1)
        XCTAssertNil(Hundredths.roundHalfUp(Fraction(Int.max), decimals: 2), "beyond Int hundredths: no value, not a trap")
        XCTAssertEqual(Hundredths.format(fraction: Fraction(Int.max, 3), decimals: 2), "3074457345618258602.33")
        XCTAssertEqual(Hundredths.format(fraction: Fraction(-Int.max, 2), decimals: 0), "-4611686018427387903")
        XCTAssertEqual(Hundredths.format(fraction: Fraction(-5, 2), decimals: 0), "-2", "half-up is toward +∞")
    }

    func test_passMarkHundredths_isTheCeilingAndNeverTraps() {
        var rules = RuleSettings(referenceYear: 2017)
        rules.passMark = Fraction(11999, 200)
        XCTAssertEqual(rules.passMarkHundredths, 6000)
        rules.passMark = Fraction(Int.max)
        XCTAssertEqual(rules.passMarkHundredths, Int.max, "a mark no score reaches")
    }

    // MARK: Scoring on exact values

    private func score(_ scores: [String], rules tweak: (inout RuleSettings) -> Void = { _ in }) -> InterviewScoring.Outcome {
        var rules = RuleSettings(referenceYear: 2017)
        tweak(&rules)
        let rows = scores.enumerated().map { JudgeScore(cadreID: "C1", positionID: "P1", judgeID: "J\($0.offset)", score: dec($0.element)) }
        return InterviewScoring(rules: rules).score(cadreID: "C1", positionID: "P1", rows: rows)
    }

    func test_scoring_hugePassMarkFailsTheScoreWithoutTrapping() {
        let outcome = score(["80", "80", "80", "80", "80"]) { $0.passMark = Fraction(999_999_999_999_999, 1_000_000) }
        XCTAssertEqual(outcome.scoreHundredths, 8000)
        XCTAssertFalse(outcome.passed)
        XCTAssertEqual(outcome.verdicts.first?.detail, "score 80.00 < pass mark 999999999.999999")
    }

    func test_scoring_meanOfScoresWith18DigitsIsExact() {
        // Trimmed mean of 99.9999999999999999, 0.000000000000000001 and 59.995 (the extremes 0 and 100 dropped).
        let outcome = score(["0", "99.9999999999999999", "0.000000000000000001", "59.995", "100"])
        XCTAssertEqual(outcome.scoreHundredths, 5333)
        XCTAssertNil(outcome.exactScore, "159994999999999999901/3000000000000000000 needs more than 64 bits; the score is still exact")
        XCTAssertEqual(score(["0", "99.9999999999999999", "100"]).exactScore, Fraction(999_999_999_999_999_999, 10_000_000_000_000_000))
        let ones = score(["0.005", "0.005", "0.005"], rules: { $0.aggregate = .mean })
        XCTAssertEqual(ones.scoreHundredths, 1, "0.005 rounds half-up to 0.01")
    }

    // MARK: Rules on 12-digit counts and fractional years

    func test_ranking_twelveDigitCountsCompareExactly() {
        let builder = ScenarioBuilder.standard().position("P1", unit: "D2")
        for id: CadreID in ["C1", "C2"] { builder.cadre(id).apply(id, "P1").interview(id, "P1", all: "80") }
        builder.evaluation("C1", due: 999_999_999_999, tookPart: 999_999_999_999, good: 999_999_999_998, fairlyGood: 1)
        builder.evaluation("C2", due: 999_999_999_999, tookPart: 999_999_999_999, good: 999_999_999_999, fairlyGood: 0)
        let adjudication = builder.adjudication
        XCTAssertEqual(adjudication.ranked["P1"]?.map(\.cadreID), ["C2", "C1"])
        XCTAssertEqual(adjudication.ties.first?.key, .evaluationGoodShare)
    }

    func test_evaluation_twelveDigitCountsCompareExactly() {
        // poor = 1/5 of 999999999995 exactly flags; one fewer does not.
        let flagged = ScenarioBuilder.standard().cadre("C1")
            .evaluation("C1", due: 999_999_999_995, tookPart: 999_999_999_995, poor: 199_999_999_999)
        XCTAssertEqual(personVerdicts(flagged, "C1").verdict(.evaluation), .flag)
        let clean = ScenarioBuilder.standard().cadre("C1")
            .evaluation("C1", due: 999_999_999_995, tookPart: 999_999_999_995, poor: 199_999_999_998)
        XCTAssertNil(personVerdicts(clean, "C1").verdict(.evaluation))
    }

    private func due(sectionYears: Fraction) -> RotationDue.Record? {
        let builder = ScenarioBuilder.standard().cadre("C1") { $0.sectionYears = sectionYears }
        let scenario = builder.scenario
        return RotationDue(scenario: scenario, index: scenario.index()).record(for: builder.cadreNamed("C1"))
    }

    func test_due_fractionalSectionYearsCompareExactly() {
        XCTAssertNil(due(sectionYears: Fraction(17, 2)), "8.5 years < 9: not due")
        XCTAssertNil(due(sectionYears: Fraction(8_999_999_999_999_999, 1_000_000_000_000_000)), "8.999999999999999 < 9")
        XCTAssertEqual(due(sectionYears: Fraction(9))?.reasons, ["9 years as chief/deputy of the same section ≥ 9"])
        XCTAssertEqual(due(sectionYears: Fraction(19, 2))?.reasons, ["9.5 years as chief/deputy of the same section ≥ 9"])
    }

    func test_monthsToRetirement_twelveDigitRetirementAgeDoesNotTrap() {
        let builder = ScenarioBuilder.standard().cadre("C1") { $0.retirementAge = 999_999_999_999 }
        XCTAssertEqual(builder.personRules.monthsToRetirement(builder.cadreNamed("C1")), 12 * 999_999_999_999 - 573)
    }
}
