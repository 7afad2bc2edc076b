// SPDX-License-Identifier: GPL-3.0-or-later

/// What the printed committee documents (the report, the comparison) carry on every page.
///
/// ```swift
/// ReportTexts.pageOf("3", "5")(.zh)   // 第 3 页 共 5 页
/// ```
public enum ReportTexts: CatalogueChapter {
    /// The marking of an internal document (it lists cases under review, family abroad …).
    case marking
    /// Page numbering: the current page and the page count (as text: the printer fills them in).
    case pageOf(String, String)
    // `rotation show`: headings, columns and short values.
    case showTitle(String)
    case showShortlists, showWithdrawn, showPlacements, showCadres, showPositions
    case columnPositionID, columnPosition, columnProposed, columnRank, columnCandidate, columnCadreID, columnScore, columnReason
    case columnName, columnFrom, columnTo, columnWay, columnScoreOrFit, columnUnit, columnPost, columnLevel, columnOffered, columnOutcome
    case noShortlists, noWithdrawn, noPlacements, nothingMatches
    /// An outcome in the cadre list: proposed for a position.
    case outcomeProposed(String)
    /// An outcome: alternate (rank) on a position's list.
    case outcomeAlternate(Int, String)
    /// An outcome: placed by transfer.
    case outcomeTransfer(String)
    /// A position's outcome: filled by a cadre (name).
    case outcomeFilled(String)
    /// A position's outcome: filled by organizational transfer of a cadre (name).
    case outcomeFilledByTransfer(String)
    /// A position's outcome: withdrawn, rule.
    case outcomeWithdrawn(String)
    case outcomeOpen
    case outcomeNotOffered
    case outcomeAwaiting
    /// `--position` or `--unit` names nothing in the run: the option, the value.
    case unknownFilter(String, String)

    public static let chapter = "report"
    public static let examples: [ReportTexts] = [
        .marking, .pageOf("3", "5"), .showTitle("FH-2017"), .showShortlists, .showWithdrawn, .showPlacements, .showCadres, .showPositions,
        .columnPositionID, .columnPosition, .columnProposed, .columnRank, .columnCandidate, .columnCadreID, .columnScore, .columnReason,
        .columnName, .columnFrom, .columnTo, .columnWay, .columnScoreOrFit, .columnUnit, .columnPost, .columnLevel, .columnOffered,
        .columnOutcome, .noShortlists, .noWithdrawn, .noPlacements, .nothingMatches, .outcomeProposed("MZJ-03"), .outcomeAlternate(2, "MZJ-03"),
        .outcomeTransfer("ZJJ-02"), .outcomeFilled("FH015"), .outcomeFilledByTransfer("FH047"), .outcomeWithdrawn("C-MIN2"), .outcomeOpen, .outcomeNotOffered, .outcomeAwaiting,
        .unknownFilter("--unit", "XY1"),
    ]

    public var text: Text {
        switch self {
        case .marking: Text(zh: "内部资料 注意保密", en: "Internal document — confidential")
        case .pageOf(let page, let pages): Text(zh: "第 \(page) 页 共 \(pages) 页", en: "Page \(page) of \(pages)")
        case .showTitle(let name): Text(zh: "\(name)：结果一览", en: "\(name): results at a glance")
        case .showShortlists: Text(zh: "差额考察对象及拟任人选", en: "Shortlists and proposed appointees")
        case .showWithdrawn: Text(zh: "未开展竞争上岗的职位", en: "Positions withdrawn")
        case .showPlacements: Text(zh: "人员安排", en: "Placements")
        case .showCadres: Text(zh: "全部干部", en: "Every cadre")
        case .showPositions: Text(zh: "全部职位", en: "Every position")
        case .columnPositionID: Text(zh: "职位代码", en: "Code")
        case .columnPosition: Text(zh: "职位", en: "Position")
        case .columnProposed: Text(zh: "拟任人选", en: "Proposed")
        case .columnRank: Text(zh: "名次", en: "Rank")
        case .columnCandidate: Text(zh: "考察对象", en: "Shortlisted")
        case .columnCadreID: Text(zh: "人员编号", en: "Cadre id")
        case .columnScore: Text(zh: "成绩", en: "Score")
        case .columnReason: Text(zh: "原因", en: "Reason")
        case .columnName: Text(zh: "姓名", en: "Name")
        case .columnFrom: Text(zh: "现工作单位及职务", en: "Present unit and post")
        case .columnTo: Text(zh: "拟任单位及职务", en: "Proposed unit and post")
        case .columnWay: Text(zh: "方式", en: "By")
        case .columnScoreOrFit: Text(zh: "成绩／适配度", en: "Score / fit")
        case .columnUnit: Text(zh: "单位", en: "Unit")
        case .columnPost: Text(zh: "现任职务", en: "Present post")
        case .columnLevel: Text(zh: "职级", en: "Level")
        case .columnOffered: Text(zh: "推出", en: "Offered")
        case .columnOutcome: Text(zh: "结果", en: "Outcome")
        case .noShortlists: Text(zh: "没有差额名单。", en: "No shortlist.")
        case .noWithdrawn: Text(zh: "没有撤回的职位。", en: "No position was withdrawn.")
        case .noPlacements: Text(zh: "没有人员安排。", en: "No placement.")
        case .nothingMatches: Text(zh: "（无）", en: "(none)")
        case .outcomeProposed(let position): Text(zh: "拟任 \(position)", en: "proposed for \(position)")
        case .outcomeAlternate(let rank, let position): Text(zh: "\(position) 第\(rank)名（备选）", en: "alternate \(rank) for \(position)")
        case .outcomeTransfer(let position): Text(zh: "组织调动到 \(position)", en: "transferred to \(position)")
        case .outcomeFilled(let who): Text(zh: "拟任 \(who)", en: "to \(who)")
        case .outcomeFilledByTransfer(let who): Text(zh: "组织调动 \(who)", en: "transfer of \(who)")
        case .outcomeWithdrawn(let rule): Text(zh: "撤回（\(rule)）", en: "withdrawn (\(rule))")
        case .outcomeOpen: Text(zh: "空缺", en: "vacant")
        case .outcomeNotOffered: Text(zh: "未推出", en: "not offered")
        case .outcomeAwaiting: Text(zh: "等待面试", en: "awaiting interviews")
        case .unknownFilter(let option, let value):
            Text(zh: "运行结果中没有 `\(option) \(value)`", en: "the run has no `\(option) \(value)`")
        }
    }
}
