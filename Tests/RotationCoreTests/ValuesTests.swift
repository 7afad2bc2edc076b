// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

final class ValuesTests: XCTestCase {
    // MARK: YearMonth

    func test_yearMonth_monthsFollowsTheContractFormula() {
        // months(a→b) = 12·(b.year − a.year) + (b.month − a.month)
        XCTAssertEqual(ym("1962-03").months(to: ym("2017-10")), 12 * 55 + 7)
        XCTAssertEqual(ym("2017-10").months(to: ym("2017-10")), 0)
        XCTAssertEqual(ym("2016-11").months(to: ym("2017-10")), 11)
        XCTAssertEqual(ym("2017-10").months(to: ym("2018-01")), 3)
    }

    func test_yearMonth_monthsIsNegativeBackwards() {
        XCTAssertEqual(ym("2017-10").months(to: ym("2017-04")), -6)
    }

    func test_yearMonth_ordersByYearThenMonth() {
        XCTAssertLessThan(ym("2016-12"), ym("2017-01"))
        XCTAssertLessThan(ym("2017-01"), ym("2017-02"))
        XCTAssertFalse(ym("2017-02") < ym("2017-02"))
    }

    func test_yearMonth_descriptionIsZeroPadded() {
        XCTAssertEqual(YearMonth(year: 2017, month: 3).description, "2017-03")
        XCTAssertEqual(YearMonth(year: 2017, month: 10).description, "2017-10")
    }

    // MARK: Fraction

    func test_fraction_reducesAndNormalizesSign() {
        let half = Fraction(2, 4)
        XCTAssertEqual(half.numerator, 1)
        XCTAssertEqual(half.denominator, 2)
        let negative = Fraction(1, -3)
        XCTAssertEqual(negative.numerator, -1)
        XCTAssertEqual(negative.denominator, 3)
        XCTAssertEqual(Fraction(2, 6), Fraction(1, 3))
    }

    func test_fraction_comparesExactly() {
        XCTAssertLessThan(Fraction(1, 3), Fraction(34, 100))
        XCTAssertLessThan(Fraction(33, 100), Fraction(1, 3))
        XCTAssertFalse(Fraction(2, 10) < Fraction(1, 5))
        XCTAssertFalse(Fraction(1, 5) < Fraction(2, 10))
        XCTAssertLessThan(Fraction(19, 100), Fraction(1, 5))
        XCTAssertLessThan(Fraction(-1, 2), Fraction(0))
    }

    func test_fraction_multipliesByInteger() {
        XCTAssertEqual(Fraction(1, 3).multiplied(by: 6), Fraction(2))
        XCTAssertEqual(Fraction(4, 5).multiplied(by: 10), Fraction(8))
    }

    func test_fraction_description() {
        XCTAssertEqual(Fraction(1, 3).description, "1/3")
        XCTAssertEqual(Fraction(4, 2).description, "2")
    }

    // MARK: ExactDecimal

    func test_exactDecimal_parsesIntegerAndDecimals() {
        XCTAssertEqual(ExactDecimal(parsing: "85"), ExactDecimal(units: 85, scale: 0))
        XCTAssertEqual(ExactDecimal(parsing: "85.5"), ExactDecimal(units: 855, scale: 1))
        XCTAssertEqual(ExactDecimal(parsing: "59.985"), ExactDecimal(units: 59985, scale: 3))
        XCTAssertEqual(ExactDecimal(parsing: "-1.25"), ExactDecimal(units: -125, scale: 2))
        XCTAssertEqual(ExactDecimal(parsing: "+3"), ExactDecimal(units: 3, scale: 0))
        XCTAssertEqual(ExactDecimal(parsing: "100.000001"), ExactDecimal(units: 100_000_001, scale: 6))
    }

    func test_exactDecimal_valueIsExact() {
        XCTAssertEqual(dec("59.985").fraction, Fraction(59985, 1000))
        XCTAssertEqual(dec("0.1").fraction, Fraction(1, 10))
        XCTAssertEqual(dec("60.00").fraction, Fraction(60))
    }

    func test_exactDecimal_rejectsMalformedText() {
        for text in ["", "-", ".", "abc", "1e5", "1.2.3", "1,5", "1.2345678901234567890", " 85", "８５", "12a"] {
            XCTAssertNil(ExactDecimal(parsing: text), "should reject \(text.debugDescription)")
        }
    }

    func test_exactDecimal_descriptionKeepsItsScale() {
        XCTAssertEqual(dec("85.50").description, "85.50")
        XCTAssertEqual(dec("85").description, "85")
        XCTAssertEqual(dec("-1.25").description, "-1.25")
    }

    // MARK: Hundredths

    func test_roundHalfUp_59_995To60_00() {
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(59995, 1000), decimals: 2), 6000)
    }

    func test_roundHalfUp_justBelowHalfRoundsDown() {
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(599949, 10000), decimals: 2), 5999)
    }

    func test_roundHalfUp_decimals0_59_5To60() {
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(595, 10), decimals: 0), 6000)
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(5949, 100), decimals: 0), 5900)
    }

    func test_roundHalfUp_decimals1() {
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(5945, 100), decimals: 1), 5950)
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(5944, 100), decimals: 1), 5940)
    }

    func test_roundHalfUp_thirdsAreRoundedFromTheExactValue() {
        // 200/3 = 66.666… → 66.67; 1/3 of 1 point → 0.33
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(200, 3), decimals: 2), 6667)
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(1, 3), decimals: 2), 33)
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(200, 3), decimals: 0), 6700)
    }

    func test_roundHalfUp_wholeNumbersUnchanged() {
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(100), decimals: 2), 10000)
        XCTAssertEqual(Hundredths.roundHalfUp(Fraction(0), decimals: 0), 0)
    }

    func test_format_writesExactlyTheDecimalsAsked() {
        XCTAssertEqual(Hundredths.format(6000, decimals: 0), "60")
        XCTAssertEqual(Hundredths.format(6000, decimals: 1), "60.0")
        XCTAssertEqual(Hundredths.format(6000, decimals: 2), "60.00")
        XCTAssertEqual(Hundredths.format(5950, decimals: 1), "59.5")
        XCTAssertEqual(Hundredths.format(5950, decimals: 2), "59.50")
        XCTAssertEqual(Hundredths.format(5, decimals: 2), "0.05")
        XCTAssertEqual(Hundredths.format(10000, decimals: 2), "100.00")
    }

    func test_formatFraction_roundsHalfUp() {
        XCTAssertEqual(Hundredths.format(fraction: Fraction(59995, 1000), decimals: 2), "60.00")
        XCTAssertEqual(Hundredths.format(fraction: Fraction(595, 10), decimals: 0), "60")
        XCTAssertEqual(Hundredths.format(fraction: Fraction(1, 3), decimals: 2), "0.33")
    }

    // MARK: rule catalog (IDs are part of the contract)

    func test_ruleIDs_areTheSpecsStableIDs() {
        XCTAssertEqual(RuleID.allCases.map(\.rawValue), [
            "E-IDENTITY", "E-ASSESS", "E-TERM", "E-EDU", "E-TRAIN", "E-HEALTH", "E-EXCLUDE", "E-EVAL", "E-WORKSTYLE", "E-APPLY",
            "P-OWNUNIT", "P-SCOPE", "P-TOWN5", "P-REQUIRE", "P-LEVEL", "E-RANK",
            "C-MIN2", "C-JUDGES", "C-PASS", "C-RATIO", "C-NOTICE", "C-TRANSFER",
            "R-DUE", "R-EXEMPT", "Q-OFFER", "Q-DISMISSED", "Q-DUE",
            "T-MARK", "T-GOOD", "T-POOR", "T-REASON", "T-COUNT", "T-MORAL",
        ])
    }

    func test_verdictWords_areTheContracts() {
        XCTAssertEqual(VerdictKind.fail.rawValue, "fail")
        XCTAssertEqual(VerdictKind.flag.rawValue, "flag")
        XCTAssertLessThan(VerdictKind.flag, VerdictKind.fail, "fail is the worse verdict")
        XCTAssertEqual([QuotaCheck.Record.Verdict.ok, .flag, .fail].map(\.rawValue), ["ok", "flag", "fail"])
    }

    // MARK: ids

    func test_idPrecedes_comparesAsText() {
        XCTAssertTrue(idPrecedes("C10", "C9"))
        XCTAssertFalse(idPrecedes("C9", "C10"))
        XCTAssertTrue(idPrecedes("A", "B"))
        XCTAssertFalse(idPrecedes("A", "A"))
    }
}
