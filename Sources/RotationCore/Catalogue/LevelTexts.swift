// SPDX-License-Identifier: GPL-3.0-or-later

/// The names of what `solve` optimizes and how sure it is: objective levels, their statuses, run
/// statuses. The one place these words live; the terminal, the report, explain and compare use them.
///
/// ```swift
/// LevelTexts.level(.shortlistScores)(.zh)   // 考察对象成绩合计
/// ```
public enum LevelTexts: CatalogueChapter {
    case level(ObjectiveLevelID)
    case levelStatus(LevelResult.Status)
    case runStatus(RunStatus)
    case phase(ObjectivePhase)

    public static let chapter = "levels"
    public static var examples: [LevelTexts] {
        ObjectiveLevelID.allCases.map(LevelTexts.level) + LevelResult.Status.allCases.map(LevelTexts.levelStatus)
            + RunStatus.allCases.map(LevelTexts.runStatus) + ObjectivePhase.allCases.map(LevelTexts.phase)
    }

    public var text: Text {
        switch self {
        case .level(let level):
            switch level {
            case .shortlistPositionsCompeted: Text(zh: "开展竞争上岗职位数", en: "positions competed")
            case .shortlistPreferencesMet: Text(zh: "志愿满足", en: "preferences met")
            case .shortlistScores: Text(zh: "考察对象成绩合计", en: "shortlisted candidates' scores")
            case .shortlistPersistence: Text(zh: "沿用基准方案的考察对象", en: "baseline shortlist pairs kept")
            case .positionsCompetedWithoutEnvy: Text(zh: "不设无嫉妒规则时可开展竞争上岗职位数", en: "positions competed without the no-envy rule")
            case .transferDuePlaced: Text(zh: "到期交流人员安排数", en: "rotation-due cadres placed")
            case .transferVacanciesFilled: Text(zh: "空缺职位补充数", en: "vacancies filled")
            case .transferFit: Text(zh: "组织调动适配度合计", en: "transfer fit")
            case .transferPersistence: Text(zh: "沿用基准方案的组织调动", en: "baseline transfer pairs kept")
            }
        case .levelStatus(let status):
            switch status {
            case .optimal: Text(zh: "最优", en: "optimal")
            case .withinGap: Text(zh: "在允许误差内", en: "within gap")
            case .timeLimit: Text(zh: "达到时间上限", en: "time limit")
            case .infeasible: Text(zh: "无解", en: "infeasible")
            case .trivial: Text(zh: "无需求解", en: "trivial")
            }
        case .runStatus(let status):
            switch status {
            case .optimal: Text(zh: "最优", en: "optimal")
            case .withinGap: Text(zh: "在允许误差内", en: "within the accepted gap")
            case .timeLimit: Text(zh: "达到时间上限（非最优）", en: "time limit reached (not proven optimal)")
            case .infeasible: Text(zh: "组织调动要求无法满足", en: "transfer requirement infeasible")
            }
        case .phase(let phase):
            switch phase {
            case .shortlist: Text(zh: "确定差额考察对象", en: "shortlists")
            case .priceOfFairness: Text(zh: "公平的代价", en: "price of fairness")
            case .transfer: Text(zh: "组织调动", en: "organizational transfer")
            }
        }
    }
}
