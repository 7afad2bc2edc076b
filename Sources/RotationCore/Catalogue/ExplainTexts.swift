// SPDX-License-Identifier: GPL-3.0-or-later

/// Every sentence of `rotation explain`. Arguments are names already written (`王振宇（FH015）`,
/// `区民政局社会救助科副科长（MZJ-03）`), numbers already formatted with the run's decimals, and
/// texts of other chapters in the same language.
///
/// ```swift
/// ExplainTexts.outrankedByScore("王振宇（FH015）", "85.33", "6.83")(.zh)   // 王振宇（FH015）成绩 85.33，高 6.83 分。
/// ```
public enum ExplainTexts: CatalogueChapter {
    /// Name, unit and post, level.
    case identity(String, String, String)
    case mayCompete
    case mayNotCompete
    /// Fails: rule ID, clause, the rule's summary, the detail.
    case fails(String, String, String, String)
    /// Flagged: rule ID, clause, summary, detail.
    case flagged(String, String, String, String)
    case noApplications
    case applied(String)
    /// Applied as a numbered preference: the number, the position.
    case appliedPreference(Int, String)
    case notApplied(String)
    case wouldQualify
    /// Had they applied: the rules that would fail (sentences joined).
    case wouldFail(String)
    case notEligibleApplicant
    /// Position withdrawn: rule ID, detail.
    case positionWithdrawn(String, String)
    case awaitingInterview
    /// Score, judges counted.
    case score(String, Int)
    /// Score, judges counted, judges recused.
    case scoreRecused(String, Int, Int)
    /// Score, pass mark, margin.
    case belowPassMark(String, String, String)
    /// Place, how many passed.
    case ranked(Int, Int)
    /// Who, their score, the margin.
    case outrankedByScore(String, String, String)
    /// Who, the key's name, their value, mine.
    case outrankedByTie(String, String, String, String)
    case moreAbove(Int)
    /// Proposed: the next one, the margin over them.
    case proposed(String, String)
    /// Proposed, the only one who passed.
    case proposedAlone
    /// Proposed ahead of an equal score: the next one, the key, my value, theirs.
    case proposedByTie(String, String, String, String)
    /// Alternate: rank, the proposed appointee, the margin behind them.
    case alternate(Int, String, String)
    /// Below the cutoff: list size (ratio), the last on the list, their score, the margin.
    case belowCutoff(Int, String, String, String)
    /// Below the cutoff on a tie: the last on the list, the key, their value, mine.
    case belowCutoffByTie(String, String, String, String)
    /// On a list they prefer: that position, its preference number, the rank there.
    case onPreferredList(String, Int, Int)
    case listedAllRankAbove
    case placedByCompetition(String)
    /// Position, fit.
    case placedByTransfer(String, String)
    case notPlaced
    /// The reasons (joined).
    case due(String)
    /// Months to retirement, the threshold.
    case exempt(Int, Int)
    case transferNotRunPreInterview
    case transferNotRunDisabled
    case transferInfeasible
    /// The rules (joined).
    case notCandidateFails(String)
    case notCandidateNeither
    case notCandidateExempt
    case candidateDue
    case candidateAccepts
    case noVacancies
    /// Vacancies, and the reasons none suits (joined).
    case noSuitableVacancy(Int, String)
    /// Reason counts of `noSuitableVacancy`.
    case inOwnUnit(Int)
    case otherLevel(Int)
    case requirementNotMet(Int)
    case townYears(Int)
    /// Position, who took it, their fit, my fit.
    case vacancyTaken(String, String, String, String)
    /// … and they are due for rotation while I am not.
    case vacancyTakenByDue(String, String, String, String)
    /// Position, from unit, to unit, cap, who moved (joined), how many.
    case capBound(String, String, String, Int, String, Int)
    case vacancyLeftEmpty(String)
    /// The name of a tie key.
    case tieKey(RuleSettings.TieKey)
    /// The name of a level.
    case level(Level)
    /// Unknown cadre: the id, the nearest ids (joined, may be empty), the command that lists every cadre.
    case unknownCadre(String, String, String)
    /// Unknown position: the id, the nearest ids, the command that lists the positions.
    case unknownPosition(String, String, String)

    public static let chapter = "explain"
    public static let examples: [ExplainTexts] = [
        .identity("FH015", "RSJ-04", "2"), .mayCompete, .mayNotCompete, .fails("E-TERM", "2.1", "E-TERM", "FH015"),
        .flagged("E-EVAL", "2.3", "E-EVAL", "FH015"), .noApplications, .applied("MZJ-03"), .appliedPreference(2, "MZJ-03"),
        .notApplied("ZJJ-02"), .wouldQualify, .wouldFail("P-OWNUNIT"), .notEligibleApplicant, .positionWithdrawn("C-MIN2", "1 < 2"),
        .awaitingInterview, .score("85.33", 7), .scoreRecused("85.33", 6, 1), .belowPassMark("58.00", "60.00", "2.00"), .ranked(2, 3),
        .outrankedByScore("FH015", "85.33", "6.83"), .outrankedByTie("FH015", "E-EVAL", "3/4", "2/3"), .moreAbove(3),
        .proposed("FH060", "6.83"), .proposedAlone, .proposedByTie("FH060", "E-EVAL", "3/4", "2/3"), .alternate(2, "FH015", "6.83"),
        .belowCutoff(2, "FH060", "78.50", "1.25"), .belowCutoffByTie("FH060", "E-EVAL", "3/4", "2/3"), .onPreferredList("MZJ-03", 1, 2),
        .listedAllRankAbove, .placedByCompetition("MZJ-03"), .placedByTransfer("NLJ-03", "72.00"), .notPlaced, .due("80 > 72"),
        .exempt(30, 36), .transferNotRunPreInterview, .transferNotRunDisabled, .transferInfeasible, .notCandidateFails("E-EVAL"),
        .notCandidateNeither, .notCandidateExempt, .candidateDue, .candidateAccepts, .noVacancies, .noSuitableVacancy(3, "1"),
        .inOwnUnit(1), .otherLevel(2), .requirementNotMet(1), .townYears(1), .vacancyTaken("ZJJ-02", "FH047", "70.00", "65.00"),
        .vacancyTakenByDue("ZJJ-02", "FH047", "70.00", "65.00"), .capBound("ZJJ-02", "NLJ1", "ZJJ2", 1, "FH047", 1),
        .vacancyLeftEmpty("ZJJ-02"), .unknownCadre("FH999", "FH099", "`rotation show fh --cadres`"),
        .unknownPosition("XX-01", "", "`rotation show fh`"),
        .tieKey(.evaluationGoodShare), .tieKey(.excellentAssessments), .tieKey(.monthsInLevel), .tieKey(.cadreID),
        .level(.staff), .level(.deputy), .level(.chief),
    ]

    public var text: Text {
        switch self {
        case .identity(let name, let post, let level):
            Text(zh: "\(name)，\(post)，现任\(level)。", en: "\(name), \(post), now \(level).")
        case .mayCompete:
            Text(zh: "符合全部个人资格条件，可以参加跨部门竞争上岗。", en: "Meets every person-level condition and may compete across departments.")
        case .mayNotCompete:
            Text(zh: "不能参加跨部门竞争上岗，原因如下：", en: "May not compete across departments, because:")
        case .fails(let rule, let clause, let summary, let detail):
            Text(zh: "不符合 \(rule)（\(clause)：\(summary)）：\(detail)。", en: "Fails \(rule) (\(clause): \(summary)): \(detail).")
        case .flagged(let rule, let clause, let summary, let detail):
            Text(zh: "提示 \(rule)（\(clause)：\(summary)）：\(detail)。", en: "Flagged by \(rule) (\(clause): \(summary)): \(detail).")
        case .noApplications: Text(zh: "未报名任何职位。", en: "Did not apply to any position.")
        case .applied(let position): Text(zh: "报名职位：\(position)。", en: "Applied to \(position).")
        case .appliedPreference(let number, let position): Text(zh: "第\(number)志愿：\(position)。", en: "Preference \(number): \(position).")
        case .notApplied(let position): Text(zh: "未报名\(position)。", en: "Did not apply to \(position).")
        case .wouldQualify: Text(zh: "如报名，职位条件均符合。", en: "Had they applied, every position condition would hold.")
        case .wouldFail(let verdicts): Text(zh: "如报名：\(verdicts)", en: "Had they applied: \(verdicts)")
        case .notEligibleApplicant:
            Text(zh: "因此不是该职位的符合条件报名人。", en: "So they are not an eligible applicant for it.")
        case .positionWithdrawn(let rule, let detail):
            Text(zh: "该职位未开展竞争上岗（\(rule)：\(detail)）。", en: "The position was withdrawn from the competition (\(rule): \(detail)).")
        case .awaitingInterview: Text(zh: "资格审查通过，等待面试。", en: "Eligible; awaiting the interview.")
        case .score(let score, let judges):
            Text(zh: "面试成绩 \(score)（\(judges)名评委计分）。", en: "Interview score \(score) (\(judges) judges counted).")
        case .scoreRecused(let score, let judges, let recused):
            Text(zh: "面试成绩 \(score)（\(judges)名评委计分，\(recused)名回避）。",
                 en: "Interview score \(score) (\(judges) judges counted, \(recused) recused).")
        case .belowPassMark(let score, let mark, let margin):
            Text(zh: "面试成绩 \(score) 低于合格分 \(mark)，差 \(margin) 分，不能列为考察对象（C-PASS）。",
                 en: "The score \(score) is below the pass mark \(mark) by \(margin) points: not eligible for the shortlist (C-PASS).")
        case .ranked(let place, let count):
            Text(zh: "在\(count)名面试合格者中排第\(place)名。", en: "Ranked \(place) of the \(count) who passed.")
        case .outrankedByScore(let who, let score, let margin):
            Text(zh: "\(who)成绩 \(score)，高 \(margin) 分。", en: "\(who) scored \(score), \(margin) points higher.")
        case .outrankedByTie(let who, let key, let theirs, let mine):
            Text(zh: "\(who)成绩相同，按“\(key)”排在前面（\(theirs) 对 \(mine)）。",
                 en: "\(who) has the same score and ranks above by \(key) (\(theirs) against \(mine)).")
        case .moreAbove(let count): Text(zh: "另有\(count)人排在前面。", en: "\(count) more rank above.")
        case .proposed(let next, let margin):
            Text(zh: "列为考察对象第1名，为拟任人选；比第2名\(next)高 \(margin) 分。",
                 en: "Shortlisted at rank 1: the proposed appointee, \(margin) points ahead of rank 2, \(next).")
        case .proposedAlone:
            Text(zh: "列为考察对象第1名，为拟任人选（名单上只有一人）。", en: "Shortlisted at rank 1: the proposed appointee (alone on the list).")
        case .proposedByTie(let next, let key, let mine, let theirs):
            Text(zh: "列为考察对象第1名，为拟任人选；与第2名\(next)同分，按“\(key)”排在前面（\(mine) 对 \(theirs)）。",
                 en: "Shortlisted at rank 1: the proposed appointee; same score as rank 2, \(next), ahead by \(key) (\(mine) against \(theirs)).")
        case .alternate(let rank, let first, let margin):
            Text(zh: "列为差额考察对象第\(rank)名（备选）；比第1名（拟任人选）\(first)低 \(margin) 分。",
                 en: "Shortlisted at rank \(rank) (alternate), \(margin) points behind the proposed appointee \(first).")
        case .belowCutoff(let size, let last, let score, let margin):
            Text(zh: "未进入考察对象名单：名单取前\(size)名，第\(size)名\(last)成绩 \(score)，比本人高 \(margin) 分。",
                 en: "Not on the shortlist: it takes the first \(size); number \(size), \(last), scored \(score), \(margin) points higher.")
        case .belowCutoffByTie(let last, let key, let theirs, let mine):
            Text(zh: "未进入考察对象名单：与名单最后一名\(last)同分，按“\(key)”排在其后（\(theirs) 对 \(mine)）。",
                 en: "Not on the shortlist: same score as its last, \(last), who ranks above by \(key) (\(theirs) against \(mine)).")
        case .onPreferredList(let position, let preference, let rank):
            Text(zh: "未列入本职位名单：已列入更靠前的第\(preference)志愿\(position)的名单（第\(rank)名），每人只列入一个名单。",
                 en: "Not on this list: already on the list of preference \(preference), \(position) (rank \(rank)); each cadre is on one list only.")
        case .listedAllRankAbove:
            Text(zh: "未列入本职位名单：名单上的人选均排在本人之前。", en: "Not on this list: everyone on it ranks above them.")
        case .placedByCompetition(let position):
            Text(zh: "结果：经竞争上岗拟任\(position)。", en: "Outcome: proposed for \(position) by competition.")
        case .placedByTransfer(let position, let fit):
            Text(zh: "结果：经组织调动安排到\(position)（适配度 \(fit)）。",
                 en: "Outcome: placed in \(position) by organizational transfer (fit \(fit)).")
        case .notPlaced: Text(zh: "结果：未安排新职位。", en: "Outcome: not placed in a new post.")
        case .due(let reasons): Text(zh: "属于应轮岗人员（R-DUE：\(reasons)）。", en: "Due for rotation (R-DUE: \(reasons)).")
        case .exempt(let months, let threshold):
            Text(zh: "属于应轮岗情形，但距法定退休年龄\(months)个月，不足\(threshold)个月，免于轮岗（R-EXEMPT）。",
                 en: "Would be due for rotation, but \(months) months from retirement, fewer than \(threshold): exempt (R-EXEMPT).")
        case .transferNotRunPreInterview:
            Text(zh: "面试前阶段，尚未进行组织调动。", en: "Pre-interview stage: no organizational transfer yet.")
        case .transferNotRunDisabled:
            Text(zh: "本次未进行组织调动（scenario.yaml 中 `transfer: enabled: false`）。",
                 en: "No organizational transfer in this run (`transfer: enabled: false` in scenario.yaml).")
        case .transferInfeasible:
            Text(zh: "组织调动的硬性要求（`place_all_due`）无法满足，本次没有组织调动安排。",
                 en: "The transfer requirement (`place_all_due`) cannot hold: no organizational transfers in this run.")
        case .notCandidateFails(let rules):
            Text(zh: "不参加组织调动：有不符合的个人资格条件（\(rules)）。", en: "Not a transfer candidate: fails \(rules).")
        case .notCandidateNeither:
            Text(zh: "不参加组织调动：不属于应轮岗人员，也未表示服从组织安排。",
                 en: "Not a transfer candidate: neither due for rotation nor accepting transfer.")
        case .notCandidateExempt:
            Text(zh: "不参加组织调动：免于轮岗，且未表示服从组织安排。", en: "Not a transfer candidate: exempt from rotation and not accepting transfer.")
        case .candidateDue:
            Text(zh: "作为应轮岗人员参加组织调动，但未安排：", en: "A transfer candidate, being due for rotation, but not placed:")
        case .candidateAccepts:
            Text(zh: "表示服从组织安排，参加组织调动，但未安排：", en: "A transfer candidate, accepting transfer, but not placed:")
        case .noVacancies: Text(zh: "竞争上岗后没有空缺职位。", en: "No vacancy was left after the competition.")
        case .noSuitableVacancy(let count, let reasons):
            Text(zh: "竞争上岗后的\(count)个空缺职位都不能调任（\(reasons)）。", en: "None of the \(count) vacancies suits them (\(reasons)).")
        case .inOwnUnit(let n): Text(zh: "\(n)个在本单位", en: "\(n) in their own unit")
        case .otherLevel(let n): Text(zh: "\(n)个职级不符", en: "\(n) of another level")
        case .requirementNotMet(let n): Text(zh: "\(n)个任职条件不符（P-REQUIRE）", en: "\(n) whose requirements they do not meet (P-REQUIRE)")
        case .townYears(let n): Text(zh: "\(n)个为区直部门而镇街工作年限不足（P-TOWN5）", en: "\(n) in departments, too few years in a town (P-TOWN5)")
        case .vacancyTaken(let position, let who, let theirs, let mine):
            Text(zh: "\(position)已安排\(who)（适配度 \(theirs)，本人 \(mine)）。",
                 en: "\(position) went to \(who) (fit \(theirs); theirs against \(mine)).")
        case .vacancyTakenByDue(let position, let who, let theirs, let mine):
            Text(zh: "\(position)已安排\(who)：应轮岗人员优先安排（适配度 \(theirs)，本人 \(mine)）。",
                 en: "\(position) went to \(who): cadres due for rotation are placed first (fit \(theirs); theirs against \(mine)).")
        case .capBound(let position, let from, let to, let cap, let who, let count):
            Text(zh: "\(position)本可调任，但从\(from)调入\(to)已有\(count)人（\(who)），达到单位间人数上限\(cap)人（`max_per_unit_pair`）。",
                 en: "\(position) would suit them, but the moves from \(from) to \(to) already number \(count) (\(who)): the unit-pair cap of \(cap) (`max_per_unit_pair`).")
        case .vacancyLeftEmpty(let position):
            Text(zh: "\(position)本可调任且未达单位间人数上限，但本方案未证明最优，仍空缺。",
                 en: "\(position) would suit them within the unit-pair cap, but this plan is not proven optimal and leaves it empty.")
        case .tieKey(let key):
            switch key {
            case .evaluationGoodShare: Text(zh: "任期测评“好”票比例", en: "share of “good” in the term evaluation")
            case .excellentAssessments: Text(zh: "近三年年度考核优秀次数", en: "excellent annual assessments")
            case .monthsInLevel: Text(zh: "任现职级时间（月）", en: "months in the current level")
            case .cadreID: Text(zh: "人员编号顺序", en: "cadre id order")
            }
        case .level(let level):
            switch level {
            case .staff: Text(zh: "科员", en: "staff")
            case .deputy: Text(zh: "中层副职", en: "deputy chief")
            case .chief: Text(zh: "中层正职", en: "chief")
            }
        case .unknownCadre(let id, let nearest, let command):
            nearest.isEmpty
                ? Text(zh: "没有人员编号为“\(id)”的干部。列出全部干部：\(command)",
                       en: "No cadre \"\(id)\". To list every cadre: \(command)")
                : Text(zh: "没有人员编号为“\(id)”的干部；相近的编号：\(nearest)。列出全部干部：\(command)",
                       en: "No cadre \"\(id)\"; the nearest ids: \(nearest). To list every cadre: \(command)")
        case .unknownPosition(let id, let nearest, let command):
            nearest.isEmpty
                ? Text(zh: "没有职位代码为“\(id)”的职位。列出职位：\(command)", en: "No position \"\(id)\". To list the positions: \(command)")
                : Text(zh: "没有职位代码为“\(id)”的职位；相近的代码：\(nearest)。列出职位：\(command)",
                       en: "No position \"\(id)\"; the nearest codes: \(nearest). To list the positions: \(command)")
        }
    }
}
