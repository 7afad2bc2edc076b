// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore
import RotationIO

extension Run {
    /// `区民政局社会救助科副科长` / `Deputy head, Civil Affairs Bureau`: the cadre's unit and post now.
    public func currentPost(of cadreID: CadreID, _ words: Words) -> (unit: String, post: String) {
        guard let cadre = cadreByID[cadreID] else { return ("", "") }
        let post = cadre.positionID.flatMap { positionByID[$0]?.title } ?? words.level(cadre.level)
        return (unitName(cadre.unitID), post)
    }

    /// Unit and post in one phrase.
    public func currentPostPhrase(of cadreID: CadreID, _ words: Words) -> String {
        let (unit, post) = currentPost(of: cadreID, words)
        return joinUnitPost(unit, post, words)
    }

    func joinUnitPost(_ unit: String, _ post: String, _ words: Words) -> String {
        if unit.isEmpty { return post }
        if post.isEmpty { return unit }
        return words.zh ? unit + post : "\(post), \(unit)"
    }

    /// A position as `区民政局社会救助科副科长` / `Deputy head of …, Civil Affairs Bureau`.
    public func positionPhrase(_ positionID: PositionID, _ words: Words) -> String {
        guard let position = positionByID[positionID] else { return positionID.rawValue }
        return joinUnitPost(unitName(position.unitID), position.title, words)
    }

    /// Cadres due for rotation and not exempt.
    var dueNotExempt: Set<CadreID> { Set(rotationDue.filter { !$0.exempt }.map(\.cadreID)) }
}

/// The committee's report on one run: shortlists, transfers, moves, withdrawals, ties, eligibility by
/// rule, rotation due and quotas — as a `Document` (HTML, Markdown, text) or as JSON.
///
/// ```swift
/// let report = RunReport(run: run, language: .zh)
/// let html = HTMLRenderer.render(report.document())
/// ```
public struct RunReport: Sendable, Worded {
    public let run: Run
    public let words: Words

    public init(run: Run, language: Language? = nil) {
        self.run = run
        self.words = Words(language ?? run.language)
    }


    // MARK: Document

    public func document() -> Document {
        var sections = [summarySection(), flowSection(), shortlistSection(), transferSection(), withdrawnSection(), tiesSection()]
        sections += eligibilitySections()
        sections += [rotationDueSection(), quotaSection()]
        var document = Document(
            language: words.language,
            title: run.scenarioName,
            subtitle: say("跨部门竞争上岗结果报告（供会议研究）", "Cross-department competition: report for the committee"),
            meta: meta(),
            sections: sections,
            footer: [
                say("本报告由 rotation 依据运行结果（result.json）生成。每项结论注明规则编号和通知条款（规则见 rules.md）；“情况说明”为程序记录的原始数据。",
                    "Made by rotation from the run's result.json. Every finding names its rule ID and the notice's clause (rules: docs/rules.md); “details” are the program's own record."),
            ])
        document.isInternal = true
        return document
    }

    func meta() -> [String] {
        [
            say("年龄、工作年限计算至", "Ages and service counted to ") + words.month(run.referenceDate),
            words.mode(run.mode),
            say("阶段：", "Stage: ") + words.stage(run.stage),
            say("求解状态：", "Solver status: ") + words.status(run.status),
        ]
    }

    func summarySection() -> Document.Section {
        let offered = run.offeredPositionIDs.count
        let competed = run.competedPositionIDs.count
        let competition = run.plan.placements.filter { !$0.isTransfer }.count
        let transfers = run.plan.placements.filter(\.isTransfer).count
        let fails = run.findings(.fail).count
        let flags = run.findings(.flag).count
        let due = run.dueNotExempt
        let duePlaced = Set(run.plan.placements.map(\.cadreID)).intersection(due).count
        var rows: [Document.Row] = [
            Document.Row([say("推出跨部门竞争上岗职位", "Positions offered for cross-department competition"), words.count(offered, "个", "position")]),
            Document.Row([say("开展竞争上岗的职位", "Positions competed"), words.count(competed, "个", "position")]),
            Document.Row([say("未开展竞争上岗（撤回）的职位", "Positions withdrawn"), words.count(run.plan.withdrawn.count, "个", "position")]),
            Document.Row([say("差额考察对象", "Cadres shortlisted (to be examined)"), words.count(run.plan.shortlist.count, "人", "cadre")]),
            Document.Row([say("拟任人选（竞争上岗）", "Proposed appointees (competition)"), words.count(competition, "人", "cadre")]),
            Document.Row([say("组织调动", "Organizational transfers"), words.count(transfers, "人", "cadre")]),
            Document.Row([say("应轮岗人员（不含免于轮岗）", "Due for rotation (not exempt)"),
                          words.count(due.count, "人", "cadre") + say("，已安排\(duePlaced)人", ", \(duePlaced) placed")]),
            Document.Row([say("资格审查", "Eligibility findings"),
                          say("不符合\(fails)条，提示\(flags)条", "\(fails) fail, \(flags) flag")]),
        ]
        if run.stage == .preInterview {
            rows.append(Document.Row([say("待面试职位", "Positions awaiting interviews"),
                                      words.count(run.positionsAwaitingInterview.count, "个", "position")]))
        }
        var blocks: [Document.Block] = [.table(Document.Table(header: [say("项目", "Item"), say("数量", "Count")], rows: rows,
                                                              numericColumns: [1]))]
        if run.status != .optimal {
            blocks.append(.paragraph(say("注意：求解状态为“\(words.status(run.status))”，结果须复核后使用。",
                                         "Note: the solver status is “\(words.status(run.status))”; check the result before using it.")))
        }
        return Document.Section(say("一、总体情况", "1. Summary"), blocks)
    }

    func shortlistSection() -> Document.Section {
        let header = [say("职位代码", "Position"), say("用人单位", "Unit"), say("职位", "Title"), say("职级", "Level"),
                      say("拟任人选", "Proposed"), say("考察对象", "Shortlisted"), say("人员编号", "Cadre"),
                      say("现工作单位及职务", "Current post"), say("面试成绩", "Score"), say("名次", "Rank")]
        var rows: [Document.Row] = []
        var notes: [String] = []
        for (group, positionID) in run.competedPositionIDs.enumerated() {
            let list = run.shortlist(of: positionID)
            let position = run.positionByID[positionID]
            let proposed = list.first(where: \.isProposed).map { run.cadreName($0.cadreID) } ?? say("（无）", "(none)")
            for entry in list {
                rows.append(Document.Row([
                    positionID.rawValue, position.map { run.unitName($0.unitID) } ?? "", position?.title ?? positionID.rawValue,
                    position.map { words.level($0.level) } ?? "", proposed, run.cadreName(entry.cadreID), entry.cadreID.rawValue,
                    run.currentPostPhrase(of: entry.cadreID, words), run.score(entry.scoreHundredths), "\(entry.rank)",
                ], group: group, strong: entry.isProposed))
                if !entry.note.isEmpty {
                    notes.append(say("注：\(positionID) \(position?.title ?? "")，\(run.cadreName(entry.cadreID))：\(noteText(entry))。",
                                     "Note: \(positionID) \(position?.title ?? ""), \(run.cadreName(entry.cadreID)): \(noteText(entry))."))
                }
            }
        }
        var blocks: [Document.Block] = []
        if run.stage == .preInterview {
            blocks.append(.paragraph(say("面试前阶段：尚无面试成绩，未产生差额考察对象。待面试职位：",
                                         "Before interviews: no scores yet, so no shortlist. Positions awaiting interviews: ")
                + words.list(run.positionsAwaitingInterview.map { words.paren(run.positionPhrase($0, words), $0) })))
        } else {
            let ratio = run.rules.shortlistRatio
            blocks.append(.paragraph(say("按面试成绩从高到低、按1:\(ratio)的比例提出差额考察对象（C-RATIO），名次第一者为拟任人选（加粗）；面试合格分为\(passMarkText())（C-PASS）。",
                                         "Shortlists at 1:\(ratio) by interview score (C-RATIO); rank 1 (bold) is the proposed appointee; pass mark \(passMarkText()) (C-PASS).")))
        }
        blocks.append(.table(Document.Table(header: header, rows: rows, numericColumns: [8, 9], mergedColumns: [0, 1, 2, 3, 4],
                                            nowrapColumns: [0, 3, 4, 5, 6], empty: say("没有差额考察对象。", "No shortlists."))))
        blocks += notes.map { .note($0) }
        return Document.Section(say("三、差额考察对象及拟任人选", "3. Shortlists and proposed appointees"), blocks)
    }

    /// The pass mark as scenario.yaml wrote it (`60`, `59.5`).
    func passMarkText() -> String {
        let mark = InterviewScoring.describe(run.rules.passMark)
        return say("\(mark)分", mark)
    }

    func noteText(_ entry: Plan.ShortlistEntry) -> String {
        entry.note(in: words.language)
    }

    func transferSection() -> Document.Section {
        let due = run.dueNotExempt
        let header = [say("序号", "No."), say("姓名", "Name"), say("人员编号", "Cadre"), say("现工作单位及职务", "Current post"),
                      say("调入单位", "To unit"), say("职位", "Position"), say("职级", "Level"), say("适配度", "Fit"),
                      say("应轮岗", "Due for rotation")]
        let transfers = run.plan.placements.filter(\.isTransfer)
        let rows = transfers.enumerated().map { offset, placement in
            Document.Row(["\(offset + 1)", run.cadreName(placement.cadreID), placement.cadreID.rawValue,
                          run.currentPostPhrase(of: placement.cadreID, words), run.unitName(placement.toUnitID),
                          words.paren(run.positionTitle(placement.positionID), placement.positionID),
                          run.positionByID[placement.positionID].map { words.level($0.level) } ?? "",
                          run.score(placement.scoreHundredths), words.yesNo(due.contains(placement.cadreID))])
        }
        var blocks: [Document.Block] = [
            .paragraph(say("竞争上岗结束后，对仍空缺的职位视情实施组织调动（C-TRANSFER），同职级调任，优先安排应轮岗人员。",
                           "After the competition, vacancies left are filled by organizational transfer (C-TRANSFER), same level, rotation-due cadres first.")),
        ]
        switch run.transfer {
        case .notRun(let reason):
            blocks.append(.paragraph(say("本次未实施组织调动：", "No transfer was run: ") + (run.transfer.notRunReason(in: words.language) ?? reason)))
        case .infeasible(let conflict):
            blocks.append(.paragraph(say("“应轮岗人员全部安排”的要求无法满足，未作组织调动安排：", "place_all_due cannot hold, so no transfer is proposed: ")
                + conflict.detail(in: words.language)))
        case .solved:
            blocks.append(.table(Document.Table(header: header, rows: rows, numericColumns: [0, 7], nowrapColumns: [1, 2, 6, 8],
                                                empty: say("没有组织调动。", "No organizational transfers."))))
        }
        return Document.Section(say("四、组织调动", "4. Organizational transfers"), blocks)
    }

    func flowSection() -> Document.Section {
        let flow = FlowMatrix(run: run, words: words)
        let blocks: [Document.Block] = flow.isEmpty
            ? [.paragraph(say("没有干部交流。", "Nobody moves."))]
            : [.paragraph(say("行为调出单位，列为调入单位，格内为交流人数；实色为竞争上岗，斜线并标“调”为组织调动。",
                              "Rows: from unit; columns: to unit; each cell counts cadres moved — solid for competition, hatched and marked T for organizational transfer.")),
               .flow(flow)]
        return Document.Section(say("二、干部交流流向", "2. Moves between units"), blocks)
    }

    func withdrawnSection() -> Document.Section {
        let header = [say("职位代码", "Position"), say("用人单位", "Unit"), say("职位", "Title"), say("规则", "Rule"),
                      say("条款", "Clause"), say("原因", "Reason")]
        let rows = run.plan.withdrawn.map { entry in
            Document.Row([entry.positionID.rawValue, run.positionByID[entry.positionID].map { run.unitName($0.unitID) } ?? "",
                          run.positionTitle(entry.positionID), entry.rule.rawValue, words.ruleClause(entry.rule),
                          reason(rule: entry.rule, detail: entry.detail(in: words.language))])
        }
        var blocks: [Document.Block] = [
            .table(Document.Table(header: header, rows: rows, nowrapColumns: [0, 3], empty: say("所有推出职位均开展了竞争上岗。", "Every offered position was competed."))),
        ]
        // Applications withdrawn (放弃): on record, absent from every rule.
        if !run.withdrawnApplications.isEmpty {
            let list = run.withdrawnApplications.map { entry in
                "\(words.person(run.cadreName(entry.cadreID), entry.cadreID)) → \(words.paren(run.positionTitle(entry.positionID), entry.positionID))"
            }
            blocks.append(.note(RuleTexts.withdrawnApplications(list)(words.language)))
        }
        return Document.Section(say("五、未开展竞争上岗的职位", "5. Positions withdrawn"), blocks)
    }

    /// A rule's summary with the run's detail: `符合条件的报名人数不足2人…（1 eligible applicant < 2）`.
    func reason(rule: RuleID, detail: String) -> String {
        let summary = words.ruleSummary(rule)
        if detail.isEmpty { return summary }
        return words.paren(summary, detail)
    }

    func tiesSection() -> Document.Section {
        let header = [say("职位", "Position"), say("面试成绩", "Score"), say("排名在前", "Ranked above"), say("排名在后", "Ranked below"),
                      say("决定因素", "Deciding key"), say("取值（前／后）", "Values (above / below)")]
        let rows = run.ties.map { tie in
            Document.Row([words.paren(run.positionTitle(tie.positionID), tie.positionID), run.score(tie.scoreHundredths),
                          words.person(run.cadreName(tie.cadreID), tie.cadreID),
                          words.person(run.cadreName(tie.otherCadreID), tie.otherCadreID), words.tieKey(tie.key),
                          "\(tie.aboveValue)\(say(" ／ ", " / "))\(tie.belowValue)"])
        }
        return Document.Section(say("六、同分排序", "6. Equal scores and how they were ordered"), [
            .paragraph(say("面试成绩相同的，依次按任期测评“好”票比例、近三年年度考核优秀次数、任现职级时间排序，最后按人员编号。",
                           "Equal scores are ordered by the share of “good” in the term evaluation, then excellent annual assessments, then months in level, then cadre id.")),
            .table(Document.Table(header: header, rows: rows, numericColumns: [1], nowrapColumns: [2, 3], empty: say("没有同分情况。", "No equal scores."))),
        ])
    }

    func eligibilitySections() -> [Document.Section] {
        let byRule = Dictionary(grouping: run.eligibility, by: \.rule)
        let rules = byRule.keys.sorted()
        let summaryRows = rules.map { rule in
            let rows = byRule[rule] ?? []
            return Document.Row([rule.rawValue, words.ruleClause(rule), words.ruleSummary(rule), "\(rows.filter { $0.verdict == .fail }.count)",
                                 "\(rows.filter { $0.verdict == .flag }.count)"])
        }
        let summary = Document.Table(header: [say("规则", "Rule"), say("条款", "Clause"), say("规则内容", "What it requires"),
                                              say("不符合", "Fail"), say("提示", "Flag")],
                                     rows: summaryRows, numericColumns: [3, 4], nowrapColumns: [0], empty: say("没有不符合或提示事项。", "No findings."))
        var detailRows: [Document.Row] = []
        for (group, rule) in rules.enumerated() {
            for verdict in (byRule[rule] ?? []).sorted(by: { idPrecedes($0.cadreID, $1.cadreID) }) {
                detailRows.append(Document.Row([rule.rawValue, words.person(run.cadreName(verdict.cadreID), verdict.cadreID),
                                                run.cadreByID[verdict.cadreID].map { run.unitName($0.unitID) } ?? "",
                                                verdict.positionID?.rawValue ?? say("（个人条件）", "(person)"), words.verdict(verdict.verdict),
                                                verdict.detail(in: words.language)], group: group))
            }
        }
        let detail = Document.Table(header: [say("规则", "Rule"), say("人员", "Cadre"), say("现单位", "Unit"),
                                             say("报考职位", "Position"), say("结论", "Verdict"), say("情况说明", "Details")],
                                    rows: detailRows, mergedColumns: [0], nowrapColumns: [0, 1, 3, 4], empty: say("没有不符合或提示事项。", "No findings."))
        return [
            Document.Section(say("七、资格审查（按规则汇总）", "7. Eligibility by rule"), [
                .paragraph(say("“不符合”者不能参加该职位（或任何职位）的竞争；“提示”须予关注，不影响参加。",
                               "“Fail” excludes the cadre (from the position, or from any); “flag” calls for attention and does not exclude.")),
                .table(summary),
            ]),
            Document.Section(say("八、资格审查明细", "8. Eligibility findings in detail"), [.table(detail)]),
        ]
    }

    func rotationDueSection() -> Document.Section {
        let placed = Dictionary(run.plan.placements.map { ($0.cadreID, $0) }, uniquingKeysWith: { first, _ in first })
        let rows = run.rotationDue.map { record -> Document.Row in
            let outcome: String
            if let placement = placed[record.cadreID] {
                outcome = words.phase(placement.phase) + say("至", " to ") + run.positionPhrase(placement.positionID, words)
            } else {
                outcome = record.exempt ? say("免于轮岗", "exempt") : say("未安排", "not placed")
            }
            return Document.Row([words.person(run.cadreName(record.cadreID), record.cadreID), run.currentPostPhrase(of: record.cadreID, words),
                                 record.monthsInPost.map(String.init) ?? "", "\(record.monthsToRetirement)",
                                 words.yesNo(record.exempt), record.reasons(in: words.language).joined(separator: words.zh ? "；" : "; "), outcome])
        }
        return Document.Section(say("九、应轮岗人员", "9. Cadres due for rotation"), [
            .table(Document.Table(header: [say("人员", "Cadre"), say("现工作单位及职务", "Current post"), say("任现职月数", "Months in post"),
                                           say("距退休月数", "Months to retirement"), say("免于轮岗", "Exempt"), say("原因", "Reason"),
                                           say("安排", "Outcome")],
                                  rows: rows, numericColumns: [2, 3], nowrapColumns: [0, 4], empty: say("没有应轮岗人员。", "Nobody is due for rotation."))),
        ])
    }

    func quotaSection() -> Document.Section {
        let findings = run.quota.filter { $0.verdict != .ok }
        let rows = findings.map { record in
            Document.Row([run.unitName(record.unitID), "\(record.approvedPosts)", "\(record.offered)", record.rule.rawValue,
                          words.verdict(record.verdict), reason(rule: record.rule, detail: record.detail(in: words.language))])
        }
        let okCount = run.quota.count - findings.count
        return Document.Section(say("十、职位推出情况核查", "10. Positions offered per unit"), [
            .table(Document.Table(header: [say("单位", "Unit"), say("核定中层职数", "Approved posts"), say("推出职位", "Offered"),
                                           say("规则", "Rule"), say("结论", "Verdict"), say("情况说明", "Details")],
                                  rows: rows, numericColumns: [1, 2], nowrapColumns: [3, 4], empty: say("各单位均符合。", "Every unit is in order."))),
            .note(say("其余\(okCount)项核查符合要求。", "The other \(okCount) checks are in order.")),
        ])
    }
}
