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
        /// The same reasons in Chinese, e.g. "任现职 80 个月，满 72 个月".
        public var reasonsChinese: [String]

        /// The reasons in a language.
        public func reasons(in language: Language) -> [String] { language == .zh ? reasonsChinese : reasons }
        /// The rule that put the cadre on the list: always R-DUE (R-EXEMPT is the `exempt` column).
        public var rule: RuleID { .due }
        public init(cadreID: CadreID, monthsInPost: Int?, exempt: Bool, monthsToRetirement: Int, reasons: [String],
                    reasonsChinese: [String]? = nil) {
            self.cadreID = cadreID; self.monthsInPost = monthsInPost; self.exempt = exempt
            self.monthsToRetirement = monthsToRetirement; self.reasons = reasons; self.reasonsChinese = reasonsChinese ?? reasons
        }
    }

    /// The record of a cadre, or nil when not due (staff are never due).
    public func record(for cadre: Cadre) -> Record? {
        guard cadre.level != .staff else { return nil }
        let rules = scenario.rules
        var reasons: [Text] = []
        let monthsInPost = cadre.positionSince?.months(to: scenario.referenceDate)
        if let months = monthsInPost, months >= rules.samePositionMonths {
            reasons.append(RuleTexts.dueSamePost(months: months, limit: rules.samePositionMonths).text)
        }
        if !(cadre.sectionYears < Fraction(rules.sameSectionYears)) {
            reasons.append(RuleTexts.dueSameSection(years: cadre.sectionYears.decimalDescription, limit: rules.sameSectionYears).text)
        }
        if cadre.flags.contains(.mismatch) {
            reasons.append(RuleTexts.dueMismatch.text)
        }
        guard !reasons.isEmpty else { return nil }
        let remaining = personRules.monthsToRetirement(cadre)
        return Record(cadreID: cadre.id, monthsInPost: monthsInPost,
                      exempt: remaining < rules.exemptMonthsBeforeRetirement,
                      monthsToRetirement: remaining, reasons: reasons.map(\.en), reasonsChinese: reasons.map(\.zh))
    }

    /// Every due cadre, by cadre id.
    public func records() -> [Record] {
        scenario.cadres.sorted { idPrecedes($0.id, $1.id) }.compactMap(record(for:))
    }
}
