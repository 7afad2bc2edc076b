// SPDX-License-Identifier: GPL-3.0-or-later

/// R-DUE and R-EXEMPT: which deputies and chiefs are due for rotation (三(二)).
public struct RotationDue: Sendable {
    public let scenario: Scenario
    let personRules: PersonRules

    public init(scenario: Scenario, index: ScenarioIndex) {
        self.scenario = scenario
        self.personRules = PersonRules(scenario: scenario, index: index)
    }

    /// One cadre due for rotation.
    public struct Record: Sendable, Equatable {
        public var cadreID: CadreID
        /// Months in the current post; nil without `position_since`.
        public var monthsInPost: Int?
        /// R-EXEMPT: fewer than the exempt months to retirement.
        public var exempt: Bool
        public var monthsToRetirement: Int
        /// Why due: e.g. "80 months in post ≥ 72".
        public var reasons: [String]
        /// The rule that put the cadre on the list: always R-DUE (R-EXEMPT is the `exempt` column).
        public var rule: RuleID { .due }
        public init(cadreID: CadreID, monthsInPost: Int?, exempt: Bool, monthsToRetirement: Int, reasons: [String]) {
            self.cadreID = cadreID; self.monthsInPost = monthsInPost; self.exempt = exempt
            self.monthsToRetirement = monthsToRetirement; self.reasons = reasons
        }
    }

    /// The record of a cadre, or nil when not due (staff are never due).
    public func record(for cadre: Cadre) -> Record? {
        guard cadre.level != .staff else { return nil }
        let rules = scenario.rules
        var reasons: [String] = []
        let monthsInPost = cadre.positionSince?.months(to: scenario.referenceDate)
        if let months = monthsInPost, months >= rules.samePositionMonths {
            reasons.append("\(months) months in the same post ≥ \(rules.samePositionMonths)")
        }
        if !(cadre.sectionYears < Fraction(rules.sameSectionYears)) {
            reasons.append("\(cadre.sectionYears.decimalDescription) years as chief/deputy of the same section ≥ \(rules.sameSectionYears)")
        }
        if cadre.flags.contains(.mismatch) {
            reasons.append("ability does not fit the post (能岗不相适)")
        }
        guard !reasons.isEmpty else { return nil }
        let remaining = personRules.monthsToRetirement(cadre)
        return Record(cadreID: cadre.id, monthsInPost: monthsInPost,
                      exempt: remaining < rules.exemptMonthsBeforeRetirement,
                      monthsToRetirement: remaining, reasons: reasons)
    }

    /// Every due cadre, by cadre id.
    public func records() -> [Record] {
        scenario.cadres.sorted { idPrecedes($0.id, $1.id) }.compactMap(record(for:))
    }
}
