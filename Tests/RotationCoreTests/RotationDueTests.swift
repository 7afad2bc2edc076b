// SPDX-License-Identifier: GPL-3.0-or-later
import XCTest
@testable import RotationCore

/// R-DUE and R-EXEMPT (rules.md §4).
final class RotationDueTests: XCTestCase {
    private func record(level: Level = .deputy, birth: String = "1970-01", gender: Gender = .male,
                        _ tweak: @escaping (inout Cadre) -> Void,
                        rules: (inout RuleSettings) -> Void = { _ in }) -> RotationDue.Record? {
        let builder = ScenarioBuilder.standard().cadre("C1", level: level, gender: gender, birth: birth, tweak: tweak).rules(rules)
        let scenario = builder.scenario
        return RotationDue(scenario: scenario, index: scenario.index()).record(for: builder.cadreNamed("C1"))
    }

    func test_due_72MonthsInPostIsDue() {
        // 2011-10 → 2017-10 = 72 months.
        let due = record { $0.positionSince = ym("2011-10") }
        XCTAssertNotNil(due)
        XCTAssertEqual(due?.monthsInPost, 72)
        XCTAssertEqual(due?.rule, .due)
        XCTAssertEqual(due?.exempt, false)
    }

    func test_due_71MonthsInPostIsNotDue() {
        XCTAssertNil(record { $0.positionSince = ym("2011-11") })
    }

    func test_due_sectionYears9IsDue() {
        let due = record { $0.sectionYears = 9 }
        XCTAssertNotNil(due)
        XCTAssertNil(due?.monthsInPost, "months empty without position_since")
    }

    func test_due_sectionYears8IsNotDue() {
        XCTAssertNil(record { $0.sectionYears = 8 })
    }

    func test_due_sectionYears8_5IsNotDue_9_5Is() {
        XCTAssertNil(record { $0.sectionYears = Fraction(17, 2) })
        XCTAssertEqual(record { $0.sectionYears = Fraction(19, 2) }?.reasons, ["9.5 years as chief/deputy of the same section ≥ 9"])
    }

    func test_due_mismatchIsDue() {
        XCTAssertNotNil(record { $0.flags = [.mismatch] })
    }

    func test_due_chiefsAreDueToo() {
        XCTAssertNotNil(record(level: .chief) { $0.positionSince = ym("2011-10") })
    }

    func test_due_staffAreNeverDue() {
        XCTAssertNil(record(level: .staff) {
            $0.positionSince = ym("2000-01")
            $0.sectionYears = 20
            $0.flags = [.mismatch]
        })
    }

    func test_due_monthsInPostReportedWhenDueForOtherReasons() {
        let due = record { $0.positionSince = ym("2015-10"); $0.sectionYears = 10 }
        XCTAssertEqual(due?.monthsInPost, 24)
    }

    func test_due_everyReasonIsListed() {
        let due = record { $0.positionSince = ym("2010-01"); $0.sectionYears = 9; $0.flags = [.mismatch] }
        XCTAssertEqual(due?.reasons.count, 3)
    }

    func test_due_thresholdOverrides() {
        XCTAssertNotNil(record({ $0.positionSince = ym("2012-10") }, rules: { $0.samePositionMonths = 60 }))
        XCTAssertNil(record({ $0.sectionYears = 9 }, rules: { $0.sameSectionYears = 10 }))
    }

    // MARK: R-EXEMPT

    func test_exempt_35MonthsToRetirementIsExempt() {
        // Male born 1960-09: 720 − 685 = 35.
        let due = record(birth: "1960-09") { $0.positionSince = ym("2010-01") }
        XCTAssertEqual(due?.monthsToRetirement, 35)
        XCTAssertEqual(due?.exempt, true)
    }

    func test_exempt_36MonthsToRetirementIsNotExempt() {
        let due = record(birth: "1960-10") { $0.positionSince = ym("2010-01") }
        XCTAssertEqual(due?.monthsToRetirement, 36)
        XCTAssertEqual(due?.exempt, false)
    }

    func test_exempt_usesFemaleRetirementAgeAndOwnOverride() {
        // Female born 1965-09: 660 − 625 = 35 → exempt.
        XCTAssertEqual(record(birth: "1965-09", gender: .female) { $0.sectionYears = 9 }?.exempt, true)
        // Same woman with her own retirement age 60: 95 months → not exempt.
        XCTAssertEqual(record(birth: "1965-09", gender: .female) { $0.sectionYears = 9; $0.retirementAge = 60 }?.exempt, false)
    }

    func test_exempt_monthsOverride() {
        let due = record(birth: "1961-10", { $0.sectionYears = 9 }, rules: { $0.exemptMonthsBeforeRetirement = 60 })
        XCTAssertEqual(due?.monthsToRetirement, 48)
        XCTAssertEqual(due?.exempt, true)
    }

    func test_records_onlyDueCadresByCadreID() {
        let scenario = ScenarioBuilder.standard()
            .cadre("C9") { $0.sectionYears = 9 }
            .cadre("C10") { $0.flags = [.mismatch] }
            .cadre("C2")
            .cadre("S1", level: .staff) { $0.sectionYears = 12 }
            .scenario
        let records = RotationDue(scenario: scenario, index: scenario.index()).records()
        XCTAssertEqual(records.map(\.cadreID), ["C10", "C9"])
    }
}
