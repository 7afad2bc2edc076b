// SPDX-License-Identifier: GPL-3.0-or-later

/// The pair-level eligibility rules (rules.md §2) and E-APPLY, one function per rule ID.
///
/// Each returns the verdict for a (cadre, position) pair, or `nil` when the rule passes.
public struct PairRules: Sendable {
    public let scenario: Scenario
    public let index: ScenarioIndex

    public init(scenario: Scenario, index: ScenarioIndex) {
        self.scenario = scenario
        self.index = index
    }

    var rules: RuleSettings { scenario.rules }

    /// Every verdict of an application, in rule order: E-APPLY, then the pair rules of the competition.
    public func verdicts(for application: Application, cadre: Cadre, position: Position) -> [Verdict] {
        [apply(application), ownUnit(cadre, position), scope(cadre, position), town5(cadre, position),
         require(cadre, position), level(cadre, position), rank(cadre, position)].compactMap { $0 }
    }

    /// E-APPLY: the cadre's own unit approved the application.
    public func apply(_ application: Application) -> Verdict? {
        guard !application.unitApproved else { return nil }
        return Verdict(cadreID: application.cadreID, positionID: application.positionID, rule: .apply, verdict: .fail,
                       detail: "application not approved by the cadre's own unit (未经单位审核同意)", chinese: "报名未经本单位审核同意")
    }

    /// P-OWNUNIT: not a position of the cadre's own unit.
    public func ownUnit(_ cadre: Cadre, _ position: Position) -> Verdict? {
        guard cadre.unitID == position.unitID else { return nil }
        return Verdict(cadreID: cadre.id, positionID: position.id, rule: .ownUnit, verdict: .fail,
                       detail: "position of the cadre's own unit \(cadre.unitID)", chinese: "系本单位（\(cadre.unitID)）职位")
    }

    /// P-SCOPE: town positions are open to district-department cadres only.
    public func scope(_ cadre: Cadre, _ position: Position) -> Verdict? {
        guard index.units[position.unitID]?.kind == .town, index.units[cadre.unitID]?.kind == .town else { return nil }
        return Verdict(cadreID: cadre.id, positionID: position.id, rule: .scope, verdict: .fail,
                       detail: "town position of \(position.unitID) is open to district-department cadres only; cadre's unit \(cadre.unitID) is a town",
                       chinese: "\(position.unitID)为镇（街道）职位，仅面向区直部门；本人所在\(cadre.unitID)为镇（街道）")
    }

    /// P-TOWN5: a town recruit needs ≥ months_town_before_department in the town for a department position.
    public func town5(_ cadre: Cadre, _ position: Position) -> Verdict? {
        guard let recruited = cadre.townRecruited, index.units[position.unitID]?.kind == .department else { return nil }
        let served = recruited.months(to: scenario.referenceDate)
        guard served < rules.monthsTownBeforeDepartment else { return nil }
        return Verdict(cadreID: cadre.id, positionID: position.id, rule: .town5, verdict: .fail,
                       detail: "recruited to a town \(recruited): \(served) months in the town < \(rules.monthsTownBeforeDepartment)",
                       chinese: "\(recruited)新录用到镇（街道），工作\(served)个月，不足\(rules.monthsTownBeforeDepartment)个月")
    }

    /// P-REQUIRE: the position admits the cadre's identity and education.
    public func require(_ cadre: Cadre, _ position: Position) -> Verdict? {
        var findings: [String] = []
        var chinese: [String] = []
        if !position.identities.contains(cadre.identity) {
            findings.append("identity \(cadre.identity.rawValue) (\(cadre.identity.chinese)) not among "
                + position.identities.map(\.rawValue).joined(separator: ";"))
            chinese.append("身份\(cadre.identity.chinese)不在职位要求（" + position.identities.map(\.chinese).joined(separator: "、") + "）之内")
        }
        // The position's education requirement defaults to the scenario's (scenario-format.md, positions.csv).
        let needed = position.minEducation ?? rules.minEducation
        if cadre.education < needed {
            findings.append("education \(cadre.education.code) (\(cadre.education.chinese)) below the position's \(needed.code) (\(needed.chinese))")
            chinese.append("学历\(cadre.education.chinese)低于职位要求\(needed.chinese)")
        }
        guard !findings.isEmpty else { return nil }
        return Verdict(cadreID: cadre.id, positionID: position.id, rule: .require, verdict: .fail,
                       detail: findings.joined(separator: "; "), chinese: chinese.joined(separator: "；"))
    }

    /// P-LEVEL: same level or one step up.
    public func level(_ cadre: Cadre, _ position: Position) -> Verdict? {
        let step = position.level.rawValue - cadre.level.rawValue
        guard step < 0 || step > 1 else { return nil }
        let direction = step < 0 ? "a move down" : "more than one step up"
        return Verdict(cadreID: cadre.id, positionID: position.id, rule: .level, verdict: .fail,
                       detail: "\(cadre.level.code) → \(position.level.code) is \(direction)",
                       chinese: "\(cadre.level.chinese)报考\(position.level.chinese)，" + (step < 0 ? "属降级" : "跨越一级以上"))
    }

    /// E-RANK: time in level before a one-step promotion, unless exceptionally approved.
    /// Checked only when P-LEVEL passes (a pair fails at most one of the two).
    public func rank(_ cadre: Cadre, _ position: Position) -> Verdict? {
        guard position.level.rawValue - cadre.level.rawValue == 1, !cadre.exceptionalApproved else { return nil }
        let served = cadre.levelSince.months(to: scenario.referenceDate)
        let needed = cadre.level == .staff ? rules.monthsStaffBeforeDeputy : rules.monthsDeputyBeforeChief
        guard served < needed else { return nil }
        return Verdict(cadreID: cadre.id, positionID: position.id, rule: .rank, verdict: .fail,
                       detail: "\(served) months as \(cadre.level.code) since \(cadre.levelSince) < \(needed) for \(cadre.level.code) → \(position.level.code)",
                       chinese: "自\(cadre.levelSince)任\(cadre.level.chinese)\(served)个月，晋升\(position.level.chinese)须满\(needed)个月")
    }
}
