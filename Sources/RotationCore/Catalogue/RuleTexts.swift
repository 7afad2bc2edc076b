// SPDX-License-Identifier: GPL-3.0-or-later

/// The facts the rules state about a unit, a cadre or a position that no verdict carries:
/// why a cadre is due for rotation (R-DUE), each unit's quota rows (Q-*), the note of a short list
/// (C-RATIO), and why `place_all_due` cannot hold. They appear in the run folder, the report,
/// explain and compare.
///
/// ```swift
/// RuleTexts.dueSamePost(months: 89, limit: 72)(.zh)   // 任现职 89 个月，满 72 个月
/// ```
public enum RuleTexts: CatalogueChapter {
    // R-DUE
    case dueSamePost(months: Int, limit: Int)
    case dueSameSection(years: String, limit: Int)
    case dueMismatch
    case exempt(monthsToRetirement: Int, limit: Int)
    // Q-OFFER, Q-DISMISSED, Q-DUE
    case offerNoPosts
    case offerSmallUnit(posts: Int, threshold: Int, offered: Int, expected: Int)
    case offerLargeUnit(posts: Int, threshold: Int, offered: Int, minimum: Int)
    case dismissedNone
    case dismissedAllOffered([String])
    case dismissedNotOffered([String])
    case dueHeldNone
    /// (position, holder) pairs.
    case dueHeldAllOffered([String])
    case dueHeldNotOffered([String])
    // C-RATIO
    case shortList(passed: Int, ratio: Int)
    // Withdrawals (放弃) and the transfer phase not run
    /// The withdrawn applications, each "name (cadre) → position title (position)".
    case withdrawnApplications([String])
    case transferNotRunPreInterview
    case transferDisabled
    // place_all_due
    /// Hall: each due cadre with the vacancies open to them.
    case conflictHall(cadres: Int, vacancies: Int, sameLevelOnly: Bool, perCadre: [(cadre: String, vacancies: [String])])
    /// The unit-pair cap: the unit pairs ("D01→T02") with how many more each allows.
    case conflictUnitPairCap(cap: Int, pairs: [(pair: String, more: Int)], irreducible: Bool, largestSearch: Int)

    public static let chapter = "rules"
    public static let examples: [RuleTexts] = [
        .dueSamePost(months: 89, limit: 72), .dueSameSection(years: "9.5", limit: 9), .dueMismatch,
        .exempt(monthsToRetirement: 30, limit: 36),
        .offerNoPosts, .offerSmallUnit(posts: 6, threshold: 10, offered: 2, expected: 1),
        .offerLargeUnit(posts: 12, threshold: 10, offered: 0, minimum: 1),
        .dismissedNone, .dismissedAllOffered(["P01", "P02"]), .dismissedNotOffered(["P03"]),
        .dueHeldNone, .dueHeldAllOffered(["P01 (FH021)"]), .dueHeldNotOffered(["P02 (FH022)"]),
        .shortList(passed: 1, ratio: 2), .withdrawnApplications(["FH013 → ZJJ-02", "FH047 → CHZ-01"]),
        .transferNotRunPreInterview, .transferDisabled,
        .conflictHall(cadres: 2, vacancies: 1, sameLevelOnly: true, perCadre: [("FH028", ["P07"]), ("FH047", [])]),
        .conflictHall(cadres: 1, vacancies: 0, sameLevelOnly: false, perCadre: [("FH028", [])]),
        .conflictHall(cadres: 3, vacancies: 2, sameLevelOnly: true, perCadre: [("C01", ["P1", "P2"]), ("C02", ["P1"]), ("C03", ["P1", "P2"])]),
        .conflictUnitPairCap(cap: 1, pairs: [("D01→T02", 0)], irreducible: true, largestSearch: 60),
        .conflictUnitPairCap(cap: 1, pairs: [("D01→T02", 0), ("D03→T02", 1)], irreducible: false, largestSearch: 60),
    ]

    public var text: Text {
        switch self {
        case let .dueSamePost(months, limit):
            Text(zh: "任现职 \(months) 个月，满 \(limit) 个月", en: "\(months) months in the same post ≥ \(limit)")
        case let .dueSameSection(years, limit):
            Text(zh: "在同一科室任正副职 \(years) 年，满 \(limit) 年", en: "\(years) years as chief/deputy of the same section ≥ \(limit)")
        case .dueMismatch:
            Text(zh: "能岗不相适", en: "ability does not fit the post (能岗不相适)")
        case let .exempt(months, limit):
            Text(zh: "R-EXEMPT：距退休 \(months) 个月，不足 \(limit) 个月，可不交流", en: "R-EXEMPT: \(months) months to retirement < \(limit)")
        case .offerNoPosts:
            Text(zh: "无核定中层职数，无需核查", en: "no approved mid-level posts: nothing to check")
        case let .offerSmallUnit(posts, threshold, offered, expected):
            Text(zh: "核定中层职数 \(posts) 个（不超过 \(threshold) 个）：推出 \(offered) 个，原则上应推出 \(expected) 个",
                 en: "\(posts) approved posts (≤ \(threshold)): offers \(offered), \(expected) expected in principle")
        case let .offerLargeUnit(posts, threshold, offered, minimum):
            Text(zh: "核定中层职数 \(posts) 个（超过 \(threshold) 个）：推出 \(offered) 个，至少应推出 \(minimum) 个",
                 en: "\(posts) approved posts (> \(threshold)): offers \(offered), at least \(minimum) required")
        case .dismissedNone:
            Text(zh: "没有因免职腾出的职位", en: "no post vacated by dismissal")
        case .dismissedAllOffered(let list):
            Text(zh: "因免职腾出的职位均已推出：\(list.joined(separator: "、"))", en: "posts vacated by dismissal all offered: " + list.joined(separator: ", "))
        case .dismissedNotOffered(let list):
            Text(zh: "因免职腾出但未推出：\(list.joined(separator: "、"))", en: "vacated by dismissal but not offered: " + list.joined(separator: ", "))
        case .dueHeldNone:
            Text(zh: "没有由到期应交流人员担任的职位", en: "no post held by a cadre due for rotation")
        case .dueHeldAllOffered(let list):
            Text(zh: "到期应交流人员担任的职位均已推出：\(list.joined(separator: "、"))",
                 en: "posts held by cadres due for rotation all offered: " + list.joined(separator: ", "))
        case .dueHeldNotOffered(let list):
            Text(zh: "由到期应交流人员担任但未推出：\(list.joined(separator: "、"))",
                 en: "held by a cadre due for rotation, not offered: " + list.joined(separator: ", "))
        case let .shortList(passed, ratio):
            Text(zh: "C-RATIO 差额不足：面试合格 \(passed) 人，不足 1:\(ratio)", en: "C-RATIO short list: \(passed) passed < \(ratio)")
        case .withdrawnApplications(let list):
            Text(zh: "以下报名已放弃，不参加任何规则和模型：\(list.joined(separator: "；"))",
                 en: "These applications were withdrawn and take no part in any rule or model: \(list.joined(separator: "; "))")
        case .transferNotRunPreInterview:
            Text(zh: "面试前阶段：竞争上岗结束前不实施组织调动", en: "pre-interview stage: no transfer before the competition")
        case .transferDisabled:
            Text(zh: "scenario.yaml 未启用组织调动（`transfer.enabled`）", en: "transfer disabled in scenario.yaml")
        case let .conflictHall(cadres, vacancies, sameLevelOnly, perCadre):
            // Cadres with the same vacancies are listed together (at city scale, dozens share one list).
            Text(zh: "\(cadres) 名到期交流人员只能去 \(vacancies) 个空缺职位（\(sameLevelOnly ? "同职级" : "同职级或允许的晋升")，不回本单位，符合职位要求）："
                    + Self.grouped(perCadre).map { $0.cadres.joined(separator: "、") + " → " + ($0.vacancies.isEmpty ? "无可去的空缺职位" : $0.vacancies.joined(separator: "/")) }.joined(separator: "；"),
                 en: "\(cadres) rotation-due cadre\(cadres == 1 ? "" : "s") can only go to \(vacancies) vacanc\(vacancies == 1 ? "y" : "ies") (\(sameLevelOnly ? "same level" : "same level or an allowed promotion"), not their own unit, position requirements met): "
                    + Self.grouped(perCadre).map { $0.cadres.joined(separator: ", ") + " → " + ($0.vacancies.isEmpty ? "no eligible vacancy" : $0.vacancies.joined(separator: "/")) }.joined(separator: "; "))
        case let .conflictUnitPairCap(cap, pairs, irreducible, largest):
            Text(zh: "每名到期人员都有可去的空缺职位，但每对单位之间最多调动 \(cap) 人的限制使这些人员不能同时安排："
                    + pairs.map { "\($0.pair)（还可调动 \($0.more) 人）" }.joined(separator: "、")
                    + (irreducible ? "" : "（未证明为最小集合：时间上限结束了搜索，或到期人员超过 \(largest) 人，其中更少的人可能已经冲突）"),
                 en: "every due cadre has an eligible vacancy, but max_per_unit_pair \(cap) blocks placing all of these together: "
                    + pairs.map { "\($0.pair) (\($0.more) more allowed)" }.joined(separator: ", ")
                    + (irreducible ? "" : " (not proven irreducible: the run's time limit ended the search for a minimal set, "
                        + "or more than \(largest) cadres are due, so a smaller set of these cadres may already conflict)"))
        }
    }

    /// Cadres with the same vacancy list, in order of first appearance.
    ///
    /// ```swift
    /// RuleTexts.grouped([("C1", ["P1"]), ("C2", ["P2"]), ("C3", ["P1"])])
    /// // [(["C1", "C3"], ["P1"]), (["C2"], ["P2"])]
    /// ```
    /// - Complexity: O(n) lists hashed.
    static func grouped(_ perCadre: [(cadre: String, vacancies: [String])]) -> [(cadres: [String], vacancies: [String])] {
        var groups: [(cadres: [String], vacancies: [String])] = []
        var slot: [[String]: Int] = [:]
        for entry in perCadre {
            if let index = slot[entry.vacancies] {
                groups[index].cadres.append(entry.cadre)
            } else {
                slot[entry.vacancies] = groups.count
                groups.append(([entry.cadre], entry.vacancies))
            }
        }
        return groups
    }
}
