// SPDX-License-Identifier: GPL-3.0-or-later

/// Plain sentences, in Chinese or English, on why a cadre may or may not compete, how they scored
/// and ranked, who outranked them and by which key, and where they were placed or why not.
///
/// ```swift
/// let text = Explanation(adjudication: adjudication, plan: plan, language: .zh).sentences(for: "FH021")
/// ```
public struct Explanation: Sendable {
    public let adjudication: Adjudication
    public let plan: Plan
    public let language: Language

    public init(adjudication: Adjudication, plan: Plan, language: Language) {
        self.adjudication = adjudication
        self.plan = plan
        self.language = language
    }

    var zh: Bool { language == .zh }
    var index: ScenarioIndex { adjudication.index }

    func say(_ chinese: String, _ english: String) -> String { zh ? chinese : english }

    func positionName(_ positionID: PositionID) -> String {
        guard let position = index.positions[positionID] else { return positionID.rawValue }
        let unit = index.units[position.unitID]?.name ?? position.unitID.rawValue
        return zh ? "\(unit)\(position.title)（\(positionID)）" : "\(position.title), \(unit) (\(positionID))"
    }

    func cadreName(_ cadreID: CadreID) -> String {
        guard let cadre = index.cadres[cadreID] else { return cadreID.rawValue }
        return zh ? "\(cadre.name)（\(cadreID)）" : "\(cadre.name) (\(cadreID))"
    }

    /// A score or fit, written as the run writes it (`score_decimals`).
    func score(_ hundredths: Int) -> String { adjudication.scenario.rules.scoreFormat.string(hundredths) }

    func verdictSentence(_ verdict: Verdict) -> String {
        let kind = verdict.verdict == .fail ? say("不符合", "fails") : say("提示", "is flagged by")
        let summary = zh ? verdict.rule.chineseSummary : verdict.rule.summary
        return zh ? "\(kind) \(verdict.rule.rawValue)（\(verdict.rule.clause)：\(summary)）：\(verdict.detailChinese)。"
                  : "\(kind) \(verdict.rule.rawValue) (\(verdict.rule.clause): \(summary)): \(verdict.detail)."
    }

    /// The explanation of one cadre, optionally for one position only.
    public func sentences(for cadreID: CadreID, position onlyPosition: PositionID? = nil) -> [String] {
        guard let cadre = index.cadres[cadreID] else { return [say("没有这名干部：\(cadreID)。", "No cadre \(cadreID).")] }
        var lines: [String] = []
        let unit = index.units[cadre.unitID]?.name ?? cadre.unitID.rawValue
        let post = cadre.positionID.flatMap { index.positions[$0]?.title }
        lines.append(zh
            ? "\(cadreName(cadreID))，\(unit)\(post ?? "")，现任\(cadre.level.chinese)。"
            : "\(cadreName(cadreID)), \(cadre.level.code) at \(unit)\(post.map { ", " + $0 } ?? "").")

        // Person-level rules.
        let personal = adjudication.personVerdicts.filter { $0.cadreID == cadreID }
        let fails = personal.filter { $0.verdict == .fail }
        if fails.isEmpty {
            lines.append(say("符合全部个人资格条件，可以参加跨部门竞争上岗。", "Meets every person-level condition and may compete across departments."))
        } else {
            lines.append(say("不能参加跨部门竞争上岗，原因：", "May not compete across departments, because:"))
        }
        for verdict in personal { lines.append("  - " + verdictSentence(verdict)) }

        // Applications.
        var positions = adjudication.scenario.applications.filter { $0.cadreID == cadreID }.map(\.positionID)
        if let onlyPosition {
            if !positions.contains(onlyPosition) {
                lines.append(explainUnapplied(cadre: cadre, positionID: onlyPosition))
                positions = []
            } else {
                positions = [onlyPosition]
            }
        } else if positions.isEmpty {
            lines.append(say("未报名任何职位。", "Did not apply to any position."))
        }
        for positionID in positions { lines += explainApplication(cadre: cadre, positionID: positionID, personallyEligible: fails.isEmpty) }

        // Placement.
        if onlyPosition == nil { lines += explainPlacement(cadre) }
        return lines
    }

    func explainUnapplied(cadre: Cadre, positionID: PositionID) -> String {
        guard let position = index.positions[positionID] else { return say("没有这个职位：\(positionID)。", "No position \(positionID).") }
        let rules = PairRules(scenario: adjudication.scenario, index: index)
        let verdicts = [rules.ownUnit(cadre, position), rules.scope(cadre, position), rules.town5(cadre, position),
                        rules.require(cadre, position), rules.level(cadre, position), rules.rank(cadre, position)].compactMap { $0 }
        var text = say("未报名\(positionName(positionID))。", "Did not apply to \(positionName(positionID)).")
        if verdicts.isEmpty {
            text += say("如报名，职位条件均符合。", " Had they applied, every position condition would hold.")
        } else {
            text += say("如报名，", " Had they applied: ") + verdicts.map(verdictSentence).joined(separator: " ")
        }
        return text
    }

    func explainApplication(cadre: Cadre, positionID: PositionID, personallyEligible: Bool) -> [String] {
        var lines: [String] = []
        let name = positionName(positionID)
        lines.append(say("报名职位：\(name)。", "Applied to \(name)."))
        let pairVerdicts = (adjudication.applicationVerdicts + adjudication.scoringVerdicts)
            .filter { $0.cadreID == cadre.id && $0.positionID == positionID }
        for verdict in pairVerdicts where verdict.rule != .pass && verdict.rule != .judges { lines.append("  - " + verdictSentence(verdict)) }
        let isApplicant = adjudication.applicants[positionID]?.contains(cadre.id) ?? false
        guard isApplicant else {
            lines.append(say("  因此不是该职位的符合条件报名人。", "  So they are not an eligible applicant for it."))
            return lines
        }
        if let withdrawal = plan.withdrawn.first(where: { $0.positionID == positionID }), withdrawal.rule == .min2 {
            lines.append(say("  该职位符合条件的报名人数不足，不再进行跨部门竞争上岗（C-MIN2：\(withdrawal.detailChinese)）。",
                             "  The position was withdrawn: too few eligible applicants (C-MIN2: \(withdrawal.detail))."))
            return lines
        }
        if adjudication.stage == .preInterview {
            lines.append(say("  资格审核通过，等待面试。", "  Eligible; awaiting the interview."))
            return lines
        }
        let key = Adjudication.PairKey(cadre: cadre.id, position: positionID)
        if let outcome = adjudication.scores[key] {
            for verdict in outcome.verdicts { lines.append("  - " + verdictSentence(verdict)) }
            if let value = outcome.scoreHundredths {
                let recused = outcome.judgesRecused > 0 ? say("，\(outcome.judgesRecused)名评委回避", ", \(outcome.judgesRecused) recused") : ""
                lines.append(say("  面试成绩 \(score(value))（\(outcome.judgesCounted)名评委\(recused)）。",
                                 "  Interview score \(score(value)) (\(outcome.judgesCounted) judges\(recused))."))
            }
        }
        let order = adjudication.ranked[positionID] ?? []
        if let place = order.firstIndex(where: { $0.cadreID == cadre.id }) {
            lines.append(say("  在\(order.count)名面试合格者中排第\(place + 1)名。", "  Ranked \(place + 1) of \(order.count) who passed."))
            let ranking = Ranking(scenario: adjudication.scenario, index: index)
            for above in order[..<place] {
                if above.scoreHundredths > order[place].scoreHundredths {
                    lines.append(say("    \(cadreName(above.cadreID)) 成绩 \(score(above.scoreHundredths)) 更高。",
                                     "    \(cadreName(above.cadreID)) scored higher, \(score(above.scoreHundredths))."))
                } else {
                    let tieKey = ranking.decidingKey(above.cadreID, cadre.id)
                    let theirs = ranking.value(of: tieKey, for: above.cadreID)
                    let mine = ranking.value(of: tieKey, for: cadre.id)
                    lines.append(say("    \(cadreName(above.cadreID)) 成绩相同，按 \(tieKey.rawValue) 排在前面（\(theirs) 对 \(mine)）。",
                                     "    \(cadreName(above.cadreID)) has the same score and ranks above by \(tieKey.rawValue) (\(theirs) vs \(mine))."))
                }
            }
        }
        if let entry = plan.shortlist.first(where: { $0.cadreID == cadre.id && $0.positionID == positionID }) {
            lines.append(entry.role == .proposed
                ? say("  列为考察对象第1名，拟任人选。", "  Shortlisted at rank 1: the proposed appointee.")
                : say("  列为差额考察对象第\(entry.rank)名（备选）。", "  Shortlisted at rank \(entry.rank): alternate."))
        } else if let withdrawal = plan.withdrawn.first(where: { $0.positionID == positionID }) {
            lines.append(say("  该职位未产生考察对象（\(withdrawal.rule.rawValue)：\(withdrawal.detailChinese)）。",
                             "  The position has no shortlist (\(withdrawal.rule.rawValue): \(withdrawal.detail))."))
        } else if order.contains(where: { $0.cadreID == cadre.id }) {
            let ratio = adjudication.scenario.rules.shortlistRatio
            lines.append(say("  未进入按1:\(ratio)比例提出的考察对象名单。", "  Not within the 1:\(ratio) shortlist."))
        }
        return lines
    }

    func explainPlacement(_ cadre: Cadre) -> [String] {
        if let placement = plan.placements.first(where: { $0.cadreID == cadre.id }) {
            let name = positionName(placement.positionID)
            return [placement.phase == .competition
                ? say("结果：经竞争上岗拟任\(name)。", "Outcome: proposed for \(name) by competition.")
                : say("结果：经组织调动安排到\(name)（适配度 \(score(placement.scoreHundredths))）。",
                      "Outcome: placed in \(name) by organizational transfer (fit \(score(placement.scoreHundredths))).")]
        }
        var lines = [say("结果：未安排新职位。", "Outcome: not placed.")]
        let due = adjudication.rotationDue.first { $0.cadreID == cadre.id }
        if let due {
            lines.append(due.exempt
                ? say("  属于应轮岗人员，但距法定退休年龄不足\(adjudication.scenario.rules.exemptMonthsBeforeRetirement)个月，可不再交流（R-EXEMPT）。",
                      "  Due for rotation but exempt: fewer than \(adjudication.scenario.rules.exemptMonthsBeforeRetirement) months to retirement (R-EXEMPT).")
                : say("  属于应轮岗人员（R-DUE：\(due.reasons.joined(separator: "；"))）。",
                      "  Due for rotation (R-DUE: \(due.reasons.joined(separator: "; ")))."))
        }
        guard adjudication.stage == .final, adjudication.scenario.transfer.enabled else { return lines }
        let otherFails = adjudication.personVerdicts.filter { $0.cadreID == cadre.id && $0.verdict == .fail && $0.rule != .term }
        if !otherFails.isEmpty {
            lines.append(say("  不参加组织调动：有不符合的个人资格条件（\(otherFails.map(\.rule.rawValue).joined(separator: "、"))）。",
                             "  Not a transfer candidate: fails \(otherFails.map(\.rule.rawValue).joined(separator: ", "))."))
        } else if !((due.map { !$0.exempt } ?? false) || cadre.acceptsTransfer) {
            lines.append(say("  不参加组织调动：既不属于应轮岗人员，也未表示服从组织安排。",
                             "  Not a transfer candidate: neither due for rotation nor accepting transfer."))
        } else {
            lines.append(say("  参加了组织调动，但在最优方案中未安排（没有符合条件的空缺职位，或受单位间调动名额限制，或其他人选更优先）。",
                             "  Was a transfer candidate but the optimal plan places them nowhere (no eligible vacancy, the unit-pair cap, or others took priority)."))
        }
        return lines
    }
}
