// SPDX-License-Identifier: GPL-3.0-or-later

/// The person-level eligibility rules (rules.md §1), one function per rule ID.
///
/// Each returns the cadre's verdict for that rule, or `nil` when the rule passes.
public struct PersonRules: Sendable {
    public let scenario: Scenario
    public let index: ScenarioIndex

    public init(scenario: Scenario, index: ScenarioIndex) {
        self.scenario = scenario
        self.index = index
    }

    var rules: RuleSettings { scenario.rules }

    /// Every person-level verdict of a cadre, in rule order.
    public func verdicts(for cadre: Cadre) -> [Verdict] {
        [identity(cadre), assess(cadre), term(cadre), education(cadre), training(cadre), health(cadre),
         exclude(cadre), evaluation(cadre), workStyle(cadre)].compactMap { $0 }
    }

    /// Months from the reference date to statutory retirement: 12·age − months(birth → reference).
    ///
    /// Cannot overflow on values read: ages have at most 12 digits (12·age < 1.2·10^13) and years 4 digits.
    public func monthsToRetirement(_ cadre: Cadre) -> Int {
        let age = cadre.retirementAge ?? rules.retirementAge(for: cadre.gender)
        return 12 * age - cadre.birth.months(to: scenario.referenceDate)
    }

    /// E-IDENTITY: civil servant or reference-managed; others only with approval.
    public func identity(_ cadre: Cadre) -> Verdict? {
        switch cadre.identity {
        case .civilServant, .referenceManaged: return nil
        case .publicInstitution, .enterprise, .worker:
            if cadre.identityApproved { return nil }
            return Verdict(cadreID: cadre.id, rule: .identity, verdict: .fail,
                           detail: "identity \(cadre.identity.rawValue) (\(cadre.identity.chinese)) without the organization department's approval",
                           chinese: "身份为\(cadre.identity.chinese)，未经组织部审核同意")
        }
    }

    /// E-ASSESS: competent or excellent in every assessment year.
    public func assess(_ cadre: Cadre) -> Verdict? {
        let grades = index.assessments[cadre.id] ?? [:]
        var findings: [String] = []
        var chinese: [String] = []
        for year in rules.assessmentYears.sorted() {
            if let grade = grades[year] {
                if !grade.isCompetentOrBetter {
                    findings.append("\(year) \(grade.rawValue) (\(grade.chinese))")
                    chinese.append("\(year)年\(grade.chinese)")
                }
            } else {
                findings.append("\(year) missing")
                chinese.append("\(year)年无考核结果")
            }
        }
        guard !findings.isEmpty else { return nil }
        return Verdict(cadreID: cadre.id, rule: .assess, verdict: .fail,
                       detail: "assessment " + findings.joined(separator: "; ") + "; competent or excellent required",
                       chinese: "年度考核" + chinese.joined(separator: "，") + "；须为称职及以上等次")
    }

    /// E-TERM: months to retirement ≥ 12 · term years (exactly equal passes).
    public func term(_ cadre: Cadre) -> Verdict? {
        let remaining = monthsToRetirement(cadre)
        let needed = 12 * rules.termYears
        guard remaining < needed else { return nil }
        return Verdict(cadreID: cadre.id, rule: .term, verdict: .fail,
                       detail: "\(remaining) months to retirement < \(needed)",
                       chinese: "距法定退休\(remaining)个月，不足\(needed)个月（一个聘期）")
    }

    /// E-EDU: education at least the scenario's minimum.
    public func education(_ cadre: Cadre) -> Verdict? {
        guard cadre.education < rules.minEducation else { return nil }
        return Verdict(cadreID: cadre.id, rule: .education, verdict: .fail,
                       detail: "education \(cadre.education.code) (\(cadre.education.chinese)) below \(rules.minEducation.code) (\(rules.minEducation.chinese))",
                       chinese: "学历\(cadre.education.chinese)，低于\(rules.minEducation.chinese)")
    }

    /// E-TRAIN: `unmet` fails; `pending` fails under strict, flags under allow_pending.
    public func training(_ cadre: Cadre) -> Verdict? {
        switch cadre.training {
        case .met: return nil
        case .unmet:
            return Verdict(cadreID: cadre.id, rule: .training, verdict: .fail, detail: "training unmet (未达标)", chinese: "培训未达标")
        case .pending:
            if rules.training == .allowPending {
                return Verdict(cadreID: cadre.id, rule: .training, verdict: .flag,
                               detail: "training pending: must be completed within one year after selection",
                               chinese: "培训未达标，须在选聘后一年内完成")
            }
            return Verdict(cadreID: cadre.id, rule: .training, verdict: .fail,
                           detail: "training pending; cross-department competition requires it met (training: strict)",
                           chinese: "培训未达标；跨部门竞岗须已达标")
        }
    }

    /// E-HEALTH: physically able.
    public func health(_ cadre: Cadre) -> Verdict? {
        guard !cadre.healthOK else { return nil }
        return Verdict(cadreID: cadre.id, rule: .health, verdict: .fail, detail: "not physically able to perform the duties", chinese: "不具有正常履行职责的身体条件")
    }

    /// E-EXCLUDE: one row listing every excluding flag.
    public func exclude(_ cadre: Cadre) -> Verdict? {
        let found = cadre.flags.filter(\.excludes)
        guard !found.isEmpty else { return nil }
        return Verdict(cadreID: cadre.id, rule: .exclude, verdict: .fail,
                       detail: found.map { "\($0.rawValue) (\($0.chinese))" }.joined(separator: "; "),
                       chinese: found.map(\.chinese).joined(separator: "；"))
    }

    /// Whether a term evaluation is valid: took part ≥ min_participation · due.
    public func evaluationIsValid(_ record: EvaluationRecord) -> Bool {
        record.due > 0 && record.tookPart > 0 && !(Fraction(record.tookPart, record.due) < rules.minParticipation)
    }

    /// E-EVAL: share findings (flag; fail when confirmed poor), invalid evaluation (flag), moral (flag; fail when confirmed).
    public func evaluation(_ cadre: Cadre) -> Verdict? {
        guard let record = index.evaluations[cadre.id] else { return nil }
        var findings: [String] = []
        var chinese: [String] = []
        var worst: VerdictKind?
        func note(_ kind: VerdictKind, _ text: String, _ chineseText: String) {
            findings.append(text)
            chinese.append(chineseText)
            worst = max(worst ?? kind, kind)
        }
        if evaluationIsValid(record) {
            // Counts read have at most 12 digits, so their sums fit; the comparisons cross-multiply in 128 bits.
            let poor = Fraction(record.poor, record.tookPart)
            let averagePoor = Fraction(record.average + record.poor, record.tookPart)
            var shareFindings: [String] = []
            var shareChinese: [String] = []
            if !(poor < rules.poorShare) {
                shareFindings.append("poor share \(record.poor)/\(record.tookPart) ≥ \(rules.poorShare)")
                shareChinese.append("“较差”\(record.poor)/\(record.tookPart)，达到\(rules.poorShare)")
            }
            if rules.averagePoorShare < averagePoor {
                shareFindings.append("average+poor share \(record.average + record.poor)/\(record.tookPart) > \(rules.averagePoorShare)")
                shareChinese.append("“一般”“较差”合计\(record.average + record.poor)/\(record.tookPart)，超过\(rules.averagePoorShare)")
            }
            if !shareFindings.isEmpty {
                let text = shareFindings.joined(separator: ", ")
                let chineseText = "任期测评" + shareChinese.joined(separator: "，")
                if record.confirmedPoor {
                    note(.fail, text + ", confirmed poor by the organization", chineseText + "，经组织考核认定为较差")
                } else {
                    note(.flag, text, chineseText)
                }
            }
        } else {
            note(.flag, "evaluation invalid: \(record.tookPart) of \(record.due) took part, below \(rules.minParticipation)",
                 "任期测评无效：应参加\(record.due)人，实参加\(record.tookPart)人，未达\(rules.minParticipation)")
        }
        if let moral = record.moral, moral == .average || moral == .poor {
            if record.moralConfirmed {
                note(.fail, "moral evaluation \(moral.rawValue) (\(moral.chinese)), confirmed by the organization",
                     "德行考核总体评价为“\(moral.chinese)”，经组织考核确实存在问题")
            } else {
                note(.flag, "moral evaluation \(moral.rawValue) (\(moral.chinese))", "德行考核总体评价为“\(moral.chinese)”")
            }
        }
        guard let verdict = worst else { return nil }
        return Verdict(cadreID: cadre.id, rule: .evaluation, verdict: verdict, detail: findings.joined(separator: "; "),
                       chinese: chinese.joined(separator: "；"))
    }

    /// E-WORKSTYLE: dismissed for work-style problems.
    public func workStyle(_ cadre: Cadre) -> Verdict? {
        guard cadre.flags.contains(.dismissedWorkStyle) else { return nil }
        return Verdict(cadreID: cadre.id, rule: .workStyle, verdict: .fail,
                       detail: "dismissed for work-style problems (因工作作风问题被免职)", chinese: "因工作作风问题被免职")
    }
}
