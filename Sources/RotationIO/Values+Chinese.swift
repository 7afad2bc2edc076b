// SPDX-License-Identifier: GPL-3.0-or-later
import RotationCore

/// The Chinese values accepted beside the codes of the contract, for the codes whose table is not
/// in ValueParsing.swift: the negative circumstances (负面情形) and the settings of scenario.yaml.
///
/// Every table lists the code first, then its Chinese names, the notice's wording first (the name
/// messages suggest and the template lists).
///
/// ```swift
/// Values.lookup("受处分", Values.flagNames)                 // .discipline
/// Values.list("跑官、拉票；正在立案审查", table: Values.flagNames) // ["跑官、拉票", "正在立案审查"]
/// ```
extension Values {
    /// The flags of cadres.csv `flags` (负面情形): the notice's words (二(三)1–7) and the short forms clerks write.
    public static let flagNames: [(CadreFlag, [String])] = [
        (.poorRecognition, ["poor_recognition", "工作表现较差，群众公认度不高", "工作表现较差", "群众公认度不高", "公认度不高"]),
        (.canvassing, ["canvassing", "跑官、拉票", "跑官要官", "跑官拉票", "跑官", "拉票", "跑官、拉票行为"]),
        (.familyAbroad, ["family_abroad", "配偶已移居国（境）外", "配偶已移居国外", "配偶已移居国(境)外", "配偶（子女）已移居国（境）外",
                         "子女均已移居国（境）外", "子女均已移居国外", "裸官"]),
        (.discipline, ["discipline", "受组织处理或党纪政纪处分影响使用", "受处分", "受组织处理", "党纪政纪处分", "受党纪政纪处分"]),
        (.underInvestigation, ["under_investigation", "正在立案审查", "立案审查"]),
        (.unsuitable, ["unsuitable", "其他原因不宜提拔", "不宜提拔"]),
        (.dismissedWorkStyle, ["dismissed_work_style", "因工作作风问题被免职", "作风问题免职", "因作风问题被免职"]),
        (.dismissedOther, ["dismissed_other", "因其他原因被免职", "其他原因免职"]),
        (.mismatch, ["mismatch", "能岗不相适", "能岗不相适应"]),
    ]

    /// scenario.yaml `mode`.
    public static let modeNames: [(Mode, [String])] = [
        (.competition, ["competition", "竞争上岗", "每人限报一个职位"]), (.preferences, ["preferences", "志愿", "按志愿"]),
    ]
    /// scenario.yaml `language`.
    public static let languageNames: [(Language, [String])] = [(.zh, ["zh", "中文"]), (.en, ["en", "英文", "English"])]
    /// scenario.yaml `rules.training`.
    public static let trainingPolicyNames: [(RuleSettings.TrainingPolicy, [String])] = [
        (.strict, ["strict", "严格"]), (.allowPending, ["allow_pending", "允许补训"]),
    ]
    /// scenario.yaml `rules.aggregate`.
    public static let aggregateNames: [(RuleSettings.Aggregate, [String])] = [
        (.trimmedMean, ["trimmed_mean", "去掉最高分和最低分", "去掉一个最高分和一个最低分"]), (.mean, ["mean", "平均", "算术平均"]),
    ]
    /// scenario.yaml `rules.short_shortlist`.
    public static let shortShortlistNames: [(RuleSettings.ShortShortlist, [String])] = [
        (.keep, ["keep", "保留"]), (.withdraw, ["withdraw", "撤销", "不开展竞争"]),
    ]
    /// scenario.yaml `rules.ties`.
    public static let tieKeyNames: [(RuleSettings.TieKey, [String])] = [
        (.evaluationGoodShare, ["evaluation_good_share", "测评好票率"]), (.excellentAssessments, ["excellent_assessments", "优秀次数"]),
        (.monthsInLevel, ["months_in_level", "任现职级时间"]), (.cadreID, ["cadre_id", "人员编号"]),
    ]

    /// Splits a list field into values of `table`: on `;` and `；`, and on `、` unless the `、` is
    /// part of one value's name (`跑官、拉票` is one flag; `跑官要官、受处分` two).
    ///
    /// - Complexity: O(n²) in the number of `、`-separated parts of one field (a handful).
    static func list<T>(_ text: String, table: [(T, [String])]) -> [String] {
        var values: [String] = []
        for field in text.split(whereSeparator: { ";；".contains($0) }) {
            let parts = field.split(separator: "、").map { String($0).trimmingSpaces }
            var start = 0
            while start < parts.count {
                // The longest run of parts that, joined by 、, is a known name; else the part alone.
                var end = parts.count
                while end > start + 1, lookup(parts[start..<end].joined(separator: "、"), table) == nil { end -= 1 }
                let value = parts[start..<end].joined(separator: "、")
                if !value.isEmpty { values.append(value) }
                start = end
            }
        }
        return values
    }
}
